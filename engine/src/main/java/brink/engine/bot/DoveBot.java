package brink.engine.bot;

import brink.engine.def.Move;
import brink.engine.def.MoveType;
import brink.engine.view.ActorView;
import java.util.List;

/**
 * dove (II-c §11): (1) NEGOTIATE toward each primary-dyad partner, by id; (2) LOWER_ALERT if alert &lt; 5;
 * (3) STATEMENT_REASSURE toward the dyad partner with the highest tension (ties by id).
 */
final class DoveBot implements Bot {
  /** Alert 5 is the least severe posture (DEFCON-style, Part I §6): nothing left to lower. */
  private static final int CALMEST_ALERT = 5;

  @Override
  public String name() {
    return "dove";
  }

  @Override
  public List<Move> orders(ActorView view, BotRandom rng) {
    Submission out = new Submission(view);
    for (String j : view.primaryPartners()) {
      out.offer(Move.toward(MoveType.NEGOTIATE, j));
    }
    if (view.alert() < CALMEST_ALERT) {
      out.offer(Move.of(MoveType.LOWER_ALERT));
    }
    String hot = Bots.highestTension(view, view.partners());
    if (hot != null) {
      out.offer(Move.toward(MoveType.STATEMENT_REASSURE, hot));
    }
    return out.moves();
  }
}
