package brink.engine.bot;

import brink.engine.def.Move;
import brink.engine.def.MoveType;
import brink.engine.view.ActorView;
import java.util.List;

/**
 * tit-for-tat (Axelrod: cooperate first, then mirror; II-c §11). On turn 1: NEGOTIATE toward each partner in
 * descending tension. Afterwards, for each partner j in descending tension (ties by id), last turn's visible
 * net Goldstein flow F_ji from j toward this actor picks the answer: ≥ +4 NEGOTIATE; (0, +4) HOTLINE_CALL;
 * 0 nothing; [−5, 0) CRITICIZE; (−7, −5) DEMAND_WITHDRAWAL; ≤ −7 THREATEN_FORCE.
 */
final class TitForTatBot implements Bot {
  /** Thresholds of II-c §11 on the Goldstein scale: +4 = CAMEO 03 "intent to cooperate", −5 = 10 "demand", −7 = 138 "threaten force". */
  static final double COOPERATE = 4.0;
  static final double DEMAND = -5.0;
  static final double THREAT = -7.0;

  @Override
  public String name() {
    return "tit-for-tat";
  }

  @Override
  public List<Move> orders(ActorView view, BotRandom rng) {
    Submission out = new Submission(view);
    for (String j : Bots.partnersByTension(view, view.partners())) {
      MoveType answer = view.turn() == 1 ? MoveType.NEGOTIATE : answer(view.lastFlow(j, view.actor()));
      if (answer != null) {
        out.offer(Move.toward(answer, j));
      }
    }
    return out.moves();
  }

  /** The answer to a flow F_ji, or null for nothing (F = 0). */
  static MoveType answer(double flow) {
    if (flow >= COOPERATE) {
      return MoveType.NEGOTIATE;
    }
    if (flow > 0) {
      return MoveType.HOTLINE_CALL;
    }
    if (flow == 0) {
      return null;
    }
    if (flow >= DEMAND) {
      return MoveType.CRITICIZE;
    }
    if (flow > THREAT) {
      return MoveType.DEMAND_WITHDRAWAL;
    }
    return MoveType.THREATEN_FORCE;
  }
}
