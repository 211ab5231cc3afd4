package brink.cli;

import brink.engine.def.Scenario;
import brink.scenario.ErrorCode;
import brink.scenario.Library;
import brink.scenario.LoadResult;
import brink.scenario.ScenarioError;
import java.util.List;
import java.util.stream.Collectors;

/** Where a command's scenario comes from: a bundled id or a file path (see {@link Library#resolve}). */
final class ScenarioSource {
  /** The bundled default scenario (engine-model.md Part II §7). */
  static final String DEFAULT_ID = "eastern-flank-2022";

  private ScenarioSource() {}

  /** Loads without judging: a result with every error located, or the scenario and its calibration. */
  static LoadResult resolve(String idOrFile) {
    return Library.resolve(idOrFile);
  }

  /**
   * The scenario, or a {@link UserError} carrying every located error and one sentence saying what to do;
   * nothing runs on an invalid scenario.
   */
  static Scenario load(String idOrFile) {
    LoadResult r = resolve(idOrFile);
    if (r.isOk()) {
      return r.scenario();
    }
    throw new UserError(lines(r.errors()), whatToDo(r, idOrFile));
  }

  static List<String> lines(List<ScenarioError> errors) {
    return errors.stream().map(ScenarioError::toString).collect(Collectors.toList());
  }

  /** True when nothing could be read at all (an unknown id, a missing or unreadable file). */
  static boolean notFound(LoadResult r) {
    return r.errors().stream()
        .allMatch(e -> e.code() == ErrorCode.UNKNOWN_SCENARIO || e.code() == ErrorCode.FILE_UNREADABLE);
  }

  static String whatToDo(LoadResult r, String idOrFile) {
    if (notFound(r)) {
      return "Give a bundled scenario id (" + String.join(", ", Library.ids())
          + ") or the path of a readable scenario file.";
    }
    int n = r.errors().size();
    return "The scenario has " + n + (n == 1 ? " error" : " errors") + ", so nothing was run: fix "
        + (n == 1 ? "it" : "them") + " and try again ('brink scenario validate " + idOrFile + "' checks the file).";
  }
}
