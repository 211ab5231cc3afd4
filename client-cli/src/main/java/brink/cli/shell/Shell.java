package brink.cli.shell;

import brink.cli.game.GameView;
import brink.cli.net.LinkEvent;
import brink.cli.net.Server;
import brink.cli.text.Errors;
import brink.cli.text.I18n;
import brink.cli.text.Screens;
import brink.cli.text.Suggest;
import brink.cli.text.Words;
import brink.protocol.v1.ClientMessage;
import brink.protocol.v1.DyadView;
import brink.protocol.v1.ErrorCode;
import brink.protocol.v1.GameState;
import brink.protocol.v1.GetState;
import brink.protocol.v1.JoinGame;
import brink.protocol.v1.Joined;
import brink.protocol.v1.Phase;
import brink.protocol.v1.PhaseChanged;
import brink.protocol.v1.Press;
import brink.protocol.v1.Role;
import brink.protocol.v1.SendMessage;
import brink.protocol.v1.ServerMessage;
import brink.protocol.v1.TurnReport;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A prompt's commands, shared by the player's and the instructor's shells: parsing a typed line, running
 * the command (a request to the server and its answer, or a screen), completion candidates, and what to
 * show when the server pushes something. The same commands run typed at a terminal or read from a script.
 */
public abstract class Shell {
  /** One command: its word, what follows it, what it does, an example, and how to complete its arguments. */
  protected record Command(String name, String usage, String descKey, Function<GameState, String> example,
      Handler handler, ArgCompleter completer) {}

  /** Runs a command; returns false when it failed (the error is already shown). */
  @FunctionalInterface
  protected interface Handler {
    boolean run(Line line) throws InterruptedException;
  }

  /** The candidates for word {@code index} of the line (index 1 = the first argument). */
  @FunctionalInterface
  protected interface ArgCompleter {
    List<String> candidates(List<String> words, int index);
  }

  /** A typed line and its words. */
  protected record Line(String raw, List<String> words) {
    static Line of(String raw) {
      String t = raw.strip();
      return new Line(t, t.isEmpty() ? List.of() : Arrays.asList(t.split("\\s+")));
    }

    /** The raw text after the first {@code n} words (e.g. a message's text, spacing kept). */
    String rest(int n) {
      String s = raw;
      for (int k = 0; k < n && !s.isEmpty(); k++) {
        s = s.stripLeading();
        int sp = indexOfSpace(s);
        s = sp < 0 ? "" : s.substring(sp);
      }
      return s.strip();
    }

    private static int indexOfSpace(String s) {
      for (int k = 0; k < s.length(); k++) {
        if (Character.isWhitespace(s.charAt(k))) {
          return k;
        }
      }
      return -1;
    }

    String word(int k) {
      return k < words.size() ? words.get(k) : "";
    }

    int size() {
      return words.size();
    }
  }

  protected final I18n i;
  protected final Screens screens;
  protected final Words words;
  protected final Server server;
  protected final GameView view;
  protected final Out out;
  private final Map<String, Command> commands = new LinkedHashMap<>();
  /** How long a command waits for its answer before going back to the prompt (the answer shows later). */
  private final long answerWaitMillis;
  private volatile boolean stopped;
  private volatile boolean closedByServer;

  protected Shell(I18n i, Server server, GameView view, Out out, long answerWaitMillis) {
    this.i = i;
    this.screens = new Screens(i);
    this.words = screens.words();
    this.server = server;
    this.view = view;
    this.out = out;
    this.answerWaitMillis = answerWaitMillis;
  }

  /** The commands every shell has; subclasses add theirs before or after. */
  protected void addCommonCommands() {
    add(new Command("status", "status", "help.status", s -> "status", l -> status(), null));
    add(new Command("history", "history [TURN]", "help.history", s -> "history 1", this::history,
        (w, k) -> k == 1 ? turns() : List.of()));
    add(new Command("say", "say @ACTOR... TEXT | say all TEXT", "help.say", this::sayExample, this::say,
        (w, k) -> sayTargets(w, k)));
    add(new Command("inbox", "inbox", "help.inbox", s -> "inbox", l -> inbox(), null));
    add(new Command("await", "await report [TURN] | await turn N | await phase PHASE | await ended",
        "help.await", s -> "await report", this::await, (w, k) -> k == 1 ? List.of("ended", "phase", "report", "turn")
            : k == 2 && "phase".equals(w.get(1)) ? phases() : List.of()));
    add(new Command("help", "help [COMMAND]", "help.help", s -> "help say", this::help,
        (w, k) -> k == 1 ? helpTopics() : List.of()));
    add(new Command("quit", "quit", "help.quit", s -> "quit", l -> {
      stopped = true;
      return true;
    }, null));
  }

