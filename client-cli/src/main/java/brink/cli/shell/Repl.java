package brink.cli.shell;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.reader.impl.LineReaderImpl;
import org.jline.terminal.Terminal;

/** Runs a {@link Shell}: typed at a terminal (JLine, with completion and a live prompt) or read from a script. */
public final class Repl {
  private Repl() {}

  /**
   * A line reader on {@code terminal} whose completion asks the shell set later in {@code shell}. Quotes
   * and backslashes are plain characters (a message may contain an apostrophe).
   */
  public static LineReader reader(Terminal terminal, AtomicReference<Shell> shell) {
    DefaultParser parser = new DefaultParser();
    parser.setQuoteChars(new char[0]);
    parser.setEscapeChars(new char[0]);
    Completer completer = (r, line, candidates) -> {
      Shell s = shell.get();
      if (s == null) {
        return;
      }
      for (String c : s.complete(line.words(), line.wordIndex())) {
        candidates.add(new Candidate(c));
      }
    };
    LineReader reader = LineReaderBuilder.builder().terminal(terminal).parser(parser).completer(completer)
        .variable(LineReader.HISTORY_SIZE, 500).build();
    reader.unsetOpt(LineReader.Option.INSERT_TAB);
    reader.setOpt(LineReader.Option.AUTO_LIST);
    reader.unsetOpt(LineReader.Option.CASE_INSENSITIVE);
    return reader;
  }

  /** The candidates completion offers for {@code typed} (what a user gets pressing Tab), for tests. */
  public static List<String> candidates(LineReader reader, String typed) {
    org.jline.reader.ParsedLine line = reader.getParser().parse(typed, typed.length(),
        org.jline.reader.Parser.ParseContext.COMPLETE);
    List<Candidate> out = new ArrayList<>();
    ((LineReaderImpl) reader).getCompleter().complete(reader, line, out);
    List<String> values = new ArrayList<>();
    String prefix = line.word().substring(0, line.wordCursor());
    for (Candidate c : out) {
      if (c.value().startsWith(prefix)) {
        values.add(c.value());
      }
    }
    values.sort(null);
    return values;
  }

  /** Output for a shell typed at this reader's terminal. */
  public static Out out(LineReader reader) {
    return new TerminalOut(reader);
  }

  /**
   * Reads and runs lines until quit, Ctrl-D or the connection is gone for good. The prompt is redrawn
   * every half second while it waits, so the deadline counts down and "reconnecting" shows at once.
   * Returns 0, or 1 when the server closed the session.
   */
  public static int interactive(Shell shell, LineReader reader) {
    Thread ticker = new Thread(() -> tick(shell, reader), "brink-prompt");
    ticker.setDaemon(true);
    ticker.start();
    try {
      while (!shell.stopped()) {
        String line;
        try {
          line = reader.readLine(shell.prompt());
        } catch (UserInterruptException e) {
          continue;
        } catch (EndOfFileException e) {
          break;
        }
        if (shell.stopped()) {
          break;
        }
        shell.execute(line);
      }
    } finally {
      ticker.interrupt();
    }
    return shell.closedByServer() ? 1 : 0;
  }

  private static void tick(Shell shell, LineReader reader) {
    String shown = null;
    while (!Thread.currentThread().isInterrupted()) {
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        return;
      }
      try {
        if (!reader.isReading()) {
          shown = null;
          continue;
        }
        if (shell.stopped()) {
          // The session is over (kicked, or the server is gone): end the pending read as if Enter was pressed.
          reader.callWidget(LineReader.ACCEPT_LINE);
          continue;
        }
        String p = shell.prompt();
        if (!p.equals(shown)) {
          ((LineReaderImpl) reader).setPrompt(p);
          // CLEAR erases what the display drew (old prompt and input) before drawing it again; REDRAW_LINE
          // would forget it and leave the tail of a longer old prompt on the screen.
          reader.callWidget(LineReader.CLEAR);
          reader.callWidget(LineReader.REDISPLAY);
          shown = p;
        }
      } catch (IllegalStateException e) {
        // The read ended between the check and the redraw: the next tick sees the new one.
        shown = null;
      }
    }
  }

  /**
   * Runs the lines of a script (a file, or standard input when it is not a terminal). Stops at the first
   * command that fails and returns 2; 0 when every command succeeded; 1 when the server closed the session.
   *
   * @param echo print each command before its output ("> submit"), for readable logs
   */
  public static int script(Shell shell, BufferedReader in, Out out, boolean echo) throws IOException {
    String line;
    int lineNo = 0;
    while (!shell.stopped() && (line = in.readLine()) != null) {
      lineNo++;
      String t = line.strip();
      if (t.isEmpty() || t.startsWith("#")) {
        continue;
      }
      if (echo) {
        out.show("echo", List.of("> " + t), null);
      }
      if (!shell.execute(t)) {
        out.error(shell.i18n().t("script.stopped", lineNo), null);
        return 2;
      }
    }
    return shell.closedByServer() ? 1 : 0;
  }
}
