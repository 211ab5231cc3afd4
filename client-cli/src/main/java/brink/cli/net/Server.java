package brink.cli.net;

import brink.protocol.v1.ClientMessage;
import brink.protocol.v1.ServerMessage;
import java.util.concurrent.CompletableFuture;

/** What the shells need of a server: send one request, get its one answer (a result or an Error). */
public interface Server {
  /**
   * Sends {@code body} with a fresh request id (any id set in it is replaced). The future completes with
   * the answer; it stays pending across a dropped connection, the request being sent again with the same
   * id once the session is resumed.
   */
  CompletableFuture<ServerMessage> request(ClientMessage.Builder body);

  /**
   * From now on, after a dropped connection, take back the session in {@code gameId} (or join again with
   * {@code code} as {@code name}); {@code seq} is the seq of the view just received.
   */
  default void follow(String gameId, String code, String name, long seq) {}
}
