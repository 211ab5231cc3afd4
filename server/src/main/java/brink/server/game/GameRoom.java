package brink.server.game;

import brink.engine.TurnResult;
import brink.engine.Engine;
import brink.engine.def.InjectDef;
import brink.engine.def.Pair;
import brink.protocol.scenario.v1.MoveType;
import brink.protocol.v1.ClientMessage;
import brink.protocol.v1.Disconnect;
import brink.protocol.v1.DisconnectReason;
import brink.protocol.v1.DyadForecast;
import brink.protocol.v1.GameCreated;
import brink.protocol.v1.GameCreatedEntry;
import brink.protocol.v1.GameSummary;
import brink.protocol.v1.InjectEntry;
import brink.protocol.v1.InjectPreview;
import brink.protocol.v1.InstructorAction;
import brink.protocol.v1.InstructorActionEntry;
import brink.protocol.v1.JournalEntry;
import brink.protocol.v1.Joined;
import brink.protocol.v1.MessageEntry;
import brink.protocol.v1.OrdersAccepted;
import brink.protocol.v1.OrdersEntry;
import brink.protocol.v1.Phase;
import brink.protocol.v1.PhaseChangedEntry;
import brink.protocol.v1.ReadyEntry;
import brink.protocol.v1.Resumed;
import brink.protocol.v1.Role;
import brink.protocol.v1.SeatChange;
import brink.protocol.v1.SeatChangedEntry;
import brink.protocol.v1.ServerMessage;
import brink.protocol.v1.SubmitOrders;
import brink.protocol.v1.TurnResolvedEntry;
import brink.server.journal.JournalUnavailableException;
import brink.server.session.Secrets;
import brink.server.session.Session;
import brink.server.session.SharedMessage;
import brink.server.time.Scheduler;
import brink.server.view.Protos;
import com.google.protobuf.ByteString;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One game: its model, its single-writer executor, its deadline timer. Every command, deadline and
 * resolution of the game runs on the executor, one at a time. A change is journaled first and applied and
 * answered only once durable; while an append is in flight the game's next commands wait, so the journal's
 * order is the order of the game.
 */
public final class GameRoom {
  private static final Logger log = LoggerFactory.getLogger(GameRoom.class);

  /** Most participants in one game. */
  static final int MAX_PARTICIPANTS = 200;
  /** Longest display name. */
  static final int MAX_NAME = 40;
  /** Longest message. */
  static final int MAX_TEXT = 4000;
  /** Longest extension of a deadline in one request. */
  static final int MAX_EXTEND_SECONDS = 86_400;
  /** How soon a deadline that could not be journaled is tried again. */
  static final Duration RETRY = Duration.ofSeconds(5);

  private final String gameId;
  private final Executor executor;
  private final Journal journal;
  private final Scheduler scheduler;
  private final ViewFunction view;
  private final ReportSource reports;

  // Game state: only touched on the executor.
  private GameModel m;
  private boolean busy;
  private final ArrayDeque<Runnable> waiting = new ArrayDeque<>();
  private Scheduler.Cancellable timer;
  private long armedFor;
  private volatile GameSummary summary;
  /** The request being handled now: the entries it makes carry its request_id (executor only). */
  private Request handling;
  /** Who created the game with which request ("token-hash-hex/request-id"), to recognise a retried CreateGame. */
  private volatile String creatorRequest = "";
  /** The game's first entry, readable from any thread (set with creatorRequest). */
  private volatile GameCreatedEntry createdEntry;

  GameRoom(String gameId, Executor executor, Journal journal, Scheduler scheduler, ReportSource reports) {
    this.gameId = gameId;
    this.executor = executor;
    this.journal = journal;
    this.scheduler = scheduler;
    this.view = new ViewFunction(scheduler.clock());
    this.reports = reports;
  }

  public String id() {
    return gameId;
  }

  /** The game's line in the game list (a snapshot, readable from any thread). */
  public GameSummary summary() {
    return summary;
  }

  private long now() {
    return scheduler.clock().millis();
  }

  // ================================================================== the executor and the journal

  /** Runs a task on the game's executor, after whatever change is being journaled. */
  void enqueue(Runnable task) {
    executor.execute(() -> {
      if (busy) {
        waiting.add(task);
      } else {
        runSafely(task);
      }
    });
  }

  private void runSafely(Runnable task) {
    try {
      task.run();
    } catch (RuntimeException e) {
      log.error("game {}: a task failed", gameId, e);
    }
  }

  private void drain() {
    while (!busy && !waiting.isEmpty()) {
      runSafely(waiting.poll());
    }
  }

  /**
   * Journals a change's entries (all or none are durable), then delivers their pushes and, on the executor,
   * runs {@code then}; or, if the journal fails, undoes them and runs {@code failed}.
   *
   * <p>While the journal makes the change durable (a write and an fsync, 1 to 5 ms), the game's thread already
   * applies it and renders what it pushes: the disk and the rendering overlap instead of following each other.
   * Nothing is sent, answered or armed before the change is durable, and no other command reads the model
   * meanwhile (they wait while {@link #busy}). If the journal fails, the model is rebuilt from the entries
   * that are durable, as a restart would rebuild it.
   */
  private void commit(List<JournalEntry> entries, Resolver.Resolution resolved, Session exclude, Runnable then,
      Consumer<Throwable> failed) {
    busy = true;
    CompletableFuture<Void> append;
    try {
      append = journal.append(gameId, entries);
    } catch (RuntimeException ex) {
      append = CompletableFuture.failedFuture(ex);
    }
    int durable = m.entries.size();
    List<Outgoing> outgoing = List.of();
    RuntimeException applying = null;
    boolean applied = !append.isCompletedExceptionally();
    if (applied) {
      try {
        for (JournalEntry e : entries) {
          EntryApplier.apply(m, e, e.hasTurnResolved() ? resolved : null);
        }
        outgoing = render(exclude);
      } catch (RuntimeException ex) {
        applying = ex;
      }
    }
    List<Outgoing> rendered = outgoing;
    RuntimeException applyFailure = applying;
    boolean relist = changesSummary(entries);
    // The pushes leave from the thread that made the change durable (the journal's), at once: waking the
    // game's thread first would put one more wake-up between the disk and the players. What the game's
    // thread sends next (the request's answer) is sent after them, as before.
    append.handle((v, ex) -> {
      if (ex == null && applyFailure == null) {
        try {
          send(rendered);
        } catch (RuntimeException e) {
          log.error("game {}: sending a durable change's pushes failed", gameId, e); // the change stands
        }
      }
      return ex;
    }).whenCompleteAsync((failure, ignored) -> {
      busy = false;
      try {
        if (failure == null && applyFailure == null) {
          if (relist) {
            refreshSummary();
          }
          rearm();
          then.run();
        } else if (failure == null) {
          log.error("game {}: applying a durable change failed", gameId, applyFailure);
        } else {
          log.warn("game {}: the journal could not make a change durable ({}); it was not applied", gameId,
              rootMessage(failure));
          if (applied) {
            undo(durable);
          }
          failed.accept(failure);
        }
      } catch (RuntimeException e) {
        log.error("game {}: applying a durable change failed", gameId, e);
      }
      drain();
    }, executor);
  }

