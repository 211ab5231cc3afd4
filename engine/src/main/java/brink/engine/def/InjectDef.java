package brink.engine.def;

import java.util.List;
import java.util.Objects;

/**
 * A headline or event the scenario fires: on {@code turn} (1 = first) or, when {@code when} is not null,
 * on the first turn its condition holds. {@code audience} lists who sees a PARTIES inject.
 */
public record InjectDef(
    String id,
    int turn,
    Condition when,
    Text headline,
    Text body,
    String source,
    Visibility visibility,
    List<String> audience,
    List<Effect> effects) {
  public InjectDef {
    Objects.requireNonNull(id, "id");
    headline = Objects.requireNonNullElse(headline, Text.EMPTY);
    body = Objects.requireNonNullElse(body, Text.EMPTY);
    source = Objects.requireNonNullElse(source, "");
    visibility = Objects.requireNonNullElse(visibility, Visibility.PUBLIC);
    audience = List.copyOf(audience);
    effects = List.copyOf(effects);
  }
}
