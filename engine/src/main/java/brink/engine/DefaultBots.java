package brink.engine;

import brink.engine.bot.Bots;
import brink.engine.def.Move;
import java.util.List;

/**
 * The bots {@link Engine#resolve(GameState, Orders)} uses for seats nobody submitted for: the doctrines of
 * {@link Bots} (passive, historical, dove, hawk, tit-for-tat; II-c §11), each seeing only its seat's view.
 */
public final class DefaultBots implements BotPlayer {
  /** The instance {@link Engine#resolve(GameState, Orders)} uses. */
  public static final BotPlayer INSTANCE = new DefaultBots();

  private DefaultBots() {}

  @Override
  public List<Move> play(GameState s, String actor, String botName) {
    return Bots.play(s, actor, botName);
  }
}