  /**
   * Undoes a change the journal could not make durable: the model is rebuilt from its first {@code durable}
   * entries, the way a restart rebuilds it, and its participants keep their sessions.
   */
  private void undo(int durable) {
    GameModel applied = m;
    m = replay(applied.entries.all().subList(0, durable), applied.scenario, applied.scenarioProto);
    for (Participant p : m.participants.values()) {
      Participant before = applied.participants.get(p.id);
      if (before != null) {
        p.session = before.session;
      }
    }
  }

  /** A game's model rebuilt from its journal entries (the first is its GameCreated), with nothing to deliver. */
  private GameModel replay(List<JournalEntry> entries, brink.engine.def.Scenario scenario,
      brink.protocol.scenario.v1.Scenario proto) {
    JournalEntry first = entries.get(0);
    GameModel g = new GameModel(gameId, first.getGameCreated(), scenario, proto, first.getRecordedAtEpochMillis());
    g.entries.add(first);
    for (JournalEntry e : entries.subList(1, entries.size())) {
      EntryApplier.apply(g, e, null);
    }
    g.undelivered.clear();
    return g;
  }

  private static String rootMessage(Throwable t) {
    Throwable c = t;
    while (c.getCause() != null && c.getCause() != c) {
      c = c.getCause();
    }
    return c.getMessage() == null ? c.toString() : c.getMessage();
  }

  /**
   * The answer to a request the journal could not save: UNAVAILABLE, retryable, in words a teacher can act on
   * (a full disk may clear by itself once space is freed; a failed disk needs the server restarted).
   */
  static GameError journalDown(Throwable failure) {
    Throwable f = failure;
    while (f instanceof java.util.concurrent.CompletionException && f.getCause() != null) {
      f = f.getCause();
    }
    JournalUnavailableException j = f instanceof JournalUnavailableException ? (JournalUnavailableException) f
        : null;
    boolean full = j != null && j.diskFull();
    if (j != null && j.untilRestart()) {
      return GameError.unavailable("the server can no longer save games (" + (full ? "its disk is full"
          : "its disk failed") + ") and will not until it is restarted; nothing was changed. Whoever runs the "
          + "server must " + (full ? "free disk space" : "check the disk") + " and restart it; every game then "
          + "goes on from its last saved change").with("until", "restart");
    }
    if (full) {
      return GameError.unavailable("the server's disk is full, so it cannot save games right now; nothing was "
          + "changed. Try again in a moment; if this goes on, whoever runs the server must free disk space")
          .with("retry_after_millis", RETRY.toMillis());
    }
    return GameError.unavailable("the server cannot save games right now; nothing was changed, try again in "
        + "a moment").with("retry_after_millis", RETRY.toMillis());
  }

  /** Commits a request's entries and answers it once durable (UNAVAILABLE if not). */
  private void commitAndAnswer(Request r, List<JournalEntry> entries, Runnable then) {
    commit(entries, null, null, then, ex -> r.fail(journalDown(ex)));
  }

  private JournalEntry.Builder entry() {
    return JournalEntry.newBuilder().setGameId(gameId).setRecordedAtEpochMillis(now())
        .setRequestId(handling == null ? 0 : handling.requestId());
  }

  // ================================================================== delivery

  /** A message for one recipient, rendered before it may be sent. */
  private record Outgoing(Session to, SharedMessage message) {}

  /**
   * Renders the pushes of the last change, to send once it is durable: each push rendered once per audience by
   * the view function, each distinct message shared by all the recipients that get the same bytes and encoded
   * once here, so that sending them once the change is durable is only handing bytes over.
   */
  private List<Outgoing> render(Session exclude) {
    if (m.undelivered.isEmpty()) {
      return List.of();
    }
    List<Push> pushes = new ArrayList<>(m.undelivered);
    m.undelivered.clear();
    List<Outgoing> out = new ArrayList<>();
    for (Push push : pushes) {
      if (ViewFunction.forNobody(push)) {
        continue;
      }
      Map<Audience, Optional<SharedMessage>> rendered = new HashMap<>();
      List<SharedMessage> distinct = new ArrayList<>(4);
      for (Participant p : m.participants.values()) {
        Session s = p.session;
        if (s == null || s == exclude || !s.connected()) {
          continue;
        }
        rendered.computeIfAbsent(Audience.of(p, false), a -> view.push(m, push, a).map(msg -> shared(distinct, msg)))
            .ifPresent(msg -> out.add(new Outgoing(s, msg)));
      }
    }
    for (Outgoing o : out) {
      o.to().prepare(o.message()); // encoded once per distinct message, while the disk works
    }
    return out;
  }

  private static void send(List<Outgoing> outgoing) {
    for (Outgoing o : outgoing) {
      o.to().send(o.message());
    }
  }

  /**
   * The shared message already made for an equal message, or a new one. Sizes are compared first: each is
   * computed once and needed to encode the message anyway, where a hash code of a turn report is a walk of
   * its whole tree that nothing else uses.
   */
  private static SharedMessage shared(List<SharedMessage> distinct, ServerMessage msg) {
    for (SharedMessage d : distinct) {
      if (d.message().getSerializedSize() == msg.getSerializedSize() && d.message().equals(msg)) {
        return d;
      }
    }
    SharedMessage fresh = new SharedMessage(msg);
    distinct.add(fresh);
    return fresh;
  }

  /** Tells everyone a seat's connections changed (not part of the stream: seq 0). */
  private void presence(String actor, Session exclude) {
    Map<Audience, SharedMessage> rendered = new HashMap<>();
    List<SharedMessage> distinct = new ArrayList<>(4);
    for (Participant p : m.participants.values()) {
      Session s = p.session;
      if (s == null || s == exclude || !s.connected()) {
        continue;
      }
      s.send(rendered.computeIfAbsent(Audience.of(p, false), a -> shared(distinct, view.presence(m, actor, a))));
    }
  }

  private ServerMessage statePush(Participant p) {
    return ServerMessage.newBuilder().setGameState(view.gameState(m, p)).build();
  }

  /** Gives {@code p} the session {@code s} (a join, a rejoin, a resume): the game's list counts it connected. */
  private void bind(Participant p, Session s) {
    p.session = s;
    s.joined(gameId, p.id);
    refreshSummary();
  }

  // ================================================================== requests

  /** Handles a request about this game (any but Hello, JoinGame, ResumeSession, CreateGame, ListGames). */
  void handle(Request r) {
    enqueue(() -> {
      handling = r;
      try {
        dispatch(r);
      } catch (GameError e) {
        refuse(r, e);
      } catch (RuntimeException e) {
        log.error("game {}: request {} failed", gameId, r.message().getBodyCase(), e);
        r.fail(GameError.internal());
      } finally {
        handling = null;
      }
    });
  }

  private void refuse(Request r, GameError e) {
    r.fail(e);
    if (e.code() == brink.protocol.v1.ErrorCode.FAILED_PRECONDITION && m != null) {
      Optional<String> pid = r.session().participantIn(gameId);
      Participant p = pid.map(m.participants::get).orElse(null);
      if (p != null) {
        r.connection().send(statePush(p));
      }
    }
  }

