package brink.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import brink.engine.def.Move;
import brink.engine.def.MoveType;
import brink.engine.def.Pair;
import brink.engine.def.PairState;
import brink.engine.def.Regime;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every precondition of engine-model.md Part II §3 and II-c §2–§7 and its rejection reason; whole-submission
 * reasons carry no move.
 */
class PreconditionsTest {
  /** x (nuclear, reserve 20) – y – z; x–z is no dyad; w is a fourth actor with no dyad at all. */
  private static ScenarioBuilder world() {
    ScenarioBuilder b = new ScenarioBuilder("pre")
        .actor("w", Regime.DEMOCRACY, false, 5, 0)
        .actor("x", Regime.DEMOCRACY, true, 4, 20)
        .actor("y", Regime.AUTOCRACY, false, 4, 0)
        .actor("z", Regime.DEMOCRACY, false, 4, 0)
        .dyad("x", "y", 30, 0.1, 0.1, 1, 5)
        .dyad("y", "x", 30, 0.1, 0.1, 1)
        .dyad("y", "z", 30, 0.1, 0.1, 1)
        .dyad("z", "y", 30, 0.1, 0.1, 1)
        .primary("x", "y");
    b.rules.incidentPMax(0);
    return b;
  }

  private static GameState s() {
    return Engine.initial(world().build(), 1L);
  }

  private static List<Rejection> check(GameState s, String actor, Move... moves) {
    return Engine.validateSubmission(s, actor, List.of(moves));
  }

  private static List<RejectionReason> reasons(GameState s, String actor, Move... moves) {
    return check(s, actor, moves).stream().map(Rejection::reason).collect(Collectors.toList());
  }

  @Test
  void validate_acceptedSubmission_hasNoRejection() {
    assertThat(check(s(), "x", Move.toward(MoveType.CRITICIZE, "y"), Move.troops(MoveType.DEPLOY_TROOPS, "y", 20),
        Move.of(MoveType.RAISE_ALERT))).isEmpty();
    assertThat(check(s(), "x")).isEmpty();
    assertThat(check(s(), "x", Move.of(MoveType.WAIT))).isEmpty();
  }

  @Test
  void validate_unknownSeat_UNKNOWN_ACTOR() {
    List<Rejection> r = check(s(), "q", Move.toward(MoveType.CRITICIZE, "y"));
    assertThat(r).singleElement().satisfies(x -> {
      assertThat(x.reason()).isEqualTo(RejectionReason.UNKNOWN_ACTOR);
      assertThat(x.wholeSubmission()).isTrue();
      assertThat(x.detail()).contains("w, x, y, z");
    });
  }

  @Test
  void validate_targets() {
    assertThat(reasons(s(), "x", Move.toward(MoveType.CRITICIZE, "nobody"))).containsExactly(RejectionReason.UNKNOWN_TARGET);
    assertThat(reasons(s(), "x", Move.toward(MoveType.CRITICIZE, "z"))).containsExactly(RejectionReason.NO_DYAD);
    assertThat(reasons(s(), "x", Move.toward(MoveType.CRITICIZE, ""))).containsExactly(RejectionReason.MISSING_TARGET);
    assertThat(reasons(s(), "x", Move.toward(MoveType.CRITICIZE, "x"))).containsExactly(RejectionReason.SELF_TARGET);
    // Aid goes to any other actor, dyad or not.
    assertThat(reasons(s(), "x", Move.toward(MoveType.MILITARY_AID, "z"))).isEmpty();
    assertThat(reasons(s(), "x", Move.toward(MoveType.HUMANITARIAN_AID, "w"))).isEmpty();
    assertThat(reasons(s(), "x", Move.toward(MoveType.MILITARY_AID, "x"))).containsExactly(RejectionReason.SELF_TARGET);
  }

  @Test
  void validate_mediate() {
    assertThat(reasons(s(), "x", Move.mediate("y", "z"))).isEmpty();
    assertThat(reasons(s(), "w", Move.mediate("x", "z"))).containsExactly(RejectionReason.NO_DYAD);
    assertThat(reasons(s(), "w", Move.mediate("x", "x"))).containsExactly(RejectionReason.NO_DYAD);
    assertThat(reasons(s(), "x", Move.mediate("x", "y"))).containsExactly(RejectionReason.SELF_TARGET);
    assertThat(reasons(s(), "x", Move.mediate("y", ""))).containsExactly(RejectionReason.MISSING_TARGET);
    assertThat(reasons(s(), "x", Move.mediate("y", "nobody"))).containsExactly(RejectionReason.UNKNOWN_TARGET);
    assertThat(reasons(s(), "w", Move.mediate("x", "y"), Move.mediate("y", "x")))
        .containsExactly(RejectionReason.DUPLICATE_MOVE);
  }

