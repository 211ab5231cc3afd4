package brink.server.game;

import brink.protocol.v1.Role;
import brink.server.session.Session;

/**
 * One person in one game, as the game's executor keeps it. Its identity across connections and restarts is
 * the hash of its session token (journaled when it joined); {@link #session} is the live session, attached
 * while the person is known to this process.
 */
final class Participant {
  final String id;
  String name;
  Role role;
  /** The seat's actor for a PLAYER, "" otherwise. */
  String actor;
  final byte[] tokenHash;
  /** The live session, or null (after a restart, until the person resumes). */
  Session session;

  Participant(String id, String name, Role role, String actor, byte[] tokenHash) {
    this.id = id;
    this.name = name;
    this.role = role;
    this.actor = actor;
    this.tokenHash = tokenHash.clone();
  }

  boolean connected() {
    Session s = session;
    return s != null && s.connected();
  }

  boolean isPlayerOf(String a) {
    return role == Role.PLAYER && actor.equals(a);
  }

  brink.protocol.v1.Participant toProto() {
    return brink.protocol.v1.Participant.newBuilder().setParticipantId(id).setName(name).setRole(role)
        .setActor(actor).setConnected(connected()).build();
  }
}
