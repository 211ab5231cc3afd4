package brink.cli.shell;

import brink.cli.game.GameView;
import brink.cli.net.Server;
import brink.cli.text.I18n;
import brink.cli.text.Json;
import brink.cli.text.ReportWriter;
import brink.cli.text.Screens;
import brink.cli.text.Suggest;
import brink.cli.text.Words;
import brink.protocol.scenario.v1.OutcomeType;
import brink.protocol.scenario.v1.Text;
import brink.protocol.scenario.v1.Visibility;
import brink.protocol.v1.AssignSeat;
import brink.protocol.v1.ClientMessage;
import brink.protocol.v1.ContinueGame;
import brink.protocol.v1.CreateGame;
import brink.protocol.v1.DyadForecast;
import brink.protocol.v1.EndGame;
import brink.protocol.v1.Event;
import brink.protocol.v1.ExtendDeadline;
import brink.protocol.v1.ForceResolve;
import brink.protocol.v1.GameCreated;
import brink.protocol.v1.GameState;
import brink.protocol.v1.GameSummary;
import brink.protocol.v1.GetReport;
import brink.protocol.v1.Inject;
import brink.protocol.v1.InjectPreview;
import brink.protocol.v1.InjectStatus;
import brink.protocol.v1.Kick;
import brink.protocol.v1.ListGames;
import brink.protocol.v1.Participant;
import brink.protocol.v1.PauseGame;
import brink.protocol.v1.PreviewInject;
import brink.protocol.v1.Report;
import brink.protocol.v1.ResumeGame;
import brink.protocol.v1.Role;
import brink.protocol.v1.SeatCode;
import brink.protocol.v1.SeatView;
import brink.protocol.v1.ServerMessage;
import brink.protocol.v1.StartGame;
import brink.scenario.Library;
import brink.scenario.LoadResult;
import brink.scenario.ScenarioError;
import brink.scenario.ScenarioLoader;
import com.google.protobuf.TextFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The instructor's prompt: create a game from a bundled scenario or a file, hand out the codes, watch the
 * seats, run the clock (start, pause, resume, extend, force, continue), fire injects after a preview,
 * kick or reassign participants, end the game and save the after-action report.
 */
public final class InstructorShell extends Shell {
  /** The name an instructor has in a game joined by code. */
  public static final String NAME = "instructor";
  /** The scenario suggested first. */
  static final String DEFAULT_SCENARIO = "eastern-flank-2022";

  private final Path workDir;
  private final String serverAddress;
  private volatile GameCreated created;

  /**
   * @param workDir where relative scenario and report paths start
   * @param serverAddress how students reach the server (for the hint printed with the codes)
   */
  public InstructorShell(I18n i, Server server, GameView view, Out out, long answerWaitMillis, Path workDir,
      String serverAddress) {
    super(i, server, view, out, answerWaitMillis);
    this.workDir = workDir;
    this.serverAddress = serverAddress;
    add(new Command("scenarios", "scenarios", "help.scenarios", s -> "scenarios", l -> scenarios(), null));
    add(new Command("create", "create ID|FILE [--seed N] [--orders SECONDS] [--report SECONDS] [--label TEXT]",
        "help.create", s -> "create eastern-flank-2022 --orders 600", this::create,
        (w, k) -> k == 1 ? Library.ids() : List.of("--label", "--orders", "--report", "--seed")));
    add(new Command("games", "games [all]", "help.games", s -> "games", this::games,
        (w, k) -> k == 1 ? List.of("all") : List.of()));
    add(new Command("join", "join CODE", "help.join", s -> "join ABCD-EFGH-JKLM", this::joinCommand, null));
    add(new Command("codes", "codes", "help.codes", s -> "codes", l -> codes(), null));
    add(new Command("seats", "seats", "help.seats", s -> "seats", l -> seats(), null));
    add(new Command("start", "start", "help.start", s -> "start", l -> simple("start"), null));
    add(new Command("pause", "pause", "help.pause", s -> "pause", l -> simple("pause"), null));
    add(new Command("resume", "resume", "help.resume", s -> "resume", l -> simple("resume"), null));
    add(new Command("extend", "extend SECONDS", "help.extend", s -> "extend 120", this::extend, null));
    add(new Command("force", "force", "help.force", s -> "force", l -> simple("force"), null));
    add(new Command("continue", "continue", "help.continue", s -> "continue", l -> simple("continue"), null));
    add(new Command("injects", "injects", "help.injects", s -> "injects", l -> injects(), null));
    add(new Command("preview", "preview INJECT-ID | preview HEADLINE...", "help.preview", this::injectExample,
        l -> inject(l, true), (w, k) -> k == 1 ? injectIds() : List.of()));
    add(new Command("inject", "inject INJECT-ID | inject HEADLINE...", "help.inject", this::injectExample,
        l -> inject(l, false), (w, k) -> k == 1 ? injectIds() : List.of()));
    add(new Command("kick", "kick PARTICIPANT [REASON]", "help.kick", s -> "kick " + someParticipant(s),
        this::kick, (w, k) -> k == 1 ? participantIds() : List.of()));
    add(new Command("assign", "assign PARTICIPANT ACTOR|observer", "help.assign",
        s -> "assign " + someParticipant(s) + " " + someActor(s), this::assign,
        (w, k) -> k == 1 ? participantIds() : k == 2 ? actorsAndObserver() : List.of()));
    add(new Command("end", "end [REASON]", "help.end", s -> "end " + i.t("help.end.reason"), this::end, null));
    add(new Command("report", "report FILE", "help.report", s -> "report debrief.md", this::report, null));
    addCommonCommands();
  }

