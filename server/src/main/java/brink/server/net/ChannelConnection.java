package brink.server.net;

import brink.protocol.v1.Disconnect;
import brink.protocol.v1.ServerMessage;
import brink.server.session.Connection;
import brink.server.session.SharedMessage;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.EventLoop;
import io.netty.util.AttributeKey;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A Netty channel as a {@link Connection}. One per channel, kept in the channel's attributes.
 *
 * <p>What other threads (the games) send waits in an outbox that one task on the channel's event loop writes
 * out with a single flush: a game telling a connection several things in a row (an answer and a push, or a
 * turn's report and its phase change) costs one task, one flush and one system call, not one of each per
 * message. Messages sent from one thread keep their order; the event loop's own sends go after the outbox.
 */
public final class ChannelConnection implements Connection {
  static final AttributeKey<ChannelConnection> KEY = AttributeKey.valueOf(ChannelConnection.class, "connection");

  private final Channel channel;
  private volatile boolean instructorKey;
  private volatile boolean welcomed;
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
    if (channel.isActive() && !closing) {
      queue(message);
    }
  }

  @Override
  public void send(SharedMessage message) {
    if (channel.isActive() && !closing) {
      queue(Unpooled.wrappedBuffer(message.frame(ServerFrameEncoder::frame)));
    }
  }

  private void queue(Object message) {
    EventLoop loop = channel.eventLoop();
    if (loop.inEventLoop()) {
      writeOutbox(false);
      channel.writeAndFlush(message, channel.voidPromise());
      return;
    }
    outbox.add(message);
    if (drainQueued.compareAndSet(false, true)) {
      try {
        loop.execute(this::drainOutbox);
      } catch (RejectedExecutionException e) {
        outbox.clear(); // the server is stopping: its connections take no more
      }
    }
  }

  private void drainOutbox() {
    drainQueued.set(false);
    writeOutbox(true);
  }

  /** Writes what waits in the outbox (on the event loop), then flushes if asked and anything was written. */
  private void writeOutbox(boolean flush) {
    boolean wrote = false;
    for (Object m = outbox.poll(); m != null; m = outbox.poll()) {
      channel.write(m, channel.voidPromise());
      wrote = true;
    }
    if (wrote && flush) {
      channel.flush();
    }
  }

  /** Runs {@code last} on the event loop after what the outbox holds is written. */
  private void afterOutbox(Runnable last) {
    EventLoop loop = channel.eventLoop();
    if (loop.inEventLoop()) {
      writeOutbox(false);
      last.run();
    } else {
      try {
        loop.execute(() -> {
          writeOutbox(false);
          last.run();
        });
      } catch (RejectedExecutionException e) {
        channel.close(); // the server is stopping
      }
    }
  }

  @Override
  public void disconnect(Disconnect reason) {
    if (closing) {
      return;
    }
    closing = true;
    if (channel.isActive()) {
      afterOutbox(() -> channel.writeAndFlush(ServerMessage.newBuilder().setDisconnect(reason).build())
          .addListener(ChannelFutureListener.CLOSE));
    }
  }

  /** Sends a final answer and closes (a fatal request: wrong version, wrong key). */
  void finalAnswer(ServerMessage message) {
    if (closing) {
      return;
    }
    closing = true;
    afterOutbox(() -> channel.writeAndFlush(message).addListener(ChannelFutureListener.CLOSE));
  }

  /** Closes without another word (after a Disconnect the reader never took). */
  void forceClose() {
    closing = true;
    channel.close();
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
