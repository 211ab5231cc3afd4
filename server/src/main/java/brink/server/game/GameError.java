package brink.server.game;

import brink.protocol.v1.Error;
import brink.protocol.v1.ErrorCode;
import java.util.Map;
import java.util.TreeMap;

/**
 * A request that cannot be done, as the typed Error its sender gets: a value thrown inside a game's
 * command handling and turned into exactly one answer. Never a server bug (those are INTERNAL, logged).
 */
public final class GameError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorCode code;
  private final TreeMap<String, String> details = new TreeMap<>();
  private final boolean retryable;

  private GameError(ErrorCode code, String message, boolean retryable) {
    super(message, null, false, false);
    this.code = code;
    this.retryable = retryable;
  }

  public static GameError invalid(String message) {
    return new GameError(ErrorCode.INVALID_ARGUMENT, message, false);
  }

  public static GameError unauthenticated(String message) {
    return new GameError(ErrorCode.UNAUTHENTICATED, message, false);
  }

  public static GameError denied(String message) {
    return new GameError(ErrorCode.PERMISSION_DENIED, message, false);
  }

  public static GameError notFound(String message) {
    return new GameError(ErrorCode.NOT_FOUND, message, false);
  }

  /** Valid, but not now: the sender also gets a fresh GameState push. */
  public static GameError precondition(String message) {
    return new GameError(ErrorCode.FAILED_PRECONDITION, message, false);
  }

  public static GameError exhausted(String message) {
    return new GameError(ErrorCode.RESOURCE_EXHAUSTED, message, true);
  }

  public static GameError unavailable(String message) {
    return new GameError(ErrorCode.UNAVAILABLE, message, true);
  }

  public static GameError unimplemented(String message) {
    return new GameError(ErrorCode.UNIMPLEMENTED, message, false);
  }

  /** A bug of the server, said without its internals (the log has them). */
  public static GameError internal() {
    return new GameError(ErrorCode.INTERNAL, "the server failed on this request (a bug, now in its log); "
        + "nothing was changed", false);
  }

  /** Adds a machine-readable detail (snake_case key). */
  public GameError with(String key, Object value) {
    details.put(key, String.valueOf(value));
    return this;
  }

  public ErrorCode code() {
    return code;
  }

  public Map<String, String> details() {
    return details;
  }

  public boolean retryable() {
    return retryable;
  }

  /** The Error message of the protocol. */
  public Error toProto() {
    return Error.newBuilder().setCode(code).setMessage(getMessage()).putAllDetails(details)
        .setRetryable(retryable).build();
  }
}
