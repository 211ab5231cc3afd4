package brink.cli.net;

/**
 * A change of the connection to the server, for the screen.
 *
 * @param kind what happened
 * @param attempt RECONNECTING: the attempt about to be made, from 1
 * @param delayMillis RECONNECTING: how long the client waits before that attempt
 * @param detail CLOSED: the server's sentence (a kick's reason, why a resume was refused), or ""
 */
public record LinkEvent(Kind kind, int attempt, long delayMillis, String detail) {
  public enum Kind {
    /** The connection dropped (or an attempt failed); another attempt follows after the delay. */
    RECONNECTING,
    /** A new connection took back the session; missed pushes follow. */
    RESUMED,
    /** The session could not be resumed (the server forgot it), so the client joined again with its code. */
    REJOINED,
    /** The client stopped for good: closed by the user, kicked, or refused by the server. */
    CLOSED
  }

  public LinkEvent {
    detail = detail == null ? "" : detail;
  }
}
