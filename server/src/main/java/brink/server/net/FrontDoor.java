package brink.server.net;

import brink.server.game.GameManager;
import brink.server.session.Secrets;
import brink.server.session.SessionRegistry;
import java.time.Clock;
import java.util.Objects;

/**
 * What the per-connection handlers share: the sessions, the games, the instructor key (as its hash) and
 * the server's name and clock.
 */
public record FrontDoor(SessionRegistry sessions, GameManager games, byte[] instructorKeyHash, String serverName,
    Clock clock) {
  public FrontDoor {
    Objects.requireNonNull(sessions, "sessions");
    Objects.requireNonNull(games, "games");
    instructorKeyHash = instructorKeyHash.clone();
    Objects.requireNonNull(serverName, "serverName");
    Objects.requireNonNull(clock, "clock");
  }

  /** Constant-time check of a presented instructor key. */
  boolean instructorKey(String presented) {
    return Secrets.matches(Secrets.sha256(presented), instructorKeyHash);
  }
}
