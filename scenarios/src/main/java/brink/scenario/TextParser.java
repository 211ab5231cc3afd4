package brink.scenario;

import brink.scenario.SourceText.OpenBlock;
import brink.scenario.SourceText.Pos;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Message;
import com.google.protobuf.TextFormat;
import com.google.protobuf.TextFormatParseInfoTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses protobuf text format into a message and a {@link Node} tree of field positions. A syntax
 * error (the parser stops at the first) becomes one located {@link ScenarioError} in words a teacher
 * understands; unknown field names, which the parser collects, become one error each.
 */
final class TextParser {
  /** A parsed file: the message, where its fields are, and the text. */
  record Parsed<M extends Message>(M message, Node root, SourceText source) {}

  private static final Pattern UNKNOWN_LIST_ENTRY = Pattern.compile("^(\\d+):(\\d+):\\s*(\\S+)\\s*$");
  private static final Pattern NO_FIELD_NAMED =
      Pattern.compile("Message type \"([^\"]+)\" has no field named \"([^\"]+)\"");
  private static final Pattern NO_ENUM_NAMED =
      Pattern.compile("Enum type \"([^\"]+)\" has no value named \"([^\"]+)\"");
  private static final Pattern NO_ENUM_NUMBER =
      Pattern.compile("Enum type \"([^\"]+)\" has no value with number (-?\\d+)");
  private static final Pattern OVERWRITE = Pattern.compile("Non-repeated field \"([^\"]+)\" cannot be overwritten");
  private static final Pattern ONEOF =
      Pattern.compile("Field \"([^\"]+)\" is specified along with field \"([^\"]+)\", another member of oneof \"([^\"]+)\"");
  private static final Pattern EXPECTED = Pattern.compile("^Expected \"(.)\"\\.?$");
  private static final Pattern LOCATION_PREFIX = Pattern.compile("^\\d+:\\d+: ");

  private TextParser() {}

  /**
   * Parses {@code text} into {@code builder}. Returns the result, or empty after adding the syntax
   * errors to {@code errors}.
   */
  @SuppressWarnings("unchecked")
  static <M extends Message> Optional<Parsed<M>> parse(
      String file, String text, Message.Builder builder, List<ScenarioError> errors) {
    SourceText src = new SourceText(text);
    TextFormatParseInfoTree.Builder treeBuilder = TextFormatParseInfoTree.builder();
    TextFormat.Parser parser =
        TextFormat.Parser.newBuilder()
            .setParseInfoTreeBuilder(treeBuilder)
            .setSingularOverwritePolicy(TextFormat.Parser.SingularOverwritePolicy.FORBID_SINGULAR_OVERWRITES)
            .build();
    try {
      parser.merge(text, builder);
    } catch (TextFormat.ParseException e) {
      errors.addAll(new Translator(file, src, builder.getDescriptorForType()).translate(e));
      return Optional.empty();
    }
    Node root = new Node(treeBuilder.build(), builder.getDescriptorForType(), new Pos(1, 1), src);
    return Optional.of(new Parsed<>((M) builder.build(), root, src));
  }

  /** Turns one {@link TextFormat.ParseException} into sentences. */
  private static final class Translator {
    private final String file;
    private final SourceText src;
    private final Descriptor root;

    Translator(String file, SourceText src, Descriptor root) {
      this.file = file;
      this.src = src;
      this.root = root;
    }

