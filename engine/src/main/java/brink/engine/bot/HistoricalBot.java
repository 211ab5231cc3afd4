package brink.engine.bot;

import brink.engine.def.HistoricalMove;
import brink.engine.def.Move;
import brink.engine.def.MoveType;
import brink.engine.view.ActorView;
import java.util.List;

/**
 * historical: the scenario's historical moves for the actor and the turn being resolved, in file order, then
 * WAIT (II-c §11). A historical move the state no longer allows (an earlier turn went differently) is
 * dropped, like any illegal bot move; so are moves past {@code max_moves_per_turn}.
 */
final class HistoricalBot implements Bot {
  @Override
  public String name() {
    return "historical";
  }

  @Override
  public List<Move> orders(ActorView view, BotRandom rng) {
    Submission out = new Submission(view);
    for (HistoricalMove h : view.historical()) {
      if (h.turn() == view.turn() && h.actor().equals(view.actor()) && h.move().type() != MoveType.WAIT) {
        out.offer(h.move());
      }
    }
    return out.moves();
  }
}
