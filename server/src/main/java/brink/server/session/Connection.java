package brink.server.session;

import brink.protocol.v1.Disconnect;
import brink.protocol.v1.ServerMessage;

/**
 * One open connection as the rest of the server sees it (the transport implements it). Sending is safe from
 * any thread; messages sent from one thread arrive in that order.
 */
public interface Connection {
  /** Queues one frame. Does nothing once the connection is closed. */
  void send(ServerMessage message);

  /** Queues one frame that other connections get too (the transport may encode it once for all of them). */
  default void send(SharedMessage message) {
    send(message.message());
  }

  /**
   * Makes ready what sending {@code message} will need (the transport encodes it), so that sending it later
   * costs less. Optional: a message not prepared is prepared when first sent.
   */
  default void prepare(SharedMessage message) {}

  /** Sends a final Disconnect and closes. */
  void disconnect(Disconnect reason);

  /** True while the connection is open. */
  boolean isOpen();

  /** True when this connection's Hello carried the server's instructor key. */
  boolean instructorKey();

  /** Where it comes from, for the log. */
  String remote();
}