    List<ScenarioError> translate(TextFormat.ParseException e) {
      String raw = e.getMessage() == null ? "" : e.getMessage();
      String msg = LOCATION_PREFIX.matcher(raw).replaceFirst("");
      int line = Math.max(e.getLine(), 1);
      int column = Math.max(e.getColumn(), 1);
      int offset = src.offset(line, column);
      List<ScenarioError> out = new ArrayList<>();

      if (msg.startsWith("Input contains unknown fields")) {
        for (String l : msg.split("\n")) {
          Matcher m = UNKNOWN_LIST_ENTRY.matcher(l.trim());
          if (m.matches()) {
            int ln = Integer.parseInt(m.group(1));
            int col = Integer.parseInt(m.group(2));
            String full = m.group(3);
            int dot = full.lastIndexOf('.');
            out.add(unknownField(ln, col, full.substring(0, Math.max(dot, 0)), full.substring(dot + 1)));
          }
        }
        if (!out.isEmpty()) {
          return out;
        }
      }
      Matcher m = NO_FIELD_NAMED.matcher(msg);
      if (m.find()) {
        return List.of(unknownField(line, column, m.group(1), m.group(2)));
      }
      // Past this point the parser stopped for good: at most one error.
      if (src.onlyTriviaAfter(offset) && !msg.startsWith("String missing ending quote")) {
        return List.of(truncated(line, column, offset));
      }
      return List.of(one(line, column, offset, msg));
    }

    private ScenarioError one(int line, int column, int offset, String msg) {
      String field = src.fieldBefore(offset);
      FieldDescriptor fd = fieldAt(offset, field);
      String found = src.tokenAt(offset);
      Matcher m;
      if ((m = NO_ENUM_NAMED.matcher(msg)).find()) {
        return error(line, column, ErrorCode.UNKNOWN_ENUM_VALUE, enumMessage(field, m.group(1), m.group(2)));
      }
      if ((m = NO_ENUM_NUMBER.matcher(msg)).find()) {
        return error(line, column, ErrorCode.UNKNOWN_ENUM_VALUE, enumMessage(field, m.group(1), m.group(2)));
      }
      if ((m = OVERWRITE.matcher(msg)).find()) {
        String name = simple(m.group(1));
        // the parser stops after the name; point at the name itself
        Pos at = src.identAt(offset).equals(name) ? src.pos(offset) : src.pos(src.nameStartBefore(offset));
        return error(
            at.line(),
            at.column(),
            ErrorCode.DUPLICATE_FIELD,
            "\"" + name + "\" is given twice in the same " + blockName(m.group(1))
                + " block; it takes a single value, so keep only one");
      }
      if ((m = ONEOF.matcher(msg)).find()) {
        String a = simple(m.group(1));
        String b = simple(m.group(2));
        String owner = blockName(m.group(1));
        Pos at = src.identAt(offset).equals(a) ? src.pos(offset) : src.pos(src.nameStartBefore(offset));
        return error(
            at.line(),
            at.column(),
            ErrorCode.ONEOF_CONFLICT,
            "\"" + a + "\" and \"" + b + "\" are both set in the same " + owner + " block, but "
                + article(owner) + " " + owner + " takes only one " + m.group(3) + ": keep one (write another " + owner
                + " block for the other)");
      }
      if (msg.startsWith("String missing ending quote")) {
        return error(
            line, column, ErrorCode.SYNTAX, "this text has no closing quote: end it with the same quote it starts with, on the same line");
      }
      if (msg.startsWith("Invalid escape sequence") || msg.contains("escape")) {
        return error(
            line, column, ErrorCode.SYNTAX, "this text has a backslash '\\' that starts no known escape; write \\\\ for a backslash");
      }
      boolean valueError =
          msg.startsWith("Couldn't parse")
              || msg.startsWith("Expected \"true\" or \"false\"")
              || msg.startsWith("Expected string")
              || msg.startsWith("Expected integer")
              || msg.startsWith("Expected double")
              || msg.startsWith("Expected float")
              || msg.startsWith("Expected identifier")
              || msg.startsWith("Invalid")
              || msg.startsWith("Number");
      if (fd != null && valueError && !found.equals("}")) {
        if (msg.contains("out of range")) {
          return error(line, column, ErrorCode.WRONG_TYPE, quote(field) + ": " + found + " is too large for a whole number");
        }
        return error(line, column, ErrorCode.WRONG_TYPE, quote(field) + " expects " + expects(fd) + ", found " + found);
      }
      if (msg.startsWith("Expected identifier")) {
        if (found.equals("}")) {
          return error(
              line, column, ErrorCode.SYNTAX, "unexpected \"}\": no block is open here (is there one \"}\" too many?)");
        }
        if (found.startsWith("\"") || found.startsWith("'")) {
          return error(line, column, ErrorCode.SYNTAX,
              "expected a field name, found a quoted text: does a text just before end too early"
                  + " (a quote inside it must be written \\\" or \\')?");
        }
        return error(line, column, ErrorCode.SYNTAX, "expected a field name, found " + found);
      }
      if (msg.startsWith("Invalid repeated scalar field: missing \":\"")) {
        String name = src.fieldBefore(offset);
        return error(line, column, ErrorCode.SYNTAX,
            "a list needs \":\" before \"[\": write " + (name.isEmpty() ? "field" : name) + ": [\"a\", \"b\"]");
      }
      if ((m = EXPECTED.matcher(msg)).find()) {
        String want = m.group(1);
        if (want.equals("{") && fd != null && fd.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
          return error(
              line, column, ErrorCode.WRONG_TYPE, quote(field) + " is a block of fields, not a single value: write " + field + " { ... }");
        }
        if (want.equals("{") && !field.isEmpty()) {
          return error(line, column, ErrorCode.SYNTAX, "expected \"{\" to open the " + quote(field) + " block, found " + found);
        }
        if (want.equals(":")) {
          String name = src.identAt(offset).isEmpty() ? field : src.identAt(offset);
          FieldDescriptor f = fd != null ? fd : fieldAt(offset, name);
          if (f == null) {
            f = fieldAt(offset, src.fieldBefore(offset));
          }
          String n = f != null ? f.getName() : field;
          if (found.startsWith("[")) {
            return error(line, column, ErrorCode.SYNTAX, "a list needs \":\" before \"[\": write " + n + ": [\"a\", \"b\"]");
          }
          if (f != null && f.getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
            return error(
                line, column, ErrorCode.WRONG_TYPE, quote(n) + " takes a single value, not a block: write " + n + ": " + example(f));
          }
          return error(line, column, ErrorCode.SYNTAX, "expected \":\" after " + quote(n) + ", found " + found);
        }
        return error(line, column, ErrorCode.SYNTAX, "expected \"" + want + "\", found " + found);
      }
      return error(line, column, ErrorCode.SYNTAX, "this is not valid text format: " + msg);
    }

