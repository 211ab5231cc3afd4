package brink.engine.def;

import java.util.Objects;
import java.util.Set;

/** An actor's objective: a predicate on the final state and outcome (engine-model.md Part II-c §10). */
public record Objective(String actor, String id, Text description, Test test) {
  public Objective {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(test, "test");
    description = Objects.requireNonNullElse(description, Text.EMPTY);
  }

  /** The predicate. */
  public sealed interface Test {}

  public record OutcomeIn(Set<Outcome> outcomes) implements Test {
    public OutcomeIn {
      outcomes = Set.copyOf(outcomes);
    }
  }

  public record TensionAtMost(String a, String b, double value) implements Test {}

  public record TensionAtLeast(String a, String b, double value) implements Test {}

  /** The actor's alert was never below (more severe than) this level during the game. */
  public record AlertNeverBelow(int alert) implements Test {}

  public record StabilityAtLeast(double value) implements Test {}

  public record DeployedAtMost(String from, String to, double value) implements Test {}
}
