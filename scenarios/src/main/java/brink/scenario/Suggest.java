package brink.scenario;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/** "Did you mean" for misspelt ids, field names and enum values. */
final class Suggest {
  private Suggest() {}

  /**
   * The candidate closest to {@code wrong}, if one is close enough to be a likely typo: the same word
   * in another case, one a prefix of the other ("ukraine" for "ukr"), or an edit distance of at most
   * a third of the longer word (at least 1: "usa" is not a typo of "rus"). Ties go to the smallest
   * candidate in string order.
   */
  static Optional<String> closest(String wrong, Collection<String> candidates) {
    String w = wrong.toLowerCase(Locale.ROOT);
    String best = null;
    int bestScore = Integer.MAX_VALUE;
    for (String c : new TreeSet<>(candidates)) {
      String lc = c.toLowerCase(Locale.ROOT);
      int score;
      if (lc.equals(w)) {
        score = 0;
      } else {
        int d = distance(w, lc);
        boolean prefix = w.length() >= 2 && lc.length() >= 2 && (w.startsWith(lc) || lc.startsWith(w));
        int limit = Math.max(1, Math.max(w.length(), lc.length()) / 3);
        if (d <= limit) {
          score = d;
        } else if (prefix) {
          score = limit + 1;
        } else {
          continue;
        }
      }
      if (score < bestScore) {
        bestScore = score;
        best = c;
      }
    }
    return Optional.ofNullable(best);
  }

  /** "; did you mean "x"?" or, when nothing is close, "; known actors: a, b, c" (or "; there are none"). */
  static String hint(String wrong, Collection<String> candidates, String plural) {
    Optional<String> c = closest(wrong, candidates);
    if (c.isPresent()) {
      return "; did you mean \"" + c.get() + "\"?";
    }
    if (candidates.isEmpty()) {
      return "; the file defines no " + plural;
    }
    return "; known " + plural + ": " + list(candidates);
  }

  /** Up to 12 sorted items, comma-separated, with "..." beyond. */
  static String list(Collection<String> items) {
    StringBuilder sb = new StringBuilder();
    int n = 0;
    for (String s : new TreeSet<>(items)) {
      if (n == 12) {
        sb.append(", ...");
        break;
      }
      if (n > 0) {
        sb.append(", ");
      }
      sb.append(s);
      n++;
    }
    return sb.toString();
  }

  /** Optimal string alignment distance: Levenshtein plus adjacent transpositions ("hostilty"). */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          v = Math.min(v, d[i - 2][j - 2] + 1);
        }
        d[i][j] = v;
      }
    }
    return d[a.length()][b.length()];
  }
}
