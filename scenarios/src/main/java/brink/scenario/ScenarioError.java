package brink.scenario;

import java.util.Objects;

/**
 * One problem in a scenario or order-script file, at a place a person can find: {@code line} and
 * {@code column} are 1-based; 0 means the problem concerns the whole file (a missing file, for instance).
 * {@link #toString()} is the form printed to users: {@code file:line:column: message}.
 */
public record ScenarioError(String file, int line, int column, ErrorCode code, String message) {
  public ScenarioError {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
    if (line < 0 || column < 0) {
      throw new IllegalArgumentException("line and column are 1-based, or 0 for the whole file");
    }
  }

  /** True when the error points at a place in the file. */
  public boolean located() {
    return line > 0;
  }

  @Override
  public String toString() {
    return located() ? file + ":" + line + ":" + column + ": " + message : file + ": " + message;
  }
}
