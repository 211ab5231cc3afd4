package brink.scenario;

import brink.scenario.SourceText.Pos;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.TextFormatParseInfoTree;
import com.google.protobuf.TextFormatParseLocation;
import java.util.List;

/**
 * Where the fields of one parsed block are: a thin, null-safe view of protobuf's
 * {@link TextFormatParseInfoTree} (0-based) that answers in 1-based {@link Pos}. A field that is absent
 * from the file answers with the position of its block, so every error still points somewhere useful.
 */
final class Node {
  private final TextFormatParseInfoTree tree;
  private final Descriptor type;
  private final Pos self;
  private final SourceText src;

  Node(TextFormatParseInfoTree tree, Descriptor type, Pos self, SourceText src) {
    this.tree = tree;
    this.type = type;
    this.self = self;
    this.src = src;
  }

  /** Where this block starts (the field name that opened it; 1:1 for the whole file). */
  Pos pos() {
    return self;
  }

  /** The first occurrence of a single-valued field, or this block when it is absent. */
  Pos at(String field) {
    return at(field, 0);
  }

  /** The {@code index}-th value of a field, or this block when it is absent. */
  Pos at(String field, int index) {
    FieldDescriptor fd = field(field);
    if (tree == null) {
      return self;
    }
    List<TextFormatParseLocation> locs = tree.getLocations(fd);
    if (locs.isEmpty()) {
      return self;
    }
    if (!fd.isRepeated() || fd.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
      return pos(locs.get(Math.min(index, locs.size() - 1)));
    }
    // A repeated scalar may be written "f: [a, b]": one location for several values.
    int seen = 0;
    Pos last = self;
    for (TextFormatParseLocation l : locs) {
      Pos p = pos(l);
      List<Pos> values = src.valuePositions(src.offset(p.line(), p.column()));
      if (index < seen + values.size()) {
        return values.get(index - seen);
      }
      seen += values.size();
      last = values.get(values.size() - 1);
    }
    return last;
  }

  /** True when the field was written in this block. */
  boolean has(String field) {
    return tree != null && !tree.getLocations(field(field)).isEmpty();
  }

  /** The block of a singular message field. */
  Node child(String field) {
    return child(field, 0);
  }

  /** The {@code index}-th block of a message field; a block absent from the file points at this one. */
  Node child(String field, int index) {
    FieldDescriptor fd = field(field);
    if (fd.getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
      throw new IllegalArgumentException(field + " is not a block");
    }
    TextFormatParseInfoTree sub = null;
    if (tree != null) {
      List<TextFormatParseInfoTree> subs = tree.getNestedTrees(fd);
      if (index < subs.size()) {
        sub = subs.get(index);
      }
    }
    return new Node(sub, fd.getMessageType(), sub == null ? self : at(field, index), src);
  }

  private FieldDescriptor field(String name) {
    FieldDescriptor fd = type.findFieldByName(name);
    if (fd == null) {
      throw new IllegalArgumentException(type.getName() + " has no field " + name);
    }
    return fd;
  }

  private static Pos pos(TextFormatParseLocation l) {
    return new Pos(l.getLine() + 1, l.getColumn() + 1);
  }
}
