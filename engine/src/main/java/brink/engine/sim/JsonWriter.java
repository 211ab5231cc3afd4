package brink.engine.sim;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A minimal streaming JSON writer with no library behind it, so that the engine module stays
 * dependency-free and the bytes it writes are fully under our control (engine-model.md III D1).
 *
 * <p>Output is compact (no whitespace), pure ASCII (every character outside 0x20..0x7E is written as a
 * {@code \}{@code uXXXX} escape of its UTF-16 code unit), and independent of the default locale: doubles
 * are written as {@code new BigDecimal(x).setScale(6, RoundingMode.HALF_EVEN).toPlainString()}
 * (engine-model.md II-c §8), integers with {@link Long#toString(long)}. Keys are written in the order the
 * caller writes them; the caller fixes that order. Misuse (a value where a key is expected, unbalanced
 * ends) throws {@link IllegalStateException}: it is a programming error, never user input.
 */
public final class JsonWriter {
  private enum Ctx { OBJECT_KEY, OBJECT_VALUE, ARRAY }

  private final StringBuilder out = new StringBuilder(4096);
  private final Deque<Ctx> stack = new ArrayDeque<>();
  /** Whether the current container already holds an element (so the next needs a comma). */
  private final Deque<Boolean> nonEmpty = new ArrayDeque<>();
  private boolean done;

  /** Formats a number the way every Brink JSON document and report does (II-c §8). */
  public static String number(double x) {
    if (!Double.isFinite(x)) {
      throw new IllegalArgumentException("not a finite number: " + x);
    }
    return new BigDecimal(x).setScale(6, RoundingMode.HALF_EVEN).toPlainString();
  }

  public JsonWriter beginObject() {
    beforeValue();
    out.append('{');
    stack.push(Ctx.OBJECT_KEY);
    nonEmpty.push(false);
    return this;
  }

  public JsonWriter endObject() {
    if (stack.peek() != Ctx.OBJECT_KEY) {
      throw new IllegalStateException("endObject outside an object or after a dangling key");
    }
    stack.pop();
    nonEmpty.pop();
    out.append('}');
    afterContainer();
    return this;
  }

  public JsonWriter beginArray() {
    beforeValue();
    out.append('[');
    stack.push(Ctx.ARRAY);
    nonEmpty.push(false);
    return this;
  }

  public JsonWriter endArray() {
    if (stack.peek() != Ctx.ARRAY) {
      throw new IllegalStateException("endArray outside an array");
    }
    stack.pop();
    nonEmpty.pop();
    out.append(']');
    afterContainer();
    return this;
  }

  public JsonWriter key(String name) {
    if (stack.peek() != Ctx.OBJECT_KEY) {
      throw new IllegalStateException("key outside an object: " + name);
    }
    if (nonEmpty.peek()) {
      out.append(',');
    }
    nonEmpty.pop();
    nonEmpty.push(true);
    string(name);
    out.append(':');
    stack.pop();
    stack.push(Ctx.OBJECT_VALUE);
    return this;
  }

  public JsonWriter value(String s) {
    beforeValue();
    if (s == null) {
      out.append("null");
    } else {
      string(s);
    }
    afterScalar();
    return this;
  }

  public JsonWriter value(double x) {
    beforeValue();
    out.append(number(x));
    afterScalar();
    return this;
  }

  public JsonWriter value(long n) {
    beforeValue();
    out.append(Long.toString(n));
    afterScalar();
    return this;
  }

  public JsonWriter value(boolean b) {
    beforeValue();
    out.append(b ? "true" : "false");
    afterScalar();
    return this;
  }

  public JsonWriter nullValue() {
    beforeValue();
    out.append("null");
    afterScalar();
    return this;
  }

  /** Shorthands for one member of an object. */
  public JsonWriter field(String name, String s) {
    return key(name).value(s);
  }

  public JsonWriter field(String name, double x) {
    return key(name).value(x);
  }

  public JsonWriter field(String name, long n) {
    return key(name).value(n);
  }

  public JsonWriter field(String name, boolean b) {
    return key(name).value(b);
  }

  /** The finished document; throws if a container is still open. */
  public String toJson() {
    if (!stack.isEmpty() || !done) {
      throw new IllegalStateException("incomplete JSON document");
    }
    return out.toString();
  }

  private void beforeValue() {
    Ctx c = stack.peek();
    if (c == null) {
      if (done) {
        throw new IllegalStateException("a JSON document holds exactly one top-level value");
      }
      return;
    }
    if (c == Ctx.OBJECT_KEY) {
      throw new IllegalStateException("a value needs a key inside an object");
    }
    if (c == Ctx.ARRAY) {
      if (nonEmpty.peek()) {
        out.append(',');
      }
      nonEmpty.pop();
      nonEmpty.push(true);
    }
  }

  private void afterScalar() {
    afterContainer();
  }

  private void afterContainer() {
    Ctx c = stack.peek();
    if (c == null) {
      done = true;
    } else if (c == Ctx.OBJECT_VALUE) {
      stack.pop();
      stack.push(Ctx.OBJECT_KEY);
    }
  }

  private void string(String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '"':
          out.append("\\\"");
          break;
        case '\\':
          out.append("\\\\");
          break;
        case '\n':
          out.append("\\n");
          break;
        case '\r':
          out.append("\\r");
          break;
        case '\t':
          out.append("\\t");
          break;
        case '\b':
          out.append("\\b");
          break;
        case '\f':
          out.append("\\f");
          break;
        default:
          if (ch < 0x20 || ch > 0x7E) {
            out.append("\\u");
            String hex = Integer.toHexString(ch);
            for (int pad = hex.length(); pad < 4; pad++) {
              out.append('0');
            }
            out.append(hex);
          } else {
            out.append(ch);
          }
      }
    }
    out.append('"');
  }
}
