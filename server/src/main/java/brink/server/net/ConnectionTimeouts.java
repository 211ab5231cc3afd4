package brink.server.net;

import brink.protocol.v1.Disconnect;
import brink.protocol.v1.DisconnectReason;
import brink.server.time.Scheduler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.time.Duration;

/**
 * The two clocks of a connection: Hello must arrive within the hello timeout (10 s), and afterwards
 * something must arrive at least once per idle timeout (clients send Ping when they have nothing else to
 * say). Either expiry ends the connection with a Disconnect saying which. Time is the injected scheduler's,
 * so tests move it by hand. One instance per connection.
 *
 * <p>A third clock runs once the connection's final word is written and its output shut down: the client
 * has the linger time to read it and close; then the server closes.
 */
public final class ConnectionTimeouts extends ChannelInboundHandlerAdapter {
  private final Scheduler scheduler;
  private final Duration hello;
  private final Duration idle;
  private final Duration linger;
  private volatile long lastRead;
  private Scheduler.Cancellable pending;

  /**
   * @param linger how long a connection whose final word is written may stay open for the client to read it
   */
  public ConnectionTimeouts(Scheduler scheduler, Duration hello, Duration idle, Duration linger) {
    this.scheduler = scheduler;
    this.hello = hello;
    this.idle = idle;
    this.linger = linger;
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
    if (evt == ChannelConnection.LAST_WORD_SENT) {
      Scheduler.Cancellable p = pending;
      if (p != null) {
        p.cancel();
      }
      pending = scheduler.schedule(linger, () -> ctx.executor().execute(() -> ctx.channel().close()));
    }
    super.userEventTriggered(ctx, evt);
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    lastRead = scheduler.clock().millis();
    pending = scheduler.schedule(hello, () -> ctx.executor().execute(() -> helloDue(ctx)));
    super.channelActive(ctx);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
    lastRead = scheduler.clock().millis();
    super.channelRead(ctx, msg);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    Scheduler.Cancellable p = pending;
    if (p != null) {
      p.cancel();
    }
    super.channelInactive(ctx);
  }

  private void helloDue(ChannelHandlerContext ctx) {
    ChannelConnection c = ChannelConnection.of(ctx.channel());
    if (!ctx.channel().isActive() || c.saidLastWord()) {
      return;
    }
    if (!c.welcomed()) {
      c.disconnect(Disconnect.newBuilder().setReason(DisconnectReason.DISCONNECT_HELLO_TIMEOUT)
          .setMessage("no Hello within " + hello.toSeconds() + " seconds of connecting; connect again and "
              + "send Hello first").setMayReconnect(true).build());
      return;
    }
    idleCheck(ctx);
  }

  private void idleCheck(ChannelHandlerContext ctx) {
    if (!ctx.channel().isActive() || ChannelConnection.of(ctx.channel()).saidLastWord()) {
      return;
    }
    long now = scheduler.clock().millis();
    long quietFor = now - lastRead;
    if (quietFor >= idle.toMillis()) {
      ChannelConnection.of(ctx.channel()).disconnect(Disconnect.newBuilder()
          .setReason(DisconnectReason.DISCONNECT_IDLE_TIMEOUT)
          .setMessage("nothing received for " + idle.toSeconds() + " seconds; clients send Ping when idle")
          .setMayReconnect(true).build());
      return;
    }
    pending = scheduler.schedule(Duration.ofMillis(idle.toMillis() - quietFor),
        () -> ctx.executor().execute(() -> idleCheck(ctx)));
  }
}
