package brink.cli.net;

import brink.protocol.v1.ClientMessage;
import brink.protocol.v1.GameState;
import brink.protocol.v1.Hello;
import brink.protocol.v1.JoinGame;
import brink.protocol.v1.Ping;
import brink.protocol.v1.ProtocolVersion;
import brink.protocol.v1.ResumeSession;
import brink.protocol.v1.ServerMessage;
import brink.protocol.v1.Welcome;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A session with a Brink server that survives dropped connections.
 *
 * <p>Every request gets a fresh request id and stays pending until its answer arrives. When the connection
 * drops, the client reconnects with {@link Backoff}, says Hello, takes its session back with
 * ResumeSession (token, game, last seq seen) and sends every unanswered request again with the same id:
 * the server answers a repeated id with its first answer, so nothing is done twice. When the server no
 * longer knows the session (it restarted), the client joins again with the code it joined with.
 *
 * <p>Pushes and connection events go to the {@link Listener} on the client's own threads.
 */
public final class Client implements Server, AutoCloseable {
  /** Receives what the server sends on its own and what happens to the connection. */
  public interface Listener {
    /** A push (request_id 0), or the Joined answer of an automatic re-join. */
    void push(ServerMessage m);

    void link(LinkEvent e);
  }

  /** The server answered Hello with an error (unsupported version, wrong instructor key). */
  public static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient brink.protocol.v1.Error error;

    Refused(brink.protocol.v1.Error error) {
      super(error.getMessage(), null, false, false);
      this.error = error;
    }

