package brink.server.net;

import brink.protocol.v1.Error;
import brink.protocol.v1.ErrorCode;
import brink.protocol.v1.ServerMessage;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;

/**
 * Watches where the client's bytes stand in the frame stream (without touching them), so that a client that
 * stops sending in the middle of a frame (a truncated frame, then end of input) gets a final Error saying
 * so, while one that ends between frames is simply closed. It sits before the frame decoder and needs the
 * channel's ALLOW_HALF_CLOSURE option. One instance per connection.
 */
public final class FrameBoundaryTracker extends ChannelInboundHandlerAdapter {
  private int prefixBytes;
  private long prefix;
  private long remaining;
  private long frameLength;

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
    if (msg instanceof ByteBuf) {
      track((ByteBuf) msg);
    }
    super.channelRead(ctx, msg);
  }

  private void track(ByteBuf in) {
    int i = in.readerIndex();
    int end = in.writerIndex();
    while (i < end) {
      if (remaining > 0) {
        int take = (int) Math.min(remaining, end - i);
        remaining -= take;
        i += take;
      } else {
        prefix = (prefix << 8) | (in.getByte(i) & 0xFF);
        prefixBytes++;
        i++;
        if (prefixBytes == FrameLimits.LENGTH_PREFIX_BYTES) {
          remaining = prefix & 0xFFFFFFFFL;
          frameLength = remaining;
          prefix = 0;
          prefixBytes = 0;
        }
      }
    }
  }

  /** True when the bytes so far end inside a frame (its length prefix or its body). */
  boolean midFrame() {
    return prefixBytes > 0 || remaining > 0;
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
    if (evt instanceof ChannelInputShutdownEvent) {
      ChannelConnection c = ChannelConnection.of(ctx.channel());
      if (c.saidLastWord()) {
        // The client closed after the server's final word (which it has or never will): nothing more to say.
        ctx.close();
      } else if (midFrame()) {
        String what = prefixBytes > 0
            ? "after " + prefixBytes + " of the 4 bytes of a frame's length"
            : (frameLength - remaining) + " bytes into a frame of " + frameLength + " bytes";
        c.finalAnswer(ServerMessage.newBuilder().setError(Error.newBuilder().setCode(ErrorCode.INVALID_ARGUMENT)
            .setMessage("the connection's input ended " + what + "; send whole frames (a 4-byte big-endian "
                + "length, then that many bytes)")
            .putDetails("frame_bytes", Long.toString(frameLength))).build());
      } else {
        // The client is done sending: flush what is queued for it, then close our side too.
        ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
      }
    }
    super.userEventTriggered(ctx, evt);
  }
}
