package brink.bench;

import brink.engine.def.ActorDef;
import brink.engine.def.Alliance;
import brink.engine.def.DyadDef;
import brink.engine.def.Move;
import brink.engine.def.MoveType;
import brink.engine.def.Pair;
import brink.engine.def.Regime;
import brink.engine.def.Rules;
import brink.engine.def.Scenario;
import brink.engine.def.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A large synthetic crisis for the engine benchmark: {@value #ACTORS} actors, every pair of them a dyad
 * (1,225 dyads, 2,450 directed), generic deployments (no units), and a stable calibration so that the game
 * runs for thousands of turns without ending. Nothing here is history; it only loads the engine.
 *
 * <p>Calibration ("equilibrium-anchored", engine-model.md II §7): every direction has restraint a = 0.30 and
 * reaction k = 0.15, so ab = 0.09 > kl = 0.0225 (a stable node), and the Euler map I + A has eigenvalues
 * 1 - a +- k * alertMult, within (0, 1) for every alert (alertMult <= 1.5). The grievance g0 = 6 puts the
 * equilibrium at g0 / (a - k) = 40 at alert 5 with no trust and no deployments: rung 7, far from the war
 * threshold (80) and above the settlement threshold (25). Each actor has 10 thousand troops facing its
 * next neighbour on a ring, which adds ln(2) to that neighbour's grievance (II §4 step 5).
 */
public final class GeneratedScenario {
  public static final int ACTORS = 50;
  /** Starting and equilibrium hostility (see the class comment). */
  static final double H0 = 40;
  static final double RESTRAINT = 0.30;
  static final double REACTION = 0.15;
  static final double GRIEVANCE = H0 * (RESTRAINT - REACTION);

  private GeneratedScenario() {}

  static String id(int i) {
    return String.format("a%02d", Math.floorMod(i, ACTORS));
  }

  /** The scenario; max_turns 0 (unbounded) so that a long history can be built. */
  public static Scenario fiftyActors() {
    List<ActorDef> actors = new ArrayList<>();
    for (int i = 0; i < ACTORS; i++) {
      actors.add(new ActorDef(id(i), Text.of("Actor " + i), i % 2 == 0 ? Regime.DEMOCRACY : Regime.AUTOCRACY,
          i % 10 == 0, 5, "passive", Text.EMPTY, Text.EMPTY, 100, 100, 20, 0));
    }
    List<DyadDef> dyads = new ArrayList<>();
    for (int i = 0; i < ACTORS; i++) {
      for (int j = 0; j < ACTORS; j++) {
        if (i != j) {
          double deployed = j == Math.floorMod(i + 1, ACTORS) ? 10 : 0;
          dyads.add(new DyadDef(id(i), id(j), H0, RESTRAINT, REACTION, GRIEVANCE, 0.1, deployed, false,
              "synthetic: stable node, equilibrium 40 at alert 5"));
        }
      }
    }
    // Primary dyads are across the ring (never negotiating in the benchmark orders), so no settlement.
    List<Pair> primary = new ArrayList<>();
    for (int i = 0; i < ACTORS; i += 10) {
      primary.add(new Pair(id(i), id(i + ACTORS / 2)));
    }
    List<Alliance> blocs = new ArrayList<>();
    for (int b = 0; b < 5; b++) {
      List<String> members = new ArrayList<>();
      for (int i = b; i < ACTORS; i += 5) {
        members.add(id(i));
      }
      blocs.add(new Alliance(members, Text.of("Bloc " + b)));
    }
    Rules rules = Rules.builder().maxTurns(0).build();
    return new Scenario("generated-50", Text.of("Generated 50-actor benchmark"), Text.EMPTY, "2030-01-01", 7,
        rules, actors, dyads, primary, blocs, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
        List.of(), Map.of(), Text.EMPTY, List.of(), List.of());
  }

  /**
   * Every actor's orders for one turn, the same each turn: talks with both ring neighbours (mutual, so the
   * ring's talks are active) and criticism of the actor seven places on. Three moves: the per-turn maximum.
   */
  public static Map<String, List<Move>> orders() {
    Map<String, List<Move>> orders = new TreeMap<>();
    for (int i = 0; i < ACTORS; i++) {
      orders.put(id(i), List.of(
          Move.toward(MoveType.NEGOTIATE, id(i + 1)),
          Move.toward(MoveType.NEGOTIATE, id(i - 1)),
          Move.toward(MoveType.CRITICIZE, id(i + 7))));
    }
    return orders;
  }
}
