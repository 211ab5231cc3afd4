package brink.server.net;

import brink.protocol.v1.Disconnect;
import brink.protocol.v1.ServerMessage;
import brink.server.session.Connection;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.EventLoop;
import io.netty.util.AttributeKey;
import java.util.concurrent.RejectedExecutionException;

/**
 * A Netty channel as a {@link Connection}. One per channel, kept in the channel's attributes.
 *
 * <p>A final word (a Disconnect, a fatal error) is the last frame the connection ever carries. Frames are
 * sent from any thread (games, timers), so whether one may still go is decided on the channel's event loop
 * when it is written, not when it is sent: a push sent by a game just before a Disconnect is decided reaches
 * the event loop after it, and it is dropped there rather than written after the Disconnect.
 */
public final class ChannelConnection implements Connection {
  static final AttributeKey<ChannelConnection> KEY = AttributeKey.valueOf(ChannelConnection.class, "connection");

  private final Channel channel;
  private volatile boolean instructorKey;
  private volatile boolean welcomed;
  private volatile boolean closing;

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
      onLoop(() -> write(message));
    }
  }

  /** Writes a frame unless a final word went first. On the event loop. */
  private void write(ServerMessage message) {
    if (!closing && channel.isActive()) {
      channel.writeAndFlush(message, channel.voidPromise());
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
   * Sends {@code message} as the connection's last frame, then closes it; anything sent after is dropped.
   * Only the first final word counts.
   */
  void lastWord(ServerMessage message) {
    onLoop(() -> {
      if (closing) {
        return;
      }
      closing = true;
      if (channel.isActive()) {
        channel.writeAndFlush(message).addListener(ChannelFutureListener.CLOSE);
      }
    });
  }

  /** Closes without another word (after a Disconnect the reader never took). */
  void forceClose() {
    onLoop(() -> {
      closing = true;
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
      // The event loop has stopped (the server is shutting down) and the channel with it.
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
