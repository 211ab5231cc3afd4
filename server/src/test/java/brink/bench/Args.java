package brink.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The bench tools' command lines: {@code --name value} or {@code --name=value} options and plain
 * words (the subcommand). Every option read is marked; {@link #requireAllUsed} refuses a misspelt
 * one with the list of known ones, so a typo never silently runs the default.
 */
public final class Args {
  private final Map<String, String> options = new LinkedHashMap<>();
  private final List<String> words = new ArrayList<>();
  private final TreeSet<String> known = new TreeSet<>();

  private Args() {}

  public static Args parse(String[] argv) {
    Args a = new Args();
    for (int i = 0; i < argv.length; i++) {
      String s = argv[i];
      if (s.startsWith("--")) {
        int eq = s.indexOf('=');
        if (eq > 0) {
          a.options.put(s.substring(2, eq), s.substring(eq + 1));
        } else if (i + 1 < argv.length && !argv[i + 1].startsWith("--")) {
          a.options.put(s.substring(2), argv[++i]);
        } else {
          a.options.put(s.substring(2), "true");
        }
      } else {
        a.words.add(s);
      }
    }
    return a;
  }

  public List<String> words() {
    return List.copyOf(words);
  }

  public String string(String name, String fallback) {
    known.add(name);
    return options.getOrDefault(name, fallback);
  }

  public int integer(String name, int fallback) {
    String v = string(name, null);
    try {
      return v == null ? fallback : Integer.parseInt(v.replace("_", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " takes a whole number, not '" + v + "'");
    }
  }

  public double number(String name, double fallback) {
    String v = string(name, null);
    try {
      return v == null ? fallback : Double.parseDouble(v.replace("_", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " takes a number, not '" + v + "'");
    }
  }

  public boolean flag(String name, boolean fallback) {
    String v = string(name, null);
    if (v == null) {
      return fallback;
    }
    if (v.equals("true") || v.equals("false")) {
      return Boolean.parseBoolean(v);
    }
    throw new IllegalArgumentException("--" + name + " is true or false, not '" + v + "'");
  }

  /** Refuses options nobody read: a misspelling must not silently run with a default. */
  public void requireAllUsed() {
    TreeSet<String> unknown = new TreeSet<>(options.keySet());
    unknown.removeAll(known);
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("unknown option" + (unknown.size() > 1 ? "s " : " ") + "--"
          + String.join(", --", unknown) + "; known here: --" + String.join(", --", known));
    }
  }
}
