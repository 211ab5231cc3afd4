package brink.scenario;

import brink.engine.def.Scenario;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What loading a scenario file gave: {@link Ok} (the engine's scenario, the parsed file and its
 * calibration report) or {@link Failed} (every error found, each located). Never an exception.
 */
public sealed interface LoadResult permits LoadResult.Ok, LoadResult.Failed {
  /** The file name the errors and reports refer to. */
  String file();

  boolean isOk();

  /** Every error, sorted by place in the file; empty when {@link #isOk()}. */
  List<ScenarioError> errors();

  /**
   * The scenario.
   *
   * @throws IllegalStateException when loading failed (the message lists the errors)
   */
  Scenario scenario();

  /** The calibration report: always for Ok; for Failed only when the file was rejected by the report. */
  Optional<CalibrationReport> calibration();

  /** The errors, one per line, as printed to users ({@code file:line:column: message}). */
  default String errorText() {
    return errors().stream().map(ScenarioError::toString).collect(Collectors.joining("\n"));
  }

  /** A valid scenario. */
  record Ok(String file, Scenario scenario, brink.protocol.scenario.v1.Scenario proto, CalibrationReport report)
      implements LoadResult {
    public Ok {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(scenario, "scenario");
      Objects.requireNonNull(proto, "proto");
      Objects.requireNonNull(report, "report");
    }

    @Override
    public boolean isOk() {
      return true;
    }

    @Override
    public List<ScenarioError> errors() {
      return List.of();
    }

    @Override
    public Optional<CalibrationReport> calibration() {
      return Optional.of(report);
    }
  }

  /** A file with errors; {@code report} is set when only the discretisation check failed. */
  record Failed(String file, List<ScenarioError> errors, Optional<CalibrationReport> report) implements LoadResult {
    public Failed {
      Objects.requireNonNull(file, "file");
      errors = List.copyOf(errors);
      if (errors.isEmpty()) {
        throw new IllegalArgumentException("a failed load has at least one error");
      }
      Objects.requireNonNull(report, "report");
    }

    @Override
    public boolean isOk() {
      return false;
    }

    @Override
    public Scenario scenario() {
      throw new IllegalStateException(file + " has errors:\n" + errorText());
    }

    @Override
    public Optional<CalibrationReport> calibration() {
      return report;
    }
  }
}
