package brink.server.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import brink.protocol.v1.ClientMessage;
import brink.protocol.v1.ErrorCode;
import brink.protocol.v1.Hello;
import brink.protocol.v1.JoinGame;
import brink.protocol.v1.ServerMessage;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;

/**
 * A small blocking client for tests: speaks the brink.v1 framing over a real socket, numbers its requests,
 * keeps the pushes that arrive while it waits for an answer, and records every frame it receives (raw bytes
 * and parsed) so that a test can inspect everything a participant was ever sent.
 */
public final class TestClient implements AutoCloseable {
  /** How long a read waits before the test fails (an answer that never comes is a bug). */
  public static final int READ_TIMEOUT_MILLIS = 10_000;

  private final Socket socket;
  private final DataInputStream in;
  private final OutputStream out;
  private long nextId = 1;
  private final ArrayDeque<ServerMessage> unread = new ArrayDeque<>();
  private final List<byte[]> rawFrames = Collections.synchronizedList(new ArrayList<>());
  private final List<ServerMessage> frames = Collections.synchronizedList(new ArrayList<>());
  public String token = "";
  public long lastSeq;

  private TestClient(Socket socket) throws IOException {
    this.socket = socket;
    socket.setSoTimeout(READ_TIMEOUT_MILLIS);
    socket.setTcpNoDelay(true);
    this.in = new DataInputStream(socket.getInputStream());
    this.out = socket.getOutputStream();
  }

  public static TestClient connect(int port) throws IOException {
    Socket s = new Socket();
    s.connect(new InetSocketAddress("127.0.0.1", port), READ_TIMEOUT_MILLIS);
    return new TestClient(s);
  }

  /** A client with a tiny receive buffer, for slow-reader tests. */
  public static TestClient connectSmallBuffer(int port, int receiveBuffer) throws IOException {
    Socket s = new Socket();
    s.setReceiveBufferSize(receiveBuffer);
    s.connect(new InetSocketAddress("127.0.0.1", port), READ_TIMEOUT_MILLIS);
    return new TestClient(s);
  }

  // ------------------------------------------------------------------ raw

  public void writeBytes(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  public void writeFrame(byte[] payload) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(4 + payload.length);
    b.putInt(payload.length).put(payload);
    writeBytes(b.array());
  }

  /** Bytes received and not read yet (what the kernel holds for this client). */
  public int available() throws IOException {
    return in.available();
  }

  public void shutdownOutput() throws IOException {
    socket.shutdownOutput();
  }

  /** Sends a message exactly as given (its request_id included). */
  public void sendRaw(ClientMessage m) throws IOException {
    writeFrame(m.toByteArray());
  }

  /** The next frame from the server: one kept from before, or a new one; fails on timeout or close. */
  public ServerMessage next() throws IOException {
    ServerMessage m = unread.poll();
    return m != null ? m : read();
  }

  private ServerMessage read() throws IOException {
    int length = in.readInt();
    byte[] payload = new byte[length];
    in.readFully(payload);
    rawFrames.add(payload);
    ServerMessage m = ServerMessage.parseFrom(payload);
    frames.add(m);
    if (m.getSeq() > lastSeq) {
      lastSeq = m.getSeq();
    }
    if (m.hasGameState() && m.getGameState().getSeq() > lastSeq) {
      lastSeq = m.getGameState().getSeq();
    }
    return m;
  }

  private ServerMessage last;

  /** Reads one more frame: true (see {@link #lastRead}), or false when the server closed the connection. */
  public boolean readOne() throws IOException {
    try {
      last = read();
      return true;
    } catch (EOFException e) {
      return false;
    }
  }

  public ServerMessage lastRead() {
    return last;
  }

  /** True when the server has closed the connection (after reading whatever it sent before). */
  public boolean closedByServer() throws IOException {
    try {
      while (true) {
        read();
      }
    } catch (EOFException e) {
      return true;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true;
    }
  }

