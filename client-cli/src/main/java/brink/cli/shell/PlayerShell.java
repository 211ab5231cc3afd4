package brink.cli.shell;

import brink.cli.game.GameView;
import brink.cli.net.LinkEvent;
import brink.cli.net.Server;
import brink.cli.text.I18n;
import brink.cli.text.MoveWords;
import brink.cli.text.MoveWords.Arg;
import brink.cli.text.OrderReader;
import brink.cli.text.Screens;
import brink.cli.text.Words;
import brink.protocol.scenario.v1.Move;
import brink.protocol.scenario.v1.MoveType;
import brink.protocol.v1.ActorView;
import brink.protocol.v1.ClientMessage;
import brink.protocol.v1.GameState;
import brink.protocol.v1.Joined;
import brink.protocol.v1.Orders;
import brink.protocol.v1.OrdersAccepted;
import brink.protocol.v1.Phase;
import brink.protocol.v1.Rejection;
import brink.protocol.v1.ServerMessage;
import brink.protocol.v1.SetReady;
import brink.protocol.v1.SubmissionStatus;
import brink.protocol.v1.SubmitOrders;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The player's prompt: the briefing, the status screen, composing orders move by move (each checked at once
 * against the view, then by the server on submit), readiness, messages and the history of the game.
 *
 * <p>Moves typed go into a draft; {@code submit} sends the whole draft (the server replaces the seat's
 * orders with it and answers with its own checks); {@code ready} says the orders are final, submitting the
 * draft first when it changed.
 */
public final class PlayerShell extends Shell {
  private final OrderReader reader;
  private final Object draftLock = new Object();
  private final List<Move> draft = new ArrayList<>();
  private boolean draftWait;
  /** The draft differs from what the server holds. */
  private boolean dirty;
  private volatile boolean linkDown;

  public PlayerShell(I18n i, Server server, GameView view, Out out, long answerWaitMillis) {
    super(i, server, view, out, answerWaitMillis);
    this.reader = new OrderReader(i);
    add(new Command("briefing", "briefing [background | ACTOR]", "help.briefing", s -> "briefing", this::briefing,
        (w, k) -> k == 1 ? briefingTopics() : List.of()));
    addCommonCommandsFirstHalf();
  }

  private void addCommonCommandsFirstHalf() {
    add(new Command("orders", "orders", "help.orders", s -> "orders", l -> showOrders(), null));
    add(new Command("remove", "remove N", "help.remove", s -> "remove 1", this::remove,
        (w, k) -> k == 1 ? draftNumbers() : List.of()));
    add(new Command("clear", "clear", "help.clear", s -> "clear", l -> clear(), null));
    add(new Command("submit", "submit", "help.submit", s -> "submit", l -> submit(false), null));
    add(new Command("ready", "ready", "help.ready", s -> "ready", l -> ready(true), null));
    add(new Command("unready", "unready", "help.unready", s -> "unready", l -> ready(false), null));
    addCommonCommands();
  }

  @Override
  public String prompt() {
    GameState s = view.state();
    if (s == null) {
      return "brink> ";
    }
    StringBuilder p = new StringBuilder(s.getViewerActor()).append(' ').append(i.t("prompt.turn", s.getTurn()));
    if (linkDown) {
      p.append(' ').append(i.t("prompt.reconnecting"));
    } else if (s.getPaused()) {
      p.append(' ').append(i.t("prompt.paused"));
    } else if (s.getPhase() != Phase.ORDERS) {
      p.append(' ').append(words.phase(s.getPhase()));
    }
    long left = view.remainingMillis();
    if (left >= 0) {
      p.append(' ').append(Words.clock(left));
    }
    return p.append("> ").toString();
  }

  @Override
  protected List<String> statusLines() {
    GameState s = view.state();
    String draftLine;
    synchronized (draftLock) {
      draftLine = dirty ? i.t("draft.unsent", draftWait ? i.t("orders.wait") : i.t("orders.moves", draft.size()))
          : null;
    }
    List<String> lines = screens.player(s, view.remainingMillis(), draftLine);
    if (s.getMessagesCount() > 0) {
      lines.add(i.t("status.messages", s.getMessagesCount()));
    }
    return lines;
  }

  @Override
  protected void joined(Joined j) {
    super.joined(j);
    syncDraft(true);
    briefingLines(j.getState(), "");
    out.show("status", statusLines(), null);
    out.notice("hint", i.t("player.hint"));
  }

  // ------------------------------------------------------------------ moves