    public brink.protocol.v1.Error error() {
      return error;
    }
  }

  /** The name and version sent in Hello. */
  public static final String CLIENT_NAME = "brink-cli/0.1.0";

  private record Pending(ClientMessage message, CompletableFuture<ServerMessage> answer, boolean resend) {}

  private final Address address;
  private final String instructorKey;
  private final Backoff backoff;
  private final Listener listener;
  private final int timeoutMillis;
  private final long pingMillis;

  private final Object lock = new Object();
  private final Map<Long, Pending> pending = new HashMap<>();
  private long nextId = 1;
  private Connection current;
  private Thread reconnector;
  private volatile boolean closed;
  private volatile long lastReceivedNanos = System.nanoTime();
  private String token = "";
  private String gameId = "";
  private long lastSeq;
  private String rejoinCode = "";
  private String rejoinName = "";
  private String finalWords = null;
  private Welcome welcome;
  private ScheduledExecutorService pinger;
  /** While a session is being taken back, pushes wait here so that "reconnected" is shown before them. */
  private boolean holdPushes;
  private final java.util.ArrayDeque<ServerMessage> held = new java.util.ArrayDeque<>();

  /**
   * @param instructorKey the server's instructor key, or "" for players and observers
   * @param timeoutMillis how long a connection attempt and the handshake may take
   * @param pingMillis how often an idle connection is pinged; 0 = never
   */
  public Client(Address address, String instructorKey, Backoff backoff, Listener listener, int timeoutMillis,
      long pingMillis) {
    this.address = address;
    this.instructorKey = instructorKey == null ? "" : instructorKey;
    this.backoff = backoff;
    this.listener = listener;
    this.timeoutMillis = timeoutMillis;
    this.pingMillis = pingMillis;
  }

  public Client(Address address, String instructorKey, Listener listener) {
    this(address, instructorKey, Backoff.standard(), listener, 10_000, 15_000);
  }

  public Address address() {
    return address;
  }

  /**
   * Connects and says Hello.
   *
   * @throws IOException the server cannot be reached
   * @throws Refused the server refused the Hello (its error says why)
   */
  public Welcome connect() throws IOException, Refused {
    Connection c = Connection.open(address, timeoutMillis, m -> received(m), this::connectionClosed);
    try {
      ServerMessage answer = handshakeCall(c, ClientMessage.newBuilder().setHello(hello()));
      if (answer.hasError()) {
        throw new Refused(answer.getError());
      }
      synchronized (lock) {
        welcome = answer.getWelcome();
        token = welcome.getSessionToken();
        current = c;
      }
    } catch (IOException | Refused | RuntimeException e) {
      c.close();
      throw e;
    }
    startPinger();
    return welcome;
  }

  /** The Welcome of the first connection. */
  public Welcome welcome() {
    synchronized (lock) {
      return welcome;
    }
  }

  /**
   * From now on, resume {@code game} after a drop; if the server forgot the session, join again with
   * {@code code} under {@code name}. {@code seq} is the seq of the view just received.
   */
  @Override
  public void follow(String game, String code, String name, long seq) {
    synchronized (lock) {
      gameId = game;
      rejoinCode = code == null ? "" : code;
      rejoinName = name == null ? "" : name;
      lastSeq = seq;
    }
  }

  /** The highest seq of the followed game seen so far. */
  public long lastSeq() {
    synchronized (lock) {
      return lastSeq;
    }
  }

  @Override
  public CompletableFuture<ServerMessage> request(ClientMessage.Builder body) {
    CompletableFuture<ServerMessage> answer = new CompletableFuture<>();
    Connection c;
    ClientMessage m;
    synchronized (lock) {
      if (closed) {
        answer.completeExceptionally(new CancellationException("the client is closed"));
        return answer;
      }
      m = body.setRequestId(nextId++).build();
      pending.put(m.getRequestId(), new Pending(m, answer, true));
      c = current;
    }
    if (c != null) {
      sendOrDrop(c, m);
    }
    return answer;
  }

  /** True while a connection is up. */
  public boolean connected() {
    synchronized (lock) {
      return current != null;
    }
  }

  /** Cuts the current connection as if the network had dropped it (the client then reconnects). */
  public void dropConnection() {
    Connection c;
    synchronized (lock) {
      c = current;
    }
    if (c != null) {
      c.close();
    }
  }

  @Override
  public void close() {
    List<Pending> left;
    Connection c;
    Thread r;
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      c = current;
      current = null;
      r = reconnector;
      left = new ArrayList<>(pending.values());
      pending.clear();
    }
    if (pinger != null) {
      pinger.shutdownNow();
    }
    if (r != null) {
      r.interrupt();
    }
    if (c != null) {
      c.close();
    }
    for (Pending p : left) {
      p.answer.completeExceptionally(new CancellationException("the client is closed"));
    }
  }

  // ------------------------------------------------------------------ internals

  private Hello.Builder hello() {
    return Hello.newBuilder().setProtocolVersion(ProtocolVersion.PROTOCOL_VERSION_1.getNumber())
        .setClient(CLIENT_NAME).setInstructorKey(instructorKey);
  }

  /** A request of the handshake, sent on {@code c} before it becomes current; never re-sent. */
  private ServerMessage handshakeCall(Connection c, ClientMessage.Builder body) throws IOException {
    CompletableFuture<ServerMessage> answer = new CompletableFuture<>();
    ClientMessage m;
    synchronized (lock) {
      m = body.setRequestId(nextId++).build();
      pending.put(m.getRequestId(), new Pending(m, answer, false));
    }
    try {
      c.send(m);
      return answer.get(timeoutMillis, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new IOException("the server did not answer within " + timeoutMillis + " ms", e);
    } catch (ExecutionException e) {
      throw new IOException("the connection closed during the handshake", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } finally {
      synchronized (lock) {
        pending.remove(m.getRequestId());
      }
    }
  }

  private void sendOrDrop(Connection c, ClientMessage m) {
    try {
      c.send(m);
    } catch (IOException e) {
      // The request stays pending; closing makes the reader report the drop, and the reconnection
      // sends it again.
      c.close();
    }
  }

  private void received(ServerMessage m) {
    lastReceivedNanos = System.nanoTime();
    Pending p = null;
    synchronized (lock) {
      noteSeq(m);
      if (m.getRequestId() != 0) {
        p = pending.remove(m.getRequestId());
      } else if (m.hasDisconnect() && !m.getDisconnect().getMayReconnect()) {
        finalWords = m.getDisconnect().getMessage();
      } else if (holdPushes) {
        held.add(m);
        return;
      }
    }
    if (m.getRequestId() != 0) {
      if (p != null) {
        p.answer.complete(m);
      }
      return;
    }
    listener.push(m);
  }

  /** Remembers the highest seq of the followed game (pushes, and full views in answers). */
  private void noteSeq(ServerMessage m) {
    long seq = m.getSeq();
    GameState s = null;
    if (m.hasGameState()) {
      s = m.getGameState();
    } else if (m.hasJoined()) {
      s = m.getJoined().getState();
    } else if (m.hasGameCreated()) {
      s = m.getGameCreated().getState();
    }
    if (s != null && (gameId.isEmpty() || gameId.equals(s.getGameId()))) {
      seq = Math.max(seq, s.getSeq());
    }
    if (m.hasResumed()) {
      return;
    }
    lastSeq = Math.max(lastSeq, seq);
  }

  private void connectionClosed(Connection c) {
    String words;
    synchronized (lock) {
      if (c != current) {
        failHandshakeCalls();
        return;
      }
      current = null;
      if (closed) {
        return;
      }
      words = finalWords;
      if (words == null) {
        failHandshakeCalls();
        if (reconnector == null) {
          reconnector = new Thread(this::reconnectLoop, "brink-reconnect");
          reconnector.setDaemon(true);
          reconnector.start();
        }
        return;
      }
    }
    giveUp(words);
  }

  private void failHandshakeCalls() {
    pending.values().removeIf(p -> {
      if (!p.resend) {
        p.answer.completeExceptionally(new IOException("connection closed"));
        return true;
      }
      return false;
    });
  }

  private void giveUp(String words) {
    close();
    listener.link(new LinkEvent(LinkEvent.Kind.CLOSED, 0, 0, words));
  }

  private void reconnectLoop() {
    for (int attempt = 1; !closed; attempt++) {
      long delay = backoff.jittered(attempt);
      listener.link(new LinkEvent(LinkEvent.Kind.RECONNECTING, attempt, delay, ""));
      try {
        backoff.sleeper().sleep(delay);
      } catch (InterruptedException e) {
        return;
      }
      if (closed) {
        return;
      }
      Connection c;
      try {
        c = Connection.open(address, timeoutMillis, this::received, this::connectionClosed);
      } catch (IOException e) {
        continue;
      }
      try {
        String refusal = takeBack(c);
        if (refusal != null) {
          c.close();
          giveUp(refusal);
          return;
        }
        return;
      } catch (IOException e) {
        c.close();
        synchronized (lock) {
          // Pushes of a half-resumed connection are replayed again by the next resume.
          held.clear();
          holdPushes = false;
        }
      }
    }
  }

  /**
   * Hello, then ResumeSession (or JoinGame when the server forgot the session), then the unanswered
   * requests again. Returns null when the session is back, or the server's sentence when it cannot be.
   */
  private String takeBack(Connection c) throws IOException {
    ServerMessage hello = handshakeCall(c, ClientMessage.newBuilder().setHello(hello()));
    if (hello.hasError()) {
      return hello.getError().getMessage();
    }
    String game;
    String oldToken;
    long seq;
    String code;
    String name;
    synchronized (lock) {
      game = gameId;
      oldToken = token;
      seq = lastSeq;
      code = rejoinCode;
      name = rejoinName;
    }
    LinkEvent.Kind kind = LinkEvent.Kind.RESUMED;
    ServerMessage joined = null;
    String newToken = oldToken;
    if (!game.isEmpty()) {
      synchronized (lock) {
        holdPushes = true;
      }
      ServerMessage resumed = handshakeCall(c, ClientMessage.newBuilder().setResumeSession(
          ResumeSession.newBuilder().setToken(oldToken).setGameId(game).setLastSeq(seq)));
      if (resumed.hasError()) {
        if (code.isEmpty() || resumed.getError().getRetryable()) {
          return resumed.getError().getMessage();
        }
        joined = handshakeCall(c, ClientMessage.newBuilder().setJoinGame(
            JoinGame.newBuilder().setCode(code).setName(name)));
        if (joined.hasError()) {
          return joined.getError().getMessage();
        }
        newToken = hello.getWelcome().getSessionToken();
        kind = LinkEvent.Kind.REJOINED;
      }
    } else {
      newToken = hello.getWelcome().getSessionToken();
    }
    List<Pending> again;
    synchronized (lock) {
      if (closed) {
        c.close();
        return null;
      }
      token = newToken;
      current = c;
      reconnector = null;
      again = new ArrayList<>(pending.values());
    }
    again.sort(Comparator.comparingLong(p -> p.message.getRequestId()));
    if (joined != null) {
      listener.push(joined);
    }
    listener.link(new LinkEvent(kind, 0, 0, ""));
    releaseHeldPushes();
    for (Pending p : again) {
      if (p.resend) {
        sendOrDrop(c, p.message);
      }
    }
    return null;
  }

  /** Delivers the pushes that arrived while the session was being taken back, in order. */
  private void releaseHeldPushes() {
    while (true) {
      ServerMessage m;
      synchronized (lock) {
        m = held.poll();
        if (m == null) {
          holdPushes = false;
          return;
        }
      }
      listener.push(m);
    }
  }

  private void startPinger() {
    if (pingMillis <= 0) {
      return;
    }
    pinger = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "brink-ping");
      t.setDaemon(true);
      return t;
    });
    pinger.scheduleAtFixedRate(this::ping, pingMillis, pingMillis, TimeUnit.MILLISECONDS);
  }

  /** Keeps an idle connection alive; one that has said nothing for three intervals is cut and retried. */
  private void ping() {
    Connection c;
    synchronized (lock) {
      c = current;
    }
    if (c == null) {
      return;
    }
    if (System.nanoTime() - lastReceivedNanos > TimeUnit.MILLISECONDS.toNanos(3 * pingMillis)) {
      c.close();
      return;
    }
    ClientMessage m;
    synchronized (lock) {
      m = ClientMessage.newBuilder().setRequestId(nextId++)
          .setPing(Ping.newBuilder().setClientTimeEpochMillis(System.currentTimeMillis())).build();
      // The answer is only a sign of life: registered so that it is not mistaken for a push.
      pending.put(m.getRequestId(), new Pending(m, new CompletableFuture<>(), false));
    }
    sendOrDrop(c, m);
  }
}