    private ScenarioError truncated(int line, int column, int offset) {
      List<OpenBlock> open = src.openBlocks(offset);
      if (!open.isEmpty()) {
        OpenBlock b = open.get(open.size() - 1);
        String what = b.field().isEmpty() ? "a block" : "the " + quote(b.field()) + " block";
        String more = open.size() > 1 ? " (" + open.size() + " blocks are still open)" : "";
        return error(
            line,
            column,
            ErrorCode.TRUNCATED,
            "the file ends before " + what + " opened at line " + b.at().line() + ":" + b.at().column()
                + " is closed" + more + ": is the end of the file missing, or a \"}\"?");
      }
      String field = src.fieldBefore(offset);
      return error(
          line,
          column,
          ErrorCode.TRUNCATED,
          field.isEmpty()
              ? "the file ends in the middle of a field: is the end of the file missing?"
              : "the file ends after " + quote(field) + " without its value: is the end of the file missing?");
    }

    private ScenarioError unknownField(int line, int column, String typeFullName, String name) {
      Descriptor t = findMessage(typeFullName);
      String owner = blockName(typeFullName + ".x");
      StringBuilder sb = new StringBuilder("unknown field \"").append(name).append("\" in ").append(owner);
      if (t != null) {
        List<String> names = new ArrayList<>();
        for (FieldDescriptor f : t.getFields()) {
          names.add(f.getName());
        }
        Optional<String> c = Suggest.closest(name, names);
        if (c.isPresent()) {
          sb.append("; did you mean \"").append(c.get()).append("\"?");
        } else {
          sb.append("; the fields of ").append(owner).append(" are: ").append(String.join(", ", names));
        }
      }
      return error(line, column, ErrorCode.UNKNOWN_FIELD, sb.toString());
    }

