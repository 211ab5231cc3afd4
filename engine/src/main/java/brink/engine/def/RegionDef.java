package brink.engine.def;

import java.util.List;
import java.util.Objects;

/**
 * A region: {@code faces} lists the actors it borders or threatens (empty = rear area);
 * units of the actors in {@code barredFor} may not enter it.
 */
public record RegionDef(String id, Text name, String sovereign, List<String> faces, List<String> barredFor) {
  public RegionDef {
    Objects.requireNonNull(id, "id");
    name = Objects.requireNonNullElse(name, Text.of(id));
    sovereign = Objects.requireNonNullElse(sovereign, "");
    faces = List.copyOf(faces);
    barredFor = List.copyOf(barredFor);
  }
}
