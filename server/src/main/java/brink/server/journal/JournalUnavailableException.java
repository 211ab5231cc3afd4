package brink.server.journal;

import java.util.Locale;

/**
 * The journal could not make a record durable (or could not be read): the disk failed or is full, the store
 * is closed, or an earlier fsync failed so nothing written since can be trusted. The server answers the
 * request with UNAVAILABLE (retryable); the record must be treated as not written.
 *
 * <p>{@link #untilRestart()} tells the two cases a person must handle differently apart: a failed write
 * (the disk full now) is undone and the next append may succeed once space returns; after a failed fsync or
 * a failed undo the store refuses every append until the server is restarted and recovers the file.
 */
public final class JournalUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final boolean untilRestart;

  /** A failure the next append may not have (a write failed and was undone). */
  public JournalUnavailableException(String message) {
    this(message, null, false);
  }

  /** A failure the next append may not have (a write failed and was undone). */
  public JournalUnavailableException(String message, Throwable cause) {
    this(message, cause, false);
  }

  /**
   * @param untilRestart true when the store refuses every append from now on, until the server is
   *     restarted (a failed fsync, a write that could not be undone, a closed store)
   */
  public JournalUnavailableException(String message, Throwable cause, boolean untilRestart) {
    super(message, cause);
    this.untilRestart = untilRestart;
  }

  /** Whether every later append fails too, until the server is restarted. */
  public boolean untilRestart() {
    return untilRestart;
  }

  /**
   * Whether the cause is a full disk: ENOSPC ("No space left on device"), EDQUOT ("Disk quota exceeded") or
   * EFBIG ("File too large", a file size limit), as the JDK reports them in the IOException's message.
   */
  public boolean diskFull() {
    for (Throwable t = this; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String m = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
      if (m.contains("no space left on device") || m.contains("disk quota exceeded")
          || m.contains("file too large")) {
        return true;
      }
    }
    return false;
  }
}
