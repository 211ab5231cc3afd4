package brink.server.session;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Live sessions by token hash (Caffeine: a session nobody touches for {@link #IDLE} is forgotten). Losing a
 * session from here costs nothing lasting: every game journals the hash of its participants' tokens, so a
 * ResumeSession with the token rebuilds the session, after an expiry as after a restart.
 */
public final class SessionRegistry {
  /** How long a session without activity is kept in memory. */
  public static final Duration IDLE = Duration.ofHours(12);
  /** Most sessions held at once (a bound against a flood of Hellos). */
  public static final long MAX_SESSIONS = 100_000;

  /** A session used again within this time of its last touch is not touched again (see {@link #touch}). */
  static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

  private final Secrets secrets;
  private final Clock clock;
  private final Cache<String, Session> sessions;

  public SessionRegistry(Secrets secrets, Clock clock) {
    this.secrets = secrets;
    this.clock = clock;
    Ticker ticker = () -> TimeUnit.MILLISECONDS.toNanos(clock.millis());
    this.sessions = Caffeine.newBuilder().expireAfterAccess(IDLE).maximumSize(MAX_SESSIONS).ticker(ticker).build();
  }

  /** A new session for a connection that said Hello. */
  public Session open(Connection connection) {
    Session s = new Session(secrets.token(), connection, clock);
    s.touchedAt = clock.millis();
    sessions.put(s.key(), s);
    return s;
  }

  /** The live session a presented token names, if the registry holds it. */
  public java.util.Optional<Session> find(String token) {
    return java.util.Optional.ofNullable(sessions.getIfPresent(Secrets.hex(Secrets.sha256(token))));
  }

  /**
   * A session for a token the registry no longer holds (after a restart or an expiry), not yet registered:
   * a game must recognise the token first ({@link #adopt}).
   */
  public Session rebuild(String token) {
    return new Session(token, null, clock);
  }

  /** Registers a rebuilt session a game recognised; returns the registered one if another won the race. */
  public Session adopt(Session s) {
    Session prior = sessions.asMap().putIfAbsent(s.key(), s);
    return prior == null ? s : prior;
  }

  /**
   * Forgets a session that can never be used again: it is in no game (a ResumeSession needs a game that knows
   * the session) and has no open connection. Without this, every Hello kept a session, and the closed
   * connection it holds, for {@link #IDLE}.
   */
  public void forgetIfUnused(Session s) {
    if (s.games().isEmpty() && !s.connected()) {
      sessions.asMap().remove(s.key(), s);
    }
  }

  /**
   * Keeps a session from expiring while it is used: called for every request, it reads the registry at most
   * once per {@link #TOUCH_EVERY} (against an {@link #IDLE} of hours), since each read of the cache records an
   * access that its upkeep must later replay.
   */
  public void touch(Session s) {
    long now = clock.millis();
    if (now - s.touchedAt >= TOUCH_EVERY.toMillis()) {
      s.touchedAt = now;
      sessions.getIfPresent(s.key());
    }
  }
}
