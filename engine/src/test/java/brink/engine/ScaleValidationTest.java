package brink.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import brink.engine.def.Move;
import brink.engine.def.MoveType;
import brink.engine.def.Regime;
import brink.engine.def.Rules;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Part III B cases: the scales the engine borrows are the published ones (engine-model.md Part I). */
class ScaleValidationTest {

  @Test
  void B1_goldsteinRootsAreTheGdeltTable() {
    Map<String, Double> expected = new LinkedHashMap<>();
    double[] values = {0.0, 3.0, 4.0, 1.0, 3.5, 6.0, 7.0, 5.0, -2.0, -5.0, -2.0, -4.0, -6.0, -6.5, -7.2, -4.0,
        -7.0, -9.0, -10.0, -10.0};
    for (int r = 1; r <= 20; r++) {
      expected.put(String.format(java.util.Locale.ROOT, "%02d", r), values[r - 1]);
    }
    assertThat(Goldstein.roots()).containsExactlyEntriesOf(expected);
  }

  @Test
  void B1_goldsteinSignsAndRange() {
    for (Map.Entry<String, Double> e : Goldstein.table().entrySet()) {
      assertThat(e.getValue()).as(e.getKey()).isBetween(-10.0, 10.0);
    }
    assertThat(Goldstein.weight("01")).isEqualTo(0.0);
    for (int r = 2; r <= 8; r++) {
      assertThat(Goldstein.weight(String.format(java.util.Locale.ROOT, "%02d", r))).isPositive();
    }
    for (int r = 9; r <= 20; r++) {
      assertThat(Goldstein.weight(String.format(java.util.Locale.ROOT, "%02d", r))).isNegative();
    }
    assertThat(Goldstein.weight("0874")).isEqualTo(10.0);
    assertThat(Goldstein.table().values().stream().mapToDouble(Double::doubleValue).max().orElseThrow())
        .isEqualTo(10.0);
  }

  @Test
  void B1_goldsteinUsesGdeltWhereThePhoenixDictionaryDiffers() {
    assertThat(Goldstein.weight("163")).isEqualTo(-8.0);
    assertThat(Goldstein.weight("1385")).isEqualTo(-7.0);
    assertThat(Goldstein.weight("072")).isEqualTo(8.3);
  }

