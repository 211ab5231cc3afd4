package brink.cli;

import brink.engine.bot.Bots;
import brink.engine.def.Move;
import brink.engine.def.Scenario;
import brink.engine.sim.Simulation;
import brink.engine.sim.SimulationJson;
import brink.engine.sim.SimulationResult;
import brink.engine.sim.SimulationTable;
import brink.scenario.OrderScripts;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The engine's batch simulation as {@code brink simulate} drives it; every user mistake is a {@link UserError}. */
final class Simulations {
  private Simulations() {}

  /** Checks a doctrine name; {@code flag} is how the user wrote it, quoted back in the error. */
  static void checkBot(String doctrine, String flag) {
    if (!Bots.isValid(doctrine)) {
      throw new UserError("Unknown bot '" + doctrine + "' in " + flag + "; choose one of: "
          + String.join(", ", Bots.NAMES) + ".");
    }
  }

  static Map<Integer, Map<String, List<Move>>> noScript() {
    return Map.of();
  }

  /** The scripted orders of {@code file}, every id checked against the scenario, or every error located. */
  static Map<Integer, Map<String, List<Move>>> loadScript(Path file, Scenario scenario) {
    OrderScripts.Result r = OrderScripts.loadFile(file, scenario);
    if (!r.isOk()) {
      int n = r.errors().size();
      throw new UserError(ScenarioSource.lines(r.errors()), n == 1 && r.errors().get(0).line() == 0
          ? "Give --orders the path of a readable order script (an OrderScript in protobuf text format)."
          : "The order script has " + n + (n == 1 ? " error" : " errors") + ", so nothing was run: fix "
              + (n == 1 ? "it" : "them") + " and try again.");
    }
    return r.script();
  }

  static SimulationResult run(Scenario scenario, long seed, Map<Integer, Map<String, List<Move>>> script,
      Map<String, String> botByActor, int maxTurns) {
    if (maxTurns <= 0 && scenario.rules().maxTurns() <= 0) {
      throw new UserError("Scenario " + scenario.id() + " has no turn limit (max_turns: 0): give one with --turns N.");
    }
    return Simulation.run(scenario, seed, script, botByActor, maxTurns);
  }

  static String json(SimulationResult result) {
    return SimulationJson.write(result);
  }

  static String table(SimulationResult result, String lang) {
    return SimulationTable.write(result, lang);
  }
}
