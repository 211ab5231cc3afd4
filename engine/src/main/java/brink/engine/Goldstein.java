package brink.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CAMEO event codes and their Goldstein (1992) conflict–cooperation weights, −10..+10, as the GDELT lookup
 * file {@code CAMEO.goldsteinscale.txt} gives them; names from GDELT {@code CAMEO.eventcodes.txt}
 * (engine-model.md §I.3). Only the 20 roots and the sub-codes the engine uses are listed; a code that is not
 * listed falls back to its longest listed prefix, ending at its root.
 */
public final class Goldstein {
  private static final Map<String, Double> WEIGHTS = new LinkedHashMap<>();
  private static final Map<String, String> NAMES = new LinkedHashMap<>();
  private static final Map<String, Double> ROOTS;

  static {
    // The 20 CAMEO roots (GDELT CAMEO.goldsteinscale.txt, engine-model.md §I.3).
    put("01", "Make public statement", 0.0);
    put("02", "Appeal", 3.0);
    put("03", "Express intent to cooperate", 4.0);
    put("04", "Consult", 1.0);
    put("05", "Engage in diplomatic cooperation", 3.5);
    put("06", "Engage in material cooperation", 6.0);
    put("07", "Provide aid", 7.0);
    put("08", "Yield", 5.0);
    put("09", "Investigate", -2.0);
    put("10", "Demand", -5.0);
    put("11", "Disapprove", -2.0);
    put("12", "Reject", -4.0);
    put("13", "Threaten", -6.0);
    put("14", "Protest", -6.5);
    put("15", "Exhibit force posture", -7.2);
    put("16", "Reduce relations", -4.0);
    put("17", "Coerce", -7.0);
    put("18", "Assault", -9.0);
    put("19", "Fight", -10.0);
    put("20", "Use unconventional mass violence", -10.0);
    Map<String, Double> roots = new LinkedHashMap<>(WEIGHTS);
    ROOTS = Collections.unmodifiableMap(roots);
    // Sub-codes used by the engine (GDELT values, engine-model.md §I.3 table "Sub-codes used by the engine").
    put("030", "Express intent to cooperate", 4.0);
    put("036", "Express intent to meet or negotiate", 4.0);
    put("041", "Discuss by telephone", 1.0);
    put("045", "Mediate", 5.0);
    put("046", "Engage in negotiation", 7.0);
    // CAMEO 054 for RESTORE_RELATIONS, w +6.0 (engine-model.md II-c §7).
    put("054", "Grant diplomatic recognition", 6.0);
    put("057", "Sign formal agreement", 8.0);
    put("072", "Provide military aid", 8.3);
    put("073", "Provide humanitarian aid", 7.4);
    put("085", "Ease economic sanctions", 7.0);
    put("0862", "Receive inspectors", 9.0);
    put("087", "De-escalate military engagement", 9.0);
    put("0873", "Demobilize armed forces", 9.0);
    put("0874", "Retreat or surrender militarily", 10.0);
    put("106", "Demand withdrawal", -5.0);
    put("111", "Criticize or denounce", -2.0);
    put("125", "Reject proposal to meet, discuss, or negotiate", -5.0);
    put("1312", "Threaten to boycott, embargo, or sanction", -5.8);
    put("138", "Threaten to use military force", -7.0);
    put("1385", "Threaten attack with WMD", -7.0);
    put("139", "Give ultimatum", -7.0);
    put("150", "Demonstrate military or police power", -7.2);
    put("152", "Increase military alert status", -7.2);
    put("154", "Mobilize or increase armed forces", -7.2);
    put("161", "Reduce or break diplomatic relations", -4.0);
    put("163", "Impose embargo, boycott, or sanctions", -8.0);
    put("164", "Halt negotiations", -7.0);
    put("1712", "Destroy property", -9.2);
    put("190", "Use conventional military force", -10.0);
    put("191", "Impose blockade, restrict movement", -9.5);
    put("192", "Occupy territory", -9.5);
    put("193", "Fight with small arms and light weapons", -10.0);
    put("195", "Employ aerial weapons", -10.0);
    put("2042", "Detonate nuclear weapons", -10.0);
  }

  private Goldstein() {}

  private static void put(String code, String name, double weight) {
    WEIGHTS.put(code, weight);
    NAMES.put(code, name);
  }

  /** The Goldstein weight of a CAMEO code, falling back from sub-code to its longest listed prefix. */
  public static double weight(String code) {
    return WEIGHTS.get(resolve(code));
  }

  /** The CAMEO name of a code (of its longest listed prefix). */
  public static String name(String code) {
    return NAMES.get(resolve(code));
  }

  /** True when the code's root is a CAMEO root (01..20), i.e. {@link #weight} answers. */
  public static boolean isKnown(String code) {
    return code != null && code.length() >= 2 && code.chars().allMatch(Character::isDigit)
        && ROOTS.containsKey(code.substring(0, 2));
  }

  /** True when the code itself (not a prefix) is listed. */
  public static boolean isListed(String code) {
    return WEIGHTS.containsKey(code);
  }

  /** The two-digit root of a code. */
  public static String root(String code) {
    requireKnown(code);
    return code.substring(0, 2);
  }

  /**
   * Verbal (roots 01–05 and 10–14) or material (06–09 and 15–20): the GDELT event-code file's four
   * headers, Verbal/Material Cooperation and Verbal/Material Conflict (engine-model.md §I.3, Part II §3).
   */
  public static boolean isVerbal(String code) {
    int root = Integer.parseInt(root(code));
    return (root >= 1 && root <= 5) || (root >= 10 && root <= 14);
  }

  /** The 20 roots and their weights, in code order. */
  public static Map<String, Double> roots() {
    return ROOTS;
  }

  /** Every listed code (roots and sub-codes) and its weight. */
  public static Map<String, Double> table() {
    return Collections.unmodifiableMap(WEIGHTS);
  }

  private static String resolve(String code) {
    requireKnown(code);
    for (int len = code.length(); len >= 2; len--) {
      String prefix = code.substring(0, len);
      if (WEIGHTS.containsKey(prefix)) {
        return prefix;
      }
    }
    throw new IllegalStateException("root of " + code + " is listed");
  }

  private static void requireKnown(String code) {
    if (!isKnown(code)) {
      throw new IllegalArgumentException(
          "not a CAMEO event code: '" + code + "' (expected digits starting with a root 01..20)");
    }
  }
}
