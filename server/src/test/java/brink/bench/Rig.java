package brink.bench;

import brink.server.net.Transport;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.util.concurrent.EventExecutor;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * The load generator's client side: Netty event loops (on the server's transport, {@link Transport#best})
 * holding many connections with Brink's framing, a bounded connect (the server's accept backlog is 256),
 * and the open-loop pacer that hands each connection the requests due by the clock.
 */
public final class Rig implements AutoCloseable {
  /** Largest frame the client accepts: the server's limit (4 MiB) plus the prefix. */
  public static final int MAX_FRAME = (4 << 20) + 4;
  /** Connects in flight at once: under the server's backlog of 256, so no SYN is dropped and retried. */
  private static final int CONNECTS_IN_FLIGHT = 128;

  /** One client connection driven by the load generator. */
  public interface Conn {
    Channel channel();

    /** Sends what is due at {@code intendedNanos}; called on the connection's event loop. */
    void fire(long intendedNanos);
  }

  private final Transport transport = Transport.best();
  private final EventLoopGroup loops;

  /** @param threads client event-loop threads (the client shares the machine with the server) */
  public Rig(int threads) {
    this.loops = new MultiThreadIoEventLoopGroup(threads, transport.ioHandlers());
  }

  public EventLoopGroup loops() {
    return loops;
  }

  /**
   * Opens {@code count} connections, at most {@value #CONNECTS_IN_FLIGHT} connecting at once. Each
   * gets a decoder of length-prefixed frames (the prefix stripped) and then {@code handler.apply(i)}.
   *
   * @throws IllegalStateException when any connection fails, saying how many did
   */
  public <C extends io.netty.channel.ChannelHandler> List<C> connect(InetSocketAddress address, int count,
      IntFunction<C> handler) throws InterruptedException {
    List<C> handlers = new ArrayList<>(count);
    Semaphore slots = new Semaphore(CONNECTS_IN_FLIGHT);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    List<ChannelFuture> futures = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      C h = handler.apply(i);
      handlers.add(h);
      slots.acquire();
      ChannelFuture f = new Bootstrap().group(loops).channel(transport.socketChannel())
          .option(ChannelOption.TCP_NODELAY, true)
          .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 30_000)
          .handler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel ch) {
              ch.pipeline().addLast("frames", new LengthFieldBasedFrameDecoder(MAX_FRAME, 0, 4, 0, 4))
                  .addLast("conn", h);
            }
          })
          .connect(address);
      f.addListener(x -> {
        if (!x.isSuccess()) {
          failure.compareAndSet(null, x.cause());
        }
        slots.release();
      });
      futures.add(f);
    }
    long failed = 0;
    for (ChannelFuture f : futures) {
      f.awaitUninterruptibly();
      if (!f.isSuccess()) {
        failed++;
      }
    }
    if (failed > 0) {
      throw new IllegalStateException(failed + " of " + count + " connections to " + address + " failed: "
          + failure.get());
    }
    return handlers;
  }

  /** A frame: the 4-byte big-endian length, then {@code body}. */
  public static ByteBuf frame(ByteBufAllocator alloc, byte[] body) {
    ByteBuf b = alloc.ioBuffer(4 + body.length);
    b.writeInt(body.length).writeBytes(body);
    return b;
  }

  /**
   * Sends requests by the clock until {@code endNanos}: request k goes to connection k mod n at
   * {@code schedule.intended(k)}, handed to each event loop in one task per tick. Returns the
   * number of requests handed out. Runs on the calling thread.
   */
  public static long pace(OpenLoopSchedule schedule, List<? extends Conn> conns, long endNanos) {
    int n = conns.size();
    long k = 0;
    while (true) {
      long due = schedule.dueBy(System.nanoTime());
      Map<EventExecutor, Batch> batches = new IdentityHashMap<>();
      boolean over = false;
      while (k < due) {
        long t = schedule.intended(k);
        if (t >= endNanos) {
          over = true;
          break;
        }
        Conn c = conns.get((int) (k % n));
        batches.computeIfAbsent(c.channel().eventLoop(), e -> new Batch()).add(c, t);
        k++;
      }
      for (Map.Entry<EventExecutor, Batch> b : batches.entrySet()) {
        b.getKey().execute(b.getValue());
      }
      if (over || schedule.intended(k) >= endNanos) {
        return k;
      }
      long wait = schedule.intended(k) - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
    }
  }

  /** Requests due on one event loop at one tick. */
  private static final class Batch implements Runnable {
    private final List<Conn> conns = new ArrayList<>();
    private long[] times = new long[8];

    void add(Conn c, long t) {
      if (conns.size() == times.length) {
        times = java.util.Arrays.copyOf(times, times.length * 2);
      }
      times[conns.size()] = t;
      conns.add(c);
    }

    @Override
    public void run() {
      for (int i = 0; i < conns.size(); i++) {
        conns.get(i).fire(times[i]);
      }
    }
  }

  /** Closes every connection's channel and waits until they are closed. */
  public static void closeAll(List<? extends Conn> conns) {
    List<ChannelFuture> fs = new ArrayList<>();
    for (Conn c : conns) {
      if (c.channel() != null) {
        fs.add(c.channel().close());
      }
    }
    for (ChannelFuture f : fs) {
      f.awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
  }

  @Override
  public void close() {
    loops.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
  }
}