  @Test
  void validate_nuclearMovesByANonNuclearActor_NOT_NUCLEAR() {
    assertThat(reasons(s(), "y", Move.toward(MoveType.NUCLEAR_THREAT, "x"))).containsExactly(RejectionReason.NOT_NUCLEAR);
    assertThat(reasons(s(), "y", Move.toward(MoveType.NUCLEAR_USE, "x"))).containsExactly(RejectionReason.NOT_NUCLEAR);
    assertThat(reasons(s(), "x", Move.toward(MoveType.NUCLEAR_THREAT, "y"))).isEmpty();
  }

  @Test
  void validate_troopSums_NOT_ENOUGH_RESERVE_and_NOT_ENOUGH_DEPLOYED_rejectTheWholeSubmission() {
    List<Rejection> r = check(s(), "x", Move.troops(MoveType.DEPLOY_TROOPS, "y", 25), Move.toward(MoveType.CRITICIZE, "y"));
    assertThat(r).singleElement().satisfies(x -> {
      assertThat(x.reason()).isEqualTo(RejectionReason.NOT_ENOUGH_RESERVE);
      assertThat(x.wholeSubmission()).isTrue();
    });
    assertThat(reasons(s(), "x", Move.troops(MoveType.WITHDRAW_TROOPS, "y", 6)))
        .containsExactly(RejectionReason.NOT_ENOUGH_DEPLOYED);
    assertThat(reasons(s(), "x", Move.troops(MoveType.WITHDRAW_TROOPS, "y", 5))).isEmpty();
    // Deploy and withdraw draw on different stocks (reserve and D of S_t).
    assertThat(reasons(s(), "x", Move.troops(MoveType.WITHDRAW_TROOPS, "y", 5),
        Move.troops(MoveType.DEPLOY_TROOPS, "y", 20))).isEmpty();
  }

  @Test
  void validate_quantity_BAD_QUANTITY() {
    assertThat(reasons(s(), "x", Move.troops(MoveType.DEPLOY_TROOPS, "y", 0))).containsExactly(RejectionReason.BAD_QUANTITY);
    assertThat(reasons(s(), "x", Move.troops(MoveType.DEPLOY_TROOPS, "y", -3))).containsExactly(RejectionReason.BAD_QUANTITY);
    assertThat(reasons(s(), "x", Move.troops(MoveType.DEPLOY_TROOPS, "y", Double.NaN)))
        .containsExactly(RejectionReason.BAD_QUANTITY);
  }

  @Test
  void validate_submissionShape_TOO_MANY_MOVES_DUPLICATE_MOVE_MORE_THAN_ONE_ALERT_MOVE() {
    List<Rejection> many = check(s(), "y", Move.toward(MoveType.CRITICIZE, "x"), Move.toward(MoveType.CRITICIZE, "z"),
        Move.toward(MoveType.DEMAND_WITHDRAWAL, "x"), Move.toward(MoveType.DEMAND_WITHDRAWAL, "z"));
    assertThat(many).extracting(Rejection::reason).containsExactly(RejectionReason.TOO_MANY_MOVES);
    assertThat(many.get(0).move()).isNull();
    // WAIT does not count toward the limit.
    assertThat(check(s(), "y", Move.toward(MoveType.CRITICIZE, "x"), Move.toward(MoveType.CRITICIZE, "z"),
        Move.toward(MoveType.DEMAND_WITHDRAWAL, "x"), Move.of(MoveType.WAIT))).isEmpty();
    assertThat(reasons(s(), "y", Move.toward(MoveType.CRITICIZE, "x"), Move.toward(MoveType.CRITICIZE, "x")))
        .containsExactly(RejectionReason.DUPLICATE_MOVE);
    assertThat(reasons(s(), "x", Move.troops(MoveType.DEPLOY_TROOPS, "y", 2), Move.troops(MoveType.DEPLOY_TROOPS, "y", 3)))
        .containsExactly(RejectionReason.DUPLICATE_MOVE);
    assertThat(reasons(s(), "y", Move.of(MoveType.RAISE_ALERT), Move.of(MoveType.LOWER_ALERT)))
        .containsExactly(RejectionReason.MORE_THAN_ONE_ALERT_MOVE);
  }

  @Test
  void validate_talkAndRefusalTowardOneActor_CONTRADICTORY_ORDERS() {
    assertThat(reasons(s(), "y", Move.toward(MoveType.NEGOTIATE, "x"), Move.toward(MoveType.REJECT_TALKS, "x")))
        .containsExactly(RejectionReason.CONTRADICTORY_ORDERS);
    assertThat(reasons(s(), "y", Move.toward(MoveType.PROPOSE_TALKS, "x"), Move.toward(MoveType.HALT_TALKS, "x")))
        .containsExactly(RejectionReason.CONTRADICTORY_ORDERS);
    assertThat(reasons(s(), "y", Move.toward(MoveType.NEGOTIATE, "x"), Move.toward(MoveType.REJECT_TALKS, "z"))).isEmpty();
  }

