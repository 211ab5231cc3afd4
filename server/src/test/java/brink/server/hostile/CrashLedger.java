package brink.server.hostile;

import brink.protocol.scenario.v1.Move;
import brink.protocol.scenario.v1.MoveType;
import brink.protocol.v1.ClientMessage;
import brink.protocol.v1.InstructorAction;
import brink.protocol.v1.JournalEntry;
import brink.protocol.v1.Phase;
import brink.protocol.v1.SeatChange;
import brink.protocol.v1.ServerMessage;
import brink.server.testkit.TestClient;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What the crash test's clients sent and what became of each request, and what that allows the server to
 * hold after a crash. A request is ACKED (its answer arrived and was not an error), REFUSED (an Error
 * arrived) or UNKNOWN (the server died before the answer reached the client): an acknowledged request must
 * survive, a refused one must leave no trace, an unknown one may have happened, once.
 */
final class CrashLedger {
  private CrashLedger() {}

  enum Status { UNKNOWN, ACKED, REFUSED }

  /** What a request was; OTHER for those that journal nothing (GetState, ResumeSession). */
  enum Kind { OTHER, JOIN, START, ORDERS, READY, MESSAGE, PAUSE, RESUME, FORCE, CONTINUE, INJECT }

  /**
   * One request. {@code key} names the journal entry it makes (so that the journal can be matched against
   * what was sent): unique per client for messages and injects (their text is), and per client and turn
   * for orders (each submission of a turn has other moves).
   */
  static final class Sent {
    final long id;
    final Kind kind;
    final int turn;
    final String key;
    final ClientMessage message;
    volatile Status status = Status.UNKNOWN;
    volatile ServerMessage answer;

    Sent(long id, Kind kind, int turn, String key, ClientMessage message) {
      this.id = id;
      this.kind = kind;
      this.turn = turn;
      this.key = key;
      this.message = message;
    }

    void answered(ServerMessage m) {
      answer = m;
      status = m.hasError() ? Status.REFUSED : Status.ACKED;
    }

    @Override
    public String toString() {
      return "#" + id + " " + key + " " + status + (answer != null && answer.hasError()
          ? " (" + answer.getError().getCode() + ": " + answer.getError().getMessage() + ")" : "");
    }
  }

  /** A person at the table: one seat (or the instructor's chair), one session, one connection at a time. */
  static final class Member {
    final String name;
    final String actor;
    final boolean mayReady;
    String token;
    String participantId;
    TestClient conn;
    long lastSeq;
    long nextId = 1;
    int made;
    /** Every request ever sent, in order (all rounds). */
    final List<Sent> sent = new ArrayList<>();
    /** Requests sent since the last check: what the next check must account for. */
    final List<Sent> pending = new ArrayList<>();
    /** Orders and readiness as last checked, and for which turn. */
    int settledTurn = -1;
    Optional<String> settledOrders = Optional.empty();
    boolean settledReady;
    /** Distinct submissions made for the current belief turn. */
    int ordersThisTurn;
    int ordersTurn;
    /** What the member believes while it pipelines (it toggles pause and readiness without waiting). */
    boolean believedPaused;
    boolean believedReady;

    Member(String name, String actor, boolean mayReady) {
      this.name = name;
      this.actor = actor;
      this.mayReady = mayReady;
    }

    boolean instructor() {
      return actor.isEmpty();
    }

    synchronized Sent record(Kind kind, int turn, String key, ClientMessage.Builder b) {
      Sent s = new Sent(nextId++, kind, turn, key, b.setRequestId(0).build());
      sent.add(s);
      pending.add(s);
      return s;
    }

    @Override
    public String toString() {
      return name + (instructor() ? " (instructor)" : " (" + actor + ")");
    }
  }

  /** One game: its people, and its phase as last checked. */
  static final class Table {
    final String label;
    /** The game's orders phase in seconds (0: no deadline). */
    int ordersSeconds;
    String gameId;
    Member instructor;
    final List<Member> players = new ArrayList<>();
    Phase phase = Phase.LOBBY;
    int turn;
    boolean paused;
    long deadline;
    long remaining;
    /** Message texts found in the game at the last check. */
    final Set<String> messages = new HashSet<>();

    Table(String label) {
      this.label = label;
    }

    List<Member> everyone() {
      List<Member> all = new ArrayList<>();
      all.add(instructor);
      all.addAll(players);
      return all;
    }

    boolean open() {
      return phase != Phase.ENDED;
    }
  }

  // ------------------------------------------------------------------ keys

  static String ordersKey(int turn, List<Move> moves) {
    return "orders|" + turn + "|" + moves.stream().map(m -> m.getType() + ">" + m.getTarget())
        .collect(Collectors.joining(","));
  }

  static String messageKey(String text) {
    return "message|" + text;
  }

