package brink.engine.def;

import java.util.Objects;

/** A unit at the start of the game. {@code size} is in soldiers; {@code location} a region id. */
public record UnitDef(String id, String owner, Text name, int size, String location, boolean onAlert, Text description) {
  public UnitDef {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(location, "location");
    name = Objects.requireNonNullElse(name, Text.of(id));
    description = Objects.requireNonNullElse(description, Text.EMPTY);
  }
}
