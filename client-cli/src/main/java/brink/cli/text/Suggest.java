package brink.cli.text;

import java.util.List;
import java.util.Locale;

/** "Did you mean...?": the closest valid word to a mistyped one. */
public final class Suggest {
  private Suggest() {}

  /**
   * The valid word closest to {@code typed}: the only one it is a prefix of, or the one within an edit
   * distance of 2 (a third of the word for short words); null when nothing is close.
   */
  public static String closest(String typed, List<String> valid) {
    String t = typed.toLowerCase(Locale.ROOT);
    String prefixed = null;
    int prefixes = 0;
    for (String v : valid) {
      if (v.toLowerCase(Locale.ROOT).startsWith(t) && !t.isEmpty()) {
        prefixed = v;
        prefixes++;
      }
    }
    if (prefixes == 1) {
      return prefixed;
    }
    String best = null;
    int bestD = Integer.MAX_VALUE;
    int limit = Math.min(2, Math.max(1, t.length() / 3));
    for (String v : valid) {
      int d = distance(t, v.toLowerCase(Locale.ROOT));
      if (d <= limit && d < bestD) {
        best = v;
        bestD = d;
      }
    }
    return best;
  }

  /** The words joined by ", ", at most {@code max} of them then "…". */
  public static String list(List<String> words, int max) {
    if (words.size() <= max) {
      return String.join(", ", words);
    }
    return String.join(", ", words.subList(0, max)) + ", …";
  }

  /** Levenshtein distance. */
  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int k = 1; k <= a.length(); k++) {
      cur[0] = k;
      for (int j = 1; j <= b.length(); j++) {
        int sub = prev[j - 1] + (a.charAt(k - 1) == b.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
