package brink.bench;

import java.util.HashMap;
import java.util.Map;

/**
 * One game of a Brink run as the load generator sees it, shared by the game's connections (on any
 * event loop, hence synchronized): when each turn opened, when its last SetReady was meant to be
 * sent, and how many of the game's players have its TurnReport. The turn broadcast latency is from
 * the intended send time of the last SetReady (the one that lets the turn resolve) to the arrival
 * of the TurnReport at the last player of the game.
 */
final class GameTracker {
  private static final class Turn {
    long openedAt = Long.MIN_VALUE;
    long lastReadyIntended = Long.MIN_VALUE;
    int reports;
    final java.util.Set<String> readySeats = new java.util.HashSet<>();
  }

  final String gameId;
  final int index;
  private final Recorder rec;
  private final long turnNanos;
  private final Map<Integer, Turn> turns = new HashMap<>();
  private int players;
  private volatile boolean ended;

  GameTracker(String gameId, int index, Recorder rec, long turnNanos) {
    this.gameId = gameId;
    this.index = index;
    this.rec = rec;
    this.turnNanos = turnNanos;
  }

  synchronized void addPlayer() {
    players++;
  }

  synchronized int players() {
    return players;
  }

  /** Turn {@code turn} started taking orders at {@code nanos} (the first report of it wins). */
  synchronized void opened(int turn, long nanos) {
    Turn t = turn(turn);
    if (t.openedAt == Long.MIN_VALUE) {
      t.openedAt = nanos;
    }
  }

  /** Sets when turn {@code turn} opened, whatever was heard before (staggers the games at the start). */
  synchronized void restartTurnClock(int turn, long nanos) {
    turn(turn).openedAt = nanos;
  }

  /** True once a player's turn has lasted its length by {@code intendedNanos}: time to say ready. */
  synchronized boolean readyDue(int turn, long intendedNanos) {
    Turn t = turns.get(turn);
    return t != null && t.openedAt != Long.MIN_VALUE && intendedNanos - t.openedAt >= turnNanos;
  }

  /** A player of {@code seat} said ready (seats shared by a team are ready once one member says so). */
  synchronized void readySent(int turn, String seat, long intendedNanos) {
    Turn t = turn(turn);
    t.lastReadyIntended = Math.max(t.lastReadyIntended, intendedNanos);
    t.readySeats.add(seat);
  }

  /** True once some member of {@code seat} said ready for {@code turn}: its orders are frozen. */
  synchronized boolean seatReady(int turn, String seat) {
    Turn t = turns.get(turn);
    return t != null && t.readySeats.contains(seat);
  }

  /** A player of this game received the TurnReport of {@code turn} at {@code now}. */
  synchronized void reportArrived(int turn, long now) {
    Turn t = turn(turn);
    t.reports++;
    if (t.reports == players && t.lastReadyIntended != Long.MIN_VALUE) {
      rec.latency("turn_broadcast", t.lastReadyIntended, now);
      rec.countInWindow("turns_resolved", t.lastReadyIntended);
    }
  }

  void ended() {
    ended = true;
  }

  boolean isEnded() {
    return ended;
  }

  private Turn turn(int turn) {
    return turns.computeIfAbsent(turn, k -> new Turn());
  }
}
