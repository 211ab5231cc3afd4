package brink.engine;

import static org.assertj.core.api.Assertions.assertThat;

import brink.engine.def.Move;
import brink.engine.def.MoveType;
import brink.engine.def.Regime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The unit layer reduces exactly to the generic troop moves (engine-model.md II-c §3). */
class UnitsLayerTest {

  private static ScenarioBuilder base(String id, double reserveX) {
    ScenarioBuilder b = new ScenarioBuilder(id)
        .actor("x", Regime.DEMOCRACY, false, 4, reserveX)
        .actor("y", Regime.AUTOCRACY, false, 4, 0);
    b.rules.incidentPMax(0);
    return b;
  }

  private static GameState unitGame(double q, boolean atFront) {
    ScenarioBuilder b = base("units", 0)
        .dyad("x", "y", 30, 0.1, 0.1, 2)
        .dyad("y", "x", 30, 0.1, 0.1, 2)
        .primary("x", "y")
        .region("rear", List.of(), List.of())
        .region("front", List.of("y"), List.of())
        .unit("u", "x", (int) Math.round(q * 1000), atFront ? "front" : "rear", true);
    return Engine.initial(b.build(), 3L);
  }

  private static GameState genericGame(double q, boolean atFront) {
    ScenarioBuilder b = base("generic", atFront ? 0 : q)
        .dyad("x", "y", 30, 0.1, 0.1, 2, atFront ? q : 0)
        .dyad("y", "x", 30, 0.1, 0.1, 2)
        .primary("x", "y");
    return Engine.initial(b.build(), 3L);
  }

  private static void assertSameTurn(TurnResult unit, TurnResult generic) {
    GameState a = unit.next();
    GameState b = generic.next();
    for (String[] d : new String[][] {{"x", "y"}, {"y", "x"}}) {
      assertThat(a.hostility(d[0], d[1])).as("H %s→%s", d[0], d[1]).isEqualTo(b.hostility(d[0], d[1]));
      assertThat(a.trust(d[0], d[1])).as("τ %s→%s", d[0], d[1]).isEqualTo(b.trust(d[0], d[1]));
      assertThat(a.deployed(d[0], d[1])).as("D %s→%s", d[0], d[1]).isEqualTo(b.deployed(d[0], d[1]));
    }
    assertThat(a.floor("x", "y")).isEqualTo(b.floor("x", "y"));
    assertThat(a.rung("x", "y")).isEqualTo(b.rung("x", "y"));
    assertThat(a.progress("x", "y")).isEqualTo(b.progress("x", "y"));
    assertThat(unit.record().actor("x").escalationScore()).isEqualTo(generic.record().actor("x").escalationScore());
    assertThat(unit.record().flows()).isEqualTo(generic.record().flows());
    assertThat(unit.record().rejections()).isEmpty();
    assertThat(generic.record().rejections()).isEmpty();
    // U: at equal state, equal H' means equal impulse; check it directly from the one event too.
    Event ue = unit.record().events().get(0);
    Event ge = generic.record().events().get(0);
    assertThat(ue.magnitude()).isEqualTo(ge.magnitude());
    assertThat(ue.cameo()).isEqualTo(ge.cameo());
    assertThat(ue.target()).isEqualTo("y");
  }

  @ParameterizedTest
  @ValueSource(doubles = {1.7, 10, 50})
  void unitsLayer_deployEqualsGeneric(double q) {
    TurnResult unit = Engine.resolve(unitGame(q, false),
        Orders.builder().submit("x", Move.unit(MoveType.DEPLOY_TROOPS, "u", "front")).waitFor("y").build());
    TurnResult generic = Engine.resolve(genericGame(q, false),
        Orders.builder().submit("x", Move.troops(MoveType.DEPLOY_TROOPS, "y", q)).waitFor("y").build());
    assertSameTurn(unit, generic);
    assertThat(unit.next().deployed("x", "y")).isEqualTo(q);
    assertThat(unit.record().actor("x").escalationScore()).isEqualTo(12);
    int expectedFloor = q >= 50 ? 6 : 5;
    assertThat(unit.next().floor("x", "y")).isEqualTo(expectedFloor);
    if (q == 1.7) {
      assertThat(unit.record().events().get(0).magnitude()).isEqualTo(0.1);
    }
  }