  @Override
  public String prompt() {
    GameState s = view.state();
    if (s == null) {
      return "brink> ";
    }
    StringBuilder p = new StringBuilder(s.getGameId()).append(' ').append(i.t("prompt.turn", s.getTurn()))
        .append(' ').append(s.getPaused() ? i.t("prompt.paused") : words.phase(s.getPhase()));
    long left = view.remainingMillis();
    if (left >= 0) {
      p.append(' ').append(Words.clock(left));
    }
    return p.append("> ").toString();
  }

  @Override
  protected List<String> statusLines() {
    return screens.instructor(view.state(), view.remainingMillis());
  }

  @Override
  protected String noGameKey() {
    return "error.noGameInstructor";
  }

  @Override
  protected String helpTitleKey() {
    return "help.instructor.title";
  }

  @Override
  public void greet() {
    List<String> ids = Library.ids();
    out.notice("hint", i.t("instructor.hint", ids.contains(DEFAULT_SCENARIO) ? DEFAULT_SCENARIO
        : ids.isEmpty() ? "ID" : ids.get(0)));
  }

  /** The codes of the game this session created (null before). */
  public GameCreated created() {
    return created;
  }

  // ------------------------------------------------------------------ creating

  private boolean scenarios() {
    List<String> lines = new ArrayList<>();
    lines.add(i.t("scenarios.title"));
    List<Map<String, String>> data = new ArrayList<>();
    for (String id : Library.ids()) {
      LoadResult r = Library.bundled(id);
      String title = r.isOk() ? i.text(r.scenario().title()) : "";
      lines.add("  " + Screens.pad(id, 24) + "  " + title);
      data.add(Map.of("id", id, "title", title));
    }
    lines.add(i.t("scenarios.hint"));
    out.show("scenarios", lines, data);
    return true;
  }