  @Override
  protected List<String> commandWords() {
    List<String> w = super.commandWords();
    w.addAll(MoveWords.words());
    return w;
  }

  @Override
  protected boolean unknownCommand(Line line) throws InterruptedException {
    if (MoveWords.parse(line.word(0)).isPresent()) {
      return addMove(line);
    }
    return super.unknownCommand(line);
  }

  private boolean addMove(Line line) {
    GameState s = needGame();
    if (s == null) {
      return false;
    }
    if (s.getPhase() == Phase.ENDED) {
      out.error(i.t("orders.ended"), null);
      return false;
    }
    MoveType type = MoveWords.parse(line.word(0)).get();
    List<String> typed = new ArrayList<>(line.words());
    typed.set(0, MoveWords.word(type));
    synchronized (draftLock) {
      syncDraft(false);
      if (type == MoveType.WAIT) {
        if (typed.size() > 1) {
          out.error(i.t("order.takesNothing", "wait"), null);
          return false;
        }
        draft.clear();
        draftWait = true;
        dirty = true;
        out.show("draft", List.of(i.t("draft.wait")), Map.of("wait", true));
        return true;
      }
      OrderReader.Result r = reader.read(typed, s);
      if (!r.ok()) {
        out.error(r.error(), null);
        return false;
      }
      if (draft.contains(r.move())) {
        out.error(i.t("draft.duplicate", Words.typed(r.move())), null);
        return false;
      }
      int max = s.getMaxMovesPerTurn();
      if (max > 0 && draft.size() >= max) {
        out.error(i.t("draft.full", max), null);
        return false;
      }
      draft.add(r.move());
      draftWait = false;
      dirty = true;
      out.show("draft", List.of(screens.draftLine(draft.size(), r.move(), s), i.t("draft.added", draft.size())),
          Map.of("move", r.move(), "draft", List.copyOf(draft)));
      return true;
    }
  }

  /** Takes the server's orders as the draft, unless the draft has unsent changes (or {@code force}). */
  private void syncDraft(boolean force) {
    GameState s = view.state();
    synchronized (draftLock) {
      if (s == null || (dirty && !force)) {
        return;
      }
      Orders o = s.getOwnOrders();
      if (o.getTurn() != s.getTurn() && s.getPhase() == Phase.ORDERS) {
        return;
      }
      draft.clear();
      draft.addAll(o.getMovesList());
      draftWait = o.getStatus() == SubmissionStatus.SUBMITTED_WAIT;
      dirty = false;
    }
  }

  private boolean showOrders() {
    GameState s = needGame();
    if (s == null) {
      return false;
    }
    List<String> lines = new ArrayList<>();
    synchronized (draftLock) {
      syncDraft(false);
      lines.add(screens.ordersLine(s));
      if (draftWait) {
        lines.add("  " + i.t("orders.wait"));
      } else if (draft.isEmpty()) {
        lines.add("  " + i.t("orders.empty"));
      }
      for (int k = 0; k < draft.size(); k++) {
        lines.add(screens.draftLine(k + 1, draft.get(k), s));
      }
      lines.add(dirty ? i.t("orders.unsentHint") : i.t("orders.hint"));
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("turn", s.getTurn());
      data.put("draft", List.copyOf(draft));
      data.put("wait", draftWait);
      data.put("unsent", dirty);
      data.put("server", s.getOwnOrders());
      out.show("orders", lines, data);
    }
    return true;
  }

  private boolean remove(Line l) {
    if (needGame() == null) {
      return false;
    }
    synchronized (draftLock) {
      syncDraft(false);
      int n;
      try {
        n = Integer.parseInt(l.word(1));
      } catch (NumberFormatException e) {
        n = -1;
      }
      if (n < 1 || n > draft.size()) {
        out.error(draft.isEmpty() ? i.t("remove.empty") : i.t("remove.range", l.word(1), draft.size()), null);
        return false;
      }
      Move m = draft.remove(n - 1);
      dirty = true;
      out.show("draft", List.of(i.t("remove.done", Words.typed(m), draft.size())), Map.of("draft", List.copyOf(draft)));
    }
    return true;
  }

  private boolean clear() {
    if (needGame() == null) {
      return false;
    }
    synchronized (draftLock) {
      draft.clear();
      draftWait = false;
      dirty = true;
    }
    out.show("draft", List.of(i.t("clear.done")), Map.of("draft", List.of()));
    return true;
  }

