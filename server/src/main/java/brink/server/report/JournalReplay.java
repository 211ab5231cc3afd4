package brink.server.report;

import brink.engine.BotPlayer;
import brink.engine.DefaultBots;
import brink.engine.Engine;
import brink.engine.GameState;
import brink.engine.Orders;
import brink.engine.TurnResult;
import brink.engine.def.InjectDef;
import brink.engine.def.Move;
import brink.engine.def.Scenario;
import brink.protocol.v1.DefaultedSeat;
import brink.protocol.v1.GameCreatedEntry;
import brink.protocol.v1.InjectEntry;
import brink.protocol.v1.InstructorAction;
import brink.protocol.v1.InstructorActionEntry;
import brink.protocol.v1.JournalEntry;
import brink.protocol.v1.MessageEntry;
import brink.protocol.v1.OrdersEntry;
import brink.protocol.v1.Phase;
import brink.protocol.v1.ReplayIssue;
import brink.protocol.v1.ReplayIssueKind;
import brink.protocol.v1.SeatChangedEntry;
import brink.protocol.v1.TurnResolvedEntry;
import brink.scenario.ScenarioConverter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Replays one game's journal through the engine: the game is rebuilt from its {@code game_created} entry,
 * each {@code turn_resolved} entry is resolved again from the orders journaled for that turn (a seat's last
 * orders before the turn resolved win; seats without orders are played by their bot, which the journal
 * names per actor or the scenario gives) under the {@link EffectiveScenario} with the instructor's injects
 * fired so far, and the result is compared with the entry. Disagreements are collected as
 * {@link ReplayIssue}s, never thrown: a report must come out of any journal.
 *
 * <p>Pure: no clocks, files or threads; the same journal gives the same result.
 */
public final class JournalReplay {
  /**
   * One resolved turn.
   *
   * @param before the state the turn started from
   * @param orders the orders it was resolved with (seats absent were defaulted)
   * @param botMoves the moves each defaulted seat's bot returned (before validation)
   * @param result the engine's result
   * @param journaled the journal's entry for the turn
   * @param scenario the effective scenario the turn was resolved under
   */
  public record Turn(
      GameState before,
      Orders orders,
      SortedMap<String, List<Move>> botMoves,
      TurnResult result,
      TurnResolvedEntry journaled,
      Scenario scenario) {
    public Turn {
      botMoves = Collections.unmodifiableSortedMap(new TreeMap<>(botMoves));
    }

    public int turn() {
      return result.record().turn();
    }
  }

  /** An instructor's inject as journaled, with the id it has in the effective scenario. */
  public record Inject(InjectEntry entry, InjectDef def, boolean scripted) {}

  /**
   * What the replay found.
   *
   * @param gameId the game id of the entries ("" when there are none)
   * @param created the first {@code game_created} entry, or null when the journal has none
   * @param scenario the effective scenario of the last turn (the base one when nothing was replayed)
   * @param initial the state at turn 0 (under the base scenario and the journal's bots), or null
   * @param turns the turns replayed, oldest first
   * @param last the state after the last replayed turn (the initial state when none), or null
   * @param injects the instructor's injects the replay accepted, in journal order
   * @param messages every message entry, in journal order
   * @param messageTimes recorded_at of each message, same order
   * @param seatChanges every seat change, in journal order
   * @param actions every instructor action entry, in journal order
   * @param actionTimes recorded_at of each action, same order
   * @param ended the journal says the game ended (phase ENDED or the instructor's END)
   * @param endedByInstructor the instructor ended it (ACTION_END)
   * @param issues every disagreement, oldest first
   */
  public record Result(
      String gameId,
      GameCreatedEntry created,
      Scenario scenario,
      GameState initial,
      List<Turn> turns,
      GameState last,
      List<Inject> injects,
      List<MessageEntry> messages,
      List<Long> messageTimes,
      List<SeatChangedEntry> seatChanges,
      List<InstructorActionEntry> actions,
      List<Long> actionTimes,
      boolean ended,
      boolean endedByInstructor,
      List<ReplayIssue> issues) {
    public Result {
      turns = List.copyOf(turns);
      injects = List.copyOf(injects);
      messages = List.copyOf(messages);
      messageTimes = List.copyOf(messageTimes);
      seatChanges = List.copyOf(seatChanges);
      actions = List.copyOf(actions);
      actionTimes = List.copyOf(actionTimes);
      issues = List.copyOf(issues);
    }

    /** True when every journaled turn was replayed and nothing disagreed. */
    public boolean verified() {
      return created != null && issues.isEmpty();
    }
  }

