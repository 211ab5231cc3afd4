package brink.engine.def;

import java.util.List;

/** A bloc of actors (Richardson's N-nation coupling kappa; the third-party aid rule). */
public record Alliance(List<String> members, Text name) {
  public Alliance {
    members = List.copyOf(members);
    name = name == null ? Text.EMPTY : name;
  }
}
