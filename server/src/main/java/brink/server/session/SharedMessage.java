package brink.server.session;

import brink.protocol.v1.ServerMessage;
import java.util.Objects;
import java.util.function.Function;

/**
 * One {@link ServerMessage} that several connections receive as the same bytes (a push every recipient sees
 * alike): the transport encodes it once, on its first send, and sends those bytes to every recipient. A
 * shared message is sent from one thread (its game's executor), which is where it is encoded.
 */
public final class SharedMessage {
  private final ServerMessage message;
  private byte[] frame;

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