  private void dispatch(Request r) {
    if (m == null) {
      throw GameError.notFound("no game " + gameId).with("game_id", gameId);
    }
    ClientMessage msg = r.message();
    Participant p = caller(r);
    if (answeredBefore(r, p)) {
      return;
    }
    switch (msg.getBodyCase()) {
      case SUBMIT_ORDERS:
        submitOrders(r, p, msg.getSubmitOrders());
        break;
      case SET_READY:
        setReady(r, p, msg.getSetReady().getTurn(), msg.getSetReady().getReady());
        break;
      case SEND_MESSAGE:
        sendMessage(r, p, msg.getSendMessage().getToList(), msg.getSendMessage().getText());
        break;
      case GET_STATE:
        r.reply(ServerMessage.newBuilder().setGameState(view.gameState(m, p)));
        break;
      case START_GAME:
        start(r, instructor(p));
        break;
      case PAUSE_GAME:
        pause(r, instructor(p));
        break;
      case RESUME_GAME:
        resume(r, instructor(p));
        break;
      case EXTEND_DEADLINE:
        extend(r, instructor(p), msg.getExtendDeadline().getSeconds());
        break;
      case FORCE_RESOLVE:
        force(r, instructor(p), msg.getForceResolve().getTurn());
        break;
      case INJECT:
        inject(r, instructor(p), msg.getInject());
        break;
      case PREVIEW_INJECT:
        preview(r, instructor(p), msg.getPreviewInject());
        break;
      case CONTINUE_GAME:
        continueGame(r, instructor(p));
        break;
      case END_GAME:
        end(r, instructor(p), msg.getEndGame().getReason());
        break;
      case ASSIGN_SEAT:
        assign(r, instructor(p), msg.getAssignSeat());
        break;
      case KICK:
        kick(r, instructor(p), msg.getKick().getParticipantId(), msg.getKick().getReason());
        break;
      case GET_REPORT:
        report(r, p);
        break;
      default:
        throw new IllegalStateException("request " + msg.getBodyCase() + " routed to a game");
    }
  }

  /**
   * A request the participant made before, retried after a restart (the session's memory of answers died with
   * the process; the journal remembers its request_id): answered again from its journal entry, not done twice.
   */
  private boolean answeredBefore(Request r, Participant p) {
    Optional<JournalEntry> made = m.requestEntry(p.id, r.requestId());
    if (made.isEmpty() || !sameRequest(r.message(), made.get())) {
      return false;
    }
    JournalEntry e = made.get();
    log.info("game {}: {} retried request {} ({}) that is already journaled; answered again, not done twice",
        gameId, p.name, r.requestId(), r.message().getBodyCase());
    if (e.hasOrders()) {
      OrdersEntry o = e.getOrders();
      r.reply(ServerMessage.newBuilder().setOrdersAccepted(OrdersAccepted.newBuilder().setTurn(o.getTurn())
          .setOrders(brink.protocol.v1.Orders.newBuilder().setTurn(o.getTurn())
              .setStatus(o.getWait() ? brink.protocol.v1.SubmissionStatus.SUBMITTED_WAIT
                  : brink.protocol.v1.SubmissionStatus.SUBMITTED_MOVES)
              .addAllMoves(o.getMovesList())
              .setReady(r.message().hasSubmitOrders() && r.message().getSubmitOrders().getReady())
              .setSubmittedBy(o.getParticipantId()).setSubmittedAtEpochMillis(e.getRecordedAtEpochMillis()))));
    } else {
      ack(r);
    }
    return true;
  }

  /**
   * Whether a request is the one that made a journal entry: a retry sends the same request again, while a
   * client that restarted and counts its request ids from 1 again reuses an id for something new, which must
   * be done, not answered from the old entry.
   */
  static boolean sameRequest(ClientMessage msg, JournalEntry e) {
    switch (msg.getBodyCase()) {
      case SUBMIT_ORDERS: {
        SubmitOrders so = msg.getSubmitOrders();
        return e.hasOrders() && e.getOrders().getTurn() == so.getTurn() && e.getOrders().getWait() == so.getWait()
            && e.getOrders().getMovesList().equals(so.getMovesList());
      }
      case SET_READY:
        return e.hasReady() && e.getReady().getTurn() == msg.getSetReady().getTurn()
            && e.getReady().getReady() == msg.getSetReady().getReady();
      case SEND_MESSAGE:
        return e.hasMessage() && e.getMessage().getText().equals(msg.getSendMessage().getText())
            && e.getMessage().getToList().equals(new TreeSet<>(msg.getSendMessage().getToList()).stream().toList());
      case INJECT:
        return e.hasInject() && (msg.getInject().hasCustom()
            ? e.getInject().hasCustom() && e.getInject().getCustom().getHeadline().equals(
                msg.getInject().getCustom().getHeadline())
            : e.getInject().getScriptedId().equals(msg.getInject().getScriptedId()));
      case START_GAME:
        return isAction(e, InstructorAction.ACTION_START);
      case PAUSE_GAME:
        return isAction(e, InstructorAction.ACTION_PAUSE);
      case RESUME_GAME:
        return isAction(e, InstructorAction.ACTION_RESUME);
      case EXTEND_DEADLINE:
        return isAction(e, InstructorAction.ACTION_EXTEND_DEADLINE)
            && e.getInstructorAction().getExtendedBySeconds() == msg.getExtendDeadline().getSeconds();
      case FORCE_RESOLVE:
        return isAction(e, InstructorAction.ACTION_FORCE_RESOLVE)
            && e.getInstructorAction().getTurn() == msg.getForceResolve().getTurn();
      case CONTINUE_GAME:
        return isAction(e, InstructorAction.ACTION_CONTINUE);
      case END_GAME:
        return isAction(e, InstructorAction.ACTION_END);
      case ASSIGN_SEAT:
        return e.hasSeatChanged() && e.getSeatChanged().getChange() == SeatChange.SEAT_CHANGE_ASSIGNED
            && e.getSeatChanged().getParticipantId().equals(msg.getAssignSeat().getParticipantId());
      case KICK:
        return e.hasSeatChanged() && e.getSeatChanged().getChange() == SeatChange.SEAT_CHANGE_KICKED
            && e.getSeatChanged().getParticipantId().equals(msg.getKick().getParticipantId());
      default:
        return false;
    }
  }

  private static boolean isAction(JournalEntry e, InstructorAction a) {
    return e.hasInstructorAction() && e.getInstructorAction().getAction() == a;
  }

  /** The sender's participant in this game (recognised by its token after a restart), or PERMISSION_DENIED. */
  private Participant caller(Request r) {
    Participant p = r.session().participantIn(gameId).map(m.participants::get).orElse(null);
    if (p == null) {
      p = m.participantByToken(r.session().tokenHash()).orElse(null);
    }
    if (p == null) {
      throw GameError.denied("you are not in game " + gameId + "; join it with a code first")
          .with("game_id", gameId);
    }
    if (p.session != r.session()) {
      bind(p, r.session());
    }
    return p;
  }

  private static Participant instructor(Participant p) {
    if (p.role != Role.INSTRUCTOR) {
      throw GameError.denied("only the game's instructor may do this; you are " + ViewFunction.describe(p.role,
          p.actor)).with("role", p.role.name());
    }
    return p;
  }

  private static Participant player(Participant p) {
    if (p.role != Role.PLAYER) {
      throw GameError.denied("only a seat's players may do this; you are " + ViewFunction.describe(p.role,
          p.actor)).with("role", p.role.name());
    }
    return p;
  }

