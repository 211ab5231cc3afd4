package brink.server.session;

import brink.protocol.v1.Disconnect;
import brink.protocol.v1.DisconnectReason;
import brink.protocol.v1.ServerMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * A person's session: what a Welcome's token names. It outlives its connections (a dropped connection never
 * gives up a seat): ResumeSession attaches a new connection to it. A session may be in several games, with
 * one participant id in each.
 *
 * <p>Idempotency: each session remembers the answer to each of its last {@link #ANSWERS_KEPT} request ids
 * for {@link #ANSWERS_TTL}; a request whose id it has seen gets the first answer again, even while that
 * answer is still being computed.
 */
public final class Session {
  /** Recent request ids remembered per session. */
  static final int ANSWERS_KEPT = 1024;
  /** Answers up to this size are remembered as their bytes (see {@link #compact}). */
  static final int COMPACT_BYTES = 1024;
  /** How long an answer is remembered. */
  static final Duration ANSWERS_TTL = Duration.ofMinutes(30);

  private final String token;
  private final byte[] tokenHash;
  /** The hex of {@link #tokenHash}: the session's key in the {@link SessionRegistry}. */
  private final String key;
  private final String label;
  private final Clock clock;
  private volatile Connection connection;
  private final Map<String, String> games = new ConcurrentHashMap<>();
  /** When the registry last kept the session from expiring (epoch millis; see {@link SessionRegistry#touch}). */
  volatile long touchedAt;
  /**
   * The last {@link #ANSWERS_KEPT} request ids, each with its answer ({@link Remembered}, null once forgotten)
   * and when it was taken ({@link #answerTakenAt}, epoch millis), at the id's position of the ring. Guarded by
   * {@code answerIds}: the connection's event loop takes ids, the game's thread forgets a retryable error.
   *
   * <p>Not a Caffeine cache: every request of the session writes here, and a bounded cache's upkeep for each
   * write (its buffers, its frequency sketch, its eviction) was an eighth of the event loops' CPU at the peak.
   * A session's own ids need none of that: the oldest goes first, and an answer older than {@link
   * #ANSWERS_TTL} is never given again (its slot is reused by a later id, so a session still keeps at most
   * {@link #ANSWERS_KEPT}).
   */
  private final IdRing answerIds = new IdRing(16, ANSWERS_KEPT);
  private Remembered[] answers = new Remembered[16];
  private long[] answerTakenAt = new long[16];

  /**
   * One request id's answer: the future while it is being computed, then the answer, serialized if it is small
   * (one byte array instead of the answer's graph of objects: every request leaves one behind for up to 30
   * minutes, and at 5,000 requests/s these graphs were a fifth of what the server's young collections had to
   * copy). The answer replaces the future inside this holder, not in the cache: a second write to the cache
   * per request, with its upkeep, was an eighth of the game threads' CPU at the peak.
   */
  private static final class Remembered {
    /** A {@code CompletableFuture<ServerMessage>}, then a {@code ServerMessage} or its {@code byte[]}. */
    volatile Object answer;

    Remembered(CompletableFuture<ServerMessage> pending) {
      this.answer = pending;
    }
  }

  /**
   * @param token the secret token
   * @param connection the connection that said Hello, or null for a session rebuilt from a token
   * @param clock the registry's clock, for how old a remembered answer is
   */
  Session(String token, Connection connection, Clock clock) {
    this.token = Objects.requireNonNull(token, "token");
    this.tokenHash = Secrets.sha256(token);
    this.key = Secrets.hex(tokenHash);
    this.label = "s-" + key.substring(0, 8);
    this.clock = Objects.requireNonNull(clock, "clock");
    this.connection = connection;
  }

  /** The secret token (only ever sent in Welcome). */
  public String token() {
    return token;
  }

  /** SHA-256 of the token: what games journal to recognise the session after a restart. */
  public byte[] tokenHash() {
    return tokenHash.clone();
  }

  /** The session's key in the registry: the hex of {@link #tokenHash()}. */
  String key() {
    return key;
  }

  /** A non-secret name for logs. */
  public String label() {
    return label;
  }

  public Connection connection() {
    return connection;
  }

  /** True while a connection of this session is open. */
  public boolean connected() {
    Connection c = connection;
    return c != null && c.isOpen();
  }

  /**
   * Moves the session to {@code next}; an earlier open connection gets DISCONNECT_SESSION_REPLACED.
   *
   * @return the connection replaced, if any
   */
  public Optional<Connection> attach(Connection next) {
    Connection previous;
    synchronized (this) {
      previous = connection;
      connection = next;
    }
    if (previous != null && previous != next && previous.isOpen()) {
      previous.disconnect(Disconnect.newBuilder().setReason(DisconnectReason.DISCONNECT_SESSION_REPLACED)
          .setMessage("this session was resumed on another connection").setMayReconnect(false).build());
      return Optional.of(previous);
    }
    return Optional.empty();
  }

  /** Forgets {@code closed} if it is still the session's connection. */
  public void detach(Connection closed) {
    synchronized (this) {
      if (connection == closed) {
        connection = null;
      }
    }
  }

  /** Sends to the session's connection, if it has one. */
  public void send(ServerMessage message) {
    Connection c = connection;
    if (c != null) {
      c.send(message);
    }
  }

  /** Sends a message other sessions get too, if the session has a connection. */
  public void send(SharedMessage message) {
    Connection c = connection;
    if (c != null) {
      c.send(message);
    }
  }

  /** Lets the session's connection, if it has one, make ready what sending {@code message} needs. */
  public void prepare(SharedMessage message) {
    Connection c = connection;
    if (c != null) {
      c.prepare(message);
    }
  }

  /** The participant id of this session in a game, if it is in it. */
  public Optional<String> participantIn(String gameId) {
    return Optional.ofNullable(games.get(gameId));
  }

  /** Records that the session is {@code participantId} in {@code gameId}. */
  public void joined(String gameId, String participantId) {
    games.put(gameId, participantId);
  }

  /** Records that the session left a game (kicked). */
  public void left(String gameId) {
    games.remove(gameId);
  }

  /** The games the session is in (game id to participant id). */
  public Map<String, String> games() {
    return Map.copyOf(games);
  }

  /**
   * The answer slot of a request id: {@code fresh} if the id is new (the caller must complete it), else the
   * first request's answer. An answer that is a retryable error is not remembered (the retry should really
   * retry).
   */
  @SuppressWarnings("unchecked")
  public CompletableFuture<ServerMessage> answerFor(long requestId, CompletableFuture<ServerMessage> fresh) {
    Remembered earlier;
    Remembered mine = new Remembered(fresh);
    synchronized (answerIds) {
      long now = clock.millis();
      int pos = answerIds.find(requestId);
      earlier = pos < 0 || now - answerTakenAt[pos] >= ANSWERS_TTL.toMillis() ? null : answers[pos];
      if (earlier == null) {
        if (pos < 0) {
          pos = answerIds.add(requestId);
          if (answers.length < answerIds.length()) {
            answers = Arrays.copyOf(answers, answerIds.length());
            answerTakenAt = Arrays.copyOf(answerTakenAt, answerIds.length());
          }
        }
        answers[pos] = mine;
        answerTakenAt[pos] = now;
      }
    }
    if (earlier == null) {
      fresh.thenAccept(answer -> {
        if (answer.hasError() && answer.getError().getRetryable()) {
          forgetIf(requestId, r -> r == mine);
        } else {
          mine.answer = compact(answer);
        }
      });
      return fresh;
    }
    Object first = earlier.answer;
    if (first instanceof ServerMessage) {
      return CompletableFuture.completedFuture((ServerMessage) first);
    }
    if (first instanceof byte[]) {
      try {
        return CompletableFuture.completedFuture(ServerMessage.parseFrom((byte[]) first));
      } catch (InvalidProtocolBufferException e) {
        throw new IllegalStateException("an answer serialized here does not parse back", e);
      }
    }
    return (CompletableFuture<ServerMessage>) first;
  }

  /**
   * How an answer is kept: small ones (every OrdersAccepted, MessageAccepted, Ack) as their bytes; large ones
   * (a GameCreated with the game's whole state, about 38 KB) as they are, since their objects share much with
   * the game (strings of the scenario) and bytes would be a copy: serialized, the 1,000 GameCreated answers of
   * the suite's idle run kept 26 MiB more heap.
   */
  private static Object compact(ServerMessage answer) {
    return answer.getSerializedSize() <= COMPACT_BYTES ? answer.toByteArray() : answer;
  }

  /** Forgets an answer that must not be replayed (a retryable error: the retry should really retry). */
  public void forget(long requestId, CompletableFuture<ServerMessage> answer) {
    forgetIf(requestId, r -> r.answer == answer);
  }

  private void forgetIf(long requestId, Predicate<Remembered> which) {
    synchronized (answerIds) {
      int pos = answerIds.find(requestId);
      if (pos >= 0 && answers[pos] != null && which.test(answers[pos])) {
        answers[pos] = null;
      }
    }
  }

  @Override
  public String toString() {
    return label;
  }
}