  @ParameterizedTest
  @ValueSource(doubles = {1.7, 10, 50})
  void unitsLayer_withdrawEqualsGeneric(double q) {
    TurnResult unit = Engine.resolve(unitGame(q, true),
        Orders.builder().submit("x", Move.unit(MoveType.WITHDRAW_TROOPS, "u", "rear")).waitFor("y").build());
    TurnResult generic = Engine.resolve(genericGame(q, true),
        Orders.builder().submit("x", Move.troops(MoveType.WITHDRAW_TROOPS, "y", q)).waitFor("y").build());
    assertSameTurn(unit, generic);
    assertThat(unit.next().deployed("x", "y")).isEqualTo(0.0);
    assertThat(unit.record().actor("x").escalationScore()).isEqualTo(-2);
    assertThat(unit.next().progress("x", "y")).isEqualTo(0.2);
  }

  private static ScenarioBuilder theater() {
    ScenarioBuilder b = new ScenarioBuilder("theater")
        .actor("usa", Regime.DEMOCRACY, true, 4, 0)
        .actor("rus", Regime.AUTOCRACY, true, 4, 0)
        .actor("blr", Regime.AUTOCRACY, false, 4, 0)
        .actor("ukr", Regime.DEMOCRACY, false, 4, 0)
        .dyad("usa", "rus", 25, 0.12, 0.04, 1.6).dyad("rus", "usa", 35, 0.1, 0.05, 2)
        .dyad("rus", "ukr", 45, 0.08, 0.12, 2).dyad("ukr", "rus", 30, 0.1, 0.15, 1.5)
        .primary("rus", "ukr")
        .region("fort-bragg", List.of(), List.of())
        .region("germany", List.of(), List.of())
        .region("poland", List.of("rus", "blr"), List.of())
        .region("baltics", List.of("rus"), List.of())
        .region("ukraine", List.of("rus"), List.of("usa"))
        .region("belarus", List.of("ukr"), List.of())
        .unit("82nd", "usa", 1700, "fort-bragg", false)
        .unit("stryker", "usa", 1000, "poland", false)
        .unit("reserve", "usa", 8500, "fort-bragg", true)
        .unit("guards", "rus", 30000, "belarus", false);
    b.rules.incidentPMax(0);
    return b;
  }

  @Test
  void unitMove_deployFromRearNeedsAlertThenCountsTowardFacedActors() {
    GameState s = Engine.initial(theater().build(), 1L);
    assertThat(s.deployed("usa", "rus")).isEqualTo(1.0);
    assertThat(s.deployed("rus", "ukr")).isEqualTo(30.0);
    assertThat(s.reserve("usa")).isEqualTo(8.5);
    assertThat(Engine.validateSubmission(s, "usa", List.of(Move.unit(MoveType.DEPLOY_TROOPS, "82nd", "poland"))))
        .extracting(Rejection::reason).containsExactly(RejectionReason.UNIT_NOT_ON_ALERT);
    TurnResult alerted = Engine.resolve(s, Orders.builder().submit("usa", Move.unit(MoveType.ALERT_UNITS, "82nd", ""))
        .waitFor("rus").waitFor("blr").waitFor("ukr").build());
    assertThat(alerted.next().unitOnAlert("82nd")).isTrue();
    assertThat(alerted.next().reserve("usa")).isEqualTo(10.2);
    assertThat(alerted.record().actor("usa").escalationScore()).isEqualTo(4);
    Event alertEvent = alerted.record().events().get(0);
    assertThat(alertEvent.cameo()).isEqualTo("152");
    assertThat(alertEvent.magnitude()).isEqualTo(MoveCatalogue.magnitude(s.scenario().rules(), 1.7));
    // ALERT_UNITS sets no floor (II-c §2): the floor only decays from its start.
    assertThat(alerted.next().floor("rus", "usa")).isEqualTo(Math.max(s.floor("rus", "usa") - 1, 0));

    TurnResult deployed = Engine.resolve(alerted.next(), Orders.builder()
        .submit("usa", Move.unit(MoveType.DEPLOY_TROOPS, "82nd", "poland"))
        .waitFor("rus").waitFor("blr").waitFor("ukr").build());
    assertThat(deployed.record().rejections()).isEmpty();
    assertThat(deployed.next().unitLocation("82nd")).isEqualTo("poland");
    assertThat(deployed.next().deployed("usa", "rus")).isEqualTo(2.7);
    assertThat(deployed.next().deployed("usa", "blr")).as("no dyad: computed from units").isEqualTo(2.7);
    // Poland faces rus and blr: one event each, ES once; usa–blr is not a dyad, so only the event.
    assertThat(deployed.record().events()).extracting(Event::target).containsExactly("blr", "rus");
    assertThat(deployed.record().events()).extracting(Event::esPoints).containsExactly(12, 0);
    assertThat(deployed.record().actor("usa").escalationScore()).isEqualTo(12);
  }