  private void requireOrdersTurn(int turn) {
    if (m.phase != Phase.ORDERS) {
      throw GameError.precondition("orders are taken in the ORDERS phase; the game is in " + m.phase)
          .with("phase", m.phase.name()).with("turn", m.turn);
    }
    if (turn != m.turn) {
      throw GameError.precondition("this is for turn " + turn + " but the game is on turn " + m.turn)
          .with("turn", m.turn).with("phase", m.phase.name());
    }
  }

  // ------------------------------------------------------------------ players

  private void submitOrders(Request r, Participant p, SubmitOrders so) {
    player(p);
    requireOrdersTurn(so.getTurn());
    Seat seat = m.seats.get(p.actor);
    if (seat.ready) {
      throw GameError.precondition("your seat said it is ready; take that back (SetReady ready=false) to change "
          + "its orders").with("turn", m.turn);
    }
    if (so.getWait() && so.getMovesCount() > 0) {
      throw GameError.invalid("wait=true takes no moves; send either moves or wait").with("field", "wait");
    }
    if (!so.getWait() && so.getMovesCount() == 0) {
      throw GameError.invalid("send at least one move, or wait=true to do nothing this turn")
          .with("field", "moves");
    }
    for (int k = 0; k < so.getMovesCount(); k++) {
      MoveType t = so.getMoves(k).getType();
      if (t == MoveType.MOVE_UNSPECIFIED || t == MoveType.UNRECOGNIZED) {
        throw GameError.invalid("move " + (k + 1) + " has no known type").with("field", "moves[" + k + "].type");
      }
    }
    List<brink.engine.def.Move> moves = Resolver.engineMoves(so.getMovesList());
    List<brink.engine.Rejection> warnings = new ArrayList<>();
    for (brink.engine.Rejection x : Engine.validateSubmission(m.state, p.actor, moves)) {
      if (OrderChecks.refusesSubmission(x)) {
        throw OrderChecks.error(x, moves);
      }
      warnings.add(x);
    }
    List<JournalEntry> entries = new ArrayList<>();
    entries.add(entry().setOrders(OrdersEntry.newBuilder().setParticipantId(p.id).setActor(p.actor)
        .setTurn(m.turn).addAllMoves(so.getMovesList()).setWait(so.getWait())).build());
    if (so.getReady()) {
      entries.add(entry().setReady(ReadyEntry.newBuilder().setParticipantId(p.id).setActor(p.actor)
          .setTurn(m.turn).setReady(true)).build());
    }
    commitAndAnswer(r, entries, () -> {
      OrdersAccepted.Builder ok = OrdersAccepted.newBuilder().setTurn(m.turn).setOrders(seat.toProto());
      for (brink.engine.Rejection x : warnings) {
        ok.addWarnings(Protos.rejection(x));
      }
      r.reply(ServerMessage.newBuilder().setOrdersAccepted(ok));
      maybeResolveEarly();
    });
  }

  private void setReady(Request r, Participant p, int turn, boolean ready) {
    player(p);
    requireOrdersTurn(turn);
    Seat seat = m.seats.get(p.actor);
    if (seat.ready == ready) {
      r.reply(ServerMessage.newBuilder().setAck(brink.protocol.v1.Ack.getDefaultInstance()));
      return;
    }
    JournalEntry readyEntry = entry().setReady(ReadyEntry.newBuilder().setParticipantId(p.id)
        .setActor(p.actor).setTurn(m.turn).setReady(ready)).build();
    if (ready && !m.paused && m.allSeatsReadyBut(p.actor)) {
      // The last seat says ready: the turn resolves now. Its resolution is journaled with the Ready, in the
      // same write (one fsync, not two in a row), the same entries in the same order as one after the other.
      Request asked = handling;
      handling = null; // the resolution's entries carry no request id, as when it follows on its own
      PlannedResolution plan = planResolution("all seats ready", null);
      handling = asked;
      List<JournalEntry> entries = new ArrayList<>();
      entries.add(readyEntry);
      entries.addAll(plan.entries());
      commit(entries, plan.resolution(), null, () -> {
        logResolved(plan);
        ack(r);
      }, ex -> {
        r.fail(journalDown(ex));
        maybeResolveEarly(); // the Ready may be durable without the resolution: resolve on its own
      });
      return;
    }
    commitAndAnswer(r, List.of(readyEntry), () -> {
      ack(r);
      maybeResolveEarly();
    });
  }

  private void sendMessage(Request r, Participant p, List<String> to, String text) {
    if (p.role == Role.OBSERVER) {
      throw GameError.denied("observers cannot send messages").with("role", p.role.name());
    }
    if (m.ended()) {
      throw GameError.precondition("the game has ended; messages are closed").with("phase", m.phase.name());
    }
    if (text.isBlank()) {
      throw GameError.invalid("a message needs some text").with("field", "text");
    }
    if (text.length() > MAX_TEXT) {
      throw GameError.invalid("a message has at most " + MAX_TEXT + " characters, this one has "
          + text.length()).with("field", "text");
    }
    TreeSet<String> recipients = new TreeSet<>();
    for (String a : to) {
      if (!m.seats.containsKey(a)) {
        throw GameError.invalid("unknown actor '" + a + "'; actors are " + String.join(", ", m.seats.keySet()))
            .with("field", "to").with("actor", a);
      }
      recipients.add(a);
    }
    boolean instructor = p.role == Role.INSTRUCTOR;
    MessageEntry me = MessageEntry.newBuilder().setMessageId(m.messages.size() + 1L).setTurn(m.turn)
        .setFromActor(instructor ? "" : p.actor).setFromParticipantId(p.id).setFromName(p.name)
        .setFromInstructor(instructor).addAllTo(recipients).setText(text).build();
    commitAndAnswer(r, List.of(entry().setMessage(me).build()), () -> ack(r));
  }

  // ------------------------------------------------------------------ instructor: the clock

  private void start(Request r, Participant by) {
    if (m.phase != Phase.LOBBY) {
      throw GameError.precondition("the game has already started (phase " + m.phase + ")")
          .with("phase", m.phase.name());
    }
    long deadline = ordersDeadline();
    commitAndAnswer(r, List.of(
        act(action(InstructorAction.ACTION_START, by, 1).setDeadlineEpochMillis(deadline)),
        phase(Phase.ORDERS, 1, deadline, "started")), () -> {
          log.info("game {}: started; turn 1 orders {}", gameId, until(deadline));
          ack(r);
        });
  }

  private void pause(Request r, Participant by) {
    requireClockPhase("pause");
    if (m.paused) {
      throw GameError.precondition("the game is already paused").with("phase", m.phase.name());
    }
    long remaining = m.deadline > 0 ? Math.max(1, m.deadline - now()) : 0;
    commitAndAnswer(r, List.of(act(action(InstructorAction.ACTION_PAUSE, by, m.turn).setRemainingMillis(remaining))), () -> {
          log.info("game {}: paused in {} of turn {}{}", gameId, m.phase, m.turn,
              remaining > 0 ? " with " + seconds(remaining) + " left" : "");
          ack(r);
        });
  }

