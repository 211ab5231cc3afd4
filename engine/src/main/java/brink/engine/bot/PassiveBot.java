package brink.engine.bot;

import brink.engine.def.Move;
import brink.engine.view.ActorView;
import java.util.List;

/** passive: submitted WAIT every turn (II-c §11). */
final class PassiveBot implements Bot {
  @Override
  public String name() {
    return "passive";
  }

  @Override
  public List<Move> orders(ActorView view, BotRandom rng) {
    return List.of();
  }
}
