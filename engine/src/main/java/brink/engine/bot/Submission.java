package brink.engine.bot;

import brink.engine.def.Move;
import brink.engine.view.ActorView;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a bot's submission rule by rule (engine-model.md II-c §11): each candidate is kept only if the
 * submission so far plus it passes the seat's submit-time check (so whole-submission rules such as
 * duplicates, one alert move, reserve sums and talk-vs-refusal hold too), and the list is cut at
 * {@code max_moves_per_turn}.
 */
final class Submission {
  private final ActorView view;
  private final List<Move> moves = new ArrayList<>();

  Submission(ActorView view) {
    this.view = view;
  }

  boolean full() {
    return moves.size() >= view.maxMovesPerTurn();
  }

  /** Adds {@code m} if there is room and it is legal with what is already there; says whether it did. */
  boolean offer(Move m) {
    if (m == null || full()) {
      return false;
    }
    List<Move> trial = new ArrayList<>(moves);
    trial.add(m);
    if (!view.check().check(trial).isEmpty()) {
      return false;
    }
    moves.add(m);
    return true;
  }

  /** Offers {@code m}, and {@code fallback} if {@code m} is illegal (not if the list is full). */
  boolean offer(Move m, Move fallback) {
    if (full()) {
      return false;
    }
    return offer(m) || offer(fallback);
  }

  List<Move> moves() {
    return List.copyOf(moves);
  }
}