  private void resume(Request r, Participant by) {
    if (!m.paused) {
      throw GameError.precondition("the game is not paused").with("phase", m.phase.name());
    }
    long deadline = m.remaining > 0 ? now() + m.remaining : 0;
    commitAndAnswer(r, List.of(act(action(InstructorAction.ACTION_RESUME, by, m.turn)
        .setDeadlineEpochMillis(deadline))), () -> {
          log.info("game {}: resumed; {} {}", gameId, m.phase, until(deadline));
          ack(r);
          maybeResolveEarly();
        });
  }

  private void extend(Request r, Participant by, int seconds) {
    if (seconds < 1 || seconds > MAX_EXTEND_SECONDS) {
      throw GameError.invalid("extend by 1 to " + MAX_EXTEND_SECONDS + " seconds, not " + seconds)
          .with("field", "seconds");
    }
    requireClockPhase("extend");
    long add = seconds * 1000L;
    long deadline = m.deadline;
    long remaining = m.remaining;
    if (m.paused && remaining > 0) {
      remaining += add;
    } else if (!m.paused && deadline > 0) {
      deadline += add;
    } else {
      throw GameError.precondition("no deadline runs in this phase (the game was created without one)")
          .with("phase", m.phase.name());
    }
    long d = deadline;
    commitAndAnswer(r, List.of(act(action(InstructorAction.ACTION_EXTEND_DEADLINE, by, m.turn)
        .setDeadlineEpochMillis(deadline).setRemainingMillis(remaining).setExtendedBySeconds(seconds))),
        () -> {
          log.info("game {}: deadline extended by {} s{}", gameId, seconds, d > 0 ? "; " + until(d) : "");
          ack(r);
        });
  }

  private void requireClockPhase(String what) {
    if (m.phase != Phase.ORDERS && m.phase != Phase.REPORT) {
      throw GameError.precondition("there is no clock to " + what + " in phase " + m.phase)
          .with("phase", m.phase.name());
    }
  }

  private void force(Request r, Participant by, int turn) {
    requireOrdersTurn(turn);
    resolveTurn(r, "forced by the instructor", by);
  }

  private void continueGame(Request r, Participant by) {
    if (m.phase != Phase.REPORT) {
      throw GameError.precondition("the game continues from the REPORT phase; it is in " + m.phase)
          .with("phase", m.phase.name());
    }
    nextTurn(r, by, "continued");
  }

  private void end(Request r, Participant by, String reason) {
    if (m.ended()) {
      throw GameError.precondition("the game has already ended").with("phase", m.phase.name());
    }
    if (reason.length() > MAX_TEXT) {
      throw GameError.invalid("a reason has at most " + MAX_TEXT + " characters").with("field", "reason");
    }
    commitAndAnswer(r, List.of(act(action(InstructorAction.ACTION_END, by, m.turn).setReason(reason)),
        phase(Phase.ENDED, m.turn, 0, "ended by the instructor")), () -> {
          log.info("game {}: ended by the instructor after turn {}{}", gameId, m.state.turn(),
              reason.isEmpty() ? "" : " (" + reason + ")");
          ack(r);
        });
  }

  private long ordersDeadline() {
    int s = m.created.getOrdersSeconds();
    return s > 0 ? now() + s * 1000L : 0;
  }

  private long reportDeadline() {
    int s = m.created.getReportSeconds();
    return s > 0 ? now() + s * 1000L : 0;
  }

  private InstructorActionEntry.Builder action(InstructorAction a, Participant by, int turn) {
    return InstructorActionEntry.newBuilder().setAction(a).setByParticipantId(by == null ? "" : by.id)
        .setTurn(turn);
  }

  private JournalEntry act(InstructorActionEntry.Builder body) {
    return entry().setInstructorAction(body).build();
  }

  private JournalEntry phase(Phase phase, int turn, long deadline, String reason) {
    return entry().setPhaseChanged(PhaseChangedEntry.newBuilder().setPhase(phase).setTurn(turn)
        .setDeadlineEpochMillis(deadline).setReason(reason)).build();
  }

  private void ack(Request r) {
    r.reply(ServerMessage.newBuilder().setAck(brink.protocol.v1.Ack.getDefaultInstance()));
  }

  // ------------------------------------------------------------------ resolution and turns

  /** A turn's resolution, computed and ready to journal: its entries, in journal order. */
  private record PlannedResolution(List<JournalEntry> entries, Resolver.Resolution resolution, String reason) {}

  /** Resolves the current turn (not yet journaled): the instructor's FORCE_RESOLVE if {@code by}, then the
   *  turn's TurnResolved and the phase it leads to. */
  private PlannedResolution planResolution(String reason, Participant by) {
    Resolver.Resolution res = Resolver.resolve(m);
    TurnResult tr = res.result();
    brink.engine.TurnRecord rec = tr.record();
    boolean over = tr.next().isOver();
    List<JournalEntry> entries = new ArrayList<>();
    boolean forced = by != null;
    if (forced) {
      entries.add(act(action(InstructorAction.ACTION_FORCE_RESOLVE, by, m.turn)));
    }
    TurnResolvedEntry.Builder tre = TurnResolvedEntry.newBuilder().setTurn(rec.turn())
        .setStateDigest(ByteString.copyFrom(HexFormat.of().parseHex(rec.stateDigest())))
        .setOutcome(Protos.outcome(tr.next().outcome())).setForced(forced);
    for (Map.Entry<String, String> d : Resolver.defaulted(rec).entrySet()) {
      tre.addDefaulted(brink.protocol.v1.DefaultedSeat.newBuilder().setActor(d.getKey()).setBot(d.getValue()));
    }
    for (String id : rec.injectsFired()) {
      if (m.scriptedInject(id).isPresent()) {
        tre.addFiredInjects(id);
      }
    }
    entries.add(entry().setTurnResolved(tre).build());
    entries.add(over ? phase(Phase.ENDED, rec.turn(), 0, "end condition")
        : phase(Phase.REPORT, rec.turn(), reportDeadline(), reason));
    return new PlannedResolution(entries, res, reason);
  }

  private void logResolved(PlannedResolution plan) {
    TurnResult tr = plan.resolution().result();
    brink.engine.TurnRecord rec = tr.record();
    log.info("game {}: turn {} resolved ({}): {}", gameId, rec.turn(), plan.reason(), Stories.turn(m, rec));
    if (tr.next().isOver()) {
      log.info("game {}: ended: {} on turn {}", gameId, tr.next().outcome(), rec.turn());
    }
  }

  /** Resolves the current turn now: forced (with a request), at the deadline or when all seats are ready. */
  private void resolveTurn(Request r, String reason, Participant by) {
    PlannedResolution plan = planResolution(reason, by);
    commit(plan.entries(), plan.resolution(), null, () -> {
      logResolved(plan);
      if (r != null) {
        ack(r);
      }
    }, ex -> {
      if (r != null) {
        r.fail(journalDown(ex));
      } else {
        retryLater();
      }
    });
  }

