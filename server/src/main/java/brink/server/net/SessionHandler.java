package brink.server.net;

import brink.protocol.v1.ClientMessage;
import brink.protocol.v1.ErrorCode;
import brink.protocol.v1.Pong;
import brink.protocol.v1.ServerMessage;
import brink.server.game.GameError;
import brink.server.game.Request;
import brink.server.session.Session;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connection after Welcome: turns each request into a {@link Request} with one answer slot and hands it
 * to the games (which run it on the game's executor); only Ping is answered here. A request id seen before
 * on the session gets the first answer again. One instance per connection.
 */
public final class SessionHandler extends ChannelInboundHandlerAdapter {
  private static final Logger log = LoggerFactory.getLogger(SessionHandler.class);

  private final FrontDoor door;
  /** The connection's session: the Hello's, until a ResumeSession takes an older one back. */
  private volatile Session session;

  SessionHandler(FrontDoor door, Session session) {
    this.door = door;
    this.session = session;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    ClientMessage m = (ClientMessage) msg;
    ChannelConnection c = ChannelConnection.of(ctx.channel());
    var problem = Envelope.problem(m);
    if (problem.isPresent()) {
      c.send(problem.get());
      return;
    }
    switch (m.getBodyCase()) {
      case HELLO:
        c.send(Envelope.error(m.getRequestId(), ErrorCode.FAILED_PRECONDITION,
            "this connection has already said Hello"));
        return;
      case PING:
        c.send(ServerMessage.newBuilder().setRequestId(m.getRequestId()).setPong(Pong.newBuilder()
            .setClientTimeEpochMillis(m.getPing().getClientTimeEpochMillis())
            .setServerTimeEpochMillis(door.clock().millis())).build());
        return;
      default:
        request(c, m);
    }
  }

  private void request(ChannelConnection c, ClientMessage m) {
    Session current = session;
    door.sessions().touch(current);
    long id = m.getRequestId();
    CompletableFuture<ServerMessage> fresh = new CompletableFuture<>();
    CompletableFuture<ServerMessage> slot = answersAgainByItself(m) ? fresh : current.answerFor(id, fresh);
    if (slot != fresh) {
      slot.thenAccept(c::send);
      return;
    }
    Session target = current;
    if (m.getBodyCase() == ClientMessage.BodyCase.RESUME_SESSION) {
      String token = m.getResumeSession().getToken();
      if (token.isEmpty()) {
        current.forget(id, fresh);
        c.send(Envelope.error(id, ErrorCode.INVALID_ARGUMENT, "ResumeSession needs the token of a Welcome"));
        return;
      }
      target = door.sessions().find(token)
          .orElseGet(() -> door.sessions().adopt(door.sessions().rebuild(token)));
    }
    Session resumed = target;
    fresh.thenAccept(answer -> {
      if (answer.hasResumed()) {
        session = resumed;
        if (current != resumed) {
          // The connection's own Hello session is left behind: forget it unless it is in a game.
          current.detach(c);
          door.sessions().forgetIfUnused(current);
        }
      } else if (answer.hasError() && resumed != current) {
        door.sessions().forgetIfUnused(resumed); // a made-up or foreign token: not registered for 12 hours
      }
      c.send(answer); // the session forgets a retryable error by itself (Session.answerFor)
    });
    Request r = new Request(id, m, target, c, fresh);
    try {
      door.games().handle(r);
    } catch (GameError e) {
      r.fail(e);
    } catch (RuntimeException e) {
      log.error("request {} failed", m.getBodyCase(), e);
      r.fail(GameError.internal());
    }
  }

  /**
   * Requests whose answer is not remembered for idempotency: reads, which change nothing and are simply
   * answered again, and JoinGame, which recognises a session that joined already. Their answers (whole game
   * views, reports) are the largest the server sends; remembered, a session repeating them with fresh ids
   * made the server keep up to 1024 of them for 30 minutes.
   */
  static boolean answersAgainByItself(ClientMessage m) {
    switch (m.getBodyCase()) {
      case GET_STATE:
      case GET_REPORT:
      case LIST_GAMES:
      case PREVIEW_INJECT:
      case JOIN_GAME:
        return true;
      default:
        return false;
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    Session s = session;
    s.detach(ChannelConnection.of(ctx.channel()));
    door.sessions().forgetIfUnused(s);
    door.games().connectionClosed(s);
    super.channelInactive(ctx);
  }
}
