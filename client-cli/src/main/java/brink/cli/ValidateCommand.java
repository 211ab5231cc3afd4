package brink.cli;

import brink.engine.def.Scenario;
import brink.scenario.LoadResult;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code brink scenario validate FILE|ID}: every error of a scenario file, each as
 * {@code file:line:column: message}, then the calibration report (engine-model.md Part II §7: each dyad's
 * ab against kl and its equilibria). Exits 0 when the scenario is valid, 2 when it is not.
 */
@Command(
    name = "validate",
    description = {
      "Check a scenario file (or a bundled scenario): print every error with its line and column, then each "
          + "dyad's stability and equilibrium.",
      "Exit code 0 when the scenario is valid, 2 when it is not."
    })
final class ValidateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin HelpOption help;

  @Parameters(paramLabel = "FILE|ID", description = "A scenario file (.txtpb) or a bundled scenario id.")
  String target;

  @Override
  public Integer call() {
    LoadResult r = ScenarioSource.resolve(target);
    if (!r.isOk() && ScenarioSource.notFound(r)) {
      throw new UserError(ScenarioSource.lines(r.errors()), ScenarioSource.whatToDo(r, target));
    }
    PrintWriter out = spec.commandLine().getOut();
    if (r.isOk()) {
      Scenario s = r.scenario();
      out.println(r.file() + ": valid: scenario " + s.id() + ", " + count(s.actors().size(), "actor") + ", "
          + count(s.dyads().size() / 2, "dyad") + ", " + count(s.units().size(), "unit") + ", "
          + count(s.injects().size(), "inject") + ", "
          + (s.rules().maxTurns() == 0 ? "no turn limit." : "at most " + s.rules().maxTurns() + " turns."));
    } else {
      ScenarioSource.lines(r.errors()).forEach(out::println);
      out.println(r.file() + ": " + count(r.errors().size(), "error") + ".");
    }
    r.calibration().ifPresent(report -> {
      out.println();
      out.print(report.toText());
    });
    out.flush();
    if (!r.isOk()) {
      spec.commandLine().getErr().println(Main.qualifiedName(spec.commandLine()) + ": " + target
          + " is not a valid scenario: fix the errors listed above and validate it again.");
      return UserError.EXIT_CODE;
    }
    return 0;
  }

  static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
