package brink.server.game;

import brink.engine.bot.Bots;
import brink.engine.def.ActorDef;
import brink.protocol.v1.ClientMessage;
import brink.protocol.v1.CreateGame;
import brink.protocol.v1.GameCreatedEntry;
import brink.protocol.v1.GameList;
import brink.protocol.v1.GameSummary;
import brink.protocol.v1.JournalEntry;
import brink.protocol.v1.Phase;
import brink.protocol.v1.ProtocolVersion;
import brink.protocol.v1.Role;
import brink.protocol.v1.SeatCode;
import brink.protocol.v1.ServerMessage;
import brink.scenario.LoadResult;
import brink.scenario.ScenarioError;
import brink.scenario.ScenarioLoader;
import brink.server.session.Secrets;
import brink.server.session.Session;
import brink.server.time.Scheduler;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every game of the server: creates them, finds them by id or by code, lists them, recovers them from the
 * journal on start. It holds no game state itself; each {@link GameRoom} owns its game on its executor.
 * Requests are handed to rooms here; nothing about a game runs on the caller's (Netty) thread.
 */
public final class GameManager {
  private static final Logger log = LoggerFactory.getLogger(GameManager.class);

  /** Most games not yet ENDED on one server. */
  public static final int MAX_LIVE_GAMES = 1000;
  /** Longest ORDERS or REPORT phase: a week. */
  static final int MAX_PHASE_SECONDS = 7 * 86_400;
  static final int MAX_LABEL = 100;
  /** The name a game's creator has in it (CreateGame has no name field). */
  static final String CREATOR_NAME = "instructor";

  /** Everything a manager needs, filled by the server's startup. */
  public record Options(Journal journal, Scheduler scheduler, Function<String, Executor> executors,
      Secrets secrets, ScenarioSource scenarios, ReportSource reports, String serverName) {}

  /** A join code: which game, which role, which seat. */
  private record CodeRef(String gameId, Role role, String actor, String code) {}

  private final Options o;
  private final Map<String, GameRoom> rooms = new ConcurrentHashMap<>();
  private final Set<String> reserved = ConcurrentHashMap.newKeySet();
  private final Map<String, CodeRef> codes = new ConcurrentHashMap<>();
  /** Parsed scenarios by file name and content hash: a class creating ten games parses once. */
  private final Cache<String, LoadResult> parsed = Caffeine.newBuilder().maximumSize(64).build();
  /**
   * The scenario texts of the games recovered so far, by the SHA-256 recorded with them. A restart with 1,000
   * games of one scenario hashed its 118 KB text twice per game (a fifth of the restart) and kept 1,000 equal
   * copies of it; now a game whose text equals the one already recovered under the same recorded hash is not
   * hashed again (comparing two strings is far cheaper than hashing one), and the games share one copy. Only
   * texts that games hold anyway are kept here.
   */
  private final Map<ByteString, KnownText> recoveredTexts = new ConcurrentHashMap<>();

  /** A scenario text and its SHA-256. */
  private record KnownText(String text, byte[] sha256) {}

  public GameManager(Options options) {
    this.o = options;
  }

  /** Every game, in no particular order. */
  public Collection<GameRoom> rooms() {
    return List.copyOf(rooms.values());
  }

  public Optional<GameRoom> room(String gameId) {
    return Optional.ofNullable(rooms.get(gameId));
  }

  // ------------------------------------------------------------------ routing

  /**
   * Hands a request (any but Hello and Ping, which the connection answers itself) to whoever serves it:
   * the games' directory for JoinGame, ResumeSession, CreateGame and ListGames, the named game otherwise.
   *
   * @throws GameError when the request is refused before reaching a game
   */
  public void handle(Request r) {
    switch (r.message().getBodyCase()) {
      case RESUME_SESSION:
        resume(r);
        break;
      case JOIN_GAME:
        join(r);
        break;
      case CREATE_GAME:
        create(r);
        break;
      case LIST_GAMES:
        list(r);
        break;
      default:
        route(r, gameIdOf(r.message()));
    }
  }

