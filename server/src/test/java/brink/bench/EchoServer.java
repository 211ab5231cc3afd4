package brink.bench;

import brink.server.net.Transport;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The machine's limit: a raw Netty server with Brink's framing (a 4-byte big-endian length, then
 * the bytes) that answers each frame at once, without protobuf, sessions, games or (unless asked) a journal. It
 * is set up as the Brink server is (the same transport, one acceptor thread, Netty's default worker count, a
 * backlog of 256, TCP_NODELAY, one flush per answer), so the load generator's figures divided by
 * this one's are what Brink's own work costs.
 *
 * <pre>java -cp TEST_CLASSPATH brink.bench.EchoServer [--port 0] [--bind 127.0.0.1] [--reply-bytes 0] [--journal FILE]</pre>
 *
 * Prints {@code Echo server listening on HOST:PORT (TRANSPORT)} once bound; stops on SIGTERM.
 * {@code --reply-bytes N} answers every frame with a frame of N bytes instead of the same bytes
 * (to match the size of Brink's answers); 0 echoes. {@code --journal FILE} makes it the durable echo: each
 * frame is written to FILE and fdatasync'd before its answer ({@link EchoJournal}).
 */
public final class EchoServer implements AutoCloseable {
  private final Transport transport;
  private final EventLoopGroup boss;
  private final EventLoopGroup workers;
  private final Channel listener;
  private final EchoJournal journal;

  private EchoServer(Transport transport, EventLoopGroup boss, EventLoopGroup workers, Channel listener,
      EchoJournal journal) {
    this.transport = transport;
    this.boss = boss;
    this.workers = workers;
    this.listener = listener;
    this.journal = journal;
  }

  public static EchoServer start(String bind, int port, int replyBytes, int workerThreads) {
    return start(bind, port, replyBytes, workerThreads, null);
  }

  /** @param journal where the durable echo makes each frame durable before answering; null answers at once */
  public static EchoServer start(String bind, int port, int replyBytes, int workerThreads, Path journal) {
    return start(bind, port, replyBytes, workerThreads, journal, 0);
  }

  /** @param zeroBytes how much of the journal is written as zeros before any frame ({@link EchoJournal#open}) */
  public static EchoServer start(String bind, int port, int replyBytes, int workerThreads, Path journal,
      long zeroBytes) {
    if (replyBytes < 0) {
      throw new IllegalArgumentException("--reply-bytes is 0 (echo) or a frame size in bytes, not " + replyBytes);
    }
    EchoJournal durable;
    try {
      durable = journal == null ? null : EchoJournal.open(journal, zeroBytes);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the echo's journal " + journal, e);
    }
    Transport transport = Transport.best();
    EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, transport.ioHandlers());
    EventLoopGroup workers = new MultiThreadIoEventLoopGroup(workerThreads, transport.ioHandlers());
    Echo echo = new Echo(replyBytes, durable);
    Channel listener = new ServerBootstrap().group(boss, workers).channel(transport.serverChannel())
        .option(ChannelOption.SO_BACKLOG, 256)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            // Keep the length prefix in the frame: the answer is the same bytes, prefix included.
            ch.pipeline().addLast("frames", new LengthFieldBasedFrameDecoder(4 << 20, 0, 4, 0, 0))
                .addLast("echo", echo);
          }
        })
        .bind(bind, port).syncUninterruptibly().channel();
    return new EchoServer(transport, boss, workers, listener, durable);
  }

  public InetSocketAddress address() {
    return (InetSocketAddress) listener.localAddress();
  }

  @Override
  public void close() {
    listener.close().syncUninterruptibly();
    boss.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    workers.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    if (journal != null) {
      try {
        journal.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  public static void main(String[] argv) throws InterruptedException {
    Args args = Args.parse(argv);
    // 0 threads = Netty's default (twice the CPUs), as the Brink server has.
    String journal = args.string("journal", "");
    EchoServer server = start(args.string("bind", "127.0.0.1"), args.integer("port", 0),
        args.integer("reply-bytes", 0), args.integer("threads", 0), journal.isEmpty() ? null : Path.of(journal),
        (long) args.integer("zero-mib", 0) << 20);
    args.requireAllUsed();
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "echo-shutdown"));
    InetSocketAddress a = server.address();
    System.out.println("Echo server listening on " + a.getAddress().getHostAddress() + ":" + a.getPort() + " ("
        + server.transport + (server.journal == null ? "" : ", durable: each frame fdatasync'd to " + journal
        + " before its answer") + ")");
    System.out.flush();
    server.listener.closeFuture().sync();
  }

  @Sharable
  private static final class Echo extends ChannelInboundHandlerAdapter {
    private final ByteBuf reply;
    private final EchoJournal journal;

    Echo(int replyBytes, EchoJournal journal) {
      this.journal = journal;
      if (replyBytes == 0) {
        reply = null;
      } else {
        ByteBuf b = Unpooled.buffer(4 + replyBytes);
        b.writeInt(replyBytes).writeZero(replyBytes);
        reply = Unpooled.unreleasableBuffer(b.asReadOnly());
      }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (journal != null) {
        ByteBuf frame = (ByteBuf) msg;
        journal.append(ctx, frame, reply == null ? frame : reply.duplicate());
      } else if (reply == null) {
        ctx.writeAndFlush(msg);
      } else {
        ((ByteBuf) msg).release();
        ctx.writeAndFlush(reply.duplicate());
      }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      ctx.close();
    }
  }
}