  private boolean create(Line l) throws InterruptedException {
    if (l.size() < 2) {
      out.error(i.t("create.usage", String.join(", ", Library.ids())), null);
      return false;
    }
    CreateGame.Builder cg = CreateGame.newBuilder();
    String source = l.word(1);
    for (int k = 2; k < l.size(); k++) {
      String flag = l.word(k);
      String value = k + 1 < l.size() ? l.word(k + 1) : "";
      switch (flag) {
        case "--seed":
          try {
            cg.setSeed(Long.parseUnsignedLong(value));
          } catch (NumberFormatException e) {
            out.error(i.t("create.badNumber", flag, value), null);
            return false;
          }
          k++;
          break;
        case "--orders":
        case "--report": {
          int n;
          try {
            n = Integer.parseInt(value);
          } catch (NumberFormatException e) {
            n = -1;
          }
          if (n < 0) {
            out.error(i.t("create.badNumber", flag, value), null);
            return false;
          }
          if (flag.equals("--orders")) {
            cg.setOrdersSeconds(n);
          } else {
            cg.setReportSeconds(n);
          }
          k++;
          break;
        }
        case "--label":
          cg.setLabel(l.rest(k + 1));
          k = l.size();
          break;
        default:
          out.error(i.t("create.badFlag", flag), null);
          return false;
      }
    }
    Path file = workDir.resolve(source);
    boolean isFile = source.contains("/") || source.endsWith(".txtpb") || Files.isRegularFile(file);
    String fileName = source;
    if (isFile) {
      String text;
      try {
        text = Files.readString(file, StandardCharsets.UTF_8);
      } catch (IOException | RuntimeException e) {
        out.error(i.t("create.unreadable", source), null);
        return false;
      }
      LoadResult r = ScenarioLoader.load(source, text);
      if (!r.isOk()) {
        List<String> lines = new ArrayList<>();
        for (ScenarioError e : r.errors()) {
          lines.add(e.toString());
        }
        out.show("scenario_errors", lines, lines);
        out.error(i.t("create.invalid", r.errors().size(), source), null);
        return false;
      }
      cg.setScenarioText(text);
    } else {
      if (!Library.ids().contains(source)) {
        String close = Suggest.closest(source, Library.ids());
        out.error(close != null ? i.t("create.unknown.suggest", source, close)
            : i.t("create.unknown", source, String.join(", ", Library.ids())), null);
        return false;
      }
      cg.setScenarioId(source);
    }
    CompletableAnswer answer = new CompletableAnswer();
    boolean ok = call(ClientMessage.newBuilder().setCreateGame(cg), m -> {
      GameCreated gc = m.getGameCreated();
      created = gc;
      view.replace(gc.getState());
      server.follow(gc.getGameId(), gc.getInstructorCode(), NAME, gc.getState().getSeq());
      out.show("game_created", codeLines(gc), gc);
      answer.ok = true;
    });
    if (!ok && isFile) {
      // The server's own check found what the local one did not: its details carry the place.
      return false;
    }
    return ok && answer.ok;
  }

  /** Holder for a result set inside an answer callback. */
  private static final class CompletableAnswer {
    boolean ok;
  }

  private List<String> codeLines(GameCreated gc) {
    List<String> lines = new ArrayList<>();
    GameState s = gc.getState();
    lines.add(i.t("codes.title", gc.getGameId(), i.text(s.getTitle())));
    for (SeatCode c : gc.getSeatCodesList()) {
      lines.add("  " + Screens.pad(c.getActor(), 6) + "  " + Screens.pad(words.actor(s, c.getActor()), 22) + "  "
          + c.getCode());
    }
    lines.add("  " + Screens.pad(i.t("codes.observer"), 30) + "  " + gc.getObserverCode());
    lines.add("  " + Screens.pad(i.t("codes.instructor"), 30) + "  " + gc.getInstructorCode());
    lines.add(i.t("codes.hint", serverAddress));
    return lines;
  }

  private boolean codes() {
    GameCreated gc = created;
    if (gc == null) {
      out.error(view.state() == null ? i.t("error.noGameInstructor") : i.t("codes.unknown"), null);
      return false;
    }
    out.show("codes", codeLines(gc), gc);
    return true;
  }

  private boolean joinCommand(Line l) throws InterruptedException {
    if (l.size() != 2) {
      out.error(i.t("join.usage"), null);
      return false;
    }
    return join(l.word(1), NAME, Role.INSTRUCTOR);
  }

  private boolean games(Line l) throws InterruptedException {
    return call(ClientMessage.newBuilder().setListGames(ListGames.newBuilder()
        .setIncludeEnded("all".equalsIgnoreCase(l.word(1)))), m -> {
          List<String> lines = new ArrayList<>();
          if (m.getGameList().getGamesCount() == 0) {
            lines.add(i.t("games.none"));
          }
          for (GameSummary g : m.getGameList().getGamesList()) {
            lines.add("  " + g.getGameId() + "  " + Screens.pad(g.getLabel(), 34) + "  " + words.phase(g.getPhase())
                + " · " + i.t("status.turn", g.getTurn()) + " · " + i.t("games.seats", g.getSeatsTaken(),
                    g.getSeatsTotal(), g.getConnected()) + (g.getPaused() ? " · " + i.t("prompt.paused") : ""));
          }
          out.show("games", lines, m.getGameList());
        });
  }