  @Test
  void unitMove_repositionBarredRegionsAndWithdrawRules() {
    GameState s = Engine.initial(theater().build(), 1L);
    // Poland → Baltics faces {rus} ⊆ {rus, blr}: a reposition, no event, no ES, but it counts as a move.
    TurnResult reposition = Engine.resolve(s, Orders.builder()
        .submit("usa", Move.unit(MoveType.DEPLOY_TROOPS, "stryker", "baltics"))
        .waitFor("rus").waitFor("blr").waitFor("ukr").build());
    assertThat(reposition.record().rejections()).isEmpty();
    assertThat(reposition.record().events()).isEmpty();
    assertThat(reposition.record().actor("usa").escalationScore()).isZero();
    assertThat(reposition.next().unitLocation("stryker")).isEqualTo("baltics");

    assertThat(reasons(s, "usa", Move.unit(MoveType.DEPLOY_TROOPS, "reserve", "ukraine")))
        .containsExactly(RejectionReason.REGION_BARRED);
    assertThat(reasons(s, "usa", Move.unit(MoveType.WITHDRAW_TROOPS, "reserve", "germany")))
        .containsExactly(RejectionReason.NOT_A_WITHDRAWAL);
    assertThat(reasons(s, "usa", Move.unit(MoveType.WITHDRAW_TROOPS, "stryker", "baltics")))
        .containsExactly(RejectionReason.NOT_A_WITHDRAWAL);
    assertThat(reasons(s, "usa", Move.unit(MoveType.DEPLOY_TROOPS, "stryker", "germany")))
        .containsExactly(RejectionReason.NOT_A_DEPLOYMENT);
    assertThat(reasons(s, "usa", Move.unit(MoveType.DEPLOY_TROOPS, "stryker", "poland")))
        .containsExactly(RejectionReason.NOT_A_DEPLOYMENT);
    assertThat(reasons(s, "usa", Move.unit(MoveType.DEPLOY_TROOPS, "guards", "poland")))
        .containsExactly(RejectionReason.NOT_YOUR_UNIT);
    assertThat(reasons(s, "usa", Move.unit(MoveType.DEPLOY_TROOPS, "nope", "poland")))
        .containsExactly(RejectionReason.UNKNOWN_UNIT);
    assertThat(reasons(s, "usa", Move.unit(MoveType.DEPLOY_TROOPS, "reserve", "mars")))
        .containsExactly(RejectionReason.UNKNOWN_REGION);
    assertThat(reasons(s, "usa", Move.troops(MoveType.DEPLOY_TROOPS, "rus", 5)))
        .containsExactly(RejectionReason.USE_UNITS);
    assertThat(reasons(s, "usa", Move.unit(MoveType.ALERT_UNITS, "reserve", "")))
        .containsExactly(RejectionReason.ALREADY_ON_ALERT);
    assertThat(reasons(s, "usa", Move.unit(MoveType.DEPLOY_TROOPS, "stryker", "baltics"),
        Move.unit(MoveType.WITHDRAW_TROOPS, "stryker", "germany")))
        .containsExactly(RejectionReason.CONTRADICTORY_ORDERS);

    TurnResult withdrawn = Engine.resolve(s, Orders.builder()
        .submit("rus", Move.unit(MoveType.WITHDRAW_TROOPS, "guards", "fort-bragg"))
        .waitFor("usa").waitFor("blr").waitFor("ukr").build());
    assertThat(withdrawn.record().rejections()).isEmpty();
    assertThat(withdrawn.next().deployed("rus", "ukr")).isEqualTo(0.0);
    assertThat(withdrawn.record().events()).singleElement().satisfies(e -> {
      assertThat(e.cameo()).isEqualTo("0873");
      assertThat(e.target()).isEqualTo("ukr");
    });
  }

  private static List<RejectionReason> reasons(GameState s, String actor, Move... moves) {
    return Engine.validateSubmission(s, actor, List.of(moves)).stream().map(Rejection::reason)
        .collect(java.util.stream.Collectors.toList());
  }

  @Test
  void unitMove_genericFormsRejectUnitMovesWithoutUnits() {
    GameState s = genericGame(10, false);
    assertThat(reasons(s, "x", Move.unit(MoveType.DEPLOY_TROOPS, "u", "front")))
        .containsExactly(RejectionReason.NO_UNITS);
    assertThat(reasons(s, "x", Move.unit(MoveType.ALERT_UNITS, "u", ""))).containsExactly(RejectionReason.NO_UNITS);
  }
}