  @Test
  void validate_alertLimits_ALERT_LIMIT() {
    assertThat(reasons(s(), "w", Move.of(MoveType.LOWER_ALERT))).containsExactly(RejectionReason.ALERT_LIMIT);
    assertThat(reasons(s(), "w", Move.of(MoveType.RAISE_ALERT))).isEmpty();
  }

  private static GameState withPair(boolean broken, double progress, boolean signed) {
    return Engine.initial(world().pairState(new PairState(new Pair("x", "y"), false, progress, signed, broken)).build(), 1L);
  }

  @Test
  void validate_brokenRelations_RELATIONS_BROKEN() {
    GameState s = withPair(true, 2, false);
    for (MoveType t : new MoveType[] {MoveType.NEGOTIATE, MoveType.PROPOSE_TALKS, MoveType.SIGN_AGREEMENT}) {
      assertThat(reasons(s, "x", Move.toward(t, "y"))).as(t.name()).containsExactly(RejectionReason.RELATIONS_BROKEN);
    }
    assertThat(reasons(s, "z", Move.mediate("x", "y"))).containsExactly(RejectionReason.RELATIONS_BROKEN);
    assertThat(reasons(s, "x", Move.toward(MoveType.RESTORE_RELATIONS, "y"))).isEmpty();
    assertThat(reasons(s, "x", Move.toward(MoveType.CRITICIZE, "y"))).isEmpty();
  }

  @Test
  void validate_agreements_NOT_ENOUGH_PROGRESS_and_ALREADY_SIGNED() {
    assertThat(reasons(withPair(false, 0.99, false), "x", Move.toward(MoveType.SIGN_AGREEMENT, "y")))
        .containsExactly(RejectionReason.NOT_ENOUGH_PROGRESS);
    assertThat(reasons(withPair(false, 1.0, false), "x", Move.toward(MoveType.SIGN_AGREEMENT, "y"))).isEmpty();
    assertThat(reasons(withPair(false, 3, true), "x", Move.toward(MoveType.SIGN_AGREEMENT, "y")))
        .containsExactly(RejectionReason.ALREADY_SIGNED);
  }

  @Test
  void validate_easeWithoutSanctions_NO_SANCTIONS() {
    assertThat(reasons(s(), "x", Move.toward(MoveType.EASE_SANCTIONS, "y"))).containsExactly(RejectionReason.NO_SANCTIONS);
    GameState sanctioned = Engine.resolve(s(), Orders.builder().submit("x", Move.toward(MoveType.IMPOSE_SANCTIONS, "y"))
        .build()).next();
    assertThat(sanctioned.sanctions("x", "y")).isTrue();
    assertThat(reasons(sanctioned, "x", Move.toward(MoveType.EASE_SANCTIONS, "y"))).isEmpty();
    assertThat(reasons(sanctioned, "y", Move.toward(MoveType.EASE_SANCTIONS, "x")))
        .as("sanctions have a direction").containsExactly(RejectionReason.NO_SANCTIONS);
  }

  @Test
  void validate_afterTheEnd_GAME_OVER() {
    GameState over = Engine.resolve(s(), Orders.builder().submit("x", Move.toward(MoveType.INVADE, "y")).build()).next();
    assertThat(over.isOver()).isTrue();
    List<Rejection> r = check(over, "y", Move.toward(MoveType.CRITICIZE, "x"));
    assertThat(r).singleElement().satisfies(x -> {
      assertThat(x.reason()).isEqualTo(RejectionReason.GAME_OVER);
      assertThat(x.wholeSubmission()).isTrue();
    });
    assertThatThrownBy(() -> Engine.resolve(over, Orders.none())).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("WAR_DELIBERATE");
  }

  @Test
  void validate_everyRejectionSaysWhatToDo() {
    List<Rejection> r = check(s(), "x", Move.toward(MoveType.CRITICIZE, "z"), Move.troops(MoveType.DEPLOY_TROOPS, "y", 99));
    assertThat(r).hasSize(2).allSatisfy(x -> assertThat(x.detail()).isNotBlank());
  }

  @Test
  void resolve_reValidatesAndReportsRejectionsPerActor() {
    TurnRecord rec = Engine.resolve(s(), Orders.builder()
        .submit("x", Move.toward(MoveType.CRITICIZE, "z"), Move.toward(MoveType.CRITICIZE, "y"))
        .submit("nobody", Move.toward(MoveType.CRITICIZE, "y"))
        .build()).record();
    assertThat(rec.rejections()).extracting(Rejection::actor, Rejection::reason).containsExactly(
        org.assertj.core.groups.Tuple.tuple("x", RejectionReason.NO_DYAD),
        org.assertj.core.groups.Tuple.tuple("nobody", RejectionReason.UNKNOWN_ACTOR));
    assertThat(rec.events()).extracting(Event::actor, Event::target)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("x", "y"));
  }
}
