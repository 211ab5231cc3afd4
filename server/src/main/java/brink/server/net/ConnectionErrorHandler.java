package brink.server.net;

import brink.protocol.v1.Error;
import brink.protocol.v1.ErrorCode;
import brink.protocol.v1.ServerMessage;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.AttributeKey;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last inbound handler of every connection: an exception that reaches it ends the connection
 * the same way everywhere (style.md): log once, send a final Error, close.
 *
 * <ul>
 *   <li>{@link FrameException} (a frame too long or not a ClientMessage): its own code
 *       (RESOURCE_EXHAUSTED or INVALID_ARGUMENT), message and details.
 *   <li>An I/O error (the peer reset the connection): close without writing.
 *   <li>Anything else is a server bug: INTERNAL with a message that hides the internals (the log
 *       has the stack trace).
 * </ul>
 *
 * Stateless: one {@link #INSTANCE} serves every connection.
 */
@Sharable
public final class ConnectionErrorHandler extends ChannelInboundHandlerAdapter {
  public static final ConnectionErrorHandler INSTANCE = new ConnectionErrorHandler();

  private static final Logger log = LoggerFactory.getLogger(ConnectionErrorHandler.class);
  private static final AttributeKey<Boolean> CLOSING =
      AttributeKey.valueOf(ConnectionErrorHandler.class, "closing");

  private ConnectionErrorHandler() {}

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (Boolean.TRUE.equals(ctx.channel().attr(CLOSING).setIfAbsent(Boolean.TRUE))) {
      return;
    }
    if (cause instanceof FrameException) {
      FrameException frame = (FrameException) cause;
      log.info("closing {}: {}", ctx.channel().remoteAddress(), frame.getMessage());
      sendFinalError(ctx, Error.newBuilder().setCode(frame.code()).setMessage(frame.getMessage())
          .putAllDetails(frame.details()).build());
    } else if (cause instanceof IOException) {
      log.debug("closing {}: {}", ctx.channel().remoteAddress(), cause.toString());
      ctx.close();
    } else {
      log.warn("closing {} after an unexpected error", ctx.channel().remoteAddress(), cause);
      sendFinalError(ctx, Error.newBuilder().setCode(ErrorCode.INTERNAL)
          .setMessage("the server hit an internal error and closed the connection; reconnect and "
              + "resume the session")
          .setRetryable(true).build());
    }
  }

  /** The error as the connection's last frame: nothing a game sends afterwards follows it. */
  private static void sendFinalError(ChannelHandlerContext ctx, Error error) {
    ChannelConnection.of(ctx.channel()).lastWord(ServerMessage.newBuilder().setError(error).build());
  }
}