  /** The key of a journal entry a client's request made, or empty for entries no request of ours makes. */
  static Optional<String> keyOf(JournalEntry e) {
    switch (e.getEntryCase()) {
      case ORDERS:
        return Optional.of(ordersKey(e.getOrders().getTurn(), e.getOrders().getMovesList()));
      case READY:
        return Optional.of("ready|" + e.getReady().getTurn() + "|" + e.getReady().getReady());
      case MESSAGE:
        return Optional.of(messageKey(e.getMessage().getText()));
      case INJECT:
        return Optional.of("inject|" + (e.getInject().hasCustom() ? e.getInject().getCustom().getHeadline().getEn()
            : e.getInject().getScriptedId()));
      case SEAT_CHANGED:
        return e.getSeatChanged().getChange() == SeatChange.SEAT_CHANGE_JOINED ? Optional.of("join")
            : Optional.empty();
      case INSTRUCTOR_ACTION: {
        InstructorAction a = e.getInstructorAction().getAction();
        int t = e.getInstructorAction().getTurn();
        switch (a) {
          case ACTION_START:
            return Optional.of("start");
          case ACTION_PAUSE:
            return Optional.of("pause");
          case ACTION_RESUME:
            return Optional.of("resume");
          case ACTION_FORCE_RESOLVE:
            return Optional.of("force|" + t);
          case ACTION_CONTINUE:
            return Optional.of("continue|" + t);
          default:
            return Optional.empty();
        }
      }
      default:
        return Optional.empty();
    }
  }

  /** The participant an entry belongs to (who made it), or empty. */
  static Optional<String> participantOf(JournalEntry e) {
    switch (e.getEntryCase()) {
      case ORDERS:
        return Optional.of(e.getOrders().getParticipantId());
      case READY:
        return Optional.of(e.getReady().getParticipantId());
      case MESSAGE:
        return Optional.of(e.getMessage().getFromParticipantId());
      case INJECT:
        return Optional.of(e.getInject().getByParticipantId());
      case SEAT_CHANGED:
        return Optional.of(e.getSeatChanged().getParticipantId());
      case INSTRUCTOR_ACTION:
        return Optional.of(e.getInstructorAction().getByParticipantId());
      default:
        return Optional.empty();
    }
  }

  /**
   * Whether {@code journal} (the keys of one client's entries, in journal order) is what {@code sent} allows:
   * every ACKED request present (but a SetReady that changed nothing journals nothing), no REFUSED one, UNKNOWN ones at most once, all in the order sent, and
   * nothing else. Returns the first problem, or empty.
   */
  static Optional<String> matches(List<String> journal, List<Sent> sent) {
    List<Sent> journaled = sent.stream().filter(s -> !s.key.isEmpty()).toList();
    int n = journaled.size();
    int k = journal.size();
    // can[i][j]: journal[j..] can be matched by journaled[i..].
    boolean[][] can = new boolean[n + 1][k + 1];
    can[n][k] = true;
    for (int i = n - 1; i >= 0; i--) {
      Sent s = journaled.get(i);
      for (int j = k; j >= 0; j--) {
        // SetReady to the value the seat already has is acknowledged without a journal entry.
        boolean skip = (s.status != Status.ACKED || s.kind == Kind.READY) && can[i + 1][j];
        boolean take = s.status != Status.REFUSED && j < k && journal.get(j).equals(s.key) && can[i + 1][j + 1];
        can[i][j] = skip || take;
      }
    }
    if (can[0][0]) {
      return Optional.empty();
    }
    Map<String, Long> counts = new TreeMap<>(journal.stream().collect(Collectors.groupingBy(x -> x,
        Collectors.counting())));
    Set<String> acked = new LinkedHashSet<>();
    for (Sent s : journaled) {
      if (s.status == Status.ACKED && !journal.contains(s.key)) {
        acked.add(s.toString());
      }
    }
    return Optional.of("the journal does not match the requests: acknowledged but missing " + acked
        + "; journal keys with counts " + counts + "; requests " + journaled);
  }

  /** Moves an actor may address (it has a dyad with each target in eastern-flank-2022). */
  static List<List<Move>> combos(String actor) {
    Map<String, List<String>> targets = Map.of("rus", List.of("ukr", "usa", "nato"), "ukr", List.of("rus", "blr"),
        "usa", List.of("rus"), "nato", List.of("rus"), "blr", List.of("ukr"));
    List<MoveType> types = List.of(MoveType.STATEMENT_REASSURE, MoveType.HOTLINE_CALL, MoveType.CRITICIZE,
        MoveType.PROPOSE_TALKS, MoveType.DEMAND_WITHDRAWAL);
    List<Move> singles = new ArrayList<>();
    for (String t : targets.get(actor)) {
      for (MoveType type : types) {
        singles.add(Move.newBuilder().setType(type).setTarget(t).build());
      }
    }
    List<List<Move>> out = new ArrayList<>();
    for (Move m : singles) {
      out.add(List.of(m));
    }
    for (int i = 0; i < singles.size(); i++) {
      for (int j = i + 1; j < singles.size(); j++) {
        out.add(List.of(singles.get(i), singles.get(j)));
      }
    }
    return out;
  }
}
