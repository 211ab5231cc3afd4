package brink.engine;

import brink.engine.def.Objective;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Scores each actor on its objectives (engine-model.md Part II-c §10): predicates on a state and its outcome
 * (normally the final one). History-free: "alert never below" reads the state's per-actor minimum alert.
 */
public final class Objectives {
  /** One objective and whether it is met. */
  public record Result(Objective objective, boolean met) {}

  /**
   * An actor's score: objectives met out of its total, final stability and cumulative escalation score.
   */
  public record Score(String actor, int met, int total, List<Result> results, double stability, int escalationTotal) {
    public Score {
      results = List.copyOf(results);
    }
  }

  private Objectives() {}

  /** Every actor's score, in actor id order. */
  public static List<Score> evaluate(GameState state) {
    Objects.requireNonNull(state, "state");
    List<Score> out = new ArrayList<>();
    for (String actor : state.actorIds()) {
      List<Result> results = new ArrayList<>();
      int met = 0;
      for (Objective o : state.scenario().objectives()) {
        if (o.actor().equals(actor)) {
          boolean ok = met(o, state);
          results.add(new Result(o, ok));
          met += ok ? 1 : 0;
        }
      }
      out.add(new Score(actor, met, results.size(), results, state.stability(actor), state.escalationTotal(actor)));
    }
    return out;
  }

  /** Whether one objective holds on the state. */
  public static boolean met(Objective objective, GameState state) {
    Objective.Test test = objective.test();
    if (test instanceof Objective.OutcomeIn) {
      return ((Objective.OutcomeIn) test).outcomes().contains(state.outcome());
    }
    if (test instanceof Objective.TensionAtMost) {
      Objective.TensionAtMost x = (Objective.TensionAtMost) test;
      return state.tension(x.a(), x.b()) <= x.value();
    }
    if (test instanceof Objective.TensionAtLeast) {
      Objective.TensionAtLeast x = (Objective.TensionAtLeast) test;
      return state.tension(x.a(), x.b()) >= x.value();
    }
    if (test instanceof Objective.AlertNeverBelow) {
      // Alert 5 is the least severe: "never below n" = the lowest alert number seen is ≥ n.
      return state.minAlert(objective.actor()) >= ((Objective.AlertNeverBelow) test).alert();
    }
    if (test instanceof Objective.StabilityAtLeast) {
      return state.stability(objective.actor()) >= ((Objective.StabilityAtLeast) test).value();
    }
    if (test instanceof Objective.DeployedAtMost) {
      Objective.DeployedAtMost x = (Objective.DeployedAtMost) test;
      return state.deployed(x.from(), x.to()) <= x.value();
    }
    throw new IllegalStateException("unknown objective test " + test);
  }
}