  @Test
  void B1_lookupFallsBackFromSubCodeToRoot() {
    assertThat(Goldstein.isListed("112")).isFalse();
    assertThat(Goldstein.weight("112")).isEqualTo(Goldstein.weight("11")).isEqualTo(-2.0);
    assertThat(Goldstein.weight("1711")).isEqualTo(-7.0);
    assertThat(Goldstein.weight("0871")).as("longest listed prefix 087").isEqualTo(9.0);
    assertThat(Goldstein.root("1712")).isEqualTo("17");
    assertThatThrownBy(() -> Goldstein.weight("21")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("21");
    assertThatThrownBy(() -> Goldstein.weight("x1")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void B2_everyMoveIsACoherentCameoEvent() {
    for (MoveCatalogue.Entry e : MoveCatalogue.all().values()) {
      if (e.type() == MoveType.WAIT) {
        assertThat(e.cameo()).isEmpty();
        continue;
      }
      assertThat(Goldstein.isListed(e.cameo())).as("%s code %s is listed", e.type(), e.cameo()).isTrue();
      assertThat(e.goldstein()).as(e.type().name()).isEqualTo(Goldstein.weight(e.cameo()));
      int root = Integer.parseInt(e.cameo().substring(0, 2));
      boolean verbalRoot = (root >= 1 && root <= 5) || (root >= 10 && root <= 14);
      assertThat(e.verbal()).as("%s verbal flag follows root %02d", e.type(), root).isEqualTo(verbalRoot);
      switch (e.esClass()) {
        case DE_ESCALATION:
          assertThat(e.goldstein()).as(e.type().name()).isPositive();
          break;
        case STATUS_QUO:
          assertThat(e.goldstein()).as(e.type().name()).isGreaterThanOrEqualTo(0);
          break;
        case POSTURING:
          // Military aid is cooperation toward the recipient (CAMEO 072, +8.3); its hostile side is the
          // third-party rule. Every other posturing move is an escalation.
          if (e.type() == MoveType.MILITARY_AID) {
            assertThat(e.goldstein()).isPositive();
          } else {
            assertThat(e.goldstein()).as(e.type().name()).isNegative();
          }
          break;
        default:
          assertThat(e.goldstein()).as(e.type().name()).isNegative();
      }
    }
    assertThat(MoveCatalogue.of(MoveType.STATEMENT_REASSURE).goldstein()).isGreaterThanOrEqualTo(0);
    assertThat(MoveCatalogue.of(MoveType.HOTLINE_CALL).goldstein()).isGreaterThanOrEqualTo(0);
  }

  @Test
  void B2_magnitudeOfTroopMoves() {
    Rules r = Rules.defaults();
    assertThat(MoveCatalogue.magnitude(r, 3)).isCloseTo(0.11, org.assertj.core.api.Assertions.within(0.005));
    assertThat(MoveCatalogue.magnitude(r, 10)).isCloseTo(0.29, org.assertj.core.api.Assertions.within(0.005));
    assertThat(MoveCatalogue.magnitude(r, 50)).isCloseTo(0.75, org.assertj.core.api.Assertions.within(0.005));
    assertThat(MoveCatalogue.magnitude(r, 100)).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-12));
    assertThat(MoveCatalogue.magnitude(r, 1.7)).as("clamped at the minimum").isEqualTo(0.1);
    assertThat(MoveCatalogue.magnitude(r, 1e6)).as("clamped at the maximum").isEqualTo(1.5);
  }

  @Test
  void B3_riveraClassPointsIncreaseWithSeverity() {
    int[] points = java.util.Arrays.stream(EscalationClass.values()).mapToInt(EscalationClass::points).toArray();
    assertThat(points).containsExactly(-2, 0, 4, 12, 28, 60);
    for (int k = 1; k < points.length; k++) {
      assertThat(points[k]).isGreaterThan(points[k - 1]);
    }
  }

  private record RiveraAction(String action, EscalationClass cls, String engineMove) {}

  private static List<RiveraAction> riveraActions() throws IOException {
    try (InputStream in = ScaleValidationTest.class.getResourceAsStream("/brink/rivera/actions_v8_chart_utils.tsv")) {
      assertThat(in).as("test resource").isNotNull();
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<RiveraAction> out = new ArrayList<>();
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t");
        assertThat(f).as(line).hasSize(3);
        out.add(new RiveraAction(f[0], EscalationClass.valueOf(f[1]), f[2]));
      }
      return out;
    }
  }

  @Test
  void B3_theTwentySevenRiveraActionsByChartUtilsClass() throws IOException {
    List<RiveraAction> actions = riveraActions();
    assertThat(actions).hasSize(27);
    assertThat(actions.stream().map(RiveraAction::action).distinct().count()).isEqualTo(27);
    Map<EscalationClass, Long> counts = actions.stream()
        .collect(Collectors.groupingBy(RiveraAction::cls, () -> new EnumMap<>(EscalationClass.class),
            Collectors.counting()));
    assertThat(counts).containsEntry(EscalationClass.STATUS_QUO, 2L)
        .containsEntry(EscalationClass.DE_ESCALATION, 8L)
        .containsEntry(EscalationClass.POSTURING, 4L)
        .containsEntry(EscalationClass.NON_VIOLENT, 7L)
        .containsEntry(EscalationClass.VIOLENT, 4L)
        .containsEntry(EscalationClass.NUCLEAR, 2L);
    // Where an engine move plays a Rivera action, it carries that action's class.
    for (RiveraAction a : actions) {
      if (!a.engineMove().equals("-")) {
        assertThat(MoveCatalogue.of(MoveType.valueOf(a.engineMove())).esClass()).as(a.action()).isEqualTo(a.cls());
      }
    }
  }

  @Test
  void B3_everyEngineMoveMapsToOneClass() {
    for (MoveType t : MoveType.values()) {
      assertThat(MoveCatalogue.of(t).esClass()).as(t.name()).isNotNull();
    }
  }

  private static GameState twoNuclearActors() {
    return Engine.initial(new ScenarioBuilder("es")
        .actor("x", Regime.DEMOCRACY, true, 5, 10)
        .actor("y", Regime.DEMOCRACY, true, 5, 10)
        .dyad("x", "y", 20, 0.3, 0.1, 1)
        .dyad("y", "x", 20, 0.3, 0.1, 1)
        .primary("x", "y").build(), 1L);
  }

  private static TurnRecord xPlays(GameState s, Move... moves) {
    return Engine.resolve(s, Orders.builder().submit("x", moves).waitFor("y").build()).record();
  }