  private final Scenario base;
  private final BotPlayer bots;
  private String gameId = "";
  private GameCreatedEntry created;
  private Map<String, String> botOverrides = Map.of();
  private Scenario scenario;
  private GameState initial;
  private GameState state;
  private boolean failed;
  private boolean missingCreatedReported;
  private int injectsApplied;
  private final List<Turn> turns = new ArrayList<>();
  private final TreeMap<Integer, TreeMap<String, OrdersEntry>> pendingOrders = new TreeMap<>();
  private final List<Inject> injects = new ArrayList<>();
  private final List<MessageEntry> messages = new ArrayList<>();
  private final List<Long> messageTimes = new ArrayList<>();
  private final List<SeatChangedEntry> seatChanges = new ArrayList<>();
  private final List<InstructorActionEntry> actions = new ArrayList<>();
  private final List<Long> actionTimes = new ArrayList<>();
  private boolean ended;
  private boolean endedByInstructor;
  private final List<ReplayIssue> issues = new ArrayList<>();

  private JournalReplay(Scenario base, BotPlayer bots) {
    this.base = base;
    this.bots = bots;
  }

  /** Replays with the engine's {@link DefaultBots}. */
  public static Result run(Scenario base, List<JournalEntry> entries) {
    return run(base, entries, DefaultBots.INSTANCE);
  }

  /**
   * @param base the game's scenario as converted from its file (the journal's {@code scenario_text})
   * @param entries one game's entries, in journal order
   * @param bots plays the seats that submitted nothing
   */
  public static Result run(Scenario base, List<JournalEntry> entries, BotPlayer bots) {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(entries, "entries");
    Objects.requireNonNull(bots, "bots");
    JournalReplay r = new JournalReplay(base, bots);
    for (JournalEntry e : entries) {
      r.accept(e);
    }
    return new Result(r.gameId, r.created, r.scenario == null ? base : r.scenario, r.initial, r.turns,
        r.state, r.injects, r.messages, r.messageTimes, r.seatChanges, r.actions, r.actionTimes, r.ended,
        r.endedByInstructor, r.issues);
  }

  private void accept(JournalEntry e) {
    if (gameId.isEmpty()) {
      gameId = e.getGameId();
    } else if (!e.getGameId().isEmpty() && !e.getGameId().equals(gameId)) {
      issue(0, ReplayIssueKind.REPLAY_JOURNAL_INCONSISTENT, gameId, e.getGameId(),
          "An entry of game " + e.getGameId() + " is in the journal of game " + gameId + "; it was ignored.");
      return;
    }
    switch (e.getEntryCase()) {
      case GAME_CREATED:
        gameCreated(e.getGameCreated());
        break;
      case ORDERS:
        orders(e.getOrders());
        break;
      case INJECT:
        inject(e.getInject());
        break;
      case MESSAGE:
        messages.add(e.getMessage());
        messageTimes.add(e.getRecordedAtEpochMillis());
        break;
      case SEAT_CHANGED:
        seatChanges.add(e.getSeatChanged());
        break;
      case INSTRUCTOR_ACTION:
        actions.add(e.getInstructorAction());
        actionTimes.add(e.getRecordedAtEpochMillis());
        if (e.getInstructorAction().getAction() == InstructorAction.ACTION_END) {
          ended = true;
          endedByInstructor = true;
        }
        break;
      case PHASE_CHANGED:
        if (e.getPhaseChanged().getPhase() == Phase.ENDED) {
          ended = true;
        }
        break;
      case READY:
        break;
      case TURN_RESOLVED:
        turnResolved(e.getTurnResolved());
        break;
      default:
        issue(0, ReplayIssueKind.REPLAY_JOURNAL_INCONSISTENT, "", "",
            "A journal entry has no content (written by a newer server?); it was ignored.");
        break;
    }
  }

  private void gameCreated(GameCreatedEntry c) {
    if (created != null) {
      issue(0, ReplayIssueKind.REPLAY_JOURNAL_INCONSISTENT, "", "",
          "The journal creates the game twice; the second game_created entry was ignored.");
      return;
    }
    created = c;
    if (!c.getScenarioId().equals(base.id())) {
      issue(0, ReplayIssueKind.REPLAY_JOURNAL_INCONSISTENT, c.getScenarioId(), base.id(),
          "The journal was created from scenario '" + c.getScenarioId() + "' but the report replays '"
              + base.id() + "'.");
    }
    botOverrides = new TreeMap<>(c.getBotsMap());
    try {
      scenario = EffectiveScenario.of(base, botOverrides, List.of());
      initial = Engine.initial(scenario, c.getSeed());
      state = initial;
    } catch (RuntimeException ex) {
      fail(0, "The game could not be started from its scenario: " + ex.getMessage());
    }
  }

