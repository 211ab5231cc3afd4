package brink.scenario;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The text of a file with 1-based line:column positions, and the small amount of lexing the error
 * messages need: which blocks are open at a position, which field a value belongs to, where the
 * elements of a {@code [a, b]} list start. Columns count UTF-16 chars, as protobuf's tokenizer does.
 */
final class SourceText {
  /** A place in the file, 1-based. */
  record Pos(int line, int column) {}

  /** A block open at some position: the field name before its '{' and where that name is. */
  record OpenBlock(String field, Pos at) {}

  private final String text;
  private final int[] lineStarts;

  SourceText(String text) {
    this.text = text;
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        starts.add(i + 1);
      }
    }
    lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
  }

  String text() {
    return text;
  }

  /** The offset of a 1-based position, clamped to the text. */
  int offset(int line, int column) {
    if (line < 1) {
      return 0;
    }
    if (line > lineStarts.length) {
      return text.length();
    }
    int off = lineStarts[line - 1] + Math.max(0, column - 1);
    return Math.min(off, text.length());
  }

  Pos pos(int offset) {
    int lo = 0;
    int hi = lineStarts.length - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (lineStarts[mid] <= offset) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return new Pos(lo + 1, offset - lineStarts[lo] + 1);
  }

  /** True when nothing but white space and comments follows {@code offset}. */
  boolean onlyTriviaAfter(int offset) {
    int i = offset;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '#') {
        while (i < text.length() && text.charAt(i) != '\n') {
          i++;
        }
      } else if (Character.isWhitespace(c)) {
        i++;
      } else {
        return false;
      }
    }
    return true;
  }

  /** The blocks still open at {@code offset}, outermost first. */
  List<OpenBlock> openBlocks(int offset) {
    Deque<OpenBlock> stack = new ArrayDeque<>();
    String lastIdent = null;
    int lastIdentAt = 0;
    int i = 0;
    int end = Math.min(offset, text.length());
    while (i < end) {
      char c = text.charAt(i);
      if (c == '#') {
        while (i < end && text.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '"' || c == '\'') {
        i = skipString(i);
        lastIdent = null;
      } else if (c == '{' || c == '<') {
        stack.push(new OpenBlock(lastIdent == null ? "" : lastIdent, pos(lastIdent == null ? i : lastIdentAt)));
        lastIdent = null;
        i++;
      } else if (c == '}' || c == '>') {
        if (!stack.isEmpty()) {
          stack.pop();
        }
        lastIdent = null;
        i++;
      } else if (Character.isLetter(c) || c == '_') {
        int s = i;
        while (i < text.length() && isIdentPart(text.charAt(i))) {
          i++;
        }
        lastIdent = text.substring(s, i);
        lastIdentAt = s;
      } else if (c == ':' || Character.isWhitespace(c)) {
        i++;
      } else {
        lastIdent = null;
        i++;
      }
    }
    List<OpenBlock> out = new ArrayList<>(stack);
    java.util.Collections.reverse(out);
    return out;
  }

  /**
   * The field whose value starts at {@code offset}: the identifier just before it, with or without a
   * ':' in between ("alert: x", "name {"). Empty when there is none.
   */
  String fieldBefore(int offset) {
    int i = Math.min(offset, text.length()) - 1;
    while (i >= 0 && Character.isWhitespace(text.charAt(i))) {
      i--;
    }
    if (i >= 0 && text.charAt(i) == '[') {
      i--;
      while (i >= 0 && Character.isWhitespace(text.charAt(i))) {
        i--;
      }
    }
    if (i >= 0 && text.charAt(i) == ':') {
      i--;
      while (i >= 0 && Character.isWhitespace(text.charAt(i))) {
        i--;
      }
    }
    int e = i + 1;
    while (i >= 0 && isIdentPart(text.charAt(i))) {
      i--;
    }
    String id = text.substring(i + 1, e);
    return !id.isEmpty() && (Character.isLetter(id.charAt(0)) || id.charAt(0) == '_') ? id : "";
  }

  /**
   * Where the field name ending just before {@code offset} starts ("id" in {@code id: "x"} when the
   * offset is at the ':' or the value); {@code offset} itself when there is none.
   */
  int nameStartBefore(int offset) {
    int i = Math.min(offset, text.length()) - 1;
    while (i >= 0 && (Character.isWhitespace(text.charAt(i)) || text.charAt(i) == ':')) {
      i--;
    }
    int e = i;
    while (i >= 0 && isIdentPart(text.charAt(i))) {
      i--;
    }
    return e > i ? i + 1 : offset;
  }

  /** The identifier at {@code offset} (a field name), or "". */
  String identAt(int offset) {
    int i = offset;
    while (i < text.length() && isIdentPart(text.charAt(i))) {
      i++;
    }
    return text.substring(Math.min(offset, text.length()), i);
  }

  /** The token starting at {@code offset}, for "found ..." in messages: a quoted text or a bare word. */
  String tokenAt(int offset) {
    if (offset >= text.length()) {
      return "";
    }
    char c = text.charAt(offset);
    if (c == '"' || c == '\'') {
      return text.substring(offset, Math.min(skipString(offset), text.length()));
    }
    int i = offset;
    while (i < text.length()) {
      char d = text.charAt(i);
      if (Character.isWhitespace(d) || d == '}' || d == '{' || d == ']' || d == ',' || d == '#' || d == '>') {
        break;
      }
      i++;
    }
    return i == offset ? String.valueOf(c) : text.substring(offset, i);
  }

  /**
   * Where each value of the field named at {@code nameOffset} starts: one position per element for the
   * list form {@code name: [a, b]}, or the name's own position for the single form.
   */
  List<Pos> valuePositions(int nameOffset) {
    int i = nameOffset;
    while (i < text.length() && isIdentPart(text.charAt(i))) {
      i++;
    }
    i = skipTrivia(i);
    if (i < text.length() && text.charAt(i) == ':') {
      i = skipTrivia(i + 1);
    }
    if (i >= text.length() || text.charAt(i) != '[') {
      return List.of(pos(nameOffset));
    }
    List<Pos> out = new ArrayList<>();
    i = skipTrivia(i + 1);
    while (i < text.length() && text.charAt(i) != ']') {
      out.add(pos(i));
      // one value: adjacent quoted strings concatenate; anything else runs to ',' or ']'
      while (i < text.length() && text.charAt(i) != ',' && text.charAt(i) != ']') {
        char c = text.charAt(i);
        if (c == '"' || c == '\'') {
          i = skipString(i);
        } else if (c == '{' || c == '<') {
          i = skipBlock(i);
        } else {
          i++;
        }
      }
      if (i < text.length() && text.charAt(i) == ',') {
        i = skipTrivia(i + 1);
      }
    }
    return out.isEmpty() ? List.of(pos(nameOffset)) : out;
  }

  private int skipTrivia(int i) {
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '#') {
        while (i < text.length() && text.charAt(i) != '\n') {
          i++;
        }
      } else if (Character.isWhitespace(c)) {
        i++;
      } else {
        break;
      }
    }
    return i;
  }

  private int skipString(int i) {
    char q = text.charAt(i);
    i++;
    while (i < text.length() && text.charAt(i) != q && text.charAt(i) != '\n') {
      i += text.charAt(i) == '\\' ? 2 : 1;
    }
    return Math.min(i + 1, text.length());
  }

  private int skipBlock(int i) {
    int depth = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '"' || c == '\'') {
        i = skipString(i);
        continue;
      }
      if (c == '{' || c == '<') {
        depth++;
      } else if (c == '}' || c == '>') {
        depth--;
        if (depth == 0) {
          return i + 1;
        }
      }
      i++;
    }
    return i;
  }

  private static boolean isIdentPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }
}
