package brink.engine;

import brink.engine.def.Move;
import java.util.Objects;

/**
 * A rejected move, or a rejected whole submission when {@code move} is null. Rejections are values in the
 * turn record, never exceptions (engine-model.md Part II §3: "rejected and logged, never silently dropped").
 *
 * @param detail a sentence for the player saying what is wrong and what to do
 */
public record Rejection(String actor, Move move, RejectionReason reason, String detail) {
  public Rejection {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(reason, "reason");
    detail = Objects.requireNonNullElse(detail, "");
  }

  /** True when the whole submission was rejected. */
  public boolean wholeSubmission() {
    return move == null;
  }
}
