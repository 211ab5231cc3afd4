package brink.cli;

import java.util.List;

/**
 * A problem with what the user typed or pointed at (a bad flag value, an unknown bot or actor, an unreadable
 * or invalid file). {@link Main} prints its message, never a stack trace, and exits with {@link #exitCode()}.
 * The message is one sentence saying what is wrong and what to do; {@code details} are printed before it,
 * one a line (e.g. located errors {@code file:line:column: message}).
 */
final class UserError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The exit code of every user error: like picocli's usage errors. */
  static final int EXIT_CODE = 2;

  private final List<String> details;

  UserError(String message) {
    this(List.of(), message);
  }

  UserError(List<String> details, String message) {
    super(message, null, false, false);
    this.details = List.copyOf(details);
  }

  List<String> details() {
    return details;
  }

  int exitCode() {
    return EXIT_CODE;
  }
}
