package brink.scenario;

import brink.scenario.SourceText.Pos;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Collects located errors for one file, with the checks every part of the validator repeats. */
final class Checker {
  /** Short lowercase ids: letters, digits and single '-' between them ("eastern-flank-2022", "82nd-airborne"). */
  static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  private final String file;
  private final List<ScenarioError> errors;

  Checker(String file, List<ScenarioError> errors) {
    this.file = file;
    this.errors = errors;
  }

  void add(Pos p, ErrorCode code, String message) {
    errors.add(new ScenarioError(file, p.line(), p.column(), code, message));
  }

  /** An id: present and well-formed. Returns true when it can be used. */
  boolean id(Node n, String field, String value, String what) {
    if (value.isEmpty()) {
      add(n.pos(), ErrorCode.MISSING_FIELD, what + " needs an id: add " + field + ": \"...\"");
      return false;
    }
    if (!ID.matcher(value).matches()) {
      String fix = value.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
      add(
          n.at(field),
          ErrorCode.BAD_ID,
          what + " id \"" + value + "\" must be lowercase letters, digits and '-'"
              + (fix.isEmpty() || !ID.matcher(fix).matches() ? "" : " (for example \"" + fix + "\")"));
      return false;
    }
    return true;
  }

  /** Records the first place of each id; reports any later one. */
  void unique(Map<String, Pos> seen, String value, Pos at, String what) {
    Pos first = seen.putIfAbsent(value, at);
    if (first != null) {
      add(
          at,
          ErrorCode.DUPLICATE_ID,
          what + " \"" + value + "\" is defined twice (first at line " + first.line() + ":" + first.column() + ")");
    }
  }

  /**
   * A reference to a defined id. Missing -> MISSING_FIELD; unknown -> UNKNOWN_ID with a suggestion.
   * Returns true when it names a known id.
   */
  boolean ref(Pos at, Pos block, String field, String value, Collection<String> known, String kind, String plural, String where) {
    if (value.isEmpty()) {
      add(block, ErrorCode.MISSING_FIELD, where + " needs " + field + ": the id of " + article(kind) + " " + kind);
      return false;
    }
    if (!known.contains(value)) {
      add(at, ErrorCode.UNKNOWN_ID, "unknown " + kind + " \"" + value + "\" in " + where + Suggest.hint(value, known, plural));
      return false;
    }
    return true;
  }

  boolean ref(Node n, String field, String value, Collection<String> known, String kind, String plural, String where) {
    return ref(n.at(field), n.pos(), field, value, known, kind, plural, where);
  }

  /** lo <= v <= hi (either bound may be infinite). */
  void between(Node n, String field, double v, double lo, double hi, String what) {
    if (!finite(n, field, v, what)) {
      return;
    }
    if (v < lo || v > hi) {
      String range;
      if (hi == Double.POSITIVE_INFINITY) {
        range = "at least " + num(lo);
      } else if (lo == Double.NEGATIVE_INFINITY) {
        range = "at most " + num(hi);
      } else {
        range = "between " + num(lo) + " and " + num(hi);
      }
      add(n.at(field), ErrorCode.OUT_OF_RANGE, what + " must be " + range + ", found " + num(v));
    }
  }

  /** v > 0. */
  void positive(Node n, String field, double v, String what) {
    if (!finite(n, field, v, what)) {
      return;
    }
    if (v <= 0) {
      add(
          n.at(field),
          ErrorCode.OUT_OF_RANGE,
          what + " must be greater than 0, found " + num(v) + (n.has(field) ? "" : " (it is missing)"));
    }
  }

  boolean finite(Node n, String field, double v, String what) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      add(n.at(field), ErrorCode.OUT_OF_RANGE, what + " must be a finite number, found " + num(v));
      return false;
    }
    return true;
  }

  /** An ISO date yyyy-mm-dd, when present. */
  void date(Node n, String field, String value, String what) {
    if (value.isEmpty()) {
      return;
    }
    try {
      if (value.length() != 10) {
        throw new DateTimeParseException("length", value, 0);
      }
      LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      add(n.at(field), ErrorCode.BAD_DATE, what + " \"" + value + "\" is not a date written yyyy-mm-dd (like 2022-02-24)");
    }
  }

  /** A number as people write it: 140, 0.35, -2 (no "140.0", no exponent). */
  static String num(double v) {
    if (Double.isNaN(v)) {
      return "nan";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "inf" : "-inf";
    }
    String s = BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    return s.equals("-0") ? "0" : s;
  }

  private static String article(String kind) {
    return "aeiou".indexOf(kind.charAt(0)) >= 0 ? "an" : "a";
  }
}
