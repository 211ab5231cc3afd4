package brink.cli.shell;

import brink.protocol.v1.GameState;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.Display;
import org.jline.utils.InfoCmp.Capability;
import org.jline.utils.NonBlockingReader;

/**
 * The projector's full-screen board: redrawn twice a second from the observer's view (pushes update the
 * view; the board only draws what changed), until 'q' or Ctrl-C.
 */
public final class Board {
  private final ObserverShell shell;
  private final Terminal terminal;

  public Board(ObserverShell shell, Terminal terminal) {
    this.shell = shell;
    this.terminal = terminal;
  }

  /** Runs until the user quits or the server ends the session; returns the exit code (0, or 1 if closed). */
  public int run() throws IOException {
    Attributes saved = terminal.enterRawMode();
    terminal.puts(Capability.enter_ca_mode);
    terminal.puts(Capability.cursor_invisible);
    Display display = new Display(terminal, true);
    NonBlockingReader keys = terminal.reader();
    try {
      while (!shell.stopped()) {
        draw(display);
        int c = keys.read(500);
        if (c == 'q' || c == 'Q' || c == 3 || c == NonBlockingReader.EOF) {
          break;
        }
        if (c == 'r' || c == 12) {
          display.clear();
        }
      }
    } finally {
      terminal.puts(Capability.cursor_visible);
      terminal.puts(Capability.exit_ca_mode);
      terminal.setAttributes(saved);
      terminal.flush();
    }
    return shell.closedByServer() ? 1 : 0;
  }

  /** Draws the board once at the terminal's size. */
  void draw(Display display) {
    Size size = terminal.getSize();
    int rows = size.getRows() > 0 ? size.getRows() : ObserverShell.DEFAULT_HEIGHT;
    int cols = size.getColumns() > 0 ? size.getColumns() : 160;
    display.resize(rows, cols);
    GameState s = shell.view().state();
    List<AttributedString> lines = new ArrayList<>();
    if (s != null) {
      for (String l : shell.board(rows - 1)) {
        AttributedString a = new AttributedString(l);
        lines.add(a.columnLength() > cols ? a.columnSubSequence(0, cols) : a);
      }
    }
    lines.add(new AttributedString(shell.i18n().t("board.keys")));
    display.update(lines, size.cursorPos(lines.size() - 1, 0));
    terminal.flush();
  }
}
