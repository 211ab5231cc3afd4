package brink.engine.def;

import java.util.Objects;

/** An unordered pair of actors, stored with the smaller id first ({@link String#compareTo}). */
public record Pair(String a, String b) implements Comparable<Pair> {
  public Pair {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    if (a.compareTo(b) > 0) {
      String t = a;
      a = b;
      b = t;
    }
  }

  public boolean contains(String actor) {
    return a.equals(actor) || b.equals(actor);
  }

  public String other(String actor) {
    return a.equals(actor) ? b : a;
  }

  @Override
  public int compareTo(Pair o) {
    int c = a.compareTo(o.a);
    return c != 0 ? c : b.compareTo(o.b);
  }

  @Override
  public String toString() {
    return a + "-" + b;
  }
}
