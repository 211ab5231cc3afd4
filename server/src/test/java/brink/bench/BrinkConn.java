package brink.bench;

import brink.protocol.v1.ClientMessage;
import brink.protocol.v1.Hello;
import brink.protocol.v1.ServerMessage;
import com.google.protobuf.CodedInputStream;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One brink.v1 client connection of the load generator: numbers its requests, remembers when each
 * was meant to be sent, and on its answer records the latency under the request's kind (or counts
 * the error by code). What to send and what to do with pushes is its {@link Role}'s business.
 *
 * <p>Answers and pushes are parsed only as far as needed: the envelope's request_id, seq and the
 * body's field number; the body itself only for the few kinds the generator acts on. Latencies are
 * taken when the bytes arrive, before any parsing.
 */
final class BrinkConn extends ChannelInboundHandlerAdapter implements Rig.Conn {
  /** What the connection does: a player, an instructor, an idle participant. */
  interface Role {
    /** A request is due by the clock (open loop). */
    default void fire(BrinkConn c, long intendedNanos) {
    }

    /** A push arrived ({@code body} is the ServerMessage body field number). */
    default void push(BrinkConn c, int body, ByteBuf frame, long nowNanos) {
    }

    /** An answer to a request of {@code kind} arrived (already recorded). */
    default void answered(BrinkConn c, String kind, boolean error, long nowNanos) {
    }
  }

  // ServerMessage body field numbers (server.proto).
  static final int WELCOME = 10;
  static final int ERROR = 12;
  static final int GAME_STATE = 13;
  static final int TURN_REPORT = 14;
  static final int PRESS = 15;
  static final int PHASE_CHANGED = 16;
  static final int PONG = 17;
  static final int DISCONNECT = 18;
  static final int GAME_CREATED = 30;
  static final int JOINED = 34;
  static final int ORDERS_ACCEPTED = 36;
  static final int SEAT_CHANGED = 37;

  private record Pending(String kind, long intended, CompletableFuture<ServerMessage> reply) {}

  private final Recorder rec;
  private final AtomicLong inFlight;
  private final Map<Long, Pending> pending = new HashMap<>();
  private long nextId = 1;
  private volatile Channel channel;
  Role role = new Role() { };

  BrinkConn(Recorder rec, AtomicLong inFlight) {
    this.rec = rec;
    this.inFlight = inFlight;
  }

  @Override
  public Channel channel() {
    return channel;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    // Before the connect completes: the connect future can succeed before channelActive runs.
    channel = ctx.channel();
  }

  @Override
  public void fire(long intendedNanos) {
    role.fire(this, intendedNanos);
  }

  /**
   * Sends a request from the connection's event loop, measured under {@code kind} from {@code
   * intendedNanos}; {@code reply} (may be null) gets the parsed answer.
   */
  void send(ClientMessage.Builder message, String kind, long intendedNanos, CompletableFuture<ServerMessage> reply) {
    long id = nextId++;
    byte[] body = message.setRequestId(id).build().toByteArray();
    pending.put(id, new Pending(kind, intendedNanos, reply));
    inFlight.incrementAndGet();
    rec.count("frames.out");
    rec.count("bytes.out", 4 + body.length);
    rec.count("bytes.out." + kind, 4 + body.length);
    rec.count("frames.out." + kind);
    rec.countInWindow("sent." + kind, intendedNanos);
    channel.writeAndFlush(Rig.frame(channel.alloc(), body));
    rec.sent(intendedNanos, System.nanoTime());
  }

  /** Sends a request from any thread and returns its answer (setup steps, not measured). */
  CompletableFuture<ServerMessage> request(ClientMessage.Builder message, String kind) {
    CompletableFuture<ServerMessage> f = new CompletableFuture<>();
    channel.eventLoop().execute(() -> send(message, kind, System.nanoTime(), f));
    return f;
  }

  CompletableFuture<ServerMessage> hello(String instructorKey) {
    return request(ClientMessage.newBuilder().setHello(Hello.newBuilder().setProtocolVersion(1)
        .setClient("brink-bench/0.1.0").setInstructorKey(instructorKey)), "hello");
  }

  int pendingCount() {
    return pending.size();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    long now = System.nanoTime();
    ByteBuf frame = (ByteBuf) msg;
    try {
      rec.count("frames.in");
      rec.count("bytes.in", 4 + frame.readableBytes());
      long requestId = 0;
      int body = 0;
      CodedInputStream in = CodedInputStream.newInstance(frame.nioBuffer());
      while (!in.isAtEnd()) {
        int tag = in.readTag();
        int field = tag >>> 3;
        if (field == 1) {
          requestId = in.readUInt64();
        } else if (field == 2) {
          in.readUInt64();
        } else {
          body = field;
          break;
        }
      }
      if (requestId == 0) {
        rec.count("push." + bodyName(body));
        rec.count("bytes.in.push." + bodyName(body), 4 + frame.readableBytes());
        role.push(this, body, frame, now);
        return;
      }
      Pending p = pending.remove(requestId);
      if (p == null) {
        rec.count("answers_without_request");
        return;
      }
      inFlight.decrementAndGet();
      boolean error = body == ERROR;
      rec.count("bytes.in." + p.kind(), 4 + frame.readableBytes());
      rec.count("frames.in." + p.kind());
      if (error || p.reply() != null) {
        ServerMessage m = parse(frame);
        if (error) {
          String code = m.getError().getCode().name();
          rec.count("error." + p.kind() + "." + code);
          rec.countInWindow("window_error." + p.kind(), p.intended());
          rec.note("error." + p.kind() + "." + code, m.getError().getMessage());
        }
        if (p.reply() != null) {
          p.reply().complete(m);
        }
      }
      if (!error) {
        rec.answered(p.kind(), p.intended(), now);
        rec.countInWindow("ok." + p.kind(), p.intended());
      }
      role.answered(this, p.kind(), error, now);
    } catch (IOException e) {
      rec.count("unparsable_frames");
    } finally {
      frame.release();
    }
  }

  static ServerMessage parse(ByteBuf frame) throws IOException {
    return ServerMessage.parseFrom(frame.nioBuffer());
  }

  private static String bodyName(int field) {
    switch (field) {
      case GAME_STATE: return "game_state";
      case TURN_REPORT: return "turn_report";
      case PRESS: return "press";
      case PHASE_CHANGED: return "phase_changed";
      case DISCONNECT: return "disconnect";
      case SEAT_CHANGED: return "seat_changed";
      case ERROR: return "error";
      default: return "field_" + field;
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    rec.count("closed_by_server");
    for (Pending p : pending.values()) {
      if (p.reply() != null) {
        p.reply().completeExceptionally(new IOException("the server closed the connection"));
      }
    }
    inFlight.addAndGet(-pending.size());
    rec.count("lost_with_connection", pending.size());
    pending.clear();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    rec.count("connection_errors");
    rec.note("connection_error", cause.toString());
    ctx.close();
  }
}
