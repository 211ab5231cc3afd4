package brink.engine.bot;

import brink.engine.def.Move;
import brink.engine.view.ActorView;
import java.util.List;

/**
 * A doctrine that plays a seat (engine-model.md Part II-b "Bots", II-c §11): a pure function of what the
 * seat may know and of the seat's own random stream. It never sees more than a player of the actor would.
 * An empty list is a submitted WAIT.
 */
public interface Bot {
  /** The doctrine's name, as in scenario files and {@code --bot ACTOR=NAME}. */
  String name();

  /** This turn's moves: legal, at most {@code view.maxMovesPerTurn()}. */
  List<Move> orders(ActorView view, BotRandom rng);
}
