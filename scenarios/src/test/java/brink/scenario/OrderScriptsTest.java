package brink.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import brink.engine.def.Move;
import brink.engine.def.MoveType;
import brink.engine.def.Scenario;
import brink.engine.sim.Simulation;
import brink.engine.sim.SimulationResult;
import java.util.Map;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrderScriptsTest {
  private static final Scenario FEB = TestFiles.load("feb2022-table.txtpb").scenario();

  @Test
  void load_validScript_turnToActorToMoves_waitIsAnEmptyList() {
    OrderScripts.Result r = OrderScripts.load("orders.txtpb", TestFiles.text("orders-valid.txtpb"), FEB);
    assertThat(r.errors()).isEmpty();
    assertThat(r.script().keySet()).containsExactly(1, 2, 3);
    assertThat(r.script().get(1).keySet()).containsExactly("rus", "ukr");
    assertThat(r.script().get(1).get("rus"))
        .containsExactly(Move.toward(MoveType.NEGOTIATE, "ukr"), Move.toward(MoveType.STATEMENT_REASSURE, "ukr"));
    assertThat(r.script().get(2).get("usa")).isEmpty();
    assertThat(r.script().get(3).get("rus")).containsExactly(Move.troops(MoveType.DEPLOY_TROOPS, "ukr", 10));
  }

  @Test
  void load_validScript_drivesTheSimulation() {
    OrderScripts.Result r = OrderScripts.load("orders.txtpb", TestFiles.text("orders-valid.txtpb"), FEB);
    SimulationResult sim = Simulation.run(FEB, 7L, r.script(), Map.of(), 3);
    assertThat(sim.turns()).hasSize(3);
    assertThat(sim.turns().get(0).events())
        .anySatisfy(e -> {
          assertThat(e.actor()).isEqualTo("rus");
          assertThat(e.type()).isEqualTo(MoveType.STATEMENT_REASSURE);
          assertThat(e.target()).isEqualTo("ukr");
        });
    assertThat(sim.turns().get(1).defaulted()).doesNotContainKey("usa");
  }

  @Test
  void load_badScript_everyErrorLocated() {
    OrderScripts.Result r = OrderScripts.load("orders.txtpb", TestFiles.text("orders-bad.txtpb"), FEB);
    assertThat(r.isOk()).isFalse();
    assertThat(r.script()).isEmpty();
    assertThat(r.errors()).extracting(ScenarioError::toString).containsExactly(
        "orders.txtpb:1:16: unknown actor \"russia\" in scripted turn; did you mean \"rus\"?",
        "orders.txtpb:2:52: unknown actor \"rsu\" in turn 1 of \"ukr\" NEGOTIATE; did you mean \"rus\"?",
        "orders.txtpb:3:1: this scripted turn lists no move: add move { type: ... } or wait: true",
        "orders.txtpb:4:8: each scripted turn needs turn: N (1 = the first turn)",
        "orders.txtpb:5:29: a turn with wait: true cannot also list moves: remove one",
        "orders.txtpb:6:1: turn 3 of \"ukr\" is scripted twice (first at line 5:1): put all its moves in one block",
        "orders.txtpb:7:29: turn 4 of \"rus\": the move needs type: <MOVE_TYPE> (WAIT, NEGOTIATE, DEPLOY_TROOPS, ...)",
        "orders.txtpb:7:77: unknown unit \"vdv\" in turn 4 of \"rus\" ALERT_UNITS; the file defines no units");
  }

  @Test
  void load_illegalButWellFormedMoves_areLeftToTheEngine() {
    // blr and usa have no dyad and usa is not the mover of a unit: the engine rejects these in the turn report
    OrderScripts.Result r = OrderScripts.load("o.txtpb",
        "turn { turn: 1 actor: \"blr\" move { type: INVADE target: \"usa\" } move { type: NUCLEAR_USE target: \"ukr\" } }", FEB);
    assertThat(r.errors()).isEmpty();
    assertThat(r.script().get(1).get("blr")).hasSize(2);
  }

  @Test
  void load_withoutAScenario_checksOnlyTheScriptItself() {
    OrderScripts.Result r = OrderScripts.load("o.txtpb", "turn { turn: 1 actor: \"anyone\" wait: true }\nturn { turn: 2 actor: \"Bad Id\" wait: true }");
    assertThat(r.errors()).extracting(ScenarioError::code).containsExactly(ErrorCode.BAD_ID);
    assertThat(r.errors().get(0).line()).isEqualTo(2);
  }

  @Test
  void load_syntaxError_isLocated() {
    OrderScripts.Result r = OrderScripts.load("o.txtpb", "turn { turn: 1 actor: \"rus\" mvoe { type: WAIT } }", FEB);
    assertThat(r.errors()).extracting(ScenarioError::toString)
        .containsExactly("o.txtpb:1:29: unknown field \"mvoe\" in scripted_turn; did you mean \"move\"?");
  }

  @Test
  void loadFile_missingFile(@TempDir Path dir) {
    OrderScripts.Result r = OrderScripts.loadFile(dir.resolve("none.txtpb"), FEB);
    assertThat(r.errors()).extracting(ScenarioError::code).containsExactly(ErrorCode.FILE_UNREADABLE);
  }
}
