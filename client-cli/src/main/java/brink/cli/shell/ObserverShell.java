package brink.cli.shell;

import brink.cli.game.GameView;
import brink.cli.net.LinkEvent;
import brink.cli.net.Server;
import brink.cli.text.I18n;
import brink.protocol.v1.GameState;
import java.util.List;

/**
 * The observer's view: the public board (tension per dyad, headlines, deadline), the public record
 * ({@code history}, {@code inbox}) and, in scripts, {@code await}. Observers cannot act or send messages.
 */
public final class ObserverShell extends Shell {
  /** Lines of the board when no terminal says how many fit. */
  static final int DEFAULT_HEIGHT = 50;

  private volatile String linkLine;

  public ObserverShell(I18n i, Server server, GameView view, Out out, long answerWaitMillis) {
    super(i, server, view, out, answerWaitMillis);
    addCommonCommands();
    commands().remove("say");
  }

  @Override
  public String prompt() {
    GameState s = view.state();
    return s == null ? "brink> " : s.getGameId() + "> ";
  }

  @Override
  protected List<String> statusLines() {
    return board(DEFAULT_HEIGHT);
  }

  /** The board in at most {@code height} lines. */
  public List<String> board(int height) {
    return screens.board(view.state(), view.remainingMillis(), height, linkLine);
  }

  @Override
  protected String helpTitleKey() {
    return "help.observer.title";
  }

  @Override
  public void link(LinkEvent e) {
    linkLine = e.kind() == LinkEvent.Kind.RECONNECTING ? i.t("board.reconnecting") : null;
    super.link(e);
  }
}