  private boolean submit(boolean ready) throws InterruptedException {
    GameState s = needGame();
    if (s == null) {
      return false;
    }
    if (s.getPhase() != Phase.ORDERS) {
      out.error(i.t("submit.phase", words.phase(s.getPhase())), null);
      return false;
    }
    if (s.getOwnOrders().getReady()) {
      out.error(i.t("submit.readyFirst"), null);
      return false;
    }
    List<Move> moves;
    boolean wait;
    synchronized (draftLock) {
      syncDraft(false);
      moves = List.copyOf(draft);
      wait = draftWait;
    }
    if (moves.isEmpty() && !wait) {
      out.error(i.t("submit.nothing", OrderReader.example(firstUsefulMove(s), s)), null);
      return false;
    }
    return call(ClientMessage.newBuilder().setSubmitOrders(SubmitOrders.newBuilder().setGameId(s.getGameId())
        .setTurn(s.getTurn()).addAllMoves(moves).setWait(wait).setReady(ready)), m -> accepted(m, moves, wait));
  }

  private void accepted(ServerMessage m, List<Move> sent, boolean wait) {
    OrdersAccepted a = m.getOrdersAccepted();
    view.ordersAccepted(a);
    synchronized (draftLock) {
      if (List.copyOf(draft).equals(sent) && draftWait == wait) {
        dirty = false;
      }
    }
    List<String> lines = new ArrayList<>();
    lines.add(i.t(a.getOrders().getReady() ? "submit.doneReady" : "submit.done", a.getTurn(),
        wait ? i.t("orders.wait") : i.t("orders.moves", a.getOrders().getMovesCount())));
    for (Rejection w : a.getWarningsList()) {
      lines.add("  " + i.t("submit.warning", Words.typed(w.getMove()), screens.rejection(w.getReason(), w.getMessage())));
    }
    if (!a.getOrders().getReady()) {
      lines.add(i.t("submit.readyHint"));
    }
    out.show("orders_accepted", lines, a);
  }

  private boolean ready(boolean ready) throws InterruptedException {
    GameState s = needGame();
    if (s == null) {
      return false;
    }
    if (s.getPhase() != Phase.ORDERS) {
      out.error(i.t("submit.phase", words.phase(s.getPhase())), null);
      return false;
    }
    boolean unsent;
    synchronized (draftLock) {
      unsent = dirty;
    }
    if (ready && unsent && !s.getOwnOrders().getReady()) {
      return submit(true);
    }
    boolean nothing = s.getOwnOrders().getStatus() == SubmissionStatus.NOT_SUBMITTED;
    return call(ClientMessage.newBuilder().setSetReady(SetReady.newBuilder().setGameId(s.getGameId())
        .setTurn(s.getTurn()).setReady(ready)), m -> {
          view.readySet(ready);
          out.show("ready", List.of(!ready ? i.t("ready.off") : nothing ? i.t("ready.onNothing") : i.t("ready.on")),
              Map.of("ready", ready));
        });
  }

  private MoveType firstUsefulMove(GameState s) {
    return s.getUnitsCount() > 0 ? MoveType.DEPLOY_TROOPS : MoveType.NEGOTIATE;
  }

  // ------------------------------------------------------------------ briefing

  private List<String> briefingTopics() {
    List<String> t = new ArrayList<>();
    t.add("background");
    GameState s = view.state();
    if (s != null) {
      s.getActorsList().forEach(a -> t.add(a.getId()));
    }
    return t;
  }

  private boolean briefing(Line l) {
    GameState s = needGame();
    if (s == null) {
      return false;
    }
    String topic = l.word(1).toLowerCase(Locale.ROOT);
    if (!topic.isEmpty() && !topic.equals("background")
        && s.getActorsList().stream().noneMatch(a -> a.getId().equals(topic))) {
      out.error(i.t("briefing.unknown", topic, String.join(", ", briefingTopics())), null);
      return false;
    }
    briefingLines(s, topic);
    return true;
  }

  private void briefingLines(GameState s, String topic) {
    List<String> lines = new ArrayList<>();
    if (topic.equals("background")) {
      lines.add(i.t("briefing.background"));
      lines.addAll(paragraphs(i.text(s.getBackground())));
    } else if (!topic.isEmpty()) {
      ActorView a = s.getActorsList().stream().filter(x -> x.getId().equals(topic)).findFirst().get();
      lines.add(i.t("briefing.public", words.actorWithId(s, topic)));
      lines.addAll(paragraphs(i.text(a.getPublicBriefing())));
      if (topic.equals(s.getViewerActor()) && s.hasPrivateBriefing()) {
        lines.add("");
        lines.add(i.t("briefing.private"));
        lines.addAll(paragraphs(i.text(s.getPrivateBriefing())));
      }
    } else {
      lines.add(i.text(s.getTitle()));
      lines.addAll(paragraphs(i.text(s.getSummary())));
      lines.add("");
      lines.add(i.t("briefing.youAre", words.actorWithId(s, s.getViewerActor())));
      if (s.hasPrivateBriefing()) {
        lines.add("");
        lines.add(i.t("briefing.private"));
        lines.addAll(paragraphs(i.text(s.getPrivateBriefing())));
      }
      lines.add("");
      lines.add(i.t("briefing.more"));
    }
    out.show("briefing", lines, null);
  }

