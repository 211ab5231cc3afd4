package brink.cli.net;

import brink.protocol.v1.ClientMessage;
import brink.protocol.v1.ServerMessage;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The wire format of brink.v1 (common.proto): each frame is a 4-byte big-endian unsigned length followed by
 * exactly that many bytes of one protobuf message.
 */
final class Frames {
  /** The largest frame the server may send (common.proto: 4 MiB). */
  static final int MAX_SERVER_FRAME = 4 * 1024 * 1024;

  private Frames() {}

  /** Writes one frame; the caller serializes writers. */
  static void write(OutputStream out, ClientMessage m) throws IOException {
    byte[] body = m.toByteArray();
    int n = body.length;
    byte[] frame = new byte[4 + n];
    frame[0] = (byte) (n >>> 24);
    frame[1] = (byte) (n >>> 16);
    frame[2] = (byte) (n >>> 8);
    frame[3] = (byte) n;
    System.arraycopy(body, 0, frame, 4, n);
    out.write(frame);
    out.flush();
  }

  /** Reads one frame, or returns null at a clean end of stream between frames. */
  static ServerMessage read(DataInputStream in) throws IOException {
    int b0 = in.read();
    if (b0 < 0) {
      return null;
    }
    int n = (b0 << 24) | (in.readUnsignedByte() << 16) | (in.readUnsignedByte() << 8) | in.readUnsignedByte();
    if (n < 0 || n > MAX_SERVER_FRAME) {
      throw new IOException("the server sent a frame of " + Integer.toUnsignedString(n) + " bytes, more than "
          + MAX_SERVER_FRAME);
    }
    byte[] body = new byte[n];
    try {
      in.readFully(body);
    } catch (EOFException e) {
      throw new IOException("the connection closed in the middle of a frame", e);
    }
    return ServerMessage.parseFrom(body);
  }
}
