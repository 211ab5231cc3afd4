package brink.server.game;

import brink.protocol.v1.ClientMessage;
import brink.protocol.v1.ServerMessage;
import brink.server.session.Connection;
import brink.server.session.Session;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * One request on its way to a game: who sent it, on which connection, and the slot its one answer goes in.
 * Whoever handles it completes {@code answer} exactly once; the transport sends it.
 */
public record Request(long requestId, ClientMessage message, Session session, Connection connection,
    CompletableFuture<ServerMessage> answer) {
  public Request {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(session, "session");
    Objects.requireNonNull(connection, "connection");
    Objects.requireNonNull(answer, "answer");
  }

  /** Answers with a result. */
  public void reply(ServerMessage.Builder body) {
    answer.complete(body.setRequestId(requestId).build());
  }

  /** Answers with an error. */
  public void fail(GameError e) {
    answer.complete(ServerMessage.newBuilder().setRequestId(requestId).setError(e.toProto()).build());
  }
}