  /** REPORT -> ORDERS of the next turn: the instructor continues, or the report timer ran out. */
  private void nextTurn(Request r, Participant by, String reason) {
    int next = m.turn + 1;
    long deadline = ordersDeadline();
    List<JournalEntry> entries = new ArrayList<>();
    if (by != null) {
      entries.add(act(action(InstructorAction.ACTION_CONTINUE, by, next)));
    }
    entries.add(phase(Phase.ORDERS, next, deadline, reason));
    commit(entries, null, null, () -> {
      log.info("game {}: turn {} orders {}", gameId, next, until(deadline));
      if (r != null) {
        ack(r);
      }
    }, ex -> {
      if (r != null) {
        r.fail(journalDown(ex));
      } else {
        retryLater();
      }
    });
  }

  private void maybeResolveEarly() {
    if (m.phase == Phase.ORDERS && !m.paused && !busy && m.allSeatsReady()) {
      resolveTurn(null, "all seats ready", null);
    }
  }

  private void rearm() {
    long due = runningDeadline();
    if (due == armedFor) {
      return;
    }
    if (timer != null) {
      timer.cancel();
      timer = null;
    }
    armedFor = due;
    if (due > 0) {
      timer = scheduler.schedule(Duration.ofMillis(due - now()), () -> enqueue(() -> deadlineReached(due)));
    }
  }

  /** The deadline that runs now: the phase's, unless paused or in a phase without one (0 = none). */
  private long runningDeadline() {
    return (m.phase == Phase.ORDERS || m.phase == Phase.REPORT) && !m.paused ? m.deadline : 0;
  }

  private void retryLater() {
    if (timer != null) {
      timer.cancel();
    }
    long due = armedFor;
    timer = scheduler.schedule(RETRY, () -> enqueue(() -> deadlineReached(due)));
  }

  private void deadlineReached(long due) {
    if (m.paused || m.deadline != due || due == 0) {
      return;
    }
    if (now() < due) {
      armedFor = 0;
      rearm();
      return;
    }
    if (m.phase == Phase.ORDERS) {
      resolveTurn(null, "deadline", null);
    } else if (m.phase == Phase.REPORT) {
      nextTurn(null, null, "continued");
    }
  }

  // ------------------------------------------------------------------ instructor: injects

  private void inject(Request r, Participant by, brink.protocol.v1.Inject in) {
    if (m.ended()) {
      throw GameError.precondition("the game has ended").with("phase", m.phase.name());
    }
    int turn = m.nextResolutionTurn();
    InjectEntry.Builder ie = InjectEntry.newBuilder().setTurn(turn).setByParticipantId(by.id);
    String what;
    switch (in.getSourceCase()) {
      case SCRIPTED_ID:
        Injects.scripted(m, in.getScriptedId());
        ie.setScriptedId(in.getScriptedId());
        what = "scripted inject " + in.getScriptedId();
        break;
      case CUSTOM:
        brink.protocol.scenario.v1.Inject custom = Injects.checkedCustom(m, in.getCustom(), nextCustomId());
        ie.setCustom(custom);
        what = "inject \"" + custom.getHeadline().getEn() + "\" (" + custom.getId() + ")";
        break;
      default:
        throw GameError.invalid("name a scripted inject (scripted_id) or write one (custom)")
            .with("field", "source");
    }
    commitAndAnswer(r, List.of(entry().setInject(ie).build()), () -> {
      log.info("game {}: the instructor fired {} for turn {}", gameId, what, turn);
      ack(r);
    });
  }

  private String nextCustomId() {
    int n = m.customInjects + 1;
    while (m.allInjects().containsKey("instructor-" + n)) {
      n++;
    }
    return "instructor-" + n;
  }

  private void preview(Request r, Participant by, brink.protocol.v1.PreviewInject in) {
    if (m.ended()) {
      throw GameError.precondition("the game has ended").with("phase", m.phase.name());
    }
    int turn = m.nextResolutionTurn();
    InjectEntry.Builder candidate = InjectEntry.newBuilder().setTurn(turn).setByParticipantId(by.id);
    switch (in.getSourceCase()) {
      case SCRIPTED_ID:
        Injects.scripted(m, in.getScriptedId());
        candidate.setScriptedId(in.getScriptedId());
        break;
      case CUSTOM:
        candidate.setCustom(Injects.checkedCustom(m, in.getCustom(), nextCustomId()));
        break;
      default:
        throw GameError.invalid("name a scripted inject (scripted_id) or write one (custom)")
            .with("field", "source");
    }
    List<InjectEntry> injects = new ArrayList<>(m.injectEntries);
    injects.add(candidate.build());
    TurnResult without = Resolver.resolve(m).result();
    Resolver.Resolution withIt = Resolver.resolve(m, injects);
    TurnResult with = withIt.result();
    InjectPreview.Builder b = InjectPreview.newBuilder().setGameId(gameId).setTurn(turn)
        .setOutcomeWithout(Protos.outcome(without.next().outcome()))
        .setOutcomeWith(Protos.outcome(with.next().outcome()));
    for (Pair pair : m.state.pairs()) {
      String a = pair.a();
      String c = pair.b();
      b.addDyads(DyadForecast.newBuilder().setA(a).setB(c).setTensionNow(m.state.tension(a, c))
          .setTensionWithout(without.next().tension(a, c)).setTensionWith(with.next().tension(a, c))
          .setRungWithout(without.next().rung(a, c)).setRungWith(with.next().rung(a, c)));
    }
    List<InjectDef> hand = new ArrayList<>(m.handInjects.getOrDefault(turn, List.of()));
    hand.add(Injects.toEngine(m, candidate.build()));
    Push.TurnResolved dry = new Push.TurnResolved(0, with.record(), withIt.before(), with.next(), hand,
        Resolver.defaulted(with.record()));
    b.addAllEventsWith(view.turnReport(m, dry, new Audience(Role.INSTRUCTOR, "", true)).getEventsList());
    r.reply(ServerMessage.newBuilder().setInjectPreview(b));
  }

  // ------------------------------------------------------------------ instructor: people

  private void assign(Request r, Participant by, brink.protocol.v1.AssignSeat as) {
    Participant p = m.participant(as.getParticipantId()).orElseThrow(() -> GameError.notFound(
        "no participant '" + as.getParticipantId() + "' in game " + gameId).with("field", "participant_id"));
    if (p.role == Role.INSTRUCTOR) {
      throw GameError.invalid("an instructor cannot be moved to a seat (the instructor is never a player)")
          .with("field", "participant_id");
    }
    String actor;
    if (as.getRole() == Role.PLAYER) {
      if (!m.seats.containsKey(as.getActor())) {
        throw GameError.invalid("unknown actor '" + as.getActor() + "'; actors are "
            + String.join(", ", m.seats.keySet())).with("field", "actor").with("actor", as.getActor());
      }
      actor = as.getActor();
    } else if (as.getRole() == Role.OBSERVER) {
      actor = "";
    } else {
      throw GameError.invalid("a participant can be moved to PLAYER (with an actor) or OBSERVER")
          .with("field", "role");
    }
    if (p.role == as.getRole() && p.actor.equals(actor)) {
      ack(r);
      return;
    }
    Role before = p.role;
    String beforeActor = p.actor;
    commitAndAnswer(r, List.of(entry().setSeatChanged(SeatChangedEntry.newBuilder()
        .setChange(SeatChange.SEAT_CHANGE_ASSIGNED).setParticipantId(p.id).setName(p.name).setRole(as.getRole())
        .setActor(actor).setPreviousRole(before).setPreviousActor(beforeActor).setByParticipantId(by.id)
        .setSessionTokenSha256(ByteString.copyFrom(p.tokenHash))).build()), () -> {
          log.info("game {}: {} moved from {} to {}", gameId, p.name, ViewFunction.describe(before, beforeActor),
              ViewFunction.describe(p.role, p.actor));
          ack(r);
          if (p.session != null && p.session.connected()) {
            p.session.send(statePush(p));
          }
          maybeResolveEarly();
        });
  }

