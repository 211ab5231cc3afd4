package brink.server.net;

import brink.protocol.v1.ClientMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Turns the client's bytes into {@link ClientMessage}s: a 4-byte big-endian length, then that many
 * bytes of one serialized ClientMessage. One instance per connection (it keeps the connection's
 * limit and partial frames).
 *
 * <p>A length over the connection's limit is refused as soon as its 4 bytes arrive, before any of
 * the frame is buffered; bytes that are not a ClientMessage are refused once whole. Either way the
 * decoder throws one {@link FrameException} and from then on discards whatever the connection
 * sends, so nothing after a fatal frame reaches the session.
 */
public final class ClientFrameDecoder extends ByteToMessageDecoder {
  private volatile int maxFrameBytes;
  private boolean failed;

  /** A decoder with the default client limit of 64 KiB. */
  public ClientFrameDecoder() {
    this(FrameLimits.CLIENT_FRAME_BYTES);
  }

  public ClientFrameDecoder(int maxFrameBytes) {
    setMaxFrameBytes(maxFrameBytes);
  }

  /**
   * Changes this connection's limit (4 MiB once the session is an authenticated instructor's). It
   * applies to every frame whose length prefix is read after the call.
   */
  public void setMaxFrameBytes(int bytes) {
    if (bytes < 1 || bytes > FrameLimits.INSTRUCTOR_FRAME_BYTES) {
      throw new IllegalArgumentException("a frame limit must be 1.." + FrameLimits.INSTRUCTOR_FRAME_BYTES
          + " bytes, got " + bytes);
    }
    this.maxFrameBytes = bytes;
  }

  public int maxFrameBytes() {
    return maxFrameBytes;
  }

  /** Changes the limit of the decoder in {@code channel}'s pipeline. */
  public static void setMaxFrameBytes(Channel channel, int bytes) {
    ClientFrameDecoder decoder = channel.pipeline().get(ClientFrameDecoder.class);
    if (decoder == null) {
      throw new IllegalStateException("channel " + channel + " has no ClientFrameDecoder");
    }
    decoder.setMaxFrameBytes(bytes);
  }

  /**
   * From now on the decoder of {@code channel} (if it has one) throws away whatever the client sends: its
   * final word is said, and nothing it sends afterwards is looked at.
   */
  static void discardFromNowOn(Channel channel) {
    ClientFrameDecoder decoder = channel.pipeline().get(ClientFrameDecoder.class);
    if (decoder != null) {
      decoder.failed = true;
    }
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    if (failed) {
      in.skipBytes(in.readableBytes());
      return;
    }
    if (in.readableBytes() < FrameLimits.LENGTH_PREFIX_BYTES) {
      return;
    }
    long length = in.getUnsignedInt(in.readerIndex());
    int limit = maxFrameBytes;
    if (length > limit) {
      failed = true;
      in.skipBytes(in.readableBytes());
      throw FrameException.tooLong(length, limit);
    }
    if (in.readableBytes() < FrameLimits.LENGTH_PREFIX_BYTES + length) {
      return;
    }
    in.skipBytes(FrameLimits.LENGTH_PREFIX_BYTES);
    int size = (int) length;
    ByteBuffer frame = in.nioBuffer(in.readerIndex(), size);
    in.skipBytes(size);
    try {
      out.add(ClientMessage.parser().parseFrom(frame));
    } catch (InvalidProtocolBufferException e) {
      failed = true;
      in.skipBytes(in.readableBytes());
      throw FrameException.malformed(size, e);
    }
  }
}