  /** The game a game-scoped request names. */
  static String gameIdOf(ClientMessage m) {
    switch (m.getBodyCase()) {
      case SUBMIT_ORDERS:
        return m.getSubmitOrders().getGameId();
      case SET_READY:
        return m.getSetReady().getGameId();
      case SEND_MESSAGE:
        return m.getSendMessage().getGameId();
      case GET_STATE:
        return m.getGetState().getGameId();
      case START_GAME:
        return m.getStartGame().getGameId();
      case PAUSE_GAME:
        return m.getPauseGame().getGameId();
      case RESUME_GAME:
        return m.getResumeGame().getGameId();
      case EXTEND_DEADLINE:
        return m.getExtendDeadline().getGameId();
      case FORCE_RESOLVE:
        return m.getForceResolve().getGameId();
      case INJECT:
        return m.getInject().getGameId();
      case PREVIEW_INJECT:
        return m.getPreviewInject().getGameId();
      case CONTINUE_GAME:
        return m.getContinueGame().getGameId();
      case END_GAME:
        return m.getEndGame().getGameId();
      case ASSIGN_SEAT:
        return m.getAssignSeat().getGameId();
      case KICK:
        return m.getKick().getGameId();
      case GET_REPORT:
        return m.getGetReport().getGameId();
      default:
        throw GameError.unimplemented("this server does not handle " + m.getBodyCase() + " here");
    }
  }

  /** A request about an existing game (it names the game). */
  void route(Request r, String gameId) {
    GameRoom room = rooms.get(gameId);
    if (room == null) {
      r.fail(GameError.notFound(gameId.isEmpty() ? "name the game (game_id)" : "no game '" + gameId + "'")
          .with("field", "game_id"));
      return;
    }
    room.handle(r);
  }

  /** JoinGame: a code makes the session a player, an observer or an instructor of its game. */
  void join(Request r) {
    String typed = Secrets.normalizeCode(r.message().getJoinGame().getCode());
    CodeRef ref = codes.get(Secrets.hex(Secrets.sha256(typed)));
    if (ref == null || !Secrets.matches(typed, ref.code())) {
      r.fail(GameError.unauthenticated("no game has this code; check it with your instructor")
          .with("field", "code"));
      return;
    }
    rooms.get(ref.gameId()).join(r, ref.role(), ref.actor(), r.message().getJoinGame().getName());
  }

  /** ResumeSession: the request's session is the token's; the game decides whether it knows the token. */
  void resume(Request r) {
    String gameId = r.message().getResumeSession().getGameId();
    GameRoom room = rooms.get(gameId);
    if (room == null) {
      r.fail(GameError.notFound("no game '" + gameId + "'").with("field", "game_id"));
      return;
    }
    room.resume(r, r.message().getResumeSession().getLastSeq());
  }

  /** ListGames (instructor-key sessions): every game's summary, newest first. */
  void list(Request r) {
    if (!r.connection().instructorKey()) {
      throw GameError.denied("only instructors (Hello with the server's instructor key) may list games");
    }
    boolean ended = r.message().getListGames().getIncludeEnded();
    List<GameSummary> out = new ArrayList<>();
    for (GameRoom room : rooms.values()) {
      GameSummary s = room.summary();
      if (s != null && (ended || s.getPhase() != Phase.ENDED)) {
        out.add(s);
      }
    }
    out.sort(Comparator.comparingLong(GameSummary::getCreatedAtEpochMillis).reversed()
        .thenComparing(GameSummary::getGameId));
    r.reply(ServerMessage.newBuilder().setGameList(GameList.newBuilder().addAllGames(out)));
  }

  /** A connection of {@code s} closed: its games update their seats' connection counts. */
  public void connectionClosed(Session s) {
    for (String gameId : s.games().keySet()) {
      GameRoom room = rooms.get(gameId);
      if (room != null) {
        room.presenceChanged(s);
      }
    }
  }

  // ------------------------------------------------------------------ creation

  /** CreateGame (instructor-key sessions only). The scenario is loaded on the new game's executor. */
  void create(Request r) {
    if (!r.connection().instructorKey()) {
      throw GameError.denied("only instructors (Hello with the server's instructor key) may create games");
    }
    for (GameRoom room : rooms.values()) {
      if (room.createdBy(r.session(), r.requestId(), r.message().getCreateGame())) {
        room.answerCreated(r);
        return;
      }
    }
    long live = rooms.values().stream().filter(g -> g.summary() != null
        && g.summary().getPhase() != Phase.ENDED).count();
    if (live >= MAX_LIVE_GAMES) {
      throw GameError.exhausted("the server already runs " + live + " games; end some first")
          .with("limit", MAX_LIVE_GAMES);
    }
    String id = reserveId();
    GameRoom room = new GameRoom(id, o.executors().apply(id), o.journal(), o.scheduler(), o.reports());
    room.enqueue(() -> {
      GameCreatedEntry created;
      LoadedScenario scenario;
      try {
        CreateGame cg = r.message().getCreateGame();
        scenario = scenarioOf(cg);
        created = createdEntry(cg, scenario);
      } catch (GameError e) {
        reserved.remove(id);
        r.fail(e);
        return;
      } catch (RuntimeException e) {
        reserved.remove(id);
        log.error("creating a game failed", e);
        r.fail(GameError.internal());
        return;
      }
      room.create(r, created, scenario, () -> register(room, created), () -> reserved.remove(id));
    });
  }