  private boolean seats() {
    GameState s = needGame();
    if (s == null) {
      return false;
    }
    out.show("seats", screens.seats(s), Map.of("seats", s.getSeatsList(), "participants", s.getParticipantsList()));
    return true;
  }

  // ------------------------------------------------------------------ the clock

  private boolean simple(String what) throws InterruptedException {
    GameState s = needGame();
    if (s == null) {
      return false;
    }
    String id = s.getGameId();
    ClientMessage.Builder b = ClientMessage.newBuilder();
    switch (what) {
      case "start":
        b.setStartGame(StartGame.newBuilder().setGameId(id));
        break;
      case "pause":
        b.setPauseGame(PauseGame.newBuilder().setGameId(id));
        break;
      case "resume":
        b.setResumeGame(ResumeGame.newBuilder().setGameId(id));
        break;
      case "force":
        b.setForceResolve(ForceResolve.newBuilder().setGameId(id).setTurn(s.getTurn()));
        break;
      case "continue":
        b.setContinueGame(ContinueGame.newBuilder().setGameId(id));
        break;
      default:
        throw new IllegalArgumentException(what);
    }
    return call(b, m -> out.show("ack", List.of(i.t("done." + what, s.getTurn())), Map.of("done", what)));
  }

  private boolean extend(Line l) throws InterruptedException {
    GameState s = needGame();
    if (s == null) {
      return false;
    }
    int n;
    try {
      n = Integer.parseInt(l.word(1));
    } catch (NumberFormatException e) {
      n = -1;
    }
    if (n < 1 || n > 86_400) {
      out.error(i.t("extend.usage", l.word(1)), null);
      return false;
    }
    int seconds = n;
    return call(ClientMessage.newBuilder().setExtendDeadline(ExtendDeadline.newBuilder().setGameId(s.getGameId())
        .setSeconds(seconds)), m -> out.show("ack", List.of(i.t("done.extend", seconds)), Map.of("done", "extend")));
  }

  private boolean end(Line l) throws InterruptedException {
    GameState s = needGame();
    if (s == null) {
      return false;
    }
    return call(ClientMessage.newBuilder().setEndGame(EndGame.newBuilder().setGameId(s.getGameId())
        .setReason(l.rest(1))), m -> out.show("ack", List.of(i.t("done.end")), Map.of("done", "end")));
  }

  // ------------------------------------------------------------------ injects

  private List<String> injectIds() {
    GameState s = view.state();
    List<String> ids = new ArrayList<>();
    if (s != null) {
      s.getScriptedInjectsList().forEach(x -> ids.add(x.getInject().getId()));
    }
    return ids;
  }

  private String injectExample(GameState s) {
    List<String> ids = injectIds();
    return ids.isEmpty() ? i.t("help.inject.headline") : ids.get(0);
  }

  private boolean injects() {
    GameState s = needGame();
    if (s == null) {
      return false;
    }
    List<String> lines = new ArrayList<>();
    if (s.getScriptedInjectsCount() == 0) {
      lines.add(i.t("injects.none"));
    }
    for (InjectStatus in : s.getScriptedInjectsList()) {
      brink.protocol.scenario.v1.Inject x = in.getInject();
      String when = x.getTurn() > 0 ? i.t("injects.turn", x.getTurn()) : i.t("injects.conditional");
      lines.add("  " + Screens.pad(x.getId(), 20) + "  " + i.text(x.getHeadline()) + " · " + when + " · "
          + (in.getFiredTurn() > 0 ? i.t("inject.fired", in.getFiredTurn()) : i.t("inject.notFired")));
    }
    lines.add(i.t("injects.hint"));
    out.show("injects", lines, Map.of("injects", s.getScriptedInjectsList()));
    return true;
  }

