package brink.engine;

import brink.engine.def.Move;
import java.util.List;

/**
 * Plays a seat nobody submitted for (engine-model.md Part II-b "Bots", II-c §11). It must be a pure
 * function of its arguments; its random numbers come from {@link Rng} stream {@code 2 + rank(actor)} at the
 * turn being resolved ({@code s.turn() + 1}). The moves it returns are validated like any submission.
 */
public interface BotPlayer {
  /**
   * @param s the state the turn starts from
   * @param actor the seat to play
   * @param botName the doctrine (passive, historical, dove, hawk, tit-for-tat)
   * @throws IllegalArgumentException for an unknown doctrine
   */
  List<Move> play(GameState s, String actor, String botName);
}