  private String reserveId() {
    while (true) {
      String id = o.secrets().gameId();
      if (!rooms.containsKey(id) && reserved.add(id)) {
        return id;
      }
    }
  }

  private void register(GameRoom room, GameCreatedEntry created) {
    for (SeatCode sc : created.getSeatCodesList()) {
      index(sc.getCode(), new CodeRef(room.id(), Role.PLAYER, sc.getActor(), Secrets.normalizeCode(sc.getCode())));
    }
    index(created.getObserverCode(), new CodeRef(room.id(), Role.OBSERVER, "",
        Secrets.normalizeCode(created.getObserverCode())));
    index(created.getInstructorCode(), new CodeRef(room.id(), Role.INSTRUCTOR, "",
        Secrets.normalizeCode(created.getInstructorCode())));
    rooms.put(room.id(), room);
    reserved.remove(room.id());
  }

  private void index(String code, CodeRef ref) {
    codes.put(Secrets.hex(Secrets.sha256(Secrets.normalizeCode(code))), ref);
  }

  private LoadedScenario scenarioOf(CreateGame cg) {
    switch (cg.getScenarioCase()) {
      case SCENARIO_ID: {
        String id = cg.getScenarioId();
        String text = o.scenarios().text(id).orElseThrow(() -> GameError.notFound("no scenario '" + id
            + "' on this server; scenarios: " + String.join(", ", o.scenarios().ids()))
            .with("field", "scenario_id"));
        return load(id + ".txtpb", text);
      }
      case SCENARIO_TEXT:
        if (cg.getScenarioText().isBlank()) {
          throw GameError.invalid("the scenario text is empty").with("field", "scenario_text");
        }
        return load("scenario_text", cg.getScenarioText());
      default:
        throw GameError.invalid("name a scenario (scenario_id) or send one (scenario_text)")
            .with("field", "scenario");
    }
  }

  /** Loads a scenario text (cached by content), or INVALID_ARGUMENT listing every located error. */
  LoadedScenario load(String fileName, String text) {
    return load(fileName, text, Secrets.sha256(text));
  }

  /** {@link #load(String, String)} of a text whose SHA-256 is known. */
  private LoadedScenario load(String fileName, String text, byte[] sha256) {
    String key = fileName + "\u0000" + Secrets.hex(sha256);
    LoadResult lr = parsed.get(key, k -> ScenarioLoader.load(fileName, text));
    if (!lr.isOk()) {
      List<ScenarioError> errors = lr.errors();
      ScenarioError first = errors.get(0);
      GameError e = GameError.invalid("the scenario has " + errors.size() + (errors.size() == 1 ? " error" : " errors")
          + "; fix " + (errors.size() == 1 ? "it" : "them") + " and send it again:\n" + lr.errorText())
          .with("field", "scenario_text").with("errors", errors.size()).with("line", first.line())
          .with("column", first.column());
      return throwing(e);
    }
    LoadResult.Ok ok = (LoadResult.Ok) lr;
    return new LoadedScenario(ok.scenario(), ok.proto(), text);
  }

  /**
   * The entries with their GameCreated holding {@code text}, an equal string shared by the games of one
   * scenario, instead of its own copy (236 KB on the heap for the default scenario, which is not Latin-1).
   */
  private static List<JournalEntry> sharingText(List<JournalEntry> entries, String text) {
    JournalEntry first = entries.get(0);
    if (first.getGameCreated().getScenarioText() == text) {
      return entries;
    }
    List<JournalEntry> out = new ArrayList<>(entries);
    out.set(0, first.toBuilder().setGameCreated(first.getGameCreated().toBuilder().setScenarioText(text)).build());
    return out;
  }

  private static LoadedScenario throwing(GameError e) {
    throw e;
  }

