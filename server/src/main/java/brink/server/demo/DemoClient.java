package brink.server.demo;

import brink.protocol.v1.ClientMessage;
import brink.protocol.v1.Hello;
import brink.protocol.v1.ProtocolVersion;
import brink.protocol.v1.ServerMessage;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * The demo's own participant: one TCP connection speaking brink.v1 (4-byte big-endian length + protobuf),
 * as any client does. Answers go to the request that asked; pushes wait in a queue.
 */
final class DemoClient implements AutoCloseable {
  /** How long the demo waits for any one answer or push. */
  static final long WAIT_SECONDS = 30;

  private final Socket socket;
  private final DataOutputStream out;
  private final Map<Long, CompletableFuture<ServerMessage>> answers = new ConcurrentHashMap<>();
  private final BlockingQueue<ServerMessage> pushes = new LinkedBlockingQueue<>();
  private long nextId = 1;

  private DemoClient(Socket socket) throws IOException {
    this.socket = socket;
    this.out = new DataOutputStream(socket.getOutputStream());
    DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
    Thread reader = new Thread(() -> read(in), "brink-demo-reader");
    reader.setDaemon(true);
    reader.start();
  }

  /** Connects and says Hello (with the instructor key, or "" for an observer). */
  static DemoClient connect(InetSocketAddress address, String instructorKey) throws IOException {
    Socket s = new Socket();
    s.setTcpNoDelay(true);
    s.connect(address, 10_000);
    DemoClient c = new DemoClient(s);
    ServerMessage welcome = c.call(ClientMessage.newBuilder().setHello(Hello.newBuilder()
        .setProtocolVersion(ProtocolVersion.PROTOCOL_VERSION_1.getNumber()).setClient("brink-demo/0.1.0")
        .setInstructorKey(instructorKey)));
    if (!welcome.hasWelcome()) {
      c.close();
      throw new IOException("the server refused the demo's Hello: " + welcome.getError().getMessage());
    }
    return c;
  }

  /** Sends a request and waits for its answer; an Error answer is an IOException with the server's sentence. */
  ServerMessage call(ClientMessage.Builder body) throws IOException {
    CompletableFuture<ServerMessage> f = new CompletableFuture<>();
    ClientMessage m;
    synchronized (this) {
      m = body.setRequestId(nextId++).build();
      answers.put(m.getRequestId(), f);
      byte[] b = m.toByteArray();
      out.writeInt(b.length);
      out.write(b);
      out.flush();
    }
    ServerMessage answer;
    try {
      answer = f.get(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException | ExecutionException e) {
      throw new IOException("the server did not answer " + m.getBodyCase(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    if (answer.hasError()) {
      throw new IOException(answer.getError().getMessage());
    }
    return answer;
  }

  /** The next push that matches {@code wanted} (earlier ones are dropped). */
  ServerMessage awaitPush(Predicate<ServerMessage> wanted) throws IOException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
    try {
      while (System.nanoTime() < end) {
        ServerMessage m = pushes.poll(end - System.nanoTime(), TimeUnit.NANOSECONDS);
        if (m != null && wanted.test(m)) {
          return m;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    throw new IOException("the server sent nothing the demo was waiting for");
  }

  private void read(DataInputStream in) {
    try {
      while (true) {
        int n = in.readInt();
        byte[] b = new byte[n];
        in.readFully(b);
        ServerMessage m = ServerMessage.parseFrom(b);
        if (m.getRequestId() != 0) {
          CompletableFuture<ServerMessage> f = answers.remove(m.getRequestId());
          if (f != null) {
            f.complete(m);
          }
        } else {
          pushes.add(m);
        }
      }
    } catch (EOFException e) {
      // The server closed the connection.
    } catch (IOException e) {
      // Closed by close().
    } finally {
      answers.values().forEach(f -> f.completeExceptionally(new IOException("connection closed")));
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
