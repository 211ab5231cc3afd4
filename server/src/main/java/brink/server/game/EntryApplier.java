package brink.server.game;

import brink.engine.GameState;
import brink.engine.TurnRecord;
import brink.engine.TurnResult;
import brink.engine.def.InjectDef;
import brink.protocol.v1.InjectEntry;
import brink.protocol.v1.InstructorActionEntry;
import brink.protocol.v1.JournalEntry;
import brink.protocol.v1.MessageEntry;
import brink.protocol.v1.OrdersEntry;
import brink.protocol.v1.Phase;
import brink.protocol.v1.PhaseChangedEntry;
import brink.protocol.v1.Press;
import brink.protocol.v1.ReadyEntry;
import brink.protocol.v1.Role;
import brink.protocol.v1.SeatChangedEntry;
import brink.protocol.v1.SubmissionStatus;
import brink.protocol.v1.TurnResolvedEntry;
import brink.server.view.Protos;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The only code that changes a {@link GameModel}: one journal entry at a time, the same way live (after the
 * entry is durable) and on recovery (replaying the journal). Each change makes the pushes it implies, with
 * the next seqs, so a replayed game has the same stream as the live one had.
 */
final class EntryApplier {
  private EntryApplier() {}

  /** The journal does not replay: the game must not be run from it. */
  static final class ReplayException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ReplayException(String message) {
      super(message);
    }
  }

  /**
   * Applies one entry (not GameCreated, which makes the model).
   *
   * @param resolved the turn already resolved by the live game for a TurnResolvedEntry, or null to resolve it
   *     again (replay) and compare digests
   * @throws ReplayException when a turn's digest differs from the journal's, or the entry cannot apply
   */
  static void apply(GameModel m, JournalEntry e, Resolver.Resolution resolved) {
    switch (e.getEntryCase()) {
      case SEAT_CHANGED:
        seatChanged(m, e.getSeatChanged());
        break;
      case ORDERS:
        orders(m, e.getOrders(), e.getRecordedAtEpochMillis());
        break;
      case READY:
        ready(m, e.getReady());
        break;
      case MESSAGE:
        message(m, e.getMessage(), e.getRecordedAtEpochMillis());
        break;
      case INJECT:
        inject(m, e.getInject());
        break;
      case INSTRUCTOR_ACTION:
        instructorAction(m, e.getInstructorAction());
        break;
      case PHASE_CHANGED:
        phaseChanged(m, e.getPhaseChanged());
        break;
      case TURN_RESOLVED:
        turnResolved(m, e.getTurnResolved(), resolved);
        break;
      case GAME_CREATED:
        throw new ReplayException("a second GameCreated entry for game " + m.gameId);
      default:
        throw new ReplayException("an entry of unknown kind " + e.getEntryCase() + " (field numbers "
            + e.getUnknownFields().asMap().keySet() + "); a newer server wrote this journal");
    }
    int index = m.entries.add(e);
    if (e.getRequestId() != 0) {
      String by = requester(e);
      if (!by.isEmpty()) {
        m.requestMade(by, e.getRequestId(), index);
      }
    }
  }

  /** The participant whose request made an entry ("" for entries that name none). */
  static String requester(JournalEntry e) {
    switch (e.getEntryCase()) {
      case SEAT_CHANGED:
        return e.getSeatChanged().getChange() == brink.protocol.v1.SeatChange.SEAT_CHANGE_JOINED
            ? e.getSeatChanged().getParticipantId() : e.getSeatChanged().getByParticipantId();
      case ORDERS:
        return e.getOrders().getParticipantId();
      case READY:
        return e.getReady().getParticipantId();
      case MESSAGE:
        return e.getMessage().getFromParticipantId();
      case INJECT:
        return e.getInject().getByParticipantId();
      case INSTRUCTOR_ACTION:
        return e.getInstructorAction().getByParticipantId();
      default:
        return "";
    }
  }

  private static void seatChanged(GameModel m, SeatChangedEntry e) {
    switch (e.getChange()) {
      case SEAT_CHANGE_JOINED: {
        Participant p = new Participant(e.getParticipantId(), e.getName(), e.getRole(), e.getActor(),
            e.getSessionTokenSha256().toByteArray());
        m.participants.put(p.id, p);
        m.participantCounter++;
        if (p.role == Role.PLAYER) {
          seat(m, p.actor).players++;
          seatPush(m, p.actor);
        }
        break;
      }
      case SEAT_CHANGE_ASSIGNED: {
        Participant p = existing(m, e.getParticipantId());
        String before = p.role == Role.PLAYER ? p.actor : "";
        p.role = e.getRole();
        p.actor = e.getRole() == Role.PLAYER ? e.getActor() : "";
        if (!before.isEmpty()) {
          seat(m, before).players--;
          seatPush(m, before);
        }
        if (p.role == Role.PLAYER) {
          seat(m, p.actor).players++;
          if (!p.actor.equals(before)) {
            seatPush(m, p.actor);
          }
        }
        break;
      }
      case SEAT_CHANGE_KICKED: {
        Participant p = existing(m, e.getParticipantId());
        m.participants.remove(p.id);
        if (p.role == Role.PLAYER) {
          seat(m, p.actor).players--;
          seatPush(m, p.actor);
        }
        break;
      }
      default:
        throw new ReplayException("a seat change of unknown kind " + e.getChange());
    }
  }

  private static Participant existing(GameModel m, String id) {
    Participant p = m.participants.get(id);
    if (p == null) {
      throw new ReplayException("the journal changes participant " + id + ", who never joined");
    }
    return p;
  }

  private static void orders(GameModel m, OrdersEntry e, long at) {
    Seat seat = seat(m, e.getActor());
    seat.status = e.getWait() ? SubmissionStatus.SUBMITTED_WAIT : SubmissionStatus.SUBMITTED_MOVES;
    seat.moves = List.copyOf(e.getMovesList());
    seat.submittedBy = e.getParticipantId();
    seat.submittedAt = at;
    seatPush(m, e.getActor());
  }

  private static void ready(GameModel m, ReadyEntry e) {
    seat(m, e.getActor()).ready = e.getReady();
    seatPush(m, e.getActor());
  }

  private static Seat seat(GameModel m, String actor) {
    Seat seat = m.seats.get(actor);
    if (seat == null) {
      throw new ReplayException("the journal names actor '" + actor + "', who is not in the scenario");
    }
    return seat;
  }

  private static void message(GameModel m, MessageEntry e, long at) {
    Press press = Press.newBuilder().setMessageId(e.getMessageId()).setTurn(e.getTurn())
        .setFromActor(e.getFromActor()).setFromName(e.getFromName()).setFromInstructor(e.getFromInstructor())
        .addAllTo(e.getToList()).setText(e.getText()).setSentAtEpochMillis(at).build();
    m.messages.add(press);
    m.nextPush(seq -> new Push.MessageSent(seq, press));
  }

  private static void inject(GameModel m, InjectEntry e) {
    m.injectEntries.add(e);
    InjectDef def = Injects.toEngine(m, e);
    m.handInjects.computeIfAbsent(e.getTurn(), t -> new ArrayList<>()).add(def);
    if (e.hasCustom()) {
      m.customInjects++;
    }
  }

  private static void instructorAction(GameModel m, InstructorActionEntry e) {
    switch (e.getAction()) {
      case ACTION_PAUSE:
        m.paused = true;
        m.remaining = e.getRemainingMillis();
        m.deadline = 0;
        phasePush(m, "paused");
        break;
      case ACTION_RESUME:
        m.paused = false;
        m.remaining = 0;
        m.deadline = e.getDeadlineEpochMillis();
        phasePush(m, "resumed");
        break;
      case ACTION_EXTEND_DEADLINE:
        m.deadline = e.getDeadlineEpochMillis();
        m.remaining = e.getRemainingMillis();
        phasePush(m, "deadline extended");
        break;
      case ACTION_END:
        m.endedByInstructor = true;
        break;
      case ACTION_START:
      case ACTION_FORCE_RESOLVE:
      case ACTION_CONTINUE:
        // Recorded for the debrief; the phase change or the resolution that follows carries the change.
        break;
      default:
        throw new ReplayException("an instructor action of unknown kind " + e.getAction());
    }
  }

  private static void phaseChanged(GameModel m, PhaseChangedEntry e) {
    if (e.getPhase() == Phase.ORDERS && (m.phase != Phase.ORDERS || m.turn != e.getTurn())) {
      for (Seat s : m.seats.values()) {
        s.reset(e.getTurn());
      }
    }
    m.phase = e.getPhase();
    m.turn = e.getTurn();
    m.deadline = e.getDeadlineEpochMillis();
    m.paused = false;
    m.remaining = 0;
    m.nextPush(seq -> new Push.PhaseChange(seq, m.phase, m.turn, m.deadline, false, 0, e.getReason()));
  }

  private static void turnResolved(GameModel m, TurnResolvedEntry e, Resolver.Resolution resolved) {
    if (e.getTurn() != m.nextResolutionTurn()) {
      throw new ReplayException("the journal resolves turn " + e.getTurn() + " after turn " + m.state.turn());
    }
    Resolver.Resolution res = resolved != null ? resolved : Resolver.resolve(m);
    TurnResult r = res.result();
    String expected = HexFormat.of().formatHex(e.getStateDigest().toByteArray());
    if (!r.record().stateDigest().equals(expected)) {
      throw new ReplayException("turn " + e.getTurn() + " replays to state digest " + r.record().stateDigest()
          + " but the journal recorded " + expected + " (a different engine, scenario or journal)");
    }
    TurnRecord record = r.record();
    m.effective = res.scenario();
    m.injectsApplied = res.injectsApplied();
    m.ordersByTurn.add(res.orders());
    m.state = r.next();
    m.states.add(r.next());
    m.records.add(record);
    java.util.SortedMap<String, String> defaulted = Resolver.defaulted(record);
    m.defaulted.put(record.turn(), defaulted);
    m.turn = record.turn();
    m.phase = r.next().isOver() ? Phase.ENDED : Phase.REPORT;
    m.deadline = 0;
    m.paused = false;
    m.remaining = 0;
    if (r.next().isOver()) {
      m.outcome = Protos.outcome(r.next().outcome());
      m.outcomeTurn = record.turn();
      m.outcomeDyads.clear();
      m.outcomeDyads.addAll(Outcomes.dyads(m.scenario, record, r.next()));
    }
    List<InjectDef> hand = m.handInjects.getOrDefault(record.turn(), List.of());
    GameState before = res.before();
    Push.TurnResolved push = (Push.TurnResolved) m.nextPush(
        seq -> new Push.TurnResolved(seq, record, before, r.next(), hand, defaulted));
    m.turns.add(push);
  }

  private static void seatPush(GameModel m, String actor) {
    Seat seat = m.seats.get(actor);
    if (seat == null) {
      throw new ReplayException("the journal names actor '" + actor + "', who is not in the scenario");
    }
    List<Participant> members = m.members(actor);
    List<brink.protocol.v1.Participant> people = new ArrayList<>();
    int connected = 0;
    for (Participant p : members) {
      people.add(p.toProto());
      if (p.connected()) {
        connected++;
      }
    }
    int c = connected;
    Push.SeatChange last = seat.lastPush;
    boolean seenChanged = last == null || last.members() != members.size() || last.ready() != seat.ready
        || last.submission() != seat.status;
    // The same people as the last push (connections included): that push's list, not a copy. A seat pushes on
    // every submission, and each push is kept in the game's push log, so equal lists were kept thousands of
    // times over in a busy game.
    boolean samePeople = last != null && last.participants().equals(people);
    boolean membersChanged = !samePeople && (last == null || !Push.SeatChange.sameMembers(last.participants(),
        people));
    List<brink.protocol.v1.Participant> kept = samePeople ? last.participants() : people;
    seat.lastPush = (Push.SeatChange) m.nextPush(seq -> new Push.SeatChange(seq, actor, members.size(), c,
        seat.ready, seat.status, kept, seenChanged, membersChanged));
  }

  private static void phasePush(GameModel m, String reason) {
    m.nextPush(seq -> new Push.PhaseChange(seq, m.phase, m.turn, m.paused ? 0 : m.deadline, m.paused,
        m.paused ? m.remaining : 0, reason));
  }
}
