package brink.server.session;

import brink.protocol.v1.ServerMessage;
import java.util.Objects;
import java.util.function.Function;

/**
 * One {@link ServerMessage} that several connections receive as the same bytes (a push every recipient sees
 * alike): the transport encodes it once, when it is prepared or first sent, and sends those bytes to every
 * recipient. Its game encodes it while the journal makes the change durable; the thread that then sends it
 * may be another (the journal's), so the bytes are published safely.
 */
public final class SharedMessage {
  private final ServerMessage message;
  private volatile byte[] frame;

  public SharedMessage(ServerMessage message) {
    this.message = Objects.requireNonNull(message, "message");
  }

  public ServerMessage message() {
    return message;
  }

  /** The message's frame, made by {@code encoder} on the first call and the same bytes after. */
  public byte[] frame(Function<ServerMessage, byte[]> encoder) {
    byte[] f = frame;
    if (f == null) {
      f = encoder.apply(message);
      frame = f;
    }
    return f;
  }
}
