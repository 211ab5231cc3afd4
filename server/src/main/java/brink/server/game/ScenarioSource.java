package brink.server.game;

import java.util.List;
import java.util.Optional;

/** Where CreateGame finds a scenario named by id: the bundled library and the server's --scenarios folder. */
public interface ScenarioSource {
  /** The text of the scenario of this id. */
  Optional<String> text(String id);

  /** Every id it knows, sorted. */
  List<String> ids();
}
