package brink.server.game;

import brink.engine.view.Viewer;
import brink.protocol.v1.Role;
import java.util.Objects;

/**
 * Who a message is rendered for: a role, the seat's actor for a player, and whether the game has ENDED (then
 * every event, message and hidden number is revealed; role-bound parts, such as the instructor's codes and
 * the participant list, stay with their role).
 */
record Audience(Role role, String actor, boolean reveal) {
  Audience {
    Objects.requireNonNull(role, "role");
    actor = role == Role.PLAYER ? Objects.requireNonNull(actor, "actor") : "";
  }

  static Audience of(Participant p, boolean reveal) {
    return new Audience(p.role, p.actor, reveal);
  }

  /** The same audience without the end-of-game reveal: what pushes are rendered with. */
  Audience live() {
    return reveal ? new Audience(role, actor, false) : this;
  }

  boolean instructor() {
    return role == Role.INSTRUCTOR;
  }

  boolean player() {
    return role == Role.PLAYER;
  }

  /** Sees everything the instructor sees (the instructor, or anyone once the game has ended). */
  boolean seesAll() {
    return reveal || role == Role.INSTRUCTOR;
  }

  boolean is(String a) {
    return role == Role.PLAYER && actor.equals(a);
  }

  /** The engine's viewer for filtering events and numbers. */
  Viewer engineViewer() {
    if (seesAll()) {
      return Viewer.INSTRUCTOR;
    }
    return role == Role.PLAYER ? Viewer.actor(actor) : Viewer.OBSERVER;
  }
}