  @Test
  void B3_turnEscalationScoreIsTheSumOfTheMoves() {
    GameState s = twoNuclearActors();
    assertThat(xPlays(s).actor("x").escalationScore()).isEqualTo(0);
    assertThat(xPlays(s, Move.of(MoveType.WAIT)).actor("x").escalationScore()).isEqualTo(0);
    assertThat(xPlays(s, Move.toward(MoveType.INVADE, "y")).actor("x").escalationScore()).isEqualTo(28);
    assertThat(xPlays(s, Move.toward(MoveType.NUCLEAR_USE, "y")).actor("x").escalationScore()).isEqualTo(60);
    assertThat(xPlays(s, Move.toward(MoveType.NEGOTIATE, "y")).actor("x").escalationScore()).isEqualTo(-2);
    TurnRecord three = xPlays(s, Move.toward(MoveType.CRITICIZE, "y"), Move.toward(MoveType.MILITARY_EXERCISE, "y"),
        Move.toward(MoveType.NEGOTIATE, "y"));
    assertThat(three.actor("x").escalationScore()).isEqualTo(12 + 12 - 2);
    assertThat(three.actor("x").escalationTotal()).isEqualTo(22);
    // Rejected moves count 0: LOWER_ALERT at alert 5.
    assertThat(xPlays(s, Move.of(MoveType.LOWER_ALERT)).actor("x").escalationScore()).isEqualTo(0);
  }

