package brink.server.net;

import brink.protocol.v1.ClientMessage;
import brink.protocol.v1.Error;
import brink.protocol.v1.ErrorCode;
import brink.protocol.v1.ServerMessage;
import java.util.Optional;

/** Checks every request shares, before it means anything: a request id, exactly one known body. */
final class Envelope {
  private Envelope() {}

  /** The error for a malformed envelope, or empty when it is well formed. */
  static Optional<ServerMessage> problem(ClientMessage m) {
    if (m.getBodyCase() == ClientMessage.BodyCase.BODY_NOT_SET) {
      if (!m.getUnknownFields().asMap().isEmpty()) {
        return Optional.of(error(m.getRequestId(), ErrorCode.UNIMPLEMENTED,
            "this server does not know the request in field " + m.getUnknownFields().asMap().keySet()
                + "; it may be from a newer client"));
      }
      return Optional.of(error(m.getRequestId(), ErrorCode.INVALID_ARGUMENT,
          "a request must carry exactly one body (Hello, JoinGame, SubmitOrders, ...); this one has none"));
    }
    if (m.getRequestId() == 0) {
      return Optional.of(error(0, ErrorCode.INVALID_ARGUMENT,
          "request_id must be set (not 0): a number unique on the session, a counter from 1 is fine"));
    }
    return Optional.empty();
  }

  static ServerMessage error(long requestId, ErrorCode code, String message) {
    return ServerMessage.newBuilder().setRequestId(requestId)
        .setError(Error.newBuilder().setCode(code).setMessage(message)).build();
  }
}
