package brink.cli.net;

import brink.protocol.v1.ClientMessage;
import brink.protocol.v1.ServerMessage;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.TimeUnit;

/**
 * A scripted server end for connection tests: accepts connections one at a time and reads and writes
 * brink.v1 frames (4-byte big-endian length + protobuf) on them, so a test decides exactly what the server
 * answers, what it leaves unanswered, and when the connection drops.
 */
final class FakeWire implements AutoCloseable {
  private final ServerSocket listener;
  private Socket socket;
  private DataInputStream in;
  private DataOutputStream out;

  FakeWire() throws IOException {
    listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    listener.setSoTimeout((int) TimeUnit.SECONDS.toMillis(20));
  }

  Address address() {
    return new Address("127.0.0.1", listener.getLocalPort());
  }

  /** Waits (at most 20 s) for the client's next connection. */
  void accept() throws IOException {
    socket = listener.accept();
    socket.setSoTimeout((int) TimeUnit.SECONDS.toMillis(20));
    in = new DataInputStream(socket.getInputStream());
    out = new DataOutputStream(socket.getOutputStream());
  }

  /** The next frame the client sends (at most 20 s). */
  ClientMessage read() throws IOException {
    int n = in.readInt();
    byte[] b = new byte[n];
    in.readFully(b);
    return ClientMessage.parseFrom(b);
  }

  void send(ServerMessage.Builder m) throws IOException {
    byte[] b = m.build().toByteArray();
    out.writeInt(b.length);
    out.write(b);
    out.flush();
  }

  /** Answers {@code request} with {@code answer}, carrying its request id. */
  void answer(ClientMessage request, ServerMessage.Builder answer) throws IOException {
    send(answer.setRequestId(request.getRequestId()));
  }

  /** Drops the current connection, as a cut network would. */
  void drop() throws IOException {
    socket.close();
  }

  @Override
  public void close() throws IOException {
    if (socket != null) {
      socket.close();
    }
    listener.close();
  }
}