  private void orders(OrdersEntry o) {
    if (state != null && o.getTurn() <= state.turn()) {
      issue(o.getTurn(), ReplayIssueKind.REPLAY_JOURNAL_INCONSISTENT, "", "",
          "Orders of " + o.getActor() + " for turn " + o.getTurn() + " came after that turn resolved; ignored.");
      return;
    }
    pendingOrders.computeIfAbsent(o.getTurn(), t -> new TreeMap<>()).put(o.getActor(), o);
  }

  private void inject(InjectEntry i) {
    int resolved = state == null ? 0 : state.turn();
    if (i.getTurn() <= resolved) {
      issue(i.getTurn(), ReplayIssueKind.REPLAY_JOURNAL_INCONSISTENT, "", "",
          "An inject for turn " + i.getTurn() + " came after that turn resolved; ignored.");
      return;
    }
    switch (i.getSourceCase()) {
      case SCRIPTED_ID:
        String id = i.getScriptedId();
        boolean known = base.injects().stream().anyMatch(d -> d.id().equals(id));
        boolean again = injects.stream().anyMatch(x -> x.scripted() && x.entry().getScriptedId().equals(id));
        if (!known) {
          issue(i.getTurn(), ReplayIssueKind.REPLAY_JOURNAL_INCONSISTENT, id, "",
              "The instructor fired inject '" + id + "', which the scenario does not have; ignored.");
          return;
        }
        if (again || (state != null && state.injectFired(id))) {
          issue(i.getTurn(), ReplayIssueKind.REPLAY_JOURNAL_INCONSISTENT, id, "",
              "The instructor fired inject '" + id + "', which had already fired; ignored.");
          return;
        }
        break;
      case CUSTOM:
        break;
      default:
        issue(i.getTurn(), ReplayIssueKind.REPLAY_JOURNAL_INCONSISTENT, "", "",
            "An inject entry names no inject; ignored.");
        return;
    }
    List<InjectEntry> entries = new ArrayList<>();
    for (Inject x : injects) {
      entries.add(x.entry());
    }
    entries.add(i);
    Scenario withIt = EffectiveScenario.of(base, botOverrides, entries);
    // The new inject is the scripted one of that id, or the last custom one.
    InjectDef def;
    if (i.getSourceCase() == InjectEntry.SourceCase.SCRIPTED_ID) {
      def = withIt.injects().stream().filter(d -> d.id().equals(i.getScriptedId())).findFirst().orElseThrow();
    } else {
      def = withIt.injects().get(withIt.injects().size() - 1);
    }
    injects.add(new Inject(i, def, i.getSourceCase() == InjectEntry.SourceCase.SCRIPTED_ID));
  }

  private void turnResolved(TurnResolvedEntry r) {
    if (failed) {
      return;
    }
    if (state == null) {
      if (!missingCreatedReported) {
        missingCreatedReported = true;
        issue(r.getTurn(), ReplayIssueKind.REPLAY_JOURNAL_INCONSISTENT, "", "",
            "The journal resolves turns before any game_created entry; they cannot be replayed.");
      }
      return;
    }
    int turn = state.turn() + 1;
    if (r.getTurn() != turn) {
      issue(r.getTurn(), ReplayIssueKind.REPLAY_JOURNAL_INCONSISTENT, String.valueOf(r.getTurn()),
          String.valueOf(turn), "The journal resolves turn " + r.getTurn() + " when turn " + turn
              + " was next; that entry was ignored.");
      return;
    }
    if (state.isOver()) {
      issue(r.getTurn(), ReplayIssueKind.REPLAY_JOURNAL_INCONSISTENT, "", state.outcome().name(),
          "The journal resolves turn " + turn + " after the game ended with " + state.outcome() + "; ignored.");
      return;
    }
    Orders orders;
    try {
      orders = ordersFor(turn);
    } catch (IllegalArgumentException ex) {
      fail(turn, "Turn " + turn + "'s orders cannot be read: " + ex.getMessage());
      return;
    }
    RecordingBots recording = new RecordingBots(bots);
    TurnResult result;
    GameState before;
    try {
      if (injectsApplied < injects.size()) {
        rebuild();
      }
      before = state;
      result = Engine.resolve(before, orders, recording);
    } catch (RuntimeException ex) {
      fail(turn, "Turn " + turn + " could not be replayed: " + ex.getMessage());
      return;
    }
    compare(turn, r, result);
    turns.add(new Turn(before, orders, recording.played, result, r, scenario));
    state = result.next();
  }