  @Test
  void B4_kahnLadderHas44RungsIn7Groups() {
    assertThat(Ladder.RUNGS).isEqualTo(44);
    int[][] groups = {{1, 3}, {4, 9}, {10, 20}, {21, 25}, {26, 31}, {32, 38}, {39, 44}};
    Ladder.Group[] gs = Ladder.Group.values();
    assertThat(gs).hasSize(8);
    assertThat(gs[0]).isEqualTo(Ladder.Group.COLD_WAR);
    for (int k = 0; k < 7; k++) {
      assertThat(gs[k + 1].first()).isEqualTo(groups[k][0]);
      assertThat(gs[k + 1].last()).isEqualTo(groups[k][1]);
      for (int rung = groups[k][0]; rung <= groups[k][1]; rung++) {
        assertThat(Ladder.group(rung)).isEqualTo(gs[k + 1]);
      }
    }
    for (int rung = 0; rung <= 44; rung++) {
      assertThat(Ladder.name(rung).en()).as("rung %d", rung).isNotBlank();
      assertThat(Ladder.name(rung).fr()).as("rung %d", rung).isNotBlank();
    }
    assertThat(Ladder.name(6).en()).isEqualTo("Significant mobilization");
    assertThat(Ladder.name(11).en()).isEqualTo("Super-ready status");
    assertThat(Ladder.name(44).en()).isEqualTo("Spasm or insensate war");
    assertThatThrownBy(() -> Ladder.name(45)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void B4_sixThresholdsBetweenTheGroups() {
    assertThat(Ladder.thresholds()).extracting(Ladder.Threshold::below).containsExactly(3, 9, 20, 25, 31, 38);
    assertThat(Ladder.thresholds()).extracting(t -> t.name().en()).containsExactly("Don't Rock the Boat",
        "Nuclear War Is Unthinkable", "No Nuclear Use", "Central Sanctuary", "Central War", "City Targeting");
    for (Ladder.Threshold t : Ladder.thresholds()) {
      assertThat(Ladder.group(t.below())).isNotEqualTo(Ladder.group(t.above()));
    }
  }

  @Test
  void B4_tensionToRungBoundaries() {
    double[] tension = {9.99, 10, 24.99, 25, 54.99, 55, 59.99, 60, 100};
    int[] rung = {0, 1, 3, 4, 9, 10, 10, 11, 11};
    for (int k = 0; k < tension.length; k++) {
      assertThat(Ladder.rung(tension[k])).as("rung(%s)", tension[k]).isEqualTo(rung[k]);
    }
    int previous = 0;
    for (int k = 0; k <= 100_000; k++) {
      int r = Ladder.rung(k / 1000.0);
      assertThat(r).isGreaterThanOrEqualTo(previous).isLessThanOrEqualTo(Ladder.MAX_TENSION_RUNG);
      previous = r;
    }
  }

  @Test
  void B4_forceMovesReachWarAndNuclearRungs() {
    GameState s = twoNuclearActors();
    for (MoveType force : new MoveType[] {MoveType.LIMITED_STRIKE, MoveType.INVADE}) {
      TurnRecord r = xPlays(s, Move.toward(force, "y"));
      assertThat(r.dyad("x", "y").rung()).as(force.name()).isGreaterThanOrEqualTo(12);
      assertThat(r.outcome()).isEqualTo(brink.engine.def.Outcome.WAR_DELIBERATE);
    }
    TurnRecord nuclear = xPlays(s, Move.toward(MoveType.NUCLEAR_USE, "y"));
    assertThat(nuclear.dyad("x", "y").rung()).isGreaterThanOrEqualTo(21);
    assertThat(nuclear.dyad("x", "y").ladderGroup()).isEqualTo(Ladder.Group.BIZARRE_CRISES);
    assertThat(nuclear.outcome()).isEqualTo(brink.engine.def.Outcome.NUCLEAR_CATASTROPHE);
    // Tension alone never reaches rung 12.
    GameState hot = Engine.initial(new ScenarioBuilder("hot")
        .actor("x", Regime.DEMOCRACY, false, 5, 0).actor("y", Regime.DEMOCRACY, false, 5, 0)
        .dyad("x", "y", 100, 0.1, 0.2, 50).dyad("y", "x", 100, 0.1, 0.2, 50).primary("x", "y")
        .build(), 1L);
    assertThat(hot.rung("x", "y")).isEqualTo(11);
  }

  @Test
  void B5_alertPostureIsOrderedAndMovesOneStepATurn() {
    Rules r = Rules.defaults();
    for (int a = 1; a < 5; a++) {
      assertThat(r.kMult(a)).as("alert %d reacts at least as much as %d", a, a + 1).isGreaterThanOrEqualTo(r.kMult(a + 1));
      assertThat(r.floorOfAlert(a)).isGreaterThanOrEqualTo(r.floorOfAlert(a + 1));
    }
    assertThat(r.floorOfAlert(2)).isEqualTo(11);
    assertThat(Ladder.name(r.floorOfAlert(2)).en()).isEqualTo("Super-ready status");

    GameState s = Engine.initial(new ScenarioBuilder("alerts")
        .actor("x", Regime.DEMOCRACY, false, 3, 0).actor("y", Regime.DEMOCRACY, false, 5, 0)
        .dyad("x", "y", 20, 0.3, 0.1, 1).dyad("y", "x", 20, 0.3, 0.1, 1).primary("x", "y").build(), 1L);
    assertThat(Engine.validateSubmission(s, "x", List.of(Move.of(MoveType.RAISE_ALERT), Move.of(MoveType.RAISE_ALERT))))
        .extracting(Rejection::reason).contains(RejectionReason.MORE_THAN_ONE_ALERT_MOVE);
    TurnResult up = Engine.resolve(s, Orders.builder().submit("x", Move.of(MoveType.RAISE_ALERT)).waitFor("y").build());
    assertThat(up.next().alert("x")).isEqualTo(2);
    assertThat(up.record().dyad("x", "y").floor()).isEqualTo(11);
    assertThat(up.record().dyad("x", "y").rung()).isEqualTo(11);
    GameState top = Engine.resolve(up.next(), Orders.builder().submit("x", Move.of(MoveType.RAISE_ALERT)).waitFor("y")
        .build()).next();
    assertThat(top.alert("x")).isEqualTo(1);
    assertThat(Engine.validateSubmission(top, "x", List.of(Move.of(MoveType.RAISE_ALERT))))
        .extracting(Rejection::reason).containsExactly(RejectionReason.ALERT_LIMIT);
  }

  @Test
  void B6_copdabIsNotUsedAnywhereInTheProduct() throws IOException {
    for (MoveCatalogue.Entry e : MoveCatalogue.all().values()) {
      assertThat(e.toString()).doesNotContainIgnoringCase("copdab");
    }
    Path root = Path.of("").toAbsolutePath().getParent();
    List<Path> productTrees = new ArrayList<>();
    for (String module : List.of("engine", "scenarios", "server", "client-cli", "protocol")) {
      productTrees.add(root.resolve(module).resolve("src").resolve("main"));
    }
    productTrees.add(root.resolve("scenarios").resolve("library"));
    assertThat(productTrees.get(0)).isDirectory();
    for (Path tree : productTrees) {
      if (!Files.isDirectory(tree)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(tree)) {
        for (Path f : files.filter(Files::isRegularFile).collect(Collectors.toList())) {
          String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
          assertThat(text).as(f.toString()).doesNotContainIgnoringCase("copdab");
        }
      }
    }
  }
}
