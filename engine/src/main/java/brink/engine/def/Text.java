package brink.engine.def;

import java.util.Objects;

/** A text shown to people, in English and French; a missing French text falls back to English. */
public record Text(String en, String fr) {
  public static final Text EMPTY = new Text("", "");

  public Text {
    en = Objects.requireNonNullElse(en, "");
    fr = Objects.requireNonNullElse(fr, "");
  }

  public static Text of(String en) {
    return new Text(en, "");
  }

  /** The text in {@code lang} ("en" or "fr"), falling back to English. */
  public String in(String lang) {
    return "fr".equals(lang) && !fr.isEmpty() ? fr : en;
  }

  public boolean isEmpty() {
    return en.isEmpty() && fr.isEmpty();
  }
}