  /**
   * The scenario gained injects: the state is rebuilt under it by resolving the past turns again with the
   * orders they were resolved with (as the live server's {@code Resolver.replay} does).
   */
  private void rebuild() {
    List<InjectEntry> entries = new ArrayList<>();
    for (Inject x : injects) {
      entries.add(x.entry());
    }
    scenario = EffectiveScenario.of(base, botOverrides, entries);
    GameState s = Engine.initial(scenario, created.getSeed());
    for (Turn t : turns) {
      s = Engine.resolve(s, t.orders(), bots).next();
    }
    state = s;
    injectsApplied = injects.size();
  }

  private Orders ordersFor(int turn) {
    Orders.Builder b = Orders.builder();
    for (OrdersEntry o : pendingOrders.getOrDefault(turn, new TreeMap<>()).values()) {
      List<Move> moves = new ArrayList<>();
      if (!o.getWait()) {
        for (brink.protocol.scenario.v1.Move m : o.getMovesList()) {
          moves.add(ScenarioConverter.move(m));
        }
      }
      b.submit(o.getActor(), moves);
    }
    pendingOrders.remove(turn);
    return b.build();
  }

  private void compare(int turn, TurnResolvedEntry r, TurnResult result) {
    String journalDigest = HexFormat.of().formatHex(r.getStateDigest().toByteArray());
    String replayDigest = result.record().stateDigest();
    if (!journalDigest.equals(replayDigest)) {
      issue(turn, ReplayIssueKind.REPLAY_DIGEST_MISMATCH, journalDigest, replayDigest,
          "Turn " + turn + " replays to a different state than the one journaled: the game cannot be trusted "
              + "to replay exactly from this turn on.");
    }
    String journalOutcome = r.getOutcome().name();
    String replayOutcome = ProtoMapping.outcome(result.record().outcome()).name();
    if (!journalOutcome.equals(replayOutcome)) {
      issue(turn, ReplayIssueKind.REPLAY_OUTCOME_MISMATCH, journalOutcome, replayOutcome,
          "Turn " + turn + " ended with " + journalOutcome + " in the journal but " + replayOutcome
              + " in the replay.");
    }
    TreeMap<String, String> journalDefaulted = new TreeMap<>();
    for (DefaultedSeat d : r.getDefaultedList()) {
      journalDefaulted.put(d.getActor(), d.getBot());
    }
    TreeMap<String, String> replayDefaulted = new TreeMap<>();
    result.record().defaulted().forEach((actor, bot) -> replayDefaulted.put(actor, botName(bot)));
    if (!journalDefaulted.equals(replayDefaulted)) {
      issue(turn, ReplayIssueKind.REPLAY_DEFAULTED_MISMATCH, journalDefaulted.toString(),
          replayDefaulted.toString(), "The seats played by bots in turn " + turn + " differ between the journal "
              + "and the replay.");
    }
    Set<String> scripted = new HashSet<>();
    base.injects().forEach(d -> scripted.add(d.id()));
    List<String> replayFired = new ArrayList<>();
    for (String id : result.record().injectsFired()) {
      if (scripted.contains(id)) {
        replayFired.add(id);
      }
    }
    List<String> journalFired = new ArrayList<>(r.getFiredInjectsList());
    Collections.sort(replayFired);
    Collections.sort(journalFired);
    if (!journalFired.equals(replayFired)) {
      issue(turn, ReplayIssueKind.REPLAY_INJECTS_MISMATCH, String.join(",", journalFired),
          String.join(",", replayFired), "The scripted injects fired in turn " + turn + " differ between the "
              + "journal and the replay.");
    }
  }

  /** The engine says "silent" for a seat that waited because silent seats wait; the protocol says "". */
  static String botName(String engineBot) {
    return "silent".equals(engineBot) ? "" : engineBot;
  }

  private void fail(int turn, String message) {
    failed = true;
    issue(turn, ReplayIssueKind.REPLAY_FAILED, "", "", message + " Later turns are not replayed.");
  }

  private void issue(int turn, ReplayIssueKind kind, String journal, String replay, String message) {
    issues.add(ReplayIssue.newBuilder()
        .setTurn(turn)
        .setKind(kind)
        .setJournal(journal)
        .setReplay(replay)
        .setMessage(message)
        .build());
  }

  /** Passes each defaulted seat to the real bots and keeps what they returned. */
  private static final class RecordingBots implements BotPlayer {
    private final BotPlayer delegate;
    private final TreeMap<String, List<Move>> played = new TreeMap<>();

    RecordingBots(BotPlayer delegate) {
      this.delegate = delegate;
    }

    @Override
    public List<Move> play(GameState s, String actor, String botName) {
      List<Move> moves = List.copyOf(delegate.play(s, actor, botName));
      played.put(actor, moves);
      return moves;
    }
  }
}
