package brink.server.net;

import brink.protocol.v1.ServerMessage;
import com.google.protobuf.CodedOutputStream;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.EncoderException;
import io.netty.handler.codec.MessageToByteEncoder;
import java.io.IOException;

/**
 * Writes each {@link ServerMessage} as one frame: a 4-byte big-endian length, then the message.
 * Stateless: one {@link #INSTANCE} serves every connection. A message over the server's 4 MiB
 * frame limit is a server bug (views are bounded): its write fails with an {@link
 * EncoderException} and nothing reaches the wire.
 */
@Sharable
public final class ServerFrameEncoder extends MessageToByteEncoder<ServerMessage> {
  public static final ServerFrameEncoder INSTANCE = new ServerFrameEncoder();

  private ServerFrameEncoder() {
    super(ServerMessage.class);
  }

  @Override
  protected ByteBuf allocateBuffer(ChannelHandlerContext ctx, ServerMessage msg, boolean preferDirect) {
    int size = checkedSize(msg);
    int frame = FrameLimits.LENGTH_PREFIX_BYTES + size;
    return preferDirect ? ctx.alloc().ioBuffer(frame, frame) : ctx.alloc().heapBuffer(frame, frame);
  }

  @Override
  protected void encode(ChannelHandlerContext ctx, ServerMessage msg, ByteBuf out) throws IOException {
    int size = checkedSize(msg);
    out.writeInt(size);
    CodedOutputStream coded = CodedOutputStream.newInstance(out.nioBuffer(out.writerIndex(), size));
    msg.writeTo(coded);
    coded.checkNoSpaceLeft();
    out.writerIndex(out.writerIndex() + size);
  }

  /**
   * The whole frame of {@code msg} (prefix and message) as bytes, for a message sent alike to several
   * connections: encoded once, then each connection writes the bytes as they are.
   *
   * @throws EncoderException when the message is over the server's frame limit
   */
  public static byte[] frame(ServerMessage msg) {
    int size = checkedSize(msg);
    byte[] out = new byte[FrameLimits.LENGTH_PREFIX_BYTES + size];
    out[0] = (byte) (size >>> 24);
    out[1] = (byte) (size >>> 16);
    out[2] = (byte) (size >>> 8);
    out[3] = (byte) size;
    CodedOutputStream coded = CodedOutputStream.newInstance(out, FrameLimits.LENGTH_PREFIX_BYTES, size);
    try {
      msg.writeTo(coded);
    } catch (IOException e) {
      throw new EncoderException("a ServerMessage could not be encoded: " + e.getMessage(), e);
    }
    coded.checkNoSpaceLeft();
    return out;
  }

  private static int checkedSize(ServerMessage msg) {
    int size = msg.getSerializedSize();
    if (size > FrameLimits.SERVER_FRAME_BYTES) {
      throw new EncoderException("a ServerMessage of " + size + " bytes (" + msg.getBodyCase()
          + ") is over the server's frame limit of " + FrameLimits.SERVER_FRAME_BYTES + " bytes");
    }
    return size;
  }
}
