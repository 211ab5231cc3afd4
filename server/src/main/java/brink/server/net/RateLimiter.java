package brink.server.net;

import brink.protocol.v1.ClientMessage;
import brink.protocol.v1.Disconnect;
import brink.protocol.v1.DisconnectReason;
import brink.protocol.v1.Error;
import brink.protocol.v1.ErrorCode;
import brink.protocol.v1.ServerMessage;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.Attribute;
import io.netty.util.AttributeKey;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A token bucket per connection: each request takes a token; tokens come back at a steady rate up to a
 * burst. A request without a token is answered RESOURCE_EXHAUSTED (retryable, with retry_after_millis)
 * and goes no further; the connection stays.
 *
 * <p>A connection that does not wait as it is told is disconnected (DISCONNECT_FLOODING) and nothing it
 * sent after is looked at: a refused request that arrives before the time an earlier refusal gave (its
 * retry_after_millis) is a strike, and more than {@code floodRefusals} strikes within {@code floodWindow}
 * (a second bucket, of strikes) end the connection. A client that waits each retry_after_millis collects no
 * strikes however long it runs at the limit; one that pipelines requests gets one strike per request that
 * was already on its way, which the default of 100 forgives.
 *
 * <p>Requests that arrive on a connection already saying its last word (a Disconnect, a final error) are
 * dropped here, unexecuted: their answers could not be delivered, and the client sends them again after
 * it reconnects.
 *
 * <p>Each connection's bucket is an attribute of its channel, read and written on its event loop only, and
 * gone with the channel. (They were in a Caffeine cache keyed by channel: every request was a read of
 * that cache, whose recorded access woke the common ForkJoinPool for its upkeep about 1,200 times a second
 * at the peak.) Shared by every connection.
 */
@Sharable
public final class RateLimiter extends ChannelInboundHandlerAdapter {
  private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);
  /** Each connection's bucket, on its channel. */
  private static final AttributeKey<Bucket> BUCKET = AttributeKey.valueOf(RateLimiter.class, "bucket");

  private final Clock clock;
  private final int burst;
  private final double perSecond;
  private final int floodRefusals;
  private final double refusalsBackPerSecond;
  private final Duration floodWindow;

  /**
   * @param burst tokens a connection may spend at once
   * @param perSecond tokens given back each second
   * @param floodRefusals strikes (requests refused before the time an earlier refusal gave) a connection
   *     may collect within {@code floodWindow}; one more and it is disconnected
   * @param floodWindow the time in which {@code floodRefusals} strikes are forgiven again
   */
  public RateLimiter(Clock clock, int burst, double perSecond, int floodRefusals, Duration floodWindow) {
    if (burst < 1 || !(perSecond > 0)) {
      throw new IllegalArgumentException("a rate limit needs a burst of at least 1 and a positive rate, got "
          + burst + " and " + perSecond);
    }
    if (floodRefusals < 1 || floodWindow.isNegative() || floodWindow.isZero()) {
      throw new IllegalArgumentException("a flood limit needs at least 1 refusal in a positive window, got "
          + floodRefusals + " in " + floodWindow);
    }
    this.clock = clock;
    this.burst = burst;
    this.perSecond = perSecond;
    this.floodRefusals = floodRefusals;
    this.refusalsBackPerSecond = floodRefusals * 1000.0 / floodWindow.toMillis();
    this.floodWindow = floodWindow;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
    ChannelConnection c = ChannelConnection.of(ctx.channel());
    if (!c.isOpen()) {
      return;
    }
    long now = clock.millis();
    Attribute<Bucket> attr = ctx.channel().attr(BUCKET);
    Bucket b = attr.get();
    if (b == null) {
      b = new Bucket(burst, floodRefusals, now);
      attr.set(b);
    }
    long wait = b.take(now, burst, perSecond);
    if (wait == 0) {
      super.channelRead(ctx, msg);
      return;
    }
    if (!b.refused(now, wait, floodRefusals, refusalsBackPerSecond)) {
      log.warn("{} disconnected: it went on sending after being told to wait (more than {} requests refused "
          + "early within {} s)", ctx.channel().remoteAddress(), floodRefusals, floodWindow.toSeconds());
      ctx.channel().config().setAutoRead(false);
      c.disconnect(Disconnect.newBuilder().setReason(DisconnectReason.DISCONNECT_FLOODING)
          .setMessage("this connection went on sending after being told to wait: more than " + floodRefusals
              + " requests came before their retry_after_millis within " + floodWindow.toSeconds()
              + " seconds; a client waits the retry_after_millis of each refusal before sending again")
          .setMayReconnect(false).build());
      return;
    }
    long requestId = msg instanceof ClientMessage ? ((ClientMessage) msg).getRequestId() : 0;
    c.send(ServerMessage.newBuilder().setRequestId(requestId)
        .setError(Error.newBuilder().setCode(ErrorCode.RESOURCE_EXHAUSTED)
            .setMessage("too many requests on this connection; wait " + wait + " ms and send it again")
            .putDetails("retry_after_millis", Long.toString(wait)).setRetryable(true))
        .build());
  }

  /** One connection's tokens, and its patience with requests sent before they were told to. */
  static final class Bucket {
    private double tokens;
    private long at;
    private double patience;
    private long patienceAt;
    /** When the last refusal said a token would be back. */
    private long notBefore;

    Bucket(int burst, int floodRefusals, long now) {
      this.tokens = burst;
      this.at = now;
      this.patience = floodRefusals;
      this.patienceAt = now;
    }

    /** Takes a token: 0 when there was one, else the milliseconds until there is. */
    synchronized long take(long now, int burst, double perSecond) {
      if (now > at) {
        tokens = Math.min(burst, tokens + (now - at) * perSecond / 1000.0);
        at = now;
      }
      if (tokens >= 1) {
        tokens -= 1;
        return 0;
      }
      return Math.max(1, (long) Math.ceil((1 - tokens) * 1000.0 / perSecond));
    }

    /**
     * Records a refusal that told the client to wait {@code wait} ms. A refusal before the time an earlier
     * one gave is a strike; false once the strikes are more than the window forgives.
     */
    synchronized boolean refused(long now, long wait, int floodRefusals, double backPerSecond) {
      boolean early = now < notBefore;
      notBefore = Math.max(notBefore, now + wait);
      if (!early) {
        return true;
      }
      if (now > patienceAt) {
        patience = Math.min(floodRefusals, patience + (now - patienceAt) * backPerSecond / 1000.0);
        patienceAt = now;
      }
      if (patience >= 1) {
        patience -= 1;
        return true;
      }
      return false;
    }
  }
}
