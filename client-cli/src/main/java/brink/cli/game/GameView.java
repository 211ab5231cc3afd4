package brink.cli.game;

import brink.protocol.v1.ActorView;
import brink.protocol.v1.GameState;
import brink.protocol.v1.Orders;
import brink.protocol.v1.OrdersAccepted;
import brink.protocol.v1.Phase;
import brink.protocol.v1.PhaseChanged;
import brink.protocol.v1.Press;
import brink.protocol.v1.SeatView;
import brink.protocol.v1.ServerMessage;
import brink.protocol.v1.SubmissionStatus;
import brink.protocol.v1.TurnReport;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The client's copy of one game as the server lets this participant see it: the last full view
 * ({@link GameState}) kept up to date by the pushes that follow it. Thread-safe: pushes arrive on the
 * network thread while the prompt reads.
 */
public final class GameView {
  private final Clock clock;
  private GameState state;
  /** The server's clock minus ours, measured when the last full view arrived. */
  private long offsetMillis;

  public GameView(Clock clock) {
    this.clock = clock;
  }

  /** The current view, or null before joining a game. */
  public synchronized GameState state() {
    return state;
  }

  public synchronized boolean joined() {
    return state != null;
  }

  public Clock clock() {
    return clock;
  }

  /** Takes a full view (Joined, GameCreated, GetState, or a GameState push). */
  public synchronized void replace(GameState s) {
    state = s;
    if (s.getServerTimeEpochMillis() > 0) {
      offsetMillis = s.getServerTimeEpochMillis() - clock.millis();
    }
    notifyAll();
  }

  /**
   * Applies one push or full view to the copy; returns false when it is about another game or carries
   * nothing this view keeps.
   */
  public synchronized boolean apply(ServerMessage m) {
    if (m.hasGameState()) {
      if (state == null || state.getGameId().equals(m.getGameState().getGameId())) {
        replace(m.getGameState());
        return true;
      }
      return false;
    }
    if (m.hasJoined()) {
      replace(m.getJoined().getState());
      return true;
    }
    if (state == null) {
      return false;
    }
    boolean changed;
    if (m.hasPhaseChanged() && ours(m.getPhaseChanged().getGameId())) {
      changed = phase(m.getPhaseChanged());
    } else if (m.hasSeatChanged() && ours(m.getSeatChanged().getGameId())) {
      changed = seat(m.getSeatChanged().getSeat());
    } else if (m.hasPress()) {
      changed = press(m.getPress());
    } else if (m.hasTurnReport() && ours(m.getTurnReport().getGameId())) {
      changed = report(m.getTurnReport());
    } else {
      changed = false;
    }
    if (changed) {
      notifyAll();
    }
    return changed;
  }

  /** The server accepted new orders for this seat. */
  public synchronized void ordersAccepted(OrdersAccepted a) {
    if (state != null && a.getTurn() == state.getTurn()) {
      state = state.toBuilder().setOwnOrders(a.getOrders()).build();
      notifyAll();
    }
  }

  /** The seat's readiness as the server confirmed it. */
  public synchronized void readySet(boolean ready) {
    if (state != null && state.hasOwnOrders()) {
      state = state.toBuilder().setOwnOrders(state.getOwnOrders().toBuilder().setReady(ready)).build();
      notifyAll();
    }
  }

  /**
   * Milliseconds left before the current phase ends on its own, corrected for the offset between the
   * server's clock and ours; -1 when no deadline runs. While paused, the time that was left.
   */
  public synchronized long remainingMillis() {
    if (state == null) {
      return -1;
    }
    if (state.getPaused()) {
      return state.getRemainingMillis() > 0 ? state.getRemainingMillis() : -1;
    }
    if (state.getDeadlineEpochMillis() <= 0) {
      return -1;
    }
    return Math.max(0, state.getDeadlineEpochMillis() - (clock.millis() + offsetMillis));
  }

  /**
   * Waits until {@code condition} holds of the view, at most {@code timeoutMillis}; returns whether it
   * holds. (For scripts: "wait until the turn report arrives".)
   */
  public synchronized boolean await(Predicate<GameState> condition, long timeoutMillis)
      throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    while (state == null || !condition.test(state)) {
      long left = TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime());
      if (left <= 0) {
        return false;
      }
      wait(left);
    }
    return true;
  }

  private boolean ours(String gameId) {
    return gameId.isEmpty() || gameId.equals(state.getGameId());
  }

  private boolean phase(PhaseChanged p) {
    GameState.Builder b = state.toBuilder().setPhase(p.getPhase()).setDeadlineEpochMillis(
        p.getDeadlineEpochMillis()).setPaused(p.getPaused()).setRemainingMillis(p.getRemainingMillis());
    if (p.getTurn() != state.getTurn()) {
      b.setTurn(p.getTurn());
      // A new turn: every seat starts it with nothing submitted and not ready.
      if (p.getPhase() == Phase.ORDERS) {
        for (int k = 0; k < b.getSeatsCount(); k++) {
          b.setSeats(k, b.getSeats(k).toBuilder().setReady(false)
              .setSubmission(SubmissionStatus.NOT_SUBMITTED));
        }
        if (state.hasOwnOrders()) {
          b.setOwnOrders(Orders.newBuilder().setTurn(p.getTurn()).setStatus(SubmissionStatus.NOT_SUBMITTED));
        }
      }
    }
    state = b.build();
    return true;
  }

  private boolean seat(SeatView seat) {
    List<SeatView> seats = new ArrayList<>(state.getSeatsList());
    seats.removeIf(s -> s.getActor().equals(seat.getActor()));
    seats.add(seat);
    seats.sort(Comparator.comparing(SeatView::getActor));
    GameState.Builder b = state.toBuilder().clearSeats().addAllSeats(seats);
    if (seat.getActor().equals(state.getViewerActor()) && state.hasOwnOrders()) {
      b.setOwnOrders(state.getOwnOrders().toBuilder().setReady(seat.getReady()));
    }
    state = b.build();
    return true;
  }

  private boolean press(Press p) {
    for (Press old : state.getMessagesList()) {
      if (old.getMessageId() == p.getMessageId()) {
        return false;
      }
    }
    state = state.toBuilder().addMessages(p).build();
    return true;
  }

  /** A report's actors, each with the public briefing the state had (reports leave it out: it never changes). */
  private List<ActorView> withBriefings(List<ActorView> actors) {
    Map<String, ActorView> known = new HashMap<>();
    for (ActorView a : state.getActorsList()) {
      known.put(a.getId(), a);
    }
    List<ActorView> out = new ArrayList<>(actors.size());
    for (ActorView a : actors) {
      ActorView had = known.get(a.getId());
      out.add(a.hasPublicBriefing() || had == null || !had.hasPublicBriefing() ? a
          : a.toBuilder().setPublicBriefing(had.getPublicBriefing()).build());
    }
    return out;
  }

  private boolean report(TurnReport r) {
    List<TurnReport> reports = new ArrayList<>(state.getReportsList());
    reports.removeIf(old -> old.getTurn() == r.getTurn());
    reports.add(r);
    reports.sort(Comparator.comparingInt(TurnReport::getTurn));
    GameState.Builder b = state.toBuilder().clearReports().addAllReports(reports);
    if (r.getDyadsCount() > 0) {
      b.clearDyads().addAllDyads(r.getDyadsList());
    }
    if (r.getActorsCount() > 0) {
      b.clearActors().addAllActors(withBriefings(r.getActorsList()));
    }
    if (r.hasOutcome() && r.getOutcome().getTypeValue() != 0) {
      b.setOutcome(r.getOutcome());
    }
    state = b.build();
    return true;
  }
}