  private boolean inject(Line l, boolean preview) throws InterruptedException {
    GameState s = needGame();
    if (s == null) {
      return false;
    }
    String arg = l.rest(1);
    if (arg.isEmpty()) {
      out.error(i.t("inject.usage", preview ? "preview" : "inject", injectExample(s)), null);
      return false;
    }
    boolean scripted = injectIds().contains(arg);
    brink.protocol.scenario.v1.Inject custom = brink.protocol.scenario.v1.Inject.newBuilder().setId("")
        .setHeadline(Text.newBuilder().setEn(arg).setFr(arg)).setSource(i.t("inject.source"))
        .setVisibility(Visibility.PUBLIC).build();
    if (preview) {
      PreviewInject.Builder p = PreviewInject.newBuilder().setGameId(s.getGameId());
      if (scripted) {
        p.setScriptedId(arg);
      } else {
        p.setCustom(custom);
      }
      return call(ClientMessage.newBuilder().setPreviewInject(p),
          m -> out.show("inject_preview", previewLines(m.getInjectPreview(), s, arg), m.getInjectPreview()));
    }
    Inject.Builder in = Inject.newBuilder().setGameId(s.getGameId());
    if (scripted) {
      in.setScriptedId(arg);
    } else {
      in.setCustom(custom);
    }
    return call(ClientMessage.newBuilder().setInject(in),
        m -> out.show("ack", List.of(i.t("done.inject", arg)), Map.of("done", "inject")));
  }

  private List<String> previewLines(InjectPreview p, GameState s, String what) {
    List<String> lines = new ArrayList<>();
    lines.add(i.t("preview.title", what, p.getTurn()));
    int nw = p.getDyadsList().stream().mapToInt(d -> d.getA().length() + d.getB().length() + 1).max().orElse(7);
    for (DyadForecast d : p.getDyadsList()) {
      lines.add("  " + Screens.pad(d.getA() + "–" + d.getB(), nw) + "  " + i.t("preview.dyad",
          i.number(d.getTensionNow(), 1), i.number(d.getTensionWithout(), 1), d.getRungWithout(),
          i.number(d.getTensionWith(), 1), d.getRungWith()));
    }
    lines.add(i.t("preview.outcomes", outcomeName(p.getOutcomeWithout()), outcomeName(p.getOutcomeWith())));
    for (Event e : p.getEventsWithList()) {
      lines.add("  • " + words.event(e, s));
    }
    lines.add(i.t("preview.hint", what));
    return lines;
  }

  private String outcomeName(OutcomeType t) {
    return t == OutcomeType.OUTCOME_UNSPECIFIED || t == OutcomeType.UNRECOGNIZED ? i.t("preview.goesOn")
        : i.t("outcome." + t.name());
  }

  // ------------------------------------------------------------------ people

  private List<String> participantIds() {
    GameState s = view.state();
    List<String> ids = new ArrayList<>();
    if (s != null) {
      for (Participant p : s.getParticipantsList()) {
        if (p.getRole() != Role.INSTRUCTOR) {
          ids.add(p.getParticipantId());
        }
      }
    }
    return ids;
  }

  private List<String> actorsAndObserver() {
    List<String> c = new ArrayList<>();
    GameState s = view.state();
    if (s != null) {
      s.getActorsList().forEach(a -> c.add(a.getId()));
    }
    c.add("observer");
    return c;
  }

  private String someParticipant(GameState s) {
    List<String> ids = participantIds();
    return ids.isEmpty() ? "P1" : ids.get(0);
  }

  private static String someActor(GameState s) {
    return s == null || s.getActorsCount() == 0 ? "ACTOR" : s.getActors(0).getId();
  }

  private boolean checkParticipant(GameState s, String id) {
    if (participantIds().contains(id)) {
      return true;
    }
    out.error(i.t("participant.unknown", id, String.join(", ", participantIds())), null);
    return false;
  }

  private boolean kick(Line l) throws InterruptedException {
    GameState s = needGame();
    if (s == null) {
      return false;
    }
    if (l.size() < 2) {
      out.error(i.t("kick.usage"), null);
      return false;
    }
    if (!checkParticipant(s, l.word(1))) {
      return false;
    }
    String who = l.word(1);
    return call(ClientMessage.newBuilder().setKick(Kick.newBuilder().setGameId(s.getGameId()).setParticipantId(who)
        .setReason(l.rest(2))), m -> out.show("ack", List.of(i.t("done.kick", who)), Map.of("done", "kick")));
  }