  // ------------------------------------------------------------------ requests

  /** Sends a request with the next request id and returns its answer; pushes meanwhile are kept. */
  public ServerMessage request(ClientMessage.Builder b) throws IOException {
    long id = nextId++;
    return requestWithId(b, id);
  }

  /** Sends a request with a chosen request id (for idempotency tests) and returns its answer. */
  public ServerMessage requestWithId(ClientMessage.Builder b, long id) throws IOException {
    sendRaw(b.setRequestId(id).build());
    return answer(id);
  }

  /** Waits for the answer to a request id, keeping the pushes that come first. */
  public ServerMessage answer(long id) throws IOException {
    for (Iterator<ServerMessage> it = unread.iterator(); it.hasNext(); ) {
      ServerMessage m = it.next();
      if (m.getRequestId() == id && !isPush(m)) {
        it.remove();
        return m;
      }
    }
    while (true) {
      ServerMessage m = read();
      if (m.getRequestId() == id && !isPush(m)) {
        return m;
      }
      unread.add(m);
    }
  }

  private static boolean isPush(ServerMessage m) {
    return m.getRequestId() == 0;
  }

  /** The first push (kept or new) that matches; pushes before it stay kept. */
  public ServerMessage awaitPush(Predicate<ServerMessage> p) throws IOException {
    for (Iterator<ServerMessage> it = unread.iterator(); it.hasNext(); ) {
      ServerMessage m = it.next();
      if (isPush(m) && p.test(m)) {
        it.remove();
        return m;
      }
    }
    while (true) {
      ServerMessage m = read();
      if (isPush(m) && p.test(m)) {
        return m;
      }
      unread.add(m);
    }
  }

  /** Drops the pushes kept so far. */
  public void clearPushes() {
    unread.clear();
  }

  /** Every frame received so far, in order. */
  public List<ServerMessage> frames() {
    synchronized (frames) {
      return List.copyOf(frames);
    }
  }

  /** Forgets the frames recorded so far (a memory test's long-lived clients would otherwise count them). */
  public void forgetFrames() {
    rawFrames.clear();
    frames.clear();
  }

  public List<byte[]> rawFrames() {
    synchronized (rawFrames) {
      return List.copyOf(rawFrames);
    }
  }

  /** This end's port: how the server's log lines name the connection ("/127.0.0.1:port"). */
  public int localPort() {
    return socket.getLocalPort();
  }

  public long nextRequestId() {
    return nextId;
  }

  /** Goes on numbering requests after {@code earlier}'s (same session, new connection). */
  public void continueNumberingFrom(TestClient earlier) {
    nextId = Math.max(nextId, earlier.nextId);
  }

  // ------------------------------------------------------------------ conversation helpers

  public ServerMessage hello() throws IOException {
    return hello("");
  }

  public ServerMessage hello(String instructorKey) throws IOException {
    ServerMessage w = request(ClientMessage.newBuilder().setHello(Hello.newBuilder().setProtocolVersion(1)
        .setClient("brink-test/1").setInstructorKey(instructorKey)));
    assertThat(w.hasWelcome()).as("Welcome, got %s", w).isTrue();
    token = w.getWelcome().getSessionToken();
    return w;
  }

  public ServerMessage join(String code, String name) throws IOException {
    ServerMessage j = request(ClientMessage.newBuilder().setJoinGame(JoinGame.newBuilder().setCode(code)
        .setName(name)));
    assertThat(j.hasJoined()).as("Joined, got %s", j).isTrue();
    return j;
  }

  /** Asserts an answer is an Error of this code and returns it. */
  public static brink.protocol.v1.Error error(ServerMessage m, ErrorCode code) {
    assertThat(m.hasError()).as("an Error %s, got %s", code, m).isTrue();
    assertThat(m.getError().getCode()).as("error %s", m.getError()).isEqualTo(code);
    return m.getError();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
