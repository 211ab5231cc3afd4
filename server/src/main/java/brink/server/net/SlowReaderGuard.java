package brink.server.net;

import brink.protocol.v1.Disconnect;
import brink.protocol.v1.DisconnectReason;
import brink.server.time.Scheduler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client that cannot keep up is disconnected, never silently fed less. When a connection's unsent data
 * passes the high water mark (the channel turns unwritable) a grace period starts; if it is over the mark
 * again (or still) at the end, the connection gets a final Disconnect (DISCONNECT_TOO_SLOW) and is closed once
 * that is written, or after a second grace period if even that cannot be. A large answer (a 4 MiB report)
 * that a healthy client reads at once turns the channel writable again within the grace and costs
 * nothing. One instance per connection.
 *
 * <p>While the connection is over the mark the server reads nothing more from it: a client that keeps asking
 * (a full view at the rate limit, 20 a second) without reading the answers made the server hold every
 * answer until the grace ended, about 25 MB for one connection. Its requests now wait in the kernel, unread
 * and unexecuted, until it reads; pushes still go out.
 */
public final class SlowReaderGuard extends ChannelInboundHandlerAdapter {
  private static final Logger log = LoggerFactory.getLogger(SlowReaderGuard.class);

  private final Scheduler scheduler;
  private final Duration grace;
  /** The check at the end of the grace, while one is due. */
  private Scheduler.Cancellable pending;
  /** The forced close after the Disconnect, once this guard has disconnected the connection. */
  private Scheduler.Cancellable disconnecting;

  public SlowReaderGuard(Scheduler scheduler, Duration grace) {
    this.scheduler = scheduler;
    this.grace = grace;
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
    boolean writable = ctx.channel().isWritable();
    if (disconnecting == null && ChannelConnection.of(ctx.channel()).isOpen()) {
      ctx.channel().config().setAutoRead(writable);
    }
    if (!writable) {
      if (pending == null && disconnecting == null) {
        // Armed before it is said: a test that moves its clock on seeing the line finds the check due.
        pending = scheduler.schedule(grace, () -> ctx.executor().execute(() -> stillBlocked(ctx)));
        log.info("{} is not reading what it is sent; it is disconnected in {} s unless it catches up",
            ctx.channel().remoteAddress(), grace.toSeconds());
      }
    }
    // Turning writable does not call the check off: the kernel taking a little more of the backlog is not
    // catching up. What counts is whether the connection is still over the mark when the grace ends.
    super.channelWritabilityChanged(ctx);
  }

  private void stillBlocked(ChannelHandlerContext ctx) {
    pending = null;
    if (!ctx.channel().isActive() || ctx.channel().isWritable() || disconnecting != null) {
      return;
    }
    ChannelConnection c = ChannelConnection.of(ctx.channel());
    ctx.channel().config().setAutoRead(false);
    c.disconnect(Disconnect.newBuilder().setReason(DisconnectReason.DISCONNECT_TOO_SLOW)
        .setMessage("this connection did not read what the server sent for " + grace.toSeconds()
            + " seconds; reconnect and resume").setMayReconnect(true).build());
    log.info("{} disconnected: it did not read what it was sent for {} s", ctx.channel().remoteAddress(),
        grace.toSeconds());
    disconnecting = scheduler.schedule(grace, () -> ctx.executor().execute(c::forceClose));
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    if (pending != null) {
      pending.cancel();
      pending = null;
    }
    if (disconnecting != null) {
      disconnecting.cancel();
    }
    super.channelInactive(ctx);
  }
}
