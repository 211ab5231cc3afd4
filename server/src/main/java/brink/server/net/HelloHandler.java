package brink.server.net;

import brink.protocol.v1.ClientMessage;
import brink.protocol.v1.Error;
import brink.protocol.v1.ErrorCode;
import brink.protocol.v1.Hello;
import brink.protocol.v1.ProtocolVersion;
import brink.protocol.v1.ServerMessage;
import brink.protocol.v1.Welcome;
import brink.server.session.Session;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connection before Hello: Hello is the only request it takes (anything else is UNAUTHENTICATED). A
 * supported version (and the right instructor key, if one is given) opens a session and hands the
 * connection to a {@link SessionHandler}; an unsupported version or a wrong key get a final error and a
 * close. One instance per connection.
 */
public final class HelloHandler extends ChannelInboundHandlerAdapter {
  private static final Logger log = LoggerFactory.getLogger(HelloHandler.class);

  /** The protocol versions this server speaks. */
  public static final int MIN_VERSION = ProtocolVersion.PROTOCOL_VERSION_1_VALUE;
  public static final int MAX_VERSION = ProtocolVersion.PROTOCOL_VERSION_1_VALUE;

  private final FrontDoor door;

  public HelloHandler(FrontDoor door) {
    this.door = door;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    ClientMessage m = (ClientMessage) msg;
    ChannelConnection c = ChannelConnection.of(ctx.channel());
    var problem = Envelope.problem(m);
    if (problem.isPresent()) {
      c.send(problem.get());
    } else if (m.getBodyCase() != ClientMessage.BodyCase.HELLO) {
      c.send(Envelope.error(m.getRequestId(), ErrorCode.UNAUTHENTICATED,
          "say Hello first: the first request of every connection is Hello"));
    } else {
      hello(ctx, c, m.getRequestId(), m.getHello());
    }
  }

  private void hello(ChannelHandlerContext ctx, ChannelConnection c, long requestId, Hello h) {
    if (h.getProtocolVersion() < MIN_VERSION || h.getProtocolVersion() > MAX_VERSION) {
      log.info("{} refused: protocol version {} ({})", c.remote(), h.getProtocolVersion(), h.getClient());
      c.finalAnswer(ServerMessage.newBuilder().setRequestId(requestId).setError(Error.newBuilder()
          .setCode(ErrorCode.FAILED_PRECONDITION)
          .setMessage("this server speaks protocol versions " + MIN_VERSION + " to " + MAX_VERSION
              + ", not " + h.getProtocolVersion() + "; use a client of the same Brink release")
          .putDetails("supported_versions", MIN_VERSION + "-" + MAX_VERSION)).build());
      return;
    }
    boolean instructor = false;
    if (!h.getInstructorKey().isEmpty()) {
      if (!door.instructorKey(h.getInstructorKey())) {
        log.info("{} refused: a wrong instructor key ({})", c.remote(), h.getClient());
        c.finalAnswer(ServerMessage.newBuilder().setRequestId(requestId).setError(Error.newBuilder()
            .setCode(ErrorCode.UNAUTHENTICATED)
            .setMessage("wrong instructor key; it is in the server's data folder (instructor.key), or leave it "
                + "out to join a game with a code").putDetails("field", "instructor_key")).build());
        return;
      }
      instructor = true;
      c.instructorKey(true);
      ClientFrameDecoder.setMaxFrameBytes(ctx.channel(), FrameLimits.INSTRUCTOR_FRAME_BYTES);
    }
    Session s = door.sessions().open(c);
    c.welcomed(true);
    ctx.pipeline().replace(this, "session", new SessionHandler(door, s));
    log.info("{} connected: {}{} ({})", c.remote(), h.getClient().isEmpty() ? "a client" : h.getClient(),
        instructor ? " as instructor" : "", s.label());
    c.send(ServerMessage.newBuilder().setRequestId(requestId).setWelcome(Welcome.newBuilder()
        .setProtocolVersion(h.getProtocolVersion()).setMinProtocolVersion(MIN_VERSION)
        .setMaxProtocolVersion(MAX_VERSION).setServer(door.serverName()).setSessionToken(s.token())
        .setMaxFrameBytes(instructor ? FrameLimits.INSTRUCTOR_FRAME_BYTES : FrameLimits.CLIENT_FRAME_BYTES)
        .setInstructor(instructor).setServerTimeEpochMillis(door.clock().millis())).build());
  }
}
