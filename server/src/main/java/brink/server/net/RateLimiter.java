package brink.server.net;

import brink.protocol.v1.ClientMessage;
import brink.protocol.v1.Error;
import brink.protocol.v1.ErrorCode;
import brink.protocol.v1.ServerMessage;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelId;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A token bucket per connection: each request takes a token; tokens come back at a steady rate up to a
 * burst. A request without a token is answered RESOURCE_EXHAUSTED (retryable, with retry_after_millis)
 * and goes no further; the connection stays. The buckets live in a Caffeine cache (bounded, forgotten a
 * while after their connection's last request). Shared by every connection.
 */
@Sharable
public final class RateLimiter extends ChannelInboundHandlerAdapter {
  private final Clock clock;
  private final int burst;
  private final double perSecond;
  private final Cache<ChannelId, Bucket> buckets;

  /**
   * @param burst tokens a connection may spend at once
   * @param perSecond tokens given back each second
   */
  public RateLimiter(Clock clock, int burst, double perSecond) {
    if (burst < 1 || !(perSecond > 0)) {
      throw new IllegalArgumentException("a rate limit needs a burst of at least 1 and a positive rate, got "
          + burst + " and " + perSecond);
    }
    this.clock = clock;
    this.burst = burst;
    this.perSecond = perSecond;
    this.buckets = Caffeine.newBuilder().maximumSize(200_000).expireAfterAccess(Duration.ofMinutes(10))
        .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis())).build();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
    Bucket b = buckets.get(ctx.channel().id(), id -> new Bucket(burst, clock.millis()));
    long wait = b.take(clock.millis(), burst, perSecond);
    if (wait == 0) {
      super.channelRead(ctx, msg);
      return;
    }
    long requestId = msg instanceof ClientMessage ? ((ClientMessage) msg).getRequestId() : 0;
    ChannelConnection.of(ctx.channel()).send(ServerMessage.newBuilder().setRequestId(requestId)
        .setError(Error.newBuilder().setCode(ErrorCode.RESOURCE_EXHAUSTED)
            .setMessage("too many requests on this connection; wait " + wait + " ms and send it again")
            .putDetails("retry_after_millis", Long.toString(wait)).setRetryable(true))
        .build());
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    buckets.invalidate(ctx.channel().id());
    super.channelInactive(ctx);
  }

  /** One connection's tokens. */
  static final class Bucket {
    private double tokens;
    private long at;

    Bucket(int burst, long now) {
      this.tokens = burst;
      this.at = now;
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
  }
}
