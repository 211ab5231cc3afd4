package brink.server.net;

import brink.protocol.v1.Disconnect;
import brink.protocol.v1.ServerMessage;
import brink.server.session.Connection;
import brink.server.session.SharedMessage;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.SocketChannel;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.Future;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A Netty channel as a {@link Connection}. One per channel, kept in the channel's attributes.
 *
 * <p>What other threads (the games, timers) send waits in an outbox that one task on the channel's event loop
 * writes out with a single flush: a game telling a connection several things in a row (an answer and a push,
 * or a turn's report and its phase change) costs one task, one flush and one system call, not one of each.
 * Messages sent from one thread keep their order; the event loop's own sends go after the outbox.
 *
 * <p>A final word (a Disconnect, a fatal error) is the last frame the connection ever carries. Whether a frame
 * may still go is decided on the event loop when it is written, not when it is sent: a push a game sends just
 * as the event loop decides on a Disconnect is written before it if it reached the outbox first, and dropped
 * otherwise, never written after it.
 *
 * <p>A connection ends in two steps once its final word is written: the server shuts down its output (the
 * client reads the final word, then the end of the stream) and reads on, throwing away whatever the client
 * still sends, until the client closes or the linger time ends ({@link ConnectionTimeouts}). Closing at once
 * would be a reset whenever the client's requests were still arriving, and a reset makes the kernel throw
 * away a final word not yet on its way: the client would see the connection end without a reason.
 */
public final class ChannelConnection implements Connection {
  static final AttributeKey<ChannelConnection> KEY = AttributeKey.valueOf(ChannelConnection.class, "connection");

  private final Channel channel;
  private volatile boolean instructorKey;
  private volatile boolean welcomed;
  /** Set on the event loop once the final word is written (or the connection force-closed). */
  private volatile boolean closing;
  /** Messages from other threads not yet written (ServerMessage, or the ByteBuf of a shared frame). */
  private final Queue<Object> outbox = new ConcurrentLinkedQueue<>();
  /** True while a task that writes the outbox out is queued on the event loop. */
  private final AtomicBoolean drainQueued = new AtomicBoolean();

  private ChannelConnection(Channel channel) {
    this.channel = channel;
  }

  /** The connection of a channel (made on first use). */
  public static ChannelConnection of(Channel channel) {
    ChannelConnection c = channel.attr(KEY).get();
    if (c == null) {
      ChannelConnection fresh = new ChannelConnection(channel);
      c = channel.attr(KEY).setIfAbsent(fresh);
      if (c == null) {
        c = fresh;
      }
    }
    return c;
  }

  @Override
  public void send(ServerMessage message) {
    if (!closing && channel.isActive()) {
      queue(message);
    }
  }

  @Override
  public void send(SharedMessage message) {
    if (!closing && channel.isActive()) {
      queue(Unpooled.wrappedBuffer(message.frame(ServerFrameEncoder::frame)));
    }
  }

  @Override
  public void prepare(SharedMessage message) {
    message.frame(ServerFrameEncoder::frame);
  }

  private void queue(Object message) {
    EventLoop loop = channel.eventLoop();
    if (loop.inEventLoop()) {
      writeOutbox(false);
      write(message);
      channel.flush();
      return;
    }
    outbox.add(message);
    if (drainQueued.compareAndSet(false, true)) {
      try {
        loop.execute(this::drainOutbox);
      } catch (RejectedExecutionException e) {
        discardOutbox(); // the server is stopping: its connections take no more
      }
    }
  }

  private void drainOutbox() {
    drainQueued.set(false);
    writeOutbox(true);
  }

  /**
   * Writes what waits in the outbox (on the event loop), in the order it was sent, then flushes if asked and
   * anything was written. A final word in the outbox is written as the last frame; what follows it is dropped.
   */
  private void writeOutbox(boolean flush) {
    boolean wrote = false;
    for (Object m = outbox.poll(); m != null; m = outbox.poll()) {
      if (m instanceof FinalWord) {
        writeLastWord(((FinalWord) m).message);
        wrote = false; // written and flushed
      } else {
        wrote |= write(m);
      }
    }
    if (wrote && flush) {
      channel.flush();
    }
  }

  /** Writes one frame unless a final word went first (then it is dropped). On the event loop. */
  private boolean write(Object message) {
    if (closing || !channel.isActive()) {
      ReferenceCountUtil.release(message);
      return false;
    }
    channel.write(message, channel.voidPromise());
    return true;
  }

  /** Writes the connection's last frame and closes once it is written, unless a final word went first. */
  private void writeLastWord(ServerMessage message) {
    if (closing) {
      return;
    }
    closing = true;
    if (channel.isActive()) {
      channel.writeAndFlush(message).addListener(this::lastWordWritten);
    } else {
      channel.flush();
    }
  }

  /**
   * The final word is written: stop sending (the client gets it, then the end of the stream), read on and
   * throw away what still comes, and let {@link ConnectionTimeouts} close after the linger time unless the
   * client closes first. On the event loop.
   */
  private void lastWordWritten(Future<?> written) {
    if (!written.isSuccess() || !(channel instanceof SocketChannel) || !channel.isActive()
        || ((SocketChannel) channel).isInputShutdown()) {
      channel.close();
      return;
    }
    ClientFrameDecoder.discardFromNowOn(channel);
    channel.config().setAutoRead(true);
    // The linger time starts before the output ends: a client that sees the end and moves a test's clock
    // at once finds the close already due.
    channel.pipeline().fireUserEventTriggered(LAST_WORD_SENT);
    ((SocketChannel) channel).shutdownOutput();
  }

  /** The event {@link ConnectionTimeouts} arms the linger time on: the final word is written. */
  static final Object LAST_WORD_SENT = new Object() {
    @Override
    public String toString() {
      return "the final word is written";
    }
  };

  /** True once the connection's final word is decided (it may still be on its way). */
  boolean saidLastWord() {
    return closing;
  }

  private void discardOutbox() {
    for (Object m = outbox.poll(); m != null; m = outbox.poll()) {
      ReferenceCountUtil.release(m);
    }
  }

  @Override
  public void disconnect(Disconnect reason) {
    lastWord(ServerMessage.newBuilder().setDisconnect(reason).build());
  }

  /** Sends a final answer and closes (a fatal request: wrong version, wrong key). */
  void finalAnswer(ServerMessage message) {
    lastWord(message);
  }

  /**
   * Sends {@code message} as the connection's last frame, then closes the connection; anything that reaches
   * the event loop after it is dropped. From another thread it goes through the outbox, so what that thread
   * sent before goes first; on the event loop it is written at once, and what waits in the outbox (sent by
   * games after the loop took up the task that decided this) is dropped. Only the first final word counts.
   */
  void lastWord(ServerMessage message) {
    if (channel.eventLoop().inEventLoop()) {
      writeLastWord(message);
    } else {
      queue(new FinalWord(message));
    }
  }

  /** A final word waiting in the outbox. */
  private static final class FinalWord {
    final ServerMessage message;

    FinalWord(ServerMessage message) {
      this.message = message;
    }
  }

  /** Closes without another word (after a Disconnect the reader never took). */
  void forceClose() {
    onLoop(() -> {
      closing = true;
      discardOutbox();
      channel.close();
    });
  }

  /**
   * Runs {@code task} on the channel's event loop: at once when called there, else after whatever the loop
   * was already given. Frames and final words from one thread keep their order; between threads, the order
   * they reach the loop is the order on the wire.
   */
  private void onLoop(Runnable task) {
    EventLoop loop = channel.eventLoop();
    if (loop.inEventLoop()) {
      task.run();
      return;
    }
    try {
      loop.execute(task);
    } catch (RejectedExecutionException e) {
      discardOutbox(); // the event loop has stopped (the server is shutting down) and the channel with it
    }
  }

  @Override
  public boolean isOpen() {
    return channel.isActive() && !closing;
  }

  @Override
  public boolean instructorKey() {
    return instructorKey;
  }

  void instructorKey(boolean value) {
    instructorKey = value;
  }

  /** True once Hello was answered with Welcome. */
  boolean welcomed() {
    return welcomed;
  }

  void welcomed(boolean value) {
    welcomed = value;
  }

  Channel channel() {
    return channel;
  }

  @Override
  public String remote() {
    return String.valueOf(channel.remoteAddress());
  }

  @Override
  public String toString() {
    return "connection " + remote();
  }
}