  private GameCreatedEntry createdEntry(CreateGame cg, LoadedScenario s) {
    checkSeconds(cg.getOrdersSeconds(), "orders_seconds");
    checkSeconds(cg.getReportSeconds(), "report_seconds");
    if (cg.getLabel().length() > MAX_LABEL) {
      throw GameError.invalid("a label has at most " + MAX_LABEL + " characters").with("field", "label");
    }
    TreeMap<String, String> bots = new TreeMap<>();
    List<String> actors = s.engine().actors().stream().map(ActorDef::id).sorted().toList();
    for (Map.Entry<String, String> b : cg.getBotsMap().entrySet()) {
      if (!actors.contains(b.getKey())) {
        throw GameError.invalid("bots: unknown actor '" + b.getKey() + "'; actors are " + String.join(", ", actors))
            .with("field", "bots").with("actor", b.getKey());
      }
      if (!Bots.isValid(b.getValue())) {
        throw GameError.invalid("bots: unknown bot '" + b.getValue() + "' for " + b.getKey() + "; bots are "
            + String.join(", ", Bots.NAMES)).with("field", "bots").with("actor", b.getKey());
      }
      bots.put(b.getKey(), b.getValue().trim().toLowerCase(Locale.ROOT));
    }
    GameCreatedEntry.Builder b = GameCreatedEntry.newBuilder().setScenarioText(s.text())
        .setScenarioId(s.engine().id()).setScenarioSha256(ByteString.copyFrom(Secrets.sha256(s.text())))
        .setSeed(cg.getSeed() != 0 ? cg.getSeed() : o.secrets().seed())
        .setOrdersSeconds(cg.getOrdersSeconds()).setReportSeconds(cg.getReportSeconds()).putAllBots(bots)
        .setLabel(cg.getLabel()).setCreatedBy(CREATOR_NAME).setServer(o.serverName())
        .setProtocolVersion(ProtocolVersion.PROTOCOL_VERSION_1_VALUE);
    for (String actor : actors) {
      b.addSeatCodes(SeatCode.newBuilder().setActor(actor).setCode(freshCode()));
    }
    b.setObserverCode(freshCode()).setInstructorCode(freshCode());
    return b.build();
  }

  private String freshCode() {
    while (true) {
      String c = o.secrets().code();
      if (!codes.containsKey(Secrets.hex(Secrets.sha256(Secrets.normalizeCode(c))))) {
        return c;
      }
    }
  }

  private static void checkSeconds(int s, String field) {
    if (s < 0 || s > MAX_PHASE_SECONDS) {
      throw GameError.invalid(field + " is 0 (no timer) to " + MAX_PHASE_SECONDS + " seconds, not " + s)
          .with("field", field);
    }
  }

  // ------------------------------------------------------------------ recovery

  /**
   * Rebuilds one game from its journal entries and makes it reachable, its deadline re-armed.
   *
   * @return why the game could not be recovered, or empty when it was
   */
  public Optional<String> recover(String gameId, List<JournalEntry> entries) {
    if (entries.isEmpty() || !entries.get(0).hasGameCreated()) {
      return Optional.of("its journal does not start with a GameCreated entry");
    }
    GameCreatedEntry created = entries.get(0).getGameCreated();
    ByteString recorded = created.getScenarioSha256();
    KnownText known = recoveredTexts.get(recorded);
    if (known == null || !known.text().equals(created.getScenarioText())) {
      byte[] sha = Secrets.sha256(created.getScenarioText());
      if (!Arrays.equals(sha, recorded.toByteArray())) {
        return Optional.of("its scenario text does not match the SHA-256 recorded with it");
      }
      known = new KnownText(created.getScenarioText(), sha);
      // Games recover on several threads: the first text kept under this hash is the one they share.
      KnownText first = recoveredTexts.putIfAbsent(recorded, known);
      if (first != null && first.text().equals(known.text())) {
        known = first;
      }
    }
    LoadedScenario scenario;
    try {
      // Named by its scenario id, not by the game: the parse cache is keyed by name and content, so the
      // games of one scenario share one parse (a restart with 1,000 games of the default scenario parsed
      // its 118 KB text 1,000 times, about three quarters of the restart; docs/performance.md).
      scenario = load(created.getScenarioId() + ".txtpb", known.text(), known.sha256());
    } catch (GameError e) {
      return Optional.of("its scenario no longer loads: " + e.getMessage());
    }
    GameRoom room = new GameRoom(gameId, o.executors().apply(gameId), o.journal(), o.scheduler(), o.reports());
    try {
      room.recover(sharingText(entries, known.text()), scenario);
    } catch (RuntimeException e) {
      return Optional.of(e.getMessage() == null ? e.toString() : e.getMessage());
    }
    register(room, created);
    log.info(room.recoveredLine());
    return Optional.empty();
  }
}
