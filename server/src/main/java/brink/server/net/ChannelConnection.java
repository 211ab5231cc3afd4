package brink.server.net;

import brink.protocol.v1.Disconnect;
import brink.protocol.v1.ServerMessage;
import brink.server.session.Connection;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.util.AttributeKey;

/** A Netty channel as a {@link Connection}. One per channel, kept in the channel's attributes. */
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

  /**
   * Sends a frame, unless the connection is closing: nothing is ever written after a final Error or a
   * Disconnect. Games answer from their own threads; the check is made again on the connection's event loop,
   * where the final frame is written, so an answer that raced with it is dropped rather than sent after it.
   */
  @Override
  public void send(ServerMessage message) {
    if (!channel.isActive() || closing) {
      return;
    }
    if (channel.eventLoop().inEventLoop()) {
      channel.writeAndFlush(message, channel.voidPromise());
    } else {
      channel.eventLoop().execute(() -> {
        if (channel.isActive() && !closing) {
          channel.writeAndFlush(message, channel.voidPromise());
        }
      });
    }
  }

  @Override
  public void disconnect(Disconnect reason) {
    if (closing) {
      return;
    }
    closing = true;
    if (channel.isActive()) {
      channel.writeAndFlush(ServerMessage.newBuilder().setDisconnect(reason).build())
          .addListener(ChannelFutureListener.CLOSE);
    }
  }

  /**
   * Sends a final answer and closes once it is written (a fatal request: wrong version, wrong key; a frame
   * that cannot be read). Nothing is sent after it.
   */
  void finalAnswer(ServerMessage message) {
    if (closing) {
      return;
    }
    closing = true;
    channel.writeAndFlush(message).addListener(ChannelFutureListener.CLOSE);
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
