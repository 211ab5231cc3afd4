package brink.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load on the {@link EchoServer}: the same connections, frame sizes and requests in flight as a
 * Brink run, so each Brink figure can be divided by what the bare machine does.
 *
 * <ul>
 *   <li>{@link #open}: requests offered by the clock at a total rate, round-robin over the
 *       connections; latency from the intended send time.
 *   <li>{@link #closed}: each connection keeps {@code inflight} requests outstanding; throughput.
 *   <li>{@link #burst}: every connection sends at the same instant; latency until the last answer
 *       (what a turn broadcast to every player of a game is, without the game).
 *   <li>{@link #idle}: connections that each said one frame and stay open; the server's memory.
 * </ul>
 */
public final class EchoLoad {
  /** One connection to the echo server. */
  static final class EchoConn extends ChannelInboundHandlerAdapter implements Rig.Conn {
    private final ByteBuf request;
    private final Recorder rec;
    private final AtomicLong inFlight;
    private final LongQueue sent = new LongQueue();
    private volatile Channel channel;
    /** Closed loop: answers trigger the next request while true. */
    volatile boolean closedLoop;
    /** Burst mode: outstanding answers per burst (keyed by the burst's intended time), shared. */
    Map<Long, AtomicInteger> bursts;

    EchoConn(ByteBuf request, Recorder rec, AtomicLong inFlight) {
      this.request = request;
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
      sent.add(intendedNanos);
      inFlight.incrementAndGet();
      channel.writeAndFlush(request.retainedDuplicate());
      rec.sent(intendedNanos, System.nanoTime());
      rec.countInWindow("sent", intendedNanos);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      long now = System.nanoTime();
      ((ByteBuf) msg).release();
      long intended = sent.poll();
      inFlight.decrementAndGet();
      if (bursts != null) {
        AtomicInteger left = bursts.get(intended);
        if (left != null && left.decrementAndGet() == 0) {
          bursts.remove(intended);
          rec.latency("burst", intended, now);
          rec.countInWindow("bursts", intended);
        }
      } else {
        rec.answered("round_trip", intended, now);
        rec.countInWindow("answered", intended);
      }
      if (closedLoop) {
        fire(System.nanoTime());
      }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      rec.count("closed_by_server");
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      rec.count("errors");
      ctx.close();
    }
  }

  private final Rig rig;
  private final InetSocketAddress address;
  private final long serverPid;

  public EchoLoad(Rig rig, InetSocketAddress address, long serverPid) {
    this.rig = rig;
    this.address = address;
    this.serverPid = serverPid;
  }

  private List<EchoConn> connect(int connections, int frameBytes, Recorder rec, AtomicLong inFlight)
      throws InterruptedException {
    byte[] body = new byte[frameBytes];
    new SplittableRandom(frameBytes).nextBytes(body);
    ByteBuf request = Unpooled.unreleasableBuffer(Unpooled.directBuffer(4 + frameBytes)
        .writeInt(frameBytes).writeBytes(body));
    return rig.connect(address, connections, i -> new EchoConn(request, rec, inFlight));
  }

  private Map<String, String> params(int connections, int frameBytes, String more) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("connections", Integer.toString(connections));
    p.put("frame_bytes", Integer.toString(frameBytes));
    p.put("load", more);
    return p;
  }

  /** Open loop: {@code rate} requests per second over all connections, for {@code seconds}. */
  public RunResult open(int connections, int frameBytes, double rate, double warmup, double seconds)
      throws InterruptedException {
    Recorder rec = new Recorder();
    AtomicLong inFlight = new AtomicLong();
    List<EchoConn> conns = connect(connections, frameBytes, rec, inFlight);
    try {
      Thread[] pacer = new Thread[1];
      RunResult r = Measure.run("echo open", params(connections, frameBytes, "offered " + (long) rate + "/s"), rec,
          serverPid, warmup, seconds, new Measure.Load() {
            @Override
            public void start(long t0, long end) {
              pacer[0] = new Thread(() -> Rig.pace(new OpenLoopSchedule(t0, rate), conns, end), "pacer");
              pacer[0].start();
            }

            @Override
            public void stop() throws InterruptedException {
              pacer[0].join();
            }
          }, inFlight::get, Map.of());
      return r;
    } finally {
      Rig.closeAll(conns);
    }
  }

  /** Closed loop: every connection keeps {@code inflight} requests outstanding. */
  public RunResult closed(int connections, int frameBytes, int inflight, double warmup, double seconds)
      throws InterruptedException {
    Recorder rec = new Recorder();
    AtomicLong inFlight = new AtomicLong();
    List<EchoConn> conns = connect(connections, frameBytes, rec, inFlight);
    try {
      return Measure.run("echo closed", params(connections, frameBytes, inflight + " in flight per connection"),
          rec, serverPid, warmup, seconds, new Measure.Load() {
            @Override
            public void start(long t0, long end) {
              for (EchoConn c : conns) {
                c.closedLoop = true;
                c.channel().eventLoop().execute(() -> {
                  for (int k = 0; k < inflight; k++) {
                    c.fire(System.nanoTime());
                  }
                });
              }
            }

            @Override
            public void stop() {
              for (EchoConn c : conns) {
                c.closedLoop = false;
              }
            }
          }, inFlight::get, Map.of());
    } finally {
      Rig.closeAll(conns);
    }
  }

  /**
   * Every {@code intervalSeconds}, one frame on every connection at the same intended instant; the
   * latency of a burst is until its last answer arrives.
   */
  public RunResult burst(int connections, int frameBytes, double intervalSeconds, double warmup, double seconds)
      throws InterruptedException {
    Recorder rec = new Recorder();
    AtomicLong inFlight = new AtomicLong();
    List<EchoConn> conns = connect(connections, frameBytes, rec, inFlight);
    Map<Long, AtomicInteger> bursts = new ConcurrentHashMap<>();
    for (EchoConn c : conns) {
      c.bursts = bursts;
    }
    try {
      Thread[] pacer = new Thread[1];
      return Measure.run("echo burst", params(connections, frameBytes, "a burst every "
          + (long) (intervalSeconds * 1000) + " ms"), rec, serverPid, warmup, seconds, new Measure.Load() {
            @Override
            public void start(long t0, long end) {
              pacer[0] = new Thread(() -> {
                OpenLoopSchedule s = new OpenLoopSchedule(t0, 1 / intervalSeconds);
                for (long k = 0; s.intended(k) < end; k++) {
                  long t = s.intended(k);
                  Measure.sleepUntil(t);
                  bursts.put(t, new AtomicInteger(conns.size()));
                  List<EchoConn> all = new ArrayList<>(conns);
                  for (EchoConn c : all) {
                    c.channel().eventLoop().execute(() -> c.fire(t));
                  }
                }
              }, "burst-pacer");
              pacer[0].start();
            }

            @Override
            public void stop() throws InterruptedException {
              pacer[0].join();
            }
          }, inFlight::get, Map.of());
    } finally {
      Rig.closeAll(conns);
    }
  }

  /**
   * Opens {@code connections}, sends one frame on each, waits for the answers, then holds them for
   * {@code holdSeconds}: the echo server's memory with that many connections open.
   */
  public RunResult idle(int connections, int frameBytes, double holdSeconds) throws InterruptedException {
    Recorder rec = new Recorder();
    AtomicLong inFlight = new AtomicLong();
    ProcStats.Process before = ProcStats.process(serverPid);
    List<EchoConn> conns = connect(connections, frameBytes, rec, inFlight);
    try {
      return Measure.run("echo idle", params(connections, frameBytes, "idle, held " + (long) holdSeconds + " s"),
          rec, serverPid, 0, holdSeconds, new Measure.Load() {
            @Override
            public void start(long t0, long end) {
              for (EchoConn c : conns) {
                c.channel().eventLoop().execute(() -> c.fire(t0));
              }
            }

            @Override
            public void stop() {
            }
          }, inFlight::get, Map.of("server_rss_before_connect_mib",
              String.format("%.0f", before.rssBytes() / 1048576.0)));
    } finally {
      Rig.closeAll(conns);
    }
  }
}
