package brink.cli;

import java.util.Locale;

/** The languages Brink prints in: English and French (scenario texts carry both). */
final class Languages {
  private Languages() {}

  /**
   * {@code requested} if given ("en" or "fr", any case), else the system locale's language when it is
   * French, else English.
   */
  static String resolve(String requested) {
    if (requested == null) {
      return "fr".equals(Locale.getDefault().getLanguage()) ? "fr" : "en";
    }
    String lang = requested.strip().toLowerCase(Locale.ROOT);
    if (!lang.equals("en") && !lang.equals("fr")) {
      throw new UserError("--lang must be en or fr (it was '" + requested + "').");
    }
    return lang;
  }
}
