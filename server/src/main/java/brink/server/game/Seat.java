package brink.server.game;

import brink.protocol.scenario.v1.Move;
import brink.protocol.v1.Orders;
import brink.protocol.v1.SubmissionStatus;
import java.util.List;

/** One actor's seat in the current turn: its orders and readiness (reset when a new ORDERS phase begins). */
final class Seat {
  final String actor;
  int turn;
  SubmissionStatus status = SubmissionStatus.NOT_SUBMITTED;
  List<Move> moves = List.of();
  boolean ready;
  String submittedBy = "";
  long submittedAt;
  /**
   * The seat's last push this turn (null: none yet, or a new turn began): a change that leaves what
   * participants see of the seat as that push said (orders replaced by other orders) is not news to them.
   */
  Push.SeatChange lastPush;
  /**
   * How many participants play this seat (kept by the seat changes that add, move or remove them): asking
   * whether a seat has players after every submission walked all the game's participants.
   */
  int players;

  Seat(String actor) {
    this.actor = actor;
  }

  void reset(int newTurn) {
    turn = newTurn;
    status = SubmissionStatus.NOT_SUBMITTED;
    moves = List.of();
    ready = false;
    submittedBy = "";
    submittedAt = 0;
    lastPush = null;
  }

  Orders toProto() {
    return Orders.newBuilder().setTurn(turn).setStatus(status).addAllMoves(moves).setReady(ready)
        .setSubmittedBy(submittedBy).setSubmittedAtEpochMillis(submittedAt).build();
  }
}
