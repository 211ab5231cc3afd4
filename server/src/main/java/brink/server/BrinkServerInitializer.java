package brink.server;

import brink.server.net.ClientFrameDecoder;
import brink.server.net.ConnectionErrorHandler;
import brink.server.net.ConnectionTimeouts;
import brink.server.net.FrameBoundaryTracker;
import brink.server.net.FrontDoor;
import brink.server.net.HelloHandler;
import brink.server.net.RateLimiter;
import brink.server.net.ServerFrameEncoder;
import brink.server.net.SlowReaderGuard;
import brink.server.time.Scheduler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.socket.SocketChannel;

/**
 * The pipeline of every connection, in wire order: the brink.v1 conversation as stages.
 *
 * <pre>
 *   bytes in
 *     frame-boundaries   where the bytes stand in the frame stream (a truncated last frame gets an error)
 *     frame-decoder      4-byte length + one ClientMessage; over the cap (64 KiB, 4 MiB for an instructor)
 *                        or not a ClientMessage: a final Error and a close
 *     timeouts           Hello within 10 s; then something (a Ping at least) within the idle timeout;
 *                        after the final word, the client's end of input or the linger time (10 s)
 *     slow-reader        unsent data over the high water mark too long: Disconnect TOO_SLOW
 *     rate-limit         a token bucket per connection: RESOURCE_EXHAUSTED, connection kept; more than
 *                        100 refusals in 10 s: Disconnect FLOODING; requests after a final word: dropped
 *     hello              before Hello: Hello only; replaced by "session" once welcomed
 *     errors             anything thrown: log once, final Error, close
 *   frames out
 *     frame-encoder      each ServerMessage as one length-prefixed frame
 * </pre>
 *
 * Netty's threads only decode, encode and hand requests to the games' executors.
 */
public final class BrinkServerInitializer extends ChannelInitializer<SocketChannel> {
  private final ServerConfig config;
  private final Scheduler scheduler;
  private final FrontDoor door;
  private final RateLimiter rateLimiter;
  private final ChannelGroup connections;

  BrinkServerInitializer(ServerConfig config, Scheduler scheduler, FrontDoor door, ChannelGroup connections) {
    this.config = config;
    this.scheduler = scheduler;
    this.door = door;
    this.rateLimiter = new RateLimiter(scheduler.clock(), config.rateBurst(), config.ratePerSecond(),
        config.floodRefusals(), ServerConfig.FLOOD_WINDOW);
    this.connections = connections;
  }

  @Override
  protected void initChannel(SocketChannel ch) {
    ChannelPipeline p = ch.pipeline();
    p.addLast("frame-boundaries", new FrameBoundaryTracker());
    p.addLast("frame-decoder", new ClientFrameDecoder());
    p.addLast("frame-encoder", ServerFrameEncoder.INSTANCE);
    p.addLast("timeouts", new ConnectionTimeouts(scheduler, config.helloTimeout(), config.idleTimeout(),
        config.slowReaderGrace()));
    // Counted once its hello timeout is set (the timeouts' channelActive has run): whoever waits for the count
    // and then moves the clock must not move it before the newest connection's deadline exists.
    p.addLast("counted", new ChannelInboundHandlerAdapter() {
      @Override
      public void channelActive(ChannelHandlerContext ctx) throws Exception {
        connections.add(ctx.channel());
        ctx.pipeline().remove(this);
        super.channelActive(ctx);
      }
    });
    p.addLast("slow-reader", new SlowReaderGuard(scheduler, config.slowReaderGrace()));
    p.addLast("rate-limit", rateLimiter);
    p.addLast("hello", new HelloHandler(door));
    p.addLast("errors", ConnectionErrorHandler.INSTANCE);
  }
}
