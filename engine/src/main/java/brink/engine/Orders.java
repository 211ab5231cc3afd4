package brink.engine;

import brink.engine.def.Move;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One turn's submissions (engine-model.md Part II-c §6): an actor present with an empty list submitted
 * WAIT; an actor absent did not submit and its default bot plays (or it waits when the rules say
 * {@code silent_seats_wait}). WAIT moves inside a list are the same as nothing.
 */
public record Orders(SortedMap<String, List<Move>> byActor) {
  private static final Orders NONE = new Orders(new TreeMap<>());

  public Orders {
    TreeMap<String, List<Move>> copy = new TreeMap<>();
    for (Map.Entry<String, List<Move>> e : byActor.entrySet()) {
      copy.put(Objects.requireNonNull(e.getKey(), "actor"), List.copyOf(e.getValue()));
    }
    byActor = Collections.unmodifiableSortedMap(copy);
  }

  /** No submission at all: every seat is played by its default bot. */
  public static Orders none() {
    return NONE;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** True when the actor submitted (possibly WAIT). */
  public boolean submitted(String actor) {
    return byActor.containsKey(actor);
  }

  /** The actor's submitted moves, or null when it did not submit. */
  public List<Move> of(String actor) {
    return byActor.get(actor);
  }

  /** Builds orders; submitting twice for one actor appends. */
  public static final class Builder {
    private final TreeMap<String, List<Move>> byActor = new TreeMap<>();

    private Builder() {}

    public Builder submit(String actor, Move... moves) {
      return submit(actor, List.of(moves));
    }

    public Builder submit(String actor, List<Move> moves) {
      byActor.computeIfAbsent(actor, a -> new ArrayList<>()).addAll(moves);
      return this;
    }

    /** The actor deliberately does nothing this turn. */
    public Builder waitFor(String actor) {
      return submit(actor, List.of());
    }

    public Orders build() {
      return new Orders(byActor);
    }
  }
}
