package brink.server.game;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The last pushes of a game, for ResumeSession: bounded, oldest dropped first. */
final class PushLog {
  /** Pushes kept per game: a whole classroom game of 12 turns makes a few hundred. */
  static final int KEPT = 4096;

  private final ArrayDeque<Push> pushes = new ArrayDeque<>();

  void add(Push p) {
    pushes.addLast(p);
    if (pushes.size() > KEPT) {
      pushes.removeFirst();
    }
  }

  /**
   * Every push after {@code lastSeq}, in order, or empty when some of them are no longer kept (or the seq is
   * from the future: the client is confused, and a fresh view is the cure).
   */
  Optional<List<Push>> after(long lastSeq, long currentSeq) {
    if (lastSeq > currentSeq) {
      return Optional.empty();
    }
    List<Push> out = new ArrayList<>();
    if (lastSeq == currentSeq) {
      return Optional.of(out);
    }
    Push first = pushes.peekFirst();
    if (first == null || first.seq() > lastSeq + 1) {
      return Optional.empty();
    }
    for (Push p : pushes) {
      if (p.seq() > lastSeq) {
        out.add(p);
      }
    }
    return Optional.of(out);
  }
}