  private boolean assign(Line l) throws InterruptedException {
    GameState s = needGame();
    if (s == null) {
      return false;
    }
    if (l.size() != 3) {
      out.error(i.t("assign.usage"), null);
      return false;
    }
    if (!checkParticipant(s, l.word(1))) {
      return false;
    }
    String target = l.word(2).toLowerCase(Locale.ROOT);
    AssignSeat.Builder a = AssignSeat.newBuilder().setGameId(s.getGameId()).setParticipantId(l.word(1));
    if (target.equals("observer")) {
      a.setRole(Role.OBSERVER);
    } else if (s.getActorsList().stream().anyMatch(x -> x.getId().equals(target))) {
      a.setRole(Role.PLAYER).setActor(target);
    } else {
      out.error(i.t("assign.unknown", target, String.join(", ", actorsAndObserver())), null);
      return false;
    }
    String who = l.word(1);
    return call(ClientMessage.newBuilder().setAssignSeat(a),
        m -> out.show("ack", List.of(i.t("done.assign", who, target)), Map.of("done", "assign")));
  }

  // ------------------------------------------------------------------ the report

  private boolean report(Line l) throws InterruptedException {
    GameState s = needGame();
    if (s == null) {
      return false;
    }
    if (l.size() < 2) {
      out.error(i.t("report.usage"), null);
      return false;
    }
    Path file = workDir.resolve(l.rest(1));
    boolean[] ok = {false};
    boolean answered = call(ClientMessage.newBuilder().setGetReport(GetReport.newBuilder().setGameId(s.getGameId())),
        m -> ok[0] = save(m.getReport(), file, s));
    return answered && ok[0];
  }

  private boolean save(Report r, Path file, GameState s) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      if (name.endsWith(".txtpb")) {
        Files.writeString(file, TextFormat.printer().escapingNonAscii(false).printToString(r), StandardCharsets.UTF_8);
      } else if (name.endsWith(".json")) {
        Files.writeString(file, Json.write(r) + "\n", StandardCharsets.UTF_8);
      } else if (name.endsWith(".pb") || name.endsWith(".bin")) {
        Files.write(file, r.toByteArray());
      } else {
        Files.write(file, new ReportWriter(i).write(r, s), StandardCharsets.UTF_8);
      }
    } catch (IOException | RuntimeException e) {
      out.error(i.t("report.cannotWrite", file.toString()), null);
      return false;
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("file", file.toAbsolutePath().toString());
    data.put("turns", r.getTurnsPlayed());
    data.put("complete", r.getComplete());
    out.show("report_saved", List.of(i.t(r.getComplete() ? "report.saved" : "report.savedIncomplete",
        file.toAbsolutePath(), r.getTurnsPlayed())), data);
    return true;
  }

  // ------------------------------------------------------------------ pushes

  @Override
  protected void onSeat(ServerMessage m) {
    SeatView seat = m.getSeatChanged().getSeat();
    List<String> people = new ArrayList<>();
    for (Participant p : seat.getParticipantsList()) {
      people.add(p.getName() + (p.getConnected() ? "" : " " + i.t("seat.offline")));
    }
    out.show("seat", List.of(i.t("seat.changed", seat.getActor(), seatWord(seat), seat.getConnected(), seat.getMembers(),
        String.join(", ", people))), seat);
    // Who is connected lives in the full view's participant list: fetch it again.
    refresh();
  }

  private String seatWord(SeatView seat) {
    if (seat.getReady()) {
      return i.t("seat.ready");
    }
    switch (seat.getSubmission()) {
      case SUBMITTED_MOVES:
      case SUBMITTED_WAIT:
        return i.t("seat.submitted");
      default:
        return i.t("seat.nothing");
    }
  }

  /** Sorted map of actor → code, for tests and the e2e driver. */
  public Map<String, String> seatCodes() {
    Map<String, String> m = new TreeMap<>();
    GameCreated gc = created;
    if (gc != null) {
      gc.getSeatCodesList().forEach(c -> m.put(c.getActor(), c.getCode()));
    }
    return m;
  }
}