  private void kick(Request r, Participant by, String participantId, String reason) {
    Participant p = m.participant(participantId).orElseThrow(() -> GameError.notFound(
        "no participant '" + participantId + "' in game " + gameId).with("field", "participant_id"));
    if (p == by) {
      throw GameError.invalid("you cannot remove yourself").with("field", "participant_id");
    }
    if (reason.length() > MAX_TEXT) {
      throw GameError.invalid("a reason has at most " + MAX_TEXT + " characters").with("field", "reason");
    }
    commitAndAnswer(r, List.of(entry().setSeatChanged(SeatChangedEntry.newBuilder()
        .setChange(SeatChange.SEAT_CHANGE_KICKED).setParticipantId(p.id).setName(p.name)
        .setRole(Role.ROLE_UNSPECIFIED).setPreviousRole(p.role).setPreviousActor(p.actor)
        .setByParticipantId(by.id).setReason(reason)
        .setSessionTokenSha256(ByteString.copyFrom(p.tokenHash))).build()), () -> {
          log.info("game {}: {} ({}) removed by the instructor{}", gameId, p.name,
              ViewFunction.describe(p.role, p.actor), reason.isEmpty() ? "" : ": " + reason);
          ack(r);
          Session s = p.session;
          if (s != null) {
            s.left(gameId);
            if (s.connection() != null) {
              s.connection().disconnect(Disconnect.newBuilder().setReason(DisconnectReason.DISCONNECT_KICKED)
                  .setMessage("the instructor removed you from game " + gameId
                      + (reason.isEmpty() ? "" : ": " + reason))
                  .setMayReconnect(false).build());
            }
          }
          maybeResolveEarly();
        });
  }

  private void report(Request r, Participant p) {
    if (p.role != Role.INSTRUCTOR && !m.ended()) {
      throw GameError.precondition("the after-action report opens when the game has ended")
          .with("phase", m.phase.name());
    }
    r.reply(ServerMessage.newBuilder().setReport(reports.build(m.scenario, m.entries.all())));
  }

  // ================================================================== joining, resuming, presence

  /** A session presents one of this game's codes. */
  void join(Request r, Role role, String actor, String name) {
    enqueue(() -> {
      handling = r;
      try {
        doJoin(r, role, actor, name);
      } catch (GameError e) {
        r.fail(e);
      } catch (RuntimeException e) {
        log.error("game {}: join failed", gameId, e);
        r.fail(GameError.internal());
      } finally {
        handling = null;
      }
    });
  }

  private void doJoin(Request r, Role role, String actor, String rawName) {
    String name = rawName.strip();
    if (name.isEmpty() || name.length() > MAX_NAME) {
      throw GameError.invalid("a name is 1 to " + MAX_NAME + " characters").with("field", "name");
    }
    Optional<Participant> already = m.participantByToken(r.session().tokenHash());
    if (already.isPresent()) {
      Participant p = already.get();
      if (p.role != role || !p.actor.equals(actor)) {
        throw GameError.precondition("you are already in game " + gameId + " as "
            + ViewFunction.describe(p.role, p.actor) + "; the instructor can move you").with("game_id", gameId);
      }
      bind(p, r.session());
      r.reply(ServerMessage.newBuilder().setJoined(joined(p)));
      return;
    }
    if (m.participants.size() >= MAX_PARTICIPANTS) {
      throw GameError.exhausted("game " + gameId + " is full (" + MAX_PARTICIPANTS + " participants)")
          .with("limit", MAX_PARTICIPANTS);
    }
    String id = String.format("P%04d", m.participantCounter + 1);
    JournalEntry e = entry().setSeatChanged(SeatChangedEntry.newBuilder().setChange(SeatChange.SEAT_CHANGE_JOINED)
        .setParticipantId(id).setName(name).setRole(role).setActor(actor)
        .setSessionTokenSha256(ByteString.copyFrom(r.session().tokenHash()))).build();
    commit(List.of(e), null, r.session(), () -> {
      Participant p = m.participants.get(id);
      bind(p, r.session());
      log.info("game {}: {} joined as {} ({})", gameId, name, ViewFunction.describe(role, actor), id);
      r.reply(ServerMessage.newBuilder().setJoined(joined(p)));
      if (role == Role.PLAYER) {
        presence(actor, r.session());
      }
    }, ex -> r.fail(journalDown(ex)));
  }

  private Joined.Builder joined(Participant p) {
    return Joined.newBuilder().setGameId(gameId).setRole(p.role).setActor(p.actor).setParticipantId(p.id)
        .setState(view.gameState(m, p));
  }

  /** A session takes its place in this game back after a dropped connection. */
  void resume(Request r, long lastSeq) {
    enqueue(() -> {
      Participant p = m.participantByToken(r.session().tokenHash()).orElse(null);
      if (p == null) {
        r.fail(GameError.unauthenticated("this session is not in game " + gameId
            + " (it was removed, or the token is from another game); join again with a code")
            .with("game_id", gameId));
        return;
      }
      r.session().attach(r.connection());
      bind(p, r.session());
      Optional<List<Push>> missed = m.log.after(lastSeq, m.seq);
      r.reply(ServerMessage.newBuilder().setResumed(Resumed.newBuilder().setGameId(gameId).setRole(p.role)
          .setActor(p.actor).setParticipantId(p.id).setReplaying(missed.isPresent()).setSeq(m.seq)));
      Audience a = Audience.of(p, false);
      if (missed.isPresent()) {
        for (Push push : missed.get()) {
          view.push(m, push, a).ifPresent(r.connection()::send);
        }
      } else {
        r.connection().send(statePush(p));
      }
      log.info("game {}: {} ({}) is back ({} missed pushes)", gameId, p.name, ViewFunction.describe(p.role,
          p.actor), missed.map(l -> String.valueOf(l.size())).orElse("a full view instead of"));
      if (p.role == Role.PLAYER) {
        presence(p.actor, null);
      }
    });
  }

  /** A connection of a session in this game opened or closed. */
  void presenceChanged(Session s) {
    enqueue(() -> {
      if (m == null) {
        return;
      }
      Participant p = s.participantIn(gameId).map(m.participants::get).orElse(null);
      refreshSummary();
      if (p != null && p.role == Role.PLAYER) {
        presence(p.actor, null);
      }
    });
  }

  // ================================================================== creation and recovery

