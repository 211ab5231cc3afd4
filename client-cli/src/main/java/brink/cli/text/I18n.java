package brink.cli.text;

import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The client's words in one language: its own messages from {@code brink/cli/messages*.properties}
 * (UTF-8), scenario texts in the same language (French falling back to English where a scenario has no
 * French text), and numbers written the way that language writes them.
 */
public final class I18n {
  /** The languages the client speaks. */
  public static final List<String> LANGUAGES = List.of("en", "fr");

  private static final String BUNDLE = "brink.cli.messages";

  private final String lang;
  private final Locale locale;
  private final ResourceBundle bundle;

  private I18n(String lang) {
    this.lang = lang;
    this.locale = "fr".equals(lang) ? Locale.FRENCH : Locale.ENGLISH;
    // No fallback to the JVM's default locale: English is the base bundle, French its only child.
    this.bundle = ResourceBundle.getBundle(BUNDLE, locale,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  /** "en" or "fr"; anything else is English. */
  public static I18n of(String lang) {
    return new I18n("fr".equals(lang) ? "fr" : "en");
  }

  public String lang() {
    return lang;
  }

  public Locale locale() {
    return locale;
  }

  /** True when the bundle has {@code key}. */
  public boolean has(String key) {
    return bundle.containsKey(key);
  }

  /**
   * The message {@code key} with {@code {0}}, {@code {1}}... replaced by the arguments (plain replacement:
   * apostrophes need no escaping). A missing key is a bug; it shows as the key itself.
   */
  public String t(String key, Object... args) {
    String pattern;
    try {
      pattern = bundle.getString(key);
    } catch (MissingResourceException e) {
      pattern = key;
    }
    if (args.length == 0) {
      return pattern;
    }
    StringBuilder sb = new StringBuilder(pattern.length() + 32);
    int i = 0;
    while (i < pattern.length()) {
      char c = pattern.charAt(i);
      if (c == '{') {
        int close = pattern.indexOf('}', i);
        if (close > i + 1) {
          String n = pattern.substring(i + 1, close);
          if (n.chars().allMatch(Character::isDigit)) {
            int k = Integer.parseInt(n);
            sb.append(k < args.length ? String.valueOf(args[k]) : "");
            i = close + 1;
            continue;
          }
        }
      }
      sb.append(c);
      i++;
    }
    return sb.toString();
  }

  /** A scenario text in this language, falling back to English. */
  public String text(brink.protocol.scenario.v1.Text t) {
    if (t == null) {
      return "";
    }
    return "fr".equals(lang) && !t.getFr().isEmpty() ? t.getFr() : t.getEn();
  }

  /** An engine text in this language, falling back to English. */
  public String text(brink.engine.def.Text t) {
    return t == null ? "" : t.in(lang);
  }

  /** A number with exactly {@code decimals} decimals, in this language's notation (48.5 / 48,5). */
  public String number(double x, int decimals) {
    NumberFormat f = NumberFormat.getNumberInstance(locale);
    f.setMinimumFractionDigits(decimals);
    f.setMaximumFractionDigits(decimals);
    f.setGroupingUsed(false);
    return f.format(x);
  }

  /** A whole number with this language's thousands separator (1,700 / 1 700). */
  public String count(long n) {
    NumberFormat f = NumberFormat.getIntegerInstance(locale);
    String s = f.format(n);
    // The French separator is a narrow no-break space in recent JDKs; a plain space reads the same everywhere.
    return s.replace('\u202f', ' ').replace('\u00a0', ' ');
  }
}
