package brink.cli.text;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * One-line JSON for scripted mode ({@code --json}): maps, lists, strings, numbers, booleans, and protobuf
 * messages in the proto3 JSON mapping (lowerCamelCase names, enums by name, 64-bit integers as strings,
 * default values left out).
 */
public final class Json {
  private Json() {}

  public static String write(Object value) {
    StringBuilder sb = new StringBuilder(128);
    value(sb, value);
    return sb.toString();
  }

  private static void value(StringBuilder sb, Object v) {
    if (v == null) {
      sb.append("null");
    } else if (v instanceof String) {
      string(sb, (String) v);
    } else if (v instanceof Boolean) {
      sb.append(v);
    } else if (v instanceof Double || v instanceof Float) {
      number(sb, ((Number) v).doubleValue());
    } else if (v instanceof Number) {
      sb.append(v);
    } else if (v instanceof Message) {
      message(sb, (Message) v);
    } else if (v instanceof Map) {
      sb.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
        if (!first) {
          sb.append(',');
        }
        first = false;
        string(sb, String.valueOf(e.getKey()));
        sb.append(':');
        value(sb, e.getValue());
      }
      sb.append('}');
    } else if (v instanceof List) {
      sb.append('[');
      boolean first = true;
      for (Object o : (List<?>) v) {
        if (!first) {
          sb.append(',');
        }
        first = false;
        value(sb, o);
      }
      sb.append(']');
    } else {
      string(sb, v.toString());
    }
  }

  private static void number(StringBuilder sb, double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      string(sb, Double.toString(d));
    } else if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      sb.append((long) d);
    } else {
      sb.append(d);
    }
  }

  private static void message(StringBuilder sb, Message m) {
    sb.append('{');
    boolean first = true;
    for (FieldDescriptor f : m.getDescriptorForType().getFields()) {
      boolean present = f.isRepeated() ? m.getRepeatedFieldCount(f) > 0
          : f.hasPresence() ? m.hasField(f) : !m.getField(f).equals(f.getDefaultValue());
      if (!present) {
        continue;
      }
      if (!first) {
        sb.append(',');
      }
      first = false;
      string(sb, f.getJsonName());
      sb.append(':');
      if (f.isMapField()) {
        sb.append('{');
        boolean firstEntry = true;
        for (Object o : (List<?>) m.getField(f)) {
          Message entry = (Message) o;
          FieldDescriptor k = entry.getDescriptorForType().findFieldByNumber(1);
          FieldDescriptor val = entry.getDescriptorForType().findFieldByNumber(2);
          if (!firstEntry) {
            sb.append(',');
          }
          firstEntry = false;
          string(sb, String.valueOf(entry.getField(k)));
          sb.append(':');
          scalar(sb, val, entry.getField(val));
        }
        sb.append('}');
      } else if (f.isRepeated()) {
        sb.append('[');
        List<?> items = (List<?>) m.getField(f);
        for (int k = 0; k < items.size(); k++) {
          if (k > 0) {
            sb.append(',');
          }
          scalar(sb, f, items.get(k));
        }
        sb.append(']');
      } else {
        scalar(sb, f, m.getField(f));
      }
    }
    sb.append('}');
  }

  private static void scalar(StringBuilder sb, FieldDescriptor f, Object v) {
    switch (f.getJavaType()) {
      case MESSAGE:
        message(sb, (Message) v);
        break;
      case ENUM:
        string(sb, ((EnumValueDescriptor) v).getName());
        break;
      case LONG:
        string(sb, f.getType() == FieldDescriptor.Type.UINT64 || f.getType() == FieldDescriptor.Type.FIXED64
            ? Long.toUnsignedString((Long) v) : v.toString());
        break;
      case INT:
        sb.append(f.getType() == FieldDescriptor.Type.UINT32 || f.getType() == FieldDescriptor.Type.FIXED32
            ? Integer.toUnsignedString((Integer) v) : v.toString());
        break;
      case BYTE_STRING:
        string(sb, Base64.getEncoder().encodeToString(((ByteString) v).toByteArray()));
        break;
      case DOUBLE:
      case FLOAT:
        number(sb, ((Number) v).doubleValue());
        break;
      default:
        value(sb, v);
    }
  }

  private static void string(StringBuilder sb, String s) {
    sb.append('"');
    for (int k = 0; k < s.length(); k++) {
      char c = s.charAt(k);
      switch (c) {
        case '"':
          sb.append("\\\"");
          break;
        case '\\':
          sb.append("\\\\");
          break;
        case '\n':
          sb.append("\\n");
          break;
        case '\r':
          sb.append("\\r");
          break;
        case '\t':
          sb.append("\\t");
          break;
        default:
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
      }
    }
    sb.append('"');
  }
}
