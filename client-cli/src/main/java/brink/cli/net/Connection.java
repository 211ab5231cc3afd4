package brink.cli.net;

import brink.protocol.v1.ClientMessage;
import brink.protocol.v1.ServerMessage;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.function.Consumer;

/**
 * One TCP connection to a Brink server: a daemon thread reads frames and hands each message to
 * {@code onMessage}; when the stream ends or fails, {@code onClosed} runs once. Writes are serialized.
 */
final class Connection {
  private final Socket socket;
  private final OutputStream out;
  private final Consumer<ServerMessage> onMessage;
  private final Consumer<Connection> onClosed;
  private volatile boolean closed;

  private Connection(Socket socket, Consumer<ServerMessage> onMessage, Consumer<Connection> onClosed)
      throws IOException {
    this.socket = socket;
    this.out = new BufferedOutputStream(socket.getOutputStream());
    this.onMessage = onMessage;
    this.onClosed = onClosed;
  }

  /** Connects (within {@code timeoutMillis}) and starts reading. */
  static Connection open(Address address, int timeoutMillis, Consumer<ServerMessage> onMessage,
      Consumer<Connection> onClosed) throws IOException {
    Socket s = new Socket();
    try {
      s.setTcpNoDelay(true);
      s.setKeepAlive(true);
      s.connect(new InetSocketAddress(address.host(), address.port()), timeoutMillis);
    } catch (IOException | RuntimeException e) {
      s.close();
      throw e;
    }
    Connection c = new Connection(s, onMessage, onClosed);
    Thread reader = new Thread(c::readLoop, "brink-reader");
    reader.setDaemon(true);
    reader.start();
    return c;
  }

  void send(ClientMessage m) throws IOException {
    synchronized (out) {
      Frames.write(out, m);
    }
  }

  boolean isClosed() {
    return closed;
  }

  /** Closes the socket; the reader thread then ends and reports the close. */
  void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // Closing a socket that failed already: nothing left to release.
    }
  }

  private void readLoop() {
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()))) {
      ServerMessage m;
      while ((m = Frames.read(in)) != null) {
        onMessage.accept(m);
      }
    } catch (IOException | RuntimeException e) {
      // A reset, a timeout or a malformed frame all end this connection; the client decides what next.
    } finally {
      closed = true;
      close();
      onClosed.accept(this);
    }
  }
}
