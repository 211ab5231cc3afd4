package brink.server.game;

import brink.engine.GameState;
import brink.engine.TurnRecord;
import brink.engine.def.InjectDef;
import brink.protocol.v1.Phase;
import brink.protocol.v1.Press;
import java.util.List;

/**
 * Something a game tells its participants on its own, unfiltered, with its place in the game's stream. The
 * {@link brink.server.view.ViewFunction} renders each one for each recipient (or decides the recipient gets
 * nothing). Every push comes from a journaled entry, so replaying a game's journal rebuilds the same pushes
 * with the same seqs: a resume can be replayed after a restart too.
 */
public sealed interface Push {
  /** The push's place in its game's stream (from 1, increasing). */
  long seq();

  /**
   * A turn was resolved.
   *
   * @param before the state the turn started from
   * @param after the state after it
   * @param handInjects the injects the instructor fired for the turn
   * @param defaulted the seats that defaulted, actor to the bot that played them ("" = waited)
   */
  record TurnResolved(long seq, TurnRecord record, GameState before, GameState after, List<InjectDef> handInjects,
      java.util.SortedMap<String, String> defaulted) implements Push {
    public TurnResolved {
      handInjects = List.copyOf(handInjects);
      defaulted = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(defaulted));
    }
  }

  /** A message was sent (its recipients are in it). */
  record MessageSent(long seq, Press press) implements Push {}

  /** The phase, the deadline or the pause state changed. */
  record PhaseChange(long seq, Phase phase, int turn, long deadlineEpochMillis, boolean paused,
      long remainingMillis, String reason) implements Push {}

  /**
   * A seat's readiness, submission or members changed.
   *
   * @param members the seat's participants (role PLAYER of the actor) at the time
   * @param seenChanged whether what everyone sees of the seat (members, readiness, submission) differs from
   *     the seat's previous push this turn
   * @param membersChanged whether its participants (what the seat's own players and the instructor see) differ
   *     from that push's; both are decided from journaled facts only (not who is connected), so a replayed
   *     journal decides them the same way
   */
  record SeatChange(long seq, String actor, int members, int connected, boolean ready,
      brink.protocol.v1.SubmissionStatus submission, List<brink.protocol.v1.Participant> participants,
      boolean seenChanged, boolean membersChanged) implements Push {
    public SeatChange {
      participants = List.copyOf(participants);
    }

    /** A seat as it is now, everything news (a full view, a presence update). */
    public SeatChange(long seq, String actor, int members, int connected, boolean ready,
        brink.protocol.v1.SubmissionStatus submission, List<brink.protocol.v1.Participant> participants) {
      this(seq, actor, members, connected, ready, submission, participants, true, true);
    }

    /** Whether this push tells {@code seesMembers} (a seat member or the instructor) or anyone else anything. */
    public boolean news(boolean seesMembers) {
      return seenChanged || (seesMembers && membersChanged);
    }

    /** Same participants, ignoring who is connected (that is not journaled; presence updates carry it). */
    static boolean sameMembers(List<brink.protocol.v1.Participant> x, List<brink.protocol.v1.Participant> y) {
      if (x.size() != y.size()) {
        return false;
      }
      for (int i = 0; i < x.size(); i++) {
        brink.protocol.v1.Participant a = x.get(i);
        brink.protocol.v1.Participant b = y.get(i);
        if (!a.getParticipantId().equals(b.getParticipantId()) || !a.getName().equals(b.getName())
            || a.getRole() != b.getRole() || !a.getActor().equals(b.getActor())) {
          return false;
        }
      }
      return true;
    }
  }
}
