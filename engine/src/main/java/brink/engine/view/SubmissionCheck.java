package brink.engine.view;

import brink.engine.Rejection;
import brink.engine.def.Move;
import java.util.List;

/**
 * The submit-time check of a seat's whole submission, exactly what a player of that seat is told when
 * submitting ({@code Engine.validateSubmission} against the state the turn starts from). It reads only the
 * seat's own values and public facts, so giving it to a bot leaks nothing a player would not learn.
 */
@FunctionalInterface
public interface SubmissionCheck {
  /** Every rejection of the submission; empty when all of it would be accepted. */
  List<Rejection> check(List<Move> submission);
}
