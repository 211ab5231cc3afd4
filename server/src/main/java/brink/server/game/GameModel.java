package brink.server.game;

import brink.engine.Engine;
import brink.engine.GameState;
import brink.engine.TurnRecord;
import brink.engine.def.ActorDef;
import brink.engine.def.InjectDef;
import brink.engine.def.Scenario;
import brink.protocol.scenario.v1.OutcomeType;
import brink.protocol.v1.GameCreatedEntry;
import brink.protocol.v1.JournalEntry;
import brink.protocol.v1.Phase;
import brink.protocol.v1.Press;
import brink.server.session.Secrets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Everything one game is, as its executor keeps it: rebuilt entry by entry from the journal by
 * {@link EntryApplier}, whether live or on recovery. Only the game's executor reads or writes it.
 */
final class GameModel {
  final String gameId;
  final GameCreatedEntry created;
  final Scenario scenario;
  final brink.protocol.scenario.v1.Scenario scenarioProto;
  final long createdAt;
  /** Bot per actor for seats nobody submits for: CreateGame.bots over the scenario's default_bot. */
  final SortedMap<String, String> bots;

  /**
   * The scenario the engine runs the game under: the file's, with CreateGame.bots and the injects fired so
   * far ({@link brink.server.report.EffectiveScenario}); {@link #state} is under it.
   */
  brink.engine.def.Scenario effective;
  /** Every inject the instructor fired, in journal order (pending ones included). */
  final List<brink.protocol.v1.InjectEntry> injectEntries = new ArrayList<>();
  /** How many of {@link #injectEntries} {@link #effective} includes. */
  int injectsApplied;
  /** The orders each resolved turn was resolved with (to rebuild the state when an inject joins). */
  final List<brink.engine.Orders> ordersByTurn = new ArrayList<>();
  /** The engine state after the last resolved turn (turn 0 = the start). */
  GameState state;
  /** states.get(t): the engine state after turn t (0 = the start). */
  final List<GameState> states = new ArrayList<>();
  /** records.get(t - 1): what turn t did, unfiltered. */
  final List<TurnRecord> records = new ArrayList<>();
  /** The calendar days of each turn. */
  final Dates dates;
  /**
   * The scenario's texts as sent (names, briefings), made once per game: every view of every turn carries
   * them, and one shared message computes its encoded size once.
   */
  private final Map<brink.engine.def.Text, brink.protocol.scenario.v1.Text> texts = new HashMap<>();
  /** Escalation totals per turn as each viewer saw them, for the views (extended as turns resolve). */
  final SeenTotals seenTotals = new SeenTotals();
  /** Seats that defaulted per resolved turn: actor to bot ("" = waited). */
  final TreeMap<Integer, SortedMap<String, String>> defaulted = new TreeMap<>();
  /** Injects fired by the instructor, by the turn whose resolution they enter (pending ones included). */
  final TreeMap<Integer, List<InjectDef>> handInjects = new TreeMap<>();
  /** How many injects of its own the instructor has fired (names the next one). */
  int customInjects;
  /** The push of every resolved turn, oldest first (full views list their reports). */
  final List<Push.TurnResolved> turns = new ArrayList<>();

  Phase phase = Phase.LOBBY;
  /** As GameState.turn: the turn being played; 0 in LOBBY; in REPORT and ENDED the last resolved. */
  int turn;
  long deadline;
  boolean paused;
  long remaining;

  final TreeMap<String, Participant> participants = new TreeMap<>();
  int participantCounter;
  final TreeMap<String, Seat> seats = new TreeMap<>();
  final List<Press> messages = new ArrayList<>();

  OutcomeType outcome = OutcomeType.OUTCOME_UNSPECIFIED;
  int outcomeTurn;
  final List<brink.protocol.scenario.v1.Pair> outcomeDyads = new ArrayList<>();
  boolean endedByInstructor;

  /** The last seq given to a push of this game. */
  long seq;
  final PushLog log = new PushLog();
  /** Pushes made by the entries applied since the last delivery. */
  final List<Push> undelivered = new ArrayList<>();
  /** Every entry applied, oldest first (the after-action report reads them). */
  final EntryLog entries = new EntryLog();
  /**
   * The index in {@link #entries} of the first entry each participant's recent requests made, by request_id
   * (the last {@link RecentRequests#KEPT} per participant, as many as a session remembers answers): a request
   * retried after a restart is answered from there, not done again.
   */
  private final Map<String, RecentRequests> requests = new TreeMap<>();

