package brink.cli;

import brink.engine.def.ActorDef;
import brink.engine.def.Scenario;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code brink simulate}: runs a scenario headless to its end (engine-model.md Part II-b "Batch simulation"),
 * every seat played by scripted orders or a bot, and prints a readable turn-by-turn table or, with
 * {@code --json}, one JSON document that is byte-identical for the same inputs.
 */
@Command(
    name = "simulate",
    sortOptions = false,
    description = {
      "Run a scenario to its end with bots and scripted orders, and print what happened turn by turn.",
      "Without a bot flag every actor plays its scenario's default bot; scripted orders win on their turns."
    })
final class SimulateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin HelpOption help;

  @Option(names = "--scenario", paramLabel = "ID|FILE", defaultValue = ScenarioSource.DEFAULT_ID,
      description = "A bundled scenario id or a scenario file (default: ${DEFAULT-VALUE}).")
  String scenario;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
      description = "Seed of the random incidents and bots (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--orders", paramLabel = "FILE",
      description = "Scripted orders per turn and actor, in protobuf text format (an OrderScript).")
  Path orders;

  @Option(names = "--bots", paramLabel = "DOCTRINE",
      description = "Bot for every actor without scripted orders: passive, historical, dove, hawk or tit-for-tat.")
  String bots;

  @Option(names = "--bot", paramLabel = "ACTOR=DOCTRINE", mapFallbackValue = "",
      description = "Bot for one actor (repeatable); wins over --bots.")
  Map<String, String> botPerActor = new LinkedHashMap<>();

  @Option(names = "--turns", paramLabel = "N",
      description = "Stop after N turns at most (default: run to the scenario's end).")
  Integer turns;

  @Option(names = "--json", description = "Print one JSON document instead of the table.")
  boolean json;

  @Option(names = "--lang", paramLabel = "en|fr",
      description = "Language of the table (default: the system's, else en).")
  String lang;

  @Override
  public Integer call() {
    String language = Languages.resolve(lang);
    if (turns != null && turns < 1) {
      throw new UserError("--turns must be at least 1 (it was " + turns + ").");
    }
    Scenario sc = ScenarioSource.load(scenario);
    Map<String, String> botByActor = botAssignments(sc);
    var script = orders == null ? Simulations.noScript() : Simulations.loadScript(orders, sc);
    var result = Simulations.run(sc, seed, script, botByActor, turns == null ? 0 : turns);
    PrintWriter out = spec.commandLine().getOut();
    String text = json ? Simulations.json(result) : Simulations.table(result, language);
    out.print(text);
    if (!text.endsWith("\n")) {
      out.print('\n');
    }
    out.flush();
    return 0;
  }

  /**
   * The bot of every actor that has one assigned: {@code --bot} wins over {@code --bots}; an actor in
   * neither plays its scenario default. Every doctrine and actor named is checked before anything runs.
   */
  private Map<String, String> botAssignments(Scenario sc) {
    Map<String, ActorDef> actors = sc.actors().stream()
        .collect(Collectors.toMap(ActorDef::id, a -> a, (x, y) -> x, TreeMap::new));
    Map<String, String> result = new TreeMap<>();
    if (bots != null) {
      Simulations.checkBot(bots, "--bots " + bots);
      for (String id : actors.keySet()) {
        result.put(id, bots);
      }
    }
    for (Map.Entry<String, String> e : botPerActor.entrySet()) {
      String actor = e.getKey().strip().toLowerCase(Locale.ROOT);
      String doctrine = e.getValue().strip();
      String flag = "--bot " + e.getKey() + (e.getValue().isEmpty() ? "" : "=" + e.getValue());
      if (!actors.containsKey(actor)) {
        throw new UserError("Unknown actor '" + e.getKey() + "' in " + flag + "; the actors of "
            + sc.id() + " are " + String.join(", ", actors.keySet()) + ".");
      }
      if (doctrine.isEmpty()) {
        throw new UserError("Missing doctrine in " + flag + "; write it as ACTOR=DOCTRINE, e.g. --bot "
            + actor + "=dove.");
      }
      Simulations.checkBot(doctrine, flag);
      result.put(actor, doctrine);
    }
    return result;
  }
}
