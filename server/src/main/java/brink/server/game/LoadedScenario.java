package brink.server.game;

import brink.engine.def.Scenario;
import java.util.Objects;

/** A scenario ready to play: the engine's model, the parsed file, and its exact text (for the journal). */
record LoadedScenario(Scenario engine, brink.protocol.scenario.v1.Scenario proto, String text) {
  LoadedScenario {
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(proto, "proto");
    Objects.requireNonNull(text, "text");
  }
}