    private String enumMessage(String field, String enumFullName, String value) {
      EnumDescriptor e = findEnum(enumFullName);
      String f = field.isEmpty() ? "this field" : quote(field);
      StringBuilder sb = new StringBuilder(f).append(" has no value ").append(value);
      if (e != null) {
        List<String> names = validValues(e);
        Suggest.closest(value, names).ifPresent(s -> sb.append("; did you mean ").append(s).append('?'));
        sb.append(" (valid values: ").append(String.join(", ", names)).append(')');
      }
      return sb.toString();
    }

    /** The field named {@code name} in the block open at {@code offset}, or null. */
    private FieldDescriptor fieldAt(int offset, String name) {
      if (name.isEmpty()) {
        return null;
      }
      Descriptor d = root;
      for (OpenBlock b : src.openBlocks(offset)) {
        FieldDescriptor f = d.findFieldByName(b.field());
        if (f == null || f.getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
          return null;
        }
        d = f.getMessageType();
      }
      return d.findFieldByName(name);
    }

    private Descriptor findMessage(String fullName) {
      for (Descriptor d : root.getFile().getMessageTypes()) {
        Descriptor found = findIn(d, fullName);
        if (found != null) {
          return found;
        }
      }
      return null;
    }

    private static Descriptor findIn(Descriptor d, String fullName) {
      if (d.getFullName().equals(fullName)) {
        return d;
      }
      for (Descriptor n : d.getNestedTypes()) {
        Descriptor found = findIn(n, fullName);
        if (found != null) {
          return found;
        }
      }
      return null;
    }

    private EnumDescriptor findEnum(String fullName) {
      FileDescriptor f = root.getFile();
      for (EnumDescriptor e : f.getEnumTypes()) {
        if (e.getFullName().equals(fullName)) {
          return e;
        }
      }
      return null;
    }

    private ScenarioError error(int line, int column, ErrorCode code, String message) {
      return new ScenarioError(file, line, column, code, message);
    }
  }

  /** The values a person may write for an enum: all but the *_UNSPECIFIED placeholder. */
  static List<String> validValues(EnumDescriptor e) {
    List<String> names = new ArrayList<>();
    for (EnumValueDescriptor v : e.getValues()) {
      if (v.getNumber() != 0) {
        names.add(v.getName());
      }
    }
    return names;
  }

  private static String expects(FieldDescriptor fd) {
    switch (fd.getJavaType()) {
      case INT:
      case LONG:
        return "a whole number";
      case FLOAT:
      case DOUBLE:
        return "a number";
      case BOOLEAN:
        return "true or false";
      case STRING:
      case BYTE_STRING:
        return "a text in quotes";
      case ENUM:
        return "one of " + String.join(", ", validValues(fd.getEnumType())) + " (without quotes)";
      default:
        return "a block: " + fd.getName() + " { ... }";
    }
  }

  private static String example(FieldDescriptor fd) {
    switch (fd.getJavaType()) {
      case INT:
      case LONG:
        return "3";
      case FLOAT:
      case DOUBLE:
        return "0.5";
      case BOOLEAN:
        return "true";
      case ENUM:
        return validValues(fd.getEnumType()).get(0);
      default:
        return "\"...\"";
    }
  }

  private static String article(String noun) {
    return !noun.isEmpty() && "aeiou".indexOf(noun.charAt(0)) >= 0 ? "an" : "a";
  }

  private static String quote(String field) {
    return "\"" + field + "\"";
  }

  /** "brink.scenario.v1.Actor.id" -> "id". */
  private static String simple(String fullField) {
    return fullField.substring(fullField.lastIndexOf('.') + 1);
  }

  /** "brink.scenario.v1.PairState.a" -> "pair_state". */
  private static String blockName(String fullField) {
    String type = fullField.substring(0, Math.max(fullField.lastIndexOf('.'), 0));
    type = type.substring(type.lastIndexOf('.') + 1);
    return type.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
  }
}