  /**
   * Creates the game: journals its GameCreated entry and its creator's seat, then answers GameCreated.
   *
   * @param onCreated runs once the game is durable (the manager lists it and its codes)
   * @param onFailed runs if it could not be journaled (the manager frees the id and the codes)
   */
  void create(Request r, GameCreatedEntry created, LoadedScenario scenario, Runnable onCreated,
      Runnable onFailed) {
    enqueue(() -> {
      handling = r;
      JournalEntry first = entry().setGameCreated(created).build();
      String pid = "P0001";
      JournalEntry seat = entry().setSeatChanged(SeatChangedEntry.newBuilder()
          .setChange(SeatChange.SEAT_CHANGE_JOINED).setParticipantId(pid).setName(created.getCreatedBy())
          .setRole(Role.INSTRUCTOR).setSessionTokenSha256(ByteString.copyFrom(r.session().tokenHash()))).build();
      handling = null;
      busy = true;
      CompletableFuture<Void> append;
      try {
        // The game and its creator's seat together: a game nobody can run is never left behind.
        append = journal.append(gameId, List.of(first, seat));
      } catch (RuntimeException ex) {
        append = CompletableFuture.failedFuture(ex);
      }
      append.handle((v, ex) -> ex).whenCompleteAsync((failure, x) -> {
        busy = false;
        try {
          if (failure != null) {
            log.warn("game {} could not be created: the journal failed ({})", gameId, rootMessage(failure));
            onFailed.run();
            r.fail(journalDown(failure));
            return;
          }
          m = new GameModel(gameId, created, scenario.engine(), scenario.proto(),
              first.getRecordedAtEpochMillis());
          m.entries.add(first);
          EntryApplier.apply(m, seat, null);
          bind(m.participants.get(pid), r.session()); // and lists the game
          m.undelivered.clear();
          onCreated.run();
          log.info("game {} created from {} (seed {}, {} seats, orders {}, report {}) by {}", gameId,
              created.getScenarioId(), Long.toUnsignedString(created.getSeed()), m.seats.size(),
              duration(created.getOrdersSeconds()), reportLength(created.getReportSeconds()),
              created.getCreatedBy());
          creatorRequest = creatorKey(seat);
          createdEntry = created;
          r.reply(gameCreated());
        } catch (RuntimeException e) {
          log.error("game {}: creation failed", gameId, e);
          r.fail(GameError.internal());
        } finally {
          drain();
        }
      }, executor);
    });
  }

  /** The answer to the CreateGame that made this game, as its creator sees the game now. */
  private ServerMessage.Builder gameCreated() {
    GameCreatedEntry created = m.created;
    return ServerMessage.newBuilder().setGameCreated(GameCreated.newBuilder().setGameId(gameId)
        .addAllSeatCodes(created.getSeatCodesList()).setObserverCode(created.getObserverCode())
        .setInstructorCode(created.getInstructorCode()).setState(view.gameState(m, m.participants.get("P0001"))));
  }

  /** "token-hash-hex/request-id" of the creator's seat entry, or "" when it carries no request id. */
  private static String creatorKey(JournalEntry seat) {
    return seat.getRequestId() == 0 ? "" : Secrets.hex(seat.getSeatChanged().getSessionTokenSha256().toByteArray())
        + "/" + seat.getRequestId();
  }

  /**
   * True when {@code s} created this game with request {@code requestId} and the same scenario and label (a
   * CreateGame retried after a restart, not a new one under a reused id).
   */
  boolean createdBy(Session s, long requestId, brink.protocol.v1.CreateGame cg) {
    GameCreatedEntry ce = createdEntry;
    if (ce == null || !creatorRequest.equals(Secrets.hex(s.tokenHash()) + "/" + requestId)
        || !cg.getLabel().equals(ce.getLabel())) {
      return false;
    }
    return cg.getScenarioCase() == brink.protocol.v1.CreateGame.ScenarioCase.SCENARIO_ID
        ? cg.getScenarioId().equals(ce.getScenarioId())
        : java.util.Arrays.equals(Secrets.sha256(cg.getScenarioText()), ce.getScenarioSha256().toByteArray());
  }

  /** Answers a retried CreateGame with the game it created (the creator's view of it now). */
  void answerCreated(Request r) {
    enqueue(() -> {
      log.info("game {}: its creator retried the CreateGame that made it; answered again, not created twice",
          gameId);
      r.reply(gameCreated());
    });
  }

  /**
   * Rebuilds the game from its journal (on the caller's thread, before the game is reachable): every entry
   * through {@link EntryApplier}, every turn's digest checked, the deadline re-armed at its absolute time.
   *
   * @throws EntryApplier.ReplayException when the journal does not replay
   */
  void recover(List<JournalEntry> entries, LoadedScenario scenario) {
    m = replay(entries, scenario.engine(), scenario.proto());
    if (entries.size() > 1 && entries.get(1).hasSeatChanged()) {
      creatorRequest = creatorKey(entries.get(1));
      createdEntry = m.created;
    }
    refreshSummary();
    long due = runningDeadline();
    if (due > 0 && due <= now()) {
      // The deadline passed while the server was down: the turn resolves (or the report ends) first thing,
      // queued before any request can reach the game, so no order is taken for a turn past its deadline.
      log.info("game {}: its deadline {} passed while the server was down; acting on it now", gameId,
          Instant.ofEpochMilli(due));
      armedFor = due;
      enqueue(() -> deadlineReached(due));
    } else {
      executor.execute(this::rearm);
    }
  }

  /**
   * The scenario text this game holds (recovered games of one scenario share one copy of it). Like the rest of
   * the model, it is read on the game's thread, or before the game runs.
   */
  String scenarioText() {
    return m.created.getScenarioText();
  }

  /** A line for the recovery log. */
  String recoveredLine() {
    return "game " + gameId + " recovered: " + m.phase + " of turn " + m.turn + ", " + m.participants.size()
        + " participants, " + m.entries.size() + " journal entries"
        + (m.deadline > 0 && !m.paused ? ", deadline " + Instant.ofEpochMilli(m.deadline) : "")
        + (m.paused ? ", paused" : "");
  }

  /**
   * Whether applying {@code entries} can change the game's summary. Orders, messages and readiness are most of
   * a game's entries (one per request) and change nothing in it, while rebuilding it reads every seat and
   * every participant's connection: 12 % of the server's Java samples at the peak (98 of 848), when it was
   * rebuilt after every change. Connections are not journaled; {@link #bind} and {@link #presenceChanged}
   * rebuild it for them.
   */
  private static boolean changesSummary(List<JournalEntry> entries) {
    for (JournalEntry e : entries) {
      if (!(e.hasOrders() || e.hasMessage() || e.hasReady())) {
        return true;
      }
    }
    return false;
  }

  private void refreshSummary() {
    summary = GameSummary.newBuilder().setGameId(gameId).setScenarioId(m.scenario.id()).setLabel(m.label())
        .setPhase(m.phase).setTurn(m.turn).setMaxTurns(m.scenario.rules().maxTurns())
        .setSeatsTaken(m.seatsTaken()).setSeatsTotal(m.seats.size()).setConnected(m.connectedCount())
        .setPaused(m.paused).setCreatedAtEpochMillis(m.createdAt).setOutcome(m.outcome).build();
  }

  // ================================================================== log helpers

  private String until(long deadline) {
    return deadline > 0 ? "until " + Instant.ofEpochMilli(deadline) : "with no deadline";
  }

  private static String seconds(long millis) {
    return (millis + 999) / 1000 + " s";
  }

  private static String duration(int seconds) {
    return seconds > 0 ? seconds + " s" : "without deadline";
  }

  private static String reportLength(int seconds) {
    return seconds > 0 ? seconds + " s" : "until the instructor continues";
  }
}
