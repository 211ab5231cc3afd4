package brink.server.hostile;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;

/**
 * The thinnest brink.v1 connection: bytes and frames out, frames in, nothing kept. The fuzzer and the
 * flooders send hundreds of thousands of frames and measure the server's heap in this same JVM, so unlike
 * {@link brink.server.testkit.TestClient} (which records every frame for inspection) this one forgets each
 * frame once its caller has looked at it.
 */
final class RawConnection implements AutoCloseable {
  private final Socket socket;
  private final DataInputStream in;
  private final BufferedOutputStream out;

  private RawConnection(Socket socket) throws IOException {
    this.socket = socket;
    this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 64 * 1024));
    this.out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
  }

  static RawConnection open(int port, int readTimeoutMillis) throws IOException {
    Socket s = new Socket();
    s.setTcpNoDelay(true);
    s.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
    s.setSoTimeout(readTimeoutMillis);
    return new RawConnection(s);
  }

  /** Queues one frame: the 4-byte big-endian length of {@code payload}, then {@code payload}. */
  void frame(byte[] payload) throws IOException {
    out.write(payload.length >>> 24);
    out.write(payload.length >>> 16);
    out.write(payload.length >>> 8);
    out.write(payload.length);
    out.write(payload);
  }

  /** Queues bytes as they are (a lying length prefix, garbage). */
  void raw(byte[] bytes) throws IOException {
    out.write(bytes);
  }

  void flush() throws IOException {
    out.flush();
  }

  /** Flushes and ends this side's output (the server sees end of input). */
  void endOutput() throws IOException {
    out.flush();
    socket.shutdownOutput();
  }

  /**
   * The next frame's payload, or null when the server has closed the connection (end of input, or a reset).
   *
   * @throws java.net.SocketTimeoutException when nothing comes within the read timeout
   */
  byte[] read() throws IOException {
    try {
      int length = in.readInt();
      byte[] payload = new byte[length];
      in.readFully(payload);
      return payload;
    } catch (EOFException e) {
      return null;
    } catch (SocketException e) {
      // "Connection reset": the server closed while we still had unread data or were writing.
      return null;
    }
  }

  /** This side's port, to find the connection in the server's log. */
  int localPort() {
    return socket.getLocalPort();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
