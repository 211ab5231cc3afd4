package brink.server.journal;

/**
 * The journal could not make a record durable (or could not be read): the disk failed, the store
 * is closed, or an earlier fsync failed so nothing written since can be trusted. The server answers
 * the request with UNAVAILABLE (retryable); the record must be treated as not written.
 */
public final class JournalUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public JournalUnavailableException(String message) {
    super(message);
  }

  public JournalUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