  GameModel(String gameId, GameCreatedEntry created, Scenario scenario,
      brink.protocol.scenario.v1.Scenario scenarioProto, long createdAt) {
    this.gameId = gameId;
    this.created = created;
    this.scenario = scenario;
    this.scenarioProto = scenarioProto;
    this.createdAt = createdAt;
    this.dates = Dates.of(scenario);
    TreeMap<String, String> b = new TreeMap<>();
    for (ActorDef a : scenario.actors()) {
      b.put(a.id(), created.getBotsMap().getOrDefault(a.id(), a.defaultBot()));
      seats.put(a.id(), new Seat(a.id()));
    }
    this.bots = Collections.unmodifiableSortedMap(b);
    this.effective = brink.server.report.EffectiveScenario.of(scenario, created.getBotsMap(), List.of());
    this.state = Engine.initial(effective, created.getSeed());
    states.add(state);
  }

  /** A scenario text as sent, the same message each time (see {@link #texts}). */
  brink.protocol.scenario.v1.Text text(brink.engine.def.Text t) {
    return texts.computeIfAbsent(t, brink.server.view.Protos::text);
  }

  /**
   * Remembers that request {@code requestId} of a participant made the entry at {@code index} of {@link
   * #entries} (its first entry only).
   */
  void requestMade(String participantId, long requestId, int index) {
    requests.computeIfAbsent(participantId, k -> new RecentRequests()).putIfAbsent(requestId, index);
  }

  /** The first entry a participant's request made, if the game has journaled it. */
  Optional<JournalEntry> requestEntry(String participantId, long requestId) {
    RecentRequests made = requests.get(participantId);
    int index = made == null ? -1 : made.get(requestId);
    return index < 0 ? Optional.empty() : Optional.of(entries.get(index));
  }

  /** The turn whose resolution comes next (orders and injects are for it). */
  int nextResolutionTurn() {
    return state.turn() + 1;
  }

  boolean ended() {
    return phase == Phase.ENDED;
  }

  Optional<Participant> participant(String id) {
    return Optional.ofNullable(participants.get(id));
  }

  /** The participant whose session token has this hash. */
  Optional<Participant> participantByToken(byte[] tokenHash) {
    Participant found = null;
    for (Participant p : participants.values()) {
      // Every hash is compared, so the time taken does not say which participant matched.
      if (Secrets.matches(p.tokenHash, tokenHash)) {
        found = p;
      }
    }
    return Optional.ofNullable(found);
  }

  List<Participant> members(String actor) {
    List<Participant> out = new ArrayList<>();
    for (Participant p : participants.values()) {
      if (p.isPlayerOf(actor)) {
        out.add(p);
      }
    }
    return out;
  }

  /** True when the seat of {@code actor} has a player. */
  boolean hasMembers(String actor) {
    Seat seat = seats.get(actor);
    return seat != null && seat.players > 0;
  }

  /** Seats with at least one member. */
  int seatsTaken() {
    int n = 0;
    for (Seat s : seats.values()) {
      if (s.players > 0) {
        n++;
      }
    }
    return n;
  }

  int connectedCount() {
    int n = 0;
    for (Participant p : participants.values()) {
      if (p.connected()) {
        n++;
      }
    }
    return n;
  }

  /** True when every seat with players but {@code actor}'s is ready (and {@code actor}'s has players). */
  boolean allSeatsReadyBut(String actor) {
    for (Seat s : seats.values()) {
      if (!s.ready && s.players > 0 && !s.actor.equals(actor)) {
        return false;
      }
    }
    return hasMembers(actor);
  }

  /** True when every seat with a member is ready, and at least one seat has a member. */
  boolean allSeatsReady() {
    boolean any = false;
    for (Seat s : seats.values()) {
      if (s.players > 0) {
        any = true;
        if (!s.ready) {
          return false;
        }
      }
    }
    return any;
  }

  /** The scenario's inject of this id, if any. */
  Optional<InjectDef> scriptedInject(String id) {
    for (InjectDef i : scenario.injects()) {
      if (i.id().equals(id)) {
        return Optional.of(i);
      }
    }
    return Optional.empty();
  }

  Optional<brink.protocol.scenario.v1.Inject> scriptedInjectProto(String id) {
    for (brink.protocol.scenario.v1.Inject i : scenarioProto.getInjectList()) {
      if (i.getId().equals(id)) {
        return Optional.of(i);
      }
    }
    return Optional.empty();
  }

  /** Every inject of the game by id: the scenario's and the instructor's own. */
  Map<String, InjectDef> allInjects() {
    TreeMap<String, InjectDef> out = new TreeMap<>();
    for (InjectDef i : scenario.injects()) {
      out.put(i.id(), i);
    }
    for (List<InjectDef> l : handInjects.values()) {
      for (InjectDef i : l) {
        out.put(i.id(), i);
      }
    }
    return out;
  }

  /** The label of the game list. */
  String label() {
    return created.getLabel().isEmpty() ? scenario.title().en() : created.getLabel();
  }

  Push nextPush(java.util.function.LongFunction<Push> make) {
    seq++;
    Push p = make.apply(seq);
    log.add(p);
    undelivered.add(p);
    return p;
  }
}
