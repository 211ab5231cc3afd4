package brink.cli.shell;

import brink.cli.text.Json;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a shell writes: lines for people, or with {@code --json} one JSON object per line for scripts. Each
 * call is one block; blocks from different threads (answers, pushes) never interleave.
 */
public interface Out {
  /**
   * Something to show.
   *
   * @param type what it is, for scripts ("status", "turn_report", "press", "orders"...)
   * @param lines what a person reads
   * @param data what a script reads: a protobuf message, a map, a list or a value; null = the lines
   */
  void show(String type, List<String> lines, Object data);

  /** Something that went wrong: one sentence saying what to do instead. */
  void error(String sentence, Object data);

  /** A note about the connection ("reconnecting...", "back"). */
  default void notice(String type, String sentence) {
    show(type, List.of(sentence), null);
  }

  /** Plain lines on a writer. */
  final class Text implements Out {
    private final PrintWriter w;

    public Text(PrintWriter w) {
      this.w = w;
    }

    @Override
    public synchronized void show(String type, List<String> lines, Object data) {
      for (String l : lines) {
        w.println(l);
      }
      w.flush();
    }

    @Override
    public synchronized void error(String sentence, Object data) {
      w.println(sentence);
      w.flush();
    }
  }

  /** One JSON object per line: {"type": ..., "data": ...} or {"type": "error", "message": ...}. */
  final class JsonLines implements Out {
    private final PrintWriter w;

    public JsonLines(PrintWriter w) {
      this.w = w;
    }

    @Override
    public synchronized void show(String type, List<String> lines, Object data) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("type", type);
      if (data == null) {
        o.put("text", lines);
      } else {
        o.put("data", data);
      }
      w.println(Json.write(o));
      w.flush();
    }

    @Override
    public synchronized void error(String sentence, Object data) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("type", "error");
      o.put("message", sentence);
      if (data != null) {
        o.put("data", data);
      }
      w.println(Json.write(o));
      w.flush();
    }
  }
}
