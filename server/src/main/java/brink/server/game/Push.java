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
   */
  record SeatChange(long seq, String actor, int members, int connected, boolean ready,
      brink.protocol.v1.SubmissionStatus submission, List<brink.protocol.v1.Participant> participants)
      implements Push {
    public SeatChange {
      participants = List.copyOf(participants);
    }
  }
}
