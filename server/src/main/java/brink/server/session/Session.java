package brink.server.session;

import brink.protocol.v1.Disconnect;
import brink.protocol.v1.DisconnectReason;
import brink.protocol.v1.ServerMessage;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A person's session: what a Welcome's token names. It outlives its connections (a dropped connection never
 * gives up a seat): ResumeSession attaches a new connection to it. A session may be in several games, with
 * one participant id in each.
 *
 * <p>Idempotency: each session remembers the answer to each recent request_id (Caffeine, bounded and
 * expiring); a request whose id it has seen gets the first answer again, even while that answer is still
 * being computed.
 */
public final class Session {
  /** Recent request ids remembered per session. */
  static final int ANSWERS_KEPT = 1024;
  /** How long an answer is remembered. */
  static final Duration ANSWERS_TTL = Duration.ofMinutes(30);

  private final String token;
  private final byte[] tokenHash;
  private final String label;
  private volatile Connection connection;
  private final Map<String, String> games = new ConcurrentHashMap<>();
  private final Cache<Long, CompletableFuture<ServerMessage>> answers =
      Caffeine.newBuilder().maximumSize(ANSWERS_KEPT).expireAfterWrite(ANSWERS_TTL).build();

  /**
   * @param token the secret token
   * @param label a short non-secret name for logs (a prefix of the token's hash)
   */
  Session(String token, Connection connection) {
    this.token = Objects.requireNonNull(token, "token");
    this.tokenHash = Secrets.sha256(token);
    this.label = "s-" + Secrets.hex(tokenHash).substring(0, 8);
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
   * first request's answer.
   */
  public CompletableFuture<ServerMessage> answerFor(long requestId, CompletableFuture<ServerMessage> fresh) {
    CompletableFuture<ServerMessage> first = answers.asMap().putIfAbsent(requestId, fresh);
    return first == null ? fresh : first;
  }

  /** Forgets an answer that must not be replayed (a retryable error: the retry should really retry). */
  public void forget(long requestId, CompletableFuture<ServerMessage> answer) {
    answers.asMap().remove(requestId, answer);
  }

  @Override
  public String toString() {
    return label;
  }
}
