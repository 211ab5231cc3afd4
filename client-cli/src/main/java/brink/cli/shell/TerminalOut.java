package brink.cli.shell;

import java.util.List;
import org.jline.reader.LineReader;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;

/**
 * Output at an interactive prompt: each block is printed above the line being typed, which is then drawn
 * again, so that a turn report arriving mid-typing never garbles the input. Errors are red, connection
 * notes yellow (where the terminal has colours).
 */
final class TerminalOut implements Out {
  private final LineReader reader;

  TerminalOut(LineReader reader) {
    this.reader = reader;
  }

  @Override
  public void show(String type, List<String> lines, Object data) {
    if (lines.isEmpty()) {
      return;
    }
    reader.printAbove(String.join("\n", lines));
  }

  @Override
  public void error(String sentence, Object data) {
    reader.printAbove(new AttributedString(sentence, AttributedStyle.DEFAULT.foreground(AttributedStyle.RED)));
  }

  @Override
  public void notice(String type, String sentence) {
    reader.printAbove(new AttributedString(sentence, AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW)));
  }
}
