package brink.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * A TCP relay between clients and the real server that a test can cut, as a network would: {@link #cut()}
 * closes every relayed connection and stops listening (new connections are refused), {@link #restore()}
 * listens again on the same port.
 */
public final class Proxy implements AutoCloseable {
  private final int target;
  private final int port;
  private final List<Socket> live = new ArrayList<>();
  private ServerSocket listener;

  public Proxy(int targetPort) throws IOException {
    this.target = targetPort;
    this.listener = listen(0);
    this.port = listener.getLocalPort();
    acceptLoop(listener);
  }

  /** {@code 127.0.0.1:PORT} of the relay. */
  public String address() {
    return "127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  private static ServerSocket listen(int port) throws IOException {
    ServerSocket s = new ServerSocket();
    s.setReuseAddress(true);
    s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    return s;
  }

  private void acceptLoop(ServerSocket s) {
    Thread t = new Thread(() -> {
      while (!s.isClosed()) {
        try {
          Socket client = s.accept();
          Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
          synchronized (live) {
            live.add(client);
            live.add(server);
          }
          pump(client, server);
          pump(server, client);
        } catch (IOException e) {
          // Closed by cut() or close().
        }
      }
    }, "proxy-accept");
    t.setDaemon(true);
    t.start();
  }

  private static void pump(Socket from, Socket to) {
    Thread t = new Thread(() -> {
      byte[] buf = new byte[8192];
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        int n;
        while ((n = in.read(buf)) >= 0) {
          out.write(buf, 0, n);
          out.flush();
        }
      } catch (IOException e) {
        // One side closed: close the other below.
      } finally {
        closeQuietly(from);
        closeQuietly(to);
      }
    }, "proxy-pump");
    t.setDaemon(true);
    t.start();
  }

  /** Drops every relayed connection and refuses new ones until {@link #restore()}. */
  public synchronized void cut() throws IOException {
    listener.close();
    synchronized (live) {
      for (Socket s : live) {
        closeQuietly(s);
      }
      live.clear();
    }
  }

  /** Listens again on the same port. */
  public synchronized void restore() throws IOException {
    listener = listen(port);
    acceptLoop(listener);
  }

  @Override
  public synchronized void close() throws IOException {
    cut();
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // Already closed.
    }
  }
}
