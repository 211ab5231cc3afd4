package brink.engine;

import brink.engine.def.Move;
import java.util.List;

/**
 * The bots {@link Engine#resolve(GameState, Orders)} uses for seats nobody submitted for. This engine-core
 * version knows only {@code passive} (submitted WAIT every turn, II-c §11); the bot package replaces its
 * body with the full set of doctrines.
 */
public final class DefaultBots implements BotPlayer {
  /** The instance {@link Engine#resolve(GameState, Orders)} uses. */
  public static final BotPlayer INSTANCE = new DefaultBots();

  private DefaultBots() {}

  @Override
  public List<Move> play(GameState s, String actor, String botName) {
    if ("passive".equals(botName)) {
      return List.of();
    }
    throw new IllegalArgumentException(
        "unknown bot '" + botName + "' for actor '" + actor + "'; valid bots here: passive");
  }
}