  protected void add(Command c) {
    commands.put(c.name(), c);
  }

  protected Map<String, Command> commands() {
    return commands;
  }

  /** True once the user typed quit. */
  public boolean stopped() {
    return stopped;
  }

  protected void stop() {
    stopped = true;
  }

  /** True when the server ended the session (a kick, a refused resume). */
  public boolean closedByServer() {
    return closedByServer;
  }

  public I18n i18n() {
    return i;
  }

  public GameView view() {
    return view;
  }

  /** The prompt, e.g. "rus T3 4:12> ". */
  public abstract String prompt();

  /** The status screen's lines. */
  protected abstract List<String> statusLines();

  /**
   * Runs one typed line; returns false when it failed (the sentence saying what to do is already shown).
   * Empty lines and lines starting with '#' do nothing.
   */
  public boolean execute(String raw) {
    Line line = Line.of(raw);
    if (line.size() == 0 || line.word(0).startsWith("#")) {
      return true;
    }
    String name = line.word(0).toLowerCase(Locale.ROOT);
    Command c = commands.get(name);
    try {
      if (c != null) {
        return c.handler().run(line);
      }
      return unknownCommand(line);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (RuntimeException e) {
      out.error(i.t("error.internal", e.getClass().getSimpleName()), null);
      return false;
    }
  }

  /** A first word that is no command; the player's shell reads moves here. */
  protected boolean unknownCommand(Line line) throws InterruptedException {
    String close = Suggest.closest(line.word(0), commandWords());
    out.error(close != null ? i.t("error.unknownCommand.suggest", line.word(0), close)
        : i.t("error.unknownCommand", line.word(0)), null);
    return false;
  }

  /** Every first word the prompt understands. */
  protected List<String> commandWords() {
    return new ArrayList<>(commands.keySet());
  }

  /** Completion candidates for word {@code index} of the typed words (the last one may be partial). */
  public List<String> complete(List<String> typed, int index) {
    if (index == 0) {
      List<String> all = commandWords();
      all.sort(null);
      return all;
    }
    if (typed.isEmpty()) {
      return List.of();
    }
    Command c = commands.get(typed.get(0).toLowerCase(Locale.ROOT));
    if (c == null) {
      return completeOther(typed, index);
    }
    if (c.completer() == null) {
      return List.of();
    }
    return c.completer().candidates(typed, index);
  }

  /** Completion after a first word that is no command (moves, for the player). */
  protected List<String> completeOther(List<String> typed, int index) {
    return List.of();
  }

  // ------------------------------------------------------------------ talking to the server

  /**
   * Sends a request and waits for its answer; on success runs {@code onOk}. An error is shown as one
   * sentence. When no answer comes in time (the connection is down), the request stays pending and its
   * answer is shown when it arrives.
   */
  protected boolean call(ClientMessage.Builder request, Consumer<ServerMessage> onOk) throws InterruptedException {
    CompletableFuture<ServerMessage> f = server.request(request);
    ServerMessage m;
    try {
      m = f.get(answerWaitMillis, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      out.notice("pending", i.t("net.waiting"));
      f.thenAccept(late -> answered(late, onOk));
      return true;
    } catch (ExecutionException e) {
      out.error(i.t("net.closed"), null);
      return false;
    }
    return answered(m, onOk);
  }

  private boolean answered(ServerMessage m, Consumer<ServerMessage> onOk) {
    if (m.hasError()) {
      out.error(Errors.describe(i, m.getError()), m.getError());
      if (m.getError().getCode() == ErrorCode.FAILED_PRECONDITION) {
        refresh();
      }
      return false;
    }
    onOk.accept(m);
    return true;
  }

  /** Asks for a fresh full view; the answer replaces the copy when it comes. */
  protected void refresh() {
    GameState s = view.state();
    if (s == null) {
      return;
    }
    server.request(ClientMessage.newBuilder().setGetState(GetState.newBuilder().setGameId(s.getGameId())))
        .thenAccept(m -> {
          if (m.hasGameState()) {
            view.replace(m.getGameState());
          }
        });
  }

  /** The game is joined; else one sentence saying how to get there. */
  protected GameState needGame() {
    GameState s = view.state();
    if (s == null) {
      out.error(i.t(noGameKey()), null);
    }
    return s;
  }

  protected String noGameKey() {
    return "error.noGame";
  }

  /**
   * Enters a game with a code; the role the code gives must be {@code expected}. Returns false (the
   * sentence already shown) when the code is wrong or is for another role.
   */
  public boolean join(String code, String name, Role expected) throws InterruptedException {
    boolean[] ok = {false};
    boolean answered = call(ClientMessage.newBuilder().setJoinGame(JoinGame.newBuilder().setCode(code.strip())
        .setName(name)), m -> {
          Joined j = m.getJoined();
          if (j.getRole() != expected) {
            out.error(i.t("join.wrongRole." + expected.name(), words.role(j.getRole()), code.strip()), null);
            return;
          }
          view.replace(j.getState());
          server.follow(j.getGameId(), code.strip(), name, j.getState().getSeq());
          ok[0] = true;
          joined(j);
        });
    return answered && ok[0];
  }

  /** Says what to type first, when the shell starts without a game. */
  public void greet() {}

  /** After a successful join (the player shows the briefing). */
  protected void joined(Joined j) {
    out.show("joined", List.of(i.t("join.done." + j.getRole().name(), j.getGameId(), i.text(j.getState().getTitle()),
        words.actorWithId(j.getState(), j.getActor()))), j);
  }

  // ------------------------------------------------------------------ pushes

  /** A push from the server (or the Joined of an automatic re-join). */
  public void push(ServerMessage m) {
    GameState before = view.state();
    if (before != null && (m.hasTurnReport() || m.hasPress())) {
      // Shown before the view takes it, so that whoever waits for it (await) sees it printed first.
      if (m.hasTurnReport()) {
        TurnReport r = m.getTurnReport();
        out.show("turn_report", screens.report(r, before, before.getDyadsList()), r);
      } else {
        out.show("press", List.of(screens.pressLine(m.getPress(), before)), m.getPress());
      }
      view.apply(m);
      if (m.hasTurnReport()) {
        refresh();
      }
      return;
    }
    view.apply(m);
    GameState after = view.state();
    if (after == null) {
      return;
    }
    if (m.hasPhaseChanged()) {
      PhaseChanged p = m.getPhaseChanged();
      out.show("phase", List.of(phaseSentence(p, after)), p);
      onPhase(before, p);
    } else if (m.hasSeatChanged()) {
      onSeat(m);
    } else if (m.hasDisconnect()) {
      out.notice("disconnect", m.getDisconnect().getMessage().isEmpty() ? i.t("net.disconnected")
          : Errors.sentence(m.getDisconnect().getMessage()));
    } else if (m.hasJoined()) {
      out.notice("rejoined", i.t("net.rejoined"));
    }
  }

  /** After a phase change was shown (the player clears its draft on a new turn). */
  protected void onPhase(GameState before, PhaseChanged p) {}

  /** A seat changed (the instructor sees it; players only see it in the status). */
  protected void onSeat(ServerMessage m) {}

  /** What a phase change means, in one sentence. */
  protected String phaseSentence(PhaseChanged p, GameState s) {
    long left = view.remainingMillis();
    switch (p.getPhase()) {
      case ORDERS:
        if (p.getPaused()) {
          return left >= 0 ? i.t("phase.sentence.paused", p.getTurn(), Words.clock(left))
              : i.t("phase.sentence.pausedNoClock", p.getTurn());
        }
        return left >= 0 ? i.t("phase.sentence.orders", p.getTurn(), Words.clock(left))
            : i.t("phase.sentence.ordersNoDeadline", p.getTurn());
      case RESOLVING:
        return i.t("phase.sentence.resolving", p.getTurn());
      case REPORT:
        return left >= 0 ? i.t("phase.sentence.report", p.getTurn(), Words.clock(left))
            : i.t("phase.sentence.reportWaits", p.getTurn());
      case ENDED:
        String o = words.outcome(s.getOutcome(), s);
        return i.t("phase.sentence.ended", o.isEmpty() ? p.getReason() : o);
      default:
        return i.t("phase.sentence.other", words.phase(p.getPhase()));
    }
  }

  /** The connection dropped, came back, or is gone for good. */
  public void link(LinkEvent e) {
    switch (e.kind()) {
      case RECONNECTING:
        out.notice("reconnecting", i.t("net.reconnecting", e.attempt(),
            i.number(e.delayMillis() / 1000.0, 1)));
        break;
      case RESUMED:
        out.notice("resumed", i.t("net.resumed"));
        break;
      case REJOINED:
        out.notice("rejoined", i.t("net.rejoined"));
        break;
      case CLOSED:
        out.notice("closed", e.detail().isEmpty() ? i.t("net.gone")
            : i.t("net.goneBecause", Errors.sentence(e.detail())));
        closedByServer = true;
        stopped = true;
        break;
      default:
        break;
    }
  }

  // ------------------------------------------------------------------ common commands

  private boolean status() {
    if (needGame() == null) {
      return false;
    }
    out.show("status", statusLines(), view.state());
    return true;
  }

  private boolean history(Line l) {
    GameState s = needGame();
    if (s == null) {
      return false;
    }
    if (l.size() > 1) {
      int turn;
      try {
        turn = Integer.parseInt(l.word(1));
      } catch (NumberFormatException e) {
        turn = -1;
      }
      for (int k = 0; k < s.getReportsCount(); k++) {
        TurnReport r = s.getReports(k);
        if (r.getTurn() == turn) {
          List<DyadView> before = k > 0 ? s.getReports(k - 1).getDyadsList() : null;
          out.show("turn_report", screens.report(r, s, before), r);
          return true;
        }
      }
      out.error(s.getReportsCount() == 0 ? i.t("history.none")
          : i.t("history.noTurn", l.word(1), s.getReports(0).getTurn(),
              s.getReports(s.getReportsCount() - 1).getTurn()), null);
      return false;
    }
    List<String> lines = new ArrayList<>();
    if (s.getReportsCount() == 0) {
      lines.add(i.t("history.none"));
    }
    for (TurnReport r : s.getReportsList()) {
      DyadView top = null;
      for (DyadView d : r.getDyadsList()) {
        if (top == null || d.getTension() > top.getTension()) {
          top = d;
        }
      }
      lines.add(i.t("history.line", r.getTurn(), r.getStartDate(), r.getEndDate(), r.getEventsCount())
          + (top == null ? "" : " · " + i.t("history.highest", top.getA() + "–" + top.getB(),
              i.number(top.getTension(), 1), screens.rungName(top.getRung()))));
    }
    if (s.getReportsCount() > 0) {
      lines.add(i.t("history.more"));
    }
    out.show("history", lines, Map.of("reports", s.getReportsList()));
    return true;
  }

  private boolean inbox() {
    GameState s = needGame();
    if (s == null) {
      return false;
    }
    List<String> lines = new ArrayList<>();
    if (s.getMessagesCount() == 0) {
      lines.add(i.t("inbox.empty"));
    }
    for (Press p : s.getMessagesList()) {
      lines.add(screens.pressLine(p, s));
    }
    out.show("inbox", lines, Map.of("messages", s.getMessagesList()));
    return true;
  }

  private String sayExample(GameState s) {
    String to = "all";
    if (s != null) {
      for (brink.protocol.v1.ActorView a : s.getActorsList()) {
        if (!a.getId().equals(s.getViewerActor())) {
          to = "@" + a.getId();
          break;
        }
      }
    }
    return "say " + to + " " + i.t("help.say.text");
  }

  private List<String> sayTargets(List<String> w, int k) {
    GameState s = view.state();
    List<String> out = new ArrayList<>();
    boolean onlyTargetsSoFar = true;
    for (int j = 1; j < k; j++) {
      if (!w.get(j).startsWith("@")) {
        onlyTargetsSoFar = false;
      }
    }
    if (!onlyTargetsSoFar || (k > 1 && "all".equals(w.get(1)))) {
      return out;
    }
    if (k == 1) {
      out.add("all");
    }
    if (s != null) {
      for (brink.protocol.v1.ActorView a : s.getActorsList()) {
        if (!a.getId().equals(s.getViewerActor()) && !w.subList(1, k).contains("@" + a.getId())) {
          out.add("@" + a.getId());
        }
      }
    }
    return out;
  }

  private boolean say(Line l) throws InterruptedException {
    GameState s = needGame();
    if (s == null) {
      return false;
    }
    List<String> to = new ArrayList<>();
    int k = 1;
    boolean all = false;
    if ("all".equalsIgnoreCase(l.word(1))) {
      all = true;
      k = 2;
    } else {
      while (k < l.size() && l.word(k).startsWith("@")) {
        String id = l.word(k).substring(1).toLowerCase(Locale.ROOT);
        List<String> ids = new ArrayList<>();
        s.getActorsList().forEach(a -> ids.add(a.getId()));
        if (!ids.contains(id)) {
          String close = Suggest.closest(id, ids);
          out.error(close != null ? i.t("say.unknown.suggest", id, close)
              : i.t("say.unknown", id, String.join(", ", ids)), null);
          return false;
        }
        to.add(id);
        k++;
      }
    }
    String text = l.rest(k);
    if ((!all && to.isEmpty()) || text.isEmpty()) {
      out.error(i.t("say.usage", sayExample(s)), null);
      return false;
    }
    boolean toAll = all;
    return call(ClientMessage.newBuilder().setSendMessage(SendMessage.newBuilder().setGameId(s.getGameId())
        .addAllTo(to).setText(text)), m -> out.show("sent", List.of(toAll ? i.t("say.sentAll")
            : i.t("say.sent", String.join(", ", to))), Map.of("to", to, "text", text)));
  }

  private boolean await(Line l) throws InterruptedException {
    if (needGame() == null) {
      return false;
    }
    String what = l.word(1).toLowerCase(Locale.ROOT);
    Predicate<GameState> p;
    switch (what) {
      case "report": {
        int turn = l.size() > 2 ? parseInt(l.word(2)) : view.state().getReportsCount() == 0 ? 1
            : view.state().getReports(view.state().getReportsCount() - 1).getTurn() + 1;
        p = s -> s.getReportsList().stream().anyMatch(r -> r.getTurn() >= turn);
        break;
      }
      case "turn": {
        int turn = parseInt(l.word(2));
        p = s -> s.getTurn() >= turn && s.getPhase() != Phase.LOBBY;
        break;
      }
      case "phase": {
        Phase ph;
        try {
          ph = Phase.valueOf(l.word(2).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
          out.error(i.t("await.usage"), null);
          return false;
        }
        p = s -> s.getPhase() == ph;
        break;
      }
      case "ended":
        p = s -> s.getPhase() == Phase.ENDED;
        break;
      default:
        out.error(i.t("await.usage"), null);
        return false;
    }
    if (!view.await(p, awaitMillis())) {
      out.error(i.t("await.timeout", l.rest(1), awaitMillis() / 1000), null);
      return false;
    }
    out.show("awaited", List.of(i.t("await.done", l.rest(1))), Map.of("what", l.rest(1)));
    return true;
  }

  /** How long {@code await} waits. */
  protected long awaitMillis() {
    return 600_000;
  }

  private static int parseInt(String s) {
    try {
      return Integer.parseInt(s.strip());
    } catch (NumberFormatException e) {
      return Integer.MAX_VALUE;
    }
  }

  private List<String> turns() {
    GameState s = view.state();
    List<String> out = new ArrayList<>();
    if (s != null) {
      s.getReportsList().forEach(r -> out.add(Integer.toString(r.getTurn())));
    }
    return out;
  }

  private static List<String> phases() {
    return List.of("ended", "lobby", "orders", "report", "resolving");
  }

  /** Topics of {@code help TOPIC}: the commands, plus what a subclass adds (moves). */
  protected List<String> helpTopics() {
    List<String> t = new ArrayList<>(commands.keySet());
    t.sort(null);
    return t;
  }

  /** {@code help} lists every command with an example; {@code help X} explains one. */
  protected boolean help(Line l) {
    GameState s = view.state();
    if (l.size() > 1) {
      String topic = l.word(1).toLowerCase(Locale.ROOT);
      Command c = commands.get(topic);
      if (c != null) {
        out.show("help", helpLines(c, s, true), null);
        return true;
      }
      List<String> other = helpOther(topic, s);
      if (other != null) {
        out.show("help", other, null);
        return true;
      }
      String close = Suggest.closest(topic, helpTopics());
      out.error(close != null ? i.t("help.unknown.suggest", topic, close) : i.t("help.unknown", topic), null);
      return false;
    }
    List<String> lines = new ArrayList<>();
    lines.add(i.t(helpTitleKey()));
    for (Command c : commands.values()) {
      lines.addAll(helpLines(c, s, false));
    }
    lines.addAll(helpFooter(s));
    out.show("help", lines, null);
    return true;
  }

  protected String helpTitleKey() {
    return "help.title";
  }

  /** Extra help topics (the moves); null when {@code topic} is none. */
  protected List<String> helpOther(String topic, GameState s) {
    return null;
  }

  /** Lines after the command list. */
  protected List<String> helpFooter(GameState s) {
    return List.of();
  }

  private List<String> helpLines(Command c, GameState s, boolean full) {
    List<String> lines = new ArrayList<>();
    lines.add("  " + c.usage());
    lines.add("      " + i.t(c.descKey()) + " " + i.t("help.example", c.example().apply(s)));
    if (full && i.has(c.descKey() + ".more")) {
      lines.add("      " + i.t(c.descKey() + ".more"));
    }
    return lines;
  }
}
