package brink.engine.view;

import java.util.Objects;

/**
 * Who a view or a turn report is for (engine-model.md Part II-b "Visibility", II-c §9): one actor's seat,
 * the public observer (the projector), or the instructor, who sees everything (the after-action truth).
 */
public final class Viewer implements Comparable<Viewer> {
  /** The three kinds of viewer. */
  public enum Kind {
    ACTOR,
    OBSERVER,
    INSTRUCTOR
  }

  /** The public view: what every participant may see. */
  public static final Viewer OBSERVER = new Viewer(Kind.OBSERVER, "");
  /** The instructor: everything, unfiltered. */
  public static final Viewer INSTRUCTOR = new Viewer(Kind.INSTRUCTOR, "");

  private final Kind kind;
  private final String actor;

  private Viewer(Kind kind, String actor) {
    this.kind = kind;
    this.actor = actor;
  }

  /** The seat of {@code actor}. */
  public static Viewer actor(String actor) {
    Objects.requireNonNull(actor, "actor");
    if (actor.isEmpty()) {
      throw new IllegalArgumentException("an actor viewer needs an actor id");
    }
    return new Viewer(Kind.ACTOR, actor);
  }

  public Kind kind() {
    return kind;
  }

  /** The actor id for {@link Kind#ACTOR}, "" otherwise. */
  public String actorId() {
    return actor;
  }

  public boolean isInstructor() {
    return kind == Kind.INSTRUCTOR;
  }

  /** True when this viewer is the seat of {@code id}. */
  public boolean is(String id) {
    return kind == Kind.ACTOR && actor.equals(id);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Viewer && ((Viewer) o).kind == kind && ((Viewer) o).actor.equals(actor);
  }

  @Override
  public int hashCode() {
    return kind.hashCode() * 31 + actor.hashCode();
  }

  @Override
  public int compareTo(Viewer o) {
    int c = kind.compareTo(o.kind);
    return c != 0 ? c : actor.compareTo(o.actor);
  }

  @Override
  public String toString() {
    return kind == Kind.ACTOR ? actor : kind.name().toLowerCase(java.util.Locale.ROOT);
  }
}