  /** Text split on its blank lines, each paragraph wrapped at 100 columns. */
  static List<String> paragraphs(String text) {
    List<String> out = new ArrayList<>();
    for (String para : text.split("\n\\s*\n")) {
      if (!out.isEmpty()) {
        out.add("");
      }
      StringBuilder line = new StringBuilder("  ");
      for (String word : para.strip().split("\\s+")) {
        if (line.length() + word.length() + 1 > 100 && line.length() > 2) {
          out.add(line.toString());
          line = new StringBuilder("  ");
        }
        if (line.length() > 2) {
          line.append(' ');
        }
        line.append(word);
      }
      if (line.length() > 2) {
        out.add(line.toString());
      }
    }
    return out;
  }

  // ------------------------------------------------------------------ help and completion

  @Override
  protected List<String> helpTopics() {
    List<String> t = super.helpTopics();
    t.add("moves");
    t.addAll(MoveWords.words());
    t.sort(null);
    return t;
  }

  @Override
  protected List<String> helpOther(String topic, GameState s) {
    if (topic.equals("moves")) {
      List<String> lines = new ArrayList<>();
      lines.add(i.t("help.moves.title"));
      for (MoveType t : MoveWords.types()) {
        lines.add(moveHelp(t, s));
      }
      lines.add(i.t("help.moves.footer"));
      return lines;
    }
    return MoveWords.parse(topic).map(t -> List.of(moveHelp(t, s))).orElse(null);
  }

  private String moveHelp(MoveType t, GameState s) {
    boolean units = s == null || s.getUnitsCount() > 0;
    StringBuilder usage = new StringBuilder(MoveWords.word(t));
    for (Arg a : MoveWords.args(t, units)) {
      usage.append(' ').append(i.t("arg.usage." + a.name()));
    }
    String example = s == null ? usage.toString() : OrderReader.example(t, s);
    return "  " + Screens.pad(usage.toString(), 34) + i.t("move." + t.name()) + " " + i.t("help.example", example);
  }

  @Override
  protected List<String> helpFooter(GameState s) {
    return List.of(i.t("help.player.footer"));
  }

  @Override
  protected String helpTitleKey() {
    return "help.player.title";
  }

  @Override
  protected List<String> completeOther(List<String> typed, int index) {
    GameState s = view.state();
    MoveType t = MoveWords.parse(typed.get(0)).orElse(null);
    if (t == null || s == null) {
      return List.of();
    }
    List<Arg> args = MoveWords.args(t, s.getUnitsCount() > 0);
    if (index - 1 >= args.size()) {
      return List.of();
    }
    if (t == MoveType.MEDIATE && index == 2 && typed.size() > 1) {
      String first = typed.get(1);
      List<String> c = new ArrayList<>();
      s.getDyadsList().forEach(d -> {
        String other = d.getA().equals(first) ? d.getB() : d.getB().equals(first) ? d.getA() : null;
        if (other != null && !other.equals(s.getViewerActor())) {
          c.add(other);
        }
      });
      c.sort(null);
      return c;
    }
    return OrderReader.candidates(args.get(index - 1), s);
  }

  private List<String> draftNumbers() {
    List<String> n = new ArrayList<>();
    synchronized (draftLock) {
      for (int k = 1; k <= draft.size(); k++) {
        n.add(Integer.toString(k));
      }
    }
    return n;
  }

  // ------------------------------------------------------------------ pushes

  @Override
  public void push(ServerMessage m) {
    super.push(m);
    if (m.hasTurnReport()) {
      // The turn is over: the next one starts from nothing submitted.
      synchronized (draftLock) {
        draft.clear();
        draftWait = false;
        dirty = false;
      }
    } else if (m.hasGameState() || m.hasJoined()) {
      syncDraft(false);
    }
  }

  @Override
  public void link(LinkEvent e) {
    linkDown = e.kind() == LinkEvent.Kind.RECONNECTING;
    super.link(e);
  }
}
