package brink.server.game;

import brink.engine.Event;
import brink.engine.GameState;
import brink.engine.TurnRecord;
import brink.engine.def.ActorDef;
import brink.engine.def.InjectDef;
import brink.engine.def.Pair;
import brink.engine.def.RegionDef;
import brink.engine.def.UnitDef;
import brink.engine.def.Visibility;
import brink.engine.view.DyadView;
import brink.engine.view.UnitView;
import brink.engine.view.Viewer;
import brink.engine.view.Views;
import brink.protocol.v1.DefaultedSeat;
import brink.protocol.v1.EventKind;
import brink.protocol.v1.GameState.Builder;
import brink.protocol.v1.InjectStatus;
import brink.protocol.v1.Outcome;
import brink.protocol.v1.PhaseChanged;
import brink.protocol.v1.Press;
import brink.protocol.v1.Role;
import brink.protocol.v1.SeatChanged;
import brink.protocol.v1.SeatView;
import brink.protocol.v1.ServerMessage;
import brink.protocol.v1.Talks;
import brink.protocol.v1.TurnReport;
import brink.server.view.Protos;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The one door through which a game reaches a participant: every GameState, TurnReport, Press, SeatChanged
 * and PhaseChanged a participant receives, as an answer or a push, is made here for its {@link Audience}.
 *
 * <ul>
 *   <li>A player sees its own actor's private briefing, hidden numbers (standing, economy, audience cost,
 *       reserve, trust), orders, messages and rejections; the public record of everyone; and of others' moves
 *       what the engine's {@link Views} let its actor see (PARTIES moves of others as "contact", covert moves
 *       only when its actor made or detected them).
 *   <li>An observer sees the public record only.
 *   <li>An instructor sees everything, plus the participants, the bots, the scripted injects.
 *   <li>Once the game has ENDED, full views (GetState, JoinGame, a resume without replay) reveal everything
 *       to everyone; pushes keep the filter they had when they happened.
 * </ul>
 */
final class ViewFunction {
  private final Clock clock;

  ViewFunction(Clock clock) {
    this.clock = clock;
  }

  // ------------------------------------------------------------------ full view

  /** The full view of the game for a participant. */
  brink.protocol.v1.GameState gameState(GameModel m, Participant p) {
    Audience a = Audience.of(p, m.ended());
    brink.engine.def.Scenario sc = m.scenario;
    Builder b = brink.protocol.v1.GameState.newBuilder()
        .setGameId(m.gameId)
        .setScenarioId(sc.id())
        .setTitle(m.text(sc.title()))
        .setSummary(m.text(sc.summary()))
        .setBackground(m.text(sc.background()))
        .setPhase(m.phase)
        .setTurn(m.turn)
        .setMaxTurns(sc.rules().maxTurns())
        .setTurnLengthDays(sc.turnLengthDays())
        .setMaxMovesPerTurn(sc.rules().maxMovesPerTurn())
        .setDeadlineEpochMillis(m.paused ? 0 : m.deadline)
        .setPaused(m.paused)
        .setRemainingMillis(m.paused ? m.remaining : 0)
        .setServerTimeEpochMillis(clock.millis())
        .setViewerRole(p.role)
        .setViewerActor(p.actor)
        .setViewerParticipantId(p.id)
        .setSeq(m.seq);
    int shownTurn = Math.max(1, m.turn);
    b.setTurnStartDate(m.dates.turnStart(shownTurn)).setTurnEndDate(m.dates.turnEnd(shownTurn));
    if (a.player()) {
      b.setPrivateBriefing(Protos.text(actorDef(sc, p.actor).privateBriefing()));
      b.setOwnOrders(m.seats.get(p.actor).toProto());
    }
    b.addAllActors(actors(m, m.state, m.records.size(), a, true));
    b.addAllDyads(dyads(m, m.state, a));
    for (RegionDef r : sortedRegions(sc)) {
      b.addRegions(Protos.region(r));
    }
    b.addAllUnits(units(m, m.state, a));
    for (String actor : m.seats.keySet()) {
      b.addSeats(seatView(m, actor, a));
    }
    if (a.instructor()) {
      for (Participant q : m.participants.values()) {
        b.addParticipants(q.toProto());
      }
      for (brink.protocol.scenario.v1.Inject inj : m.scenarioProto.getInjectList()) {
        b.addScriptedInjects(InjectStatus.newBuilder().setInject(inj).setFiredTurn(firedTurn(m, inj.getId())));
      }
    }
    for (Press press : m.messages) {
      if (canRead(press, a)) {
        b.addMessages(press);
      }
    }
    for (Push.TurnResolved t : m.turns) {
      b.addReports(turnReport(m, t, a));
    }
    b.setOutcome(outcome(m));
    return b.build();
  }

  // ------------------------------------------------------------------ pushes

  /** A push as {@code audience} receives it, or empty when it is not for them. */
  Optional<ServerMessage> push(GameModel m, Push push, Audience audience) {
    Audience a = audience.live();
    ServerMessage.Builder out = ServerMessage.newBuilder().setSeq(push.seq());
    if (push instanceof Push.TurnResolved) {
      return Optional.of(out.setTurnReport(turnReport(m, (Push.TurnResolved) push, a)).build());
    } else if (push instanceof Push.MessageSent) {
      Press press = ((Push.MessageSent) push).press();
      return canRead(press, a) ? Optional.of(out.setPress(press).build()) : Optional.empty();
    } else if (push instanceof Push.PhaseChange) {
      Push.PhaseChange pc = (Push.PhaseChange) push;
      return Optional.of(out.setPhaseChanged(PhaseChanged.newBuilder().setGameId(m.gameId).setPhase(pc.phase())
          .setTurn(pc.turn()).setDeadlineEpochMillis(pc.deadlineEpochMillis()).setPaused(pc.paused())
          .setRemainingMillis(pc.remainingMillis()).setReason(pc.reason())).build());
    } else if (push instanceof Push.SeatChange) {
      Push.SeatChange sc = (Push.SeatChange) push;
      if (!sc.news(seesMembers(sc.actor(), a))) {
        // Orders replaced by other orders: the seat looks the same to this audience as its last push said.
        return Optional.empty();
      }
      return Optional.of(out.setSeatChanged(SeatChanged.newBuilder().setGameId(m.gameId)
          .setSeat(seatView(sc, a))).build());
    }
    throw new IllegalStateException("unknown push " + push);
  }

  /**
   * True when {@code push} is for nobody, whoever they are (a seat push that is news to no audience): the
   * game then skips asking {@link #push} for each participant.
   */
  static boolean forNobody(Push push) {
    return push instanceof Push.SeatChange && !((Push.SeatChange) push).news(true);
  }

  /** The current status of a seat as an ephemeral push (seq 0): connections came or went. */
  ServerMessage presence(GameModel m, String actor, Audience a) {
    return ServerMessage.newBuilder().setSeatChanged(SeatChanged.newBuilder().setGameId(m.gameId)
        .setSeat(seatView(m, actor, a))).build();
  }

  // ------------------------------------------------------------------ messages

  /** Public messages reach everyone; private ones their recipients, their sender's seat and the instructor. */
  static boolean canRead(Press press, Audience a) {
    if (a.seesAll() || press.getToCount() == 0) {
      return true;
    }
    return a.player() && (press.getToList().contains(a.actor()) || press.getFromActor().equals(a.actor()));
  }

  // ------------------------------------------------------------------ turn reports

  /** What the audience may know of one resolved turn. */
  TurnReport turnReport(GameModel m, Push.TurnResolved t, Audience a) {
    TurnRecord r = t.record();
    Viewer viewer = a.engineViewer();
    TurnRecord seen = Views.report(m.scenario, r, viewer);
    TurnReport.Builder b = TurnReport.newBuilder().setGameId(m.gameId).setTurn(r.turn())
        .setStartDate(m.dates.turnStart(r.turn())).setEndDate(m.dates.turnEnd(r.turn()));
    for (Event e : seen.events()) {
      if (e.fromInject()) {
        continue;
      }
      String from = "";
      if (!e.unit().isEmpty() && (a.seesAll() || a.is(e.actor())) && t.before().unitIds().contains(e.unit())) {
        from = t.before().unitLocation(e.unit());
      }
      b.addEvents(Protos.moveEvent(e, r.turn(), from));
    }
    Map<String, InjectDef> injects = m.allInjects();
    for (InjectDef d : t.handInjects()) {
      injects.put(d.id(), d);
    }
    for (String id : r.injectsFired()) {
      InjectDef inj = injects.get(id);
      if (inj != null && seesInject(inj, a)) {
        b.addEvents(Protos.injectEvent(inj, r.turn(), m.scriptedInject(id).isPresent()));
      }
    }
    for (brink.engine.DyadRecord d : r.dyads()) {
      if (d.incident()) {
        b.addEvents(Protos.pairEvent(EventKind.EVENT_INCIDENT, r.turn(), d.a(), d.b()));
      }
    }
    for (brink.engine.DyadRecord d : r.dyads()) {
      if (d.signed() && !t.before().signed(d.a(), d.b())) {
        b.addEvents(Protos.pairEvent(EventKind.EVENT_AGREEMENT, r.turn(), d.a(), d.b()));
      }
    }
    for (brink.engine.DyadRecord d : seen.dyads()) {
      if (d.talksActive()) {
        b.addEvents(Protos.pairEvent(EventKind.EVENT_TALKS, r.turn(), d.a(), d.b()));
      }
    }
    for (brink.engine.Rejection x : seen.rejections()) {
      b.addRejections(Protos.rejection(x));
    }
    for (Map.Entry<String, String> d : t.defaulted().entrySet()) {
      b.addDefaulted(DefaultedSeat.newBuilder().setActor(d.getKey()).setBot(d.getValue()));
    }
    b.addAllDyads(dyads(m, t.after(), a));
    b.addAllActors(actors(m, t.after(), r.turn(), a, false));
    if (r.outcome() != brink.engine.def.Outcome.ONGOING) {
      b.setOutcome(Outcome.newBuilder().setType(Protos.outcome(r.outcome())).setTurn(r.turn())
          .addAllDyads(Outcomes.dyads(m.scenario, r, t.after())));
    }
    return b.build();
  }

  /** An inject's headline reaches everyone (PUBLIC), its audience (PARTIES), or the instructor only (COVERT). */
  static boolean seesInject(InjectDef inj, Audience a) {
    if (a.seesAll() || inj.visibility() == Visibility.PUBLIC) {
      return true;
    }
    return inj.visibility() == Visibility.PARTIES && a.player() && inj.audience().contains(a.actor());
  }

  // ------------------------------------------------------------------ actors, dyads, units, seats

  /**
   * Every actor as the audience may know it; with its public briefing only in a full view ({@code briefings}),
   * not in a turn report: the briefings never change during a game, and were most of each report's bytes.
   */
  private List<brink.protocol.v1.ActorView> actors(GameModel m, GameState s, int upToTurn, Audience a,
      boolean briefings) {
    Map<String, Integer> totals = a.seesAll() ? trueTotals(s) : visibleTotals(m, upToTurn, a);
    List<brink.protocol.v1.ActorView> out = new ArrayList<>();
    for (String id : s.actorIds()) {
      ActorDef def = actorDef(m.scenario, id);
      brink.protocol.v1.ActorView.Builder b = brink.protocol.v1.ActorView.newBuilder().setId(id)
          .setName(m.text(def.name())).setRegime(Protos.regime(def.regime())).setNuclear(def.nuclear())
          .setAlert(s.alert(id)).setEscalationScore(totals.getOrDefault(id, 0));
      if (briefings) {
        b.setPublicBriefing(m.text(def.publicBriefing()));
      }
      if (a.seesAll() || a.is(id)) {
        b.setStability(s.stability(id)).setEcon(s.econ(id)).setAudienceCost(s.audienceCost(id))
            .setReserve(s.reserve(id));
      }
      if (a.instructor()) {
        b.setDefaultBot(m.bots.get(id));
      }
      out.add(b.build());
    }
    return out;
  }

  private static Map<String, Integer> trueTotals(GameState s) {
    Map<String, Integer> out = new HashMap<>();
    for (String id : s.actorIds()) {
      out.put(id, s.escalationTotal(id));
    }
    return out;
  }

  /** Escalation totals over the moves the audience has seen in turns 1..upToTurn (its own: the true total). */
  private static Map<String, Integer> visibleTotals(GameModel m, int upToTurn, Audience a) {
    return upToTurn == 0 ? Map.of() : m.seenTotals.after(m.records, upToTurn, a.engineViewer());
  }

  private List<brink.protocol.v1.DyadView> dyads(GameModel m, GameState s, Audience a) {
    List<DyadView> views;
    SortedMap<String, Double> ownTrust = new TreeMap<>();
    if (a.seesAll()) {
      views = allDyads(s);
    } else if (a.player()) {
      views = Views.dyads(s, a.engineViewer());
      ownTrust.putAll(Views.trust(s, a.actor()));
    } else {
      views = Views.dyads(s, Viewer.OBSERVER);
    }
    List<Pair> primary = s.primaryPairs();
    List<brink.protocol.v1.DyadView> out = new ArrayList<>();
    for (DyadView d : views) {
      brink.protocol.v1.DyadView.Builder b = brink.protocol.v1.DyadView.newBuilder().setA(d.a()).setB(d.b())
          .setTension(d.tension()).setRung(d.rung()).setLadderGroup(d.ladderGroup().text().en())
          .setPrimary(primary.contains(new Pair(d.a(), d.b())))
          .setDeployedAb(orZero(d.deployedAB())).setDeployedBa(orZero(d.deployedBA()))
          .setSanctionsAb(d.sanctionsAB()).setSanctionsBa(d.sanctionsBA());
      if (d.hostilityAB() != null) {
        b.setHostilityAb(d.hostilityAB());
      }
      if (d.hostilityBA() != null) {
        b.setHostilityBa(d.hostilityBA());
      }
      if (a.seesAll()) {
        b.setTrustAb(s.trust(d.a(), d.b())).setTrustBa(s.trust(d.b(), d.a()));
      } else if (a.is(d.a()) && ownTrust.containsKey(d.b())) {
        b.setTrustAb(ownTrust.get(d.b()));
      } else if (a.is(d.b()) && ownTrust.containsKey(d.a())) {
        b.setTrustBa(ownTrust.get(d.a()));
      }
      Talks.Builder talks = Talks.newBuilder().setSigned(d.signed()).setRelationsBroken(d.relationsBroken())
          .setOpen(Boolean.TRUE.equals(d.talksOpen())).setActive(Boolean.TRUE.equals(d.talksActive()));
      if (d.progress() != null) {
        talks.setProgress(d.progress());
      }
      out.add(b.setTalks(talks).build());
    }
    return out;
  }

  private static double orZero(Double d) {
    return d == null ? 0 : d;
  }

  /** Every dyad with every number: the instructor's view. */
  private static List<DyadView> allDyads(GameState s) {
    List<DyadView> out = new ArrayList<>();
    for (Pair p : s.pairs()) {
      String x = p.a();
      String y = p.b();
      out.add(new DyadView(x, y, s.tension(x, y), s.rung(x, y), s.ladderGroup(x, y), s.signed(x, y),
          s.relationsBroken(x, y), s.sanctions(x, y), s.sanctions(y, x), false, s.hostility(x, y),
          s.hostility(y, x), s.deployed(x, y), s.deployed(y, x), s.talksOpen(x, y), s.talksActive(x, y),
          s.progress(x, y)));
    }
    return out;
  }

  private List<brink.protocol.v1.UnitView> units(GameModel m, GameState s, Audience a) {
    Map<String, UnitDef> defs = new HashMap<>();
    for (UnitDef u : m.scenario.units()) {
      defs.put(u.id(), u);
    }
    List<UnitView> seen;
    if (a.seesAll()) {
      seen = new ArrayList<>();
      for (String id : s.unitIds()) {
        UnitDef u = defs.get(id);
        seen.add(new UnitView(id, u.owner(), u.size(), s.unitLocation(id), s.unitOnAlert(id)));
      }
    } else {
      seen = Views.units(s, a.engineViewer());
    }
    List<brink.protocol.v1.UnitView> out = new ArrayList<>();
    for (UnitView u : seen) {
      UnitDef def = defs.get(u.id());
      out.add(brink.protocol.v1.UnitView.newBuilder().setId(u.id()).setOwner(u.owner())
          .setName(m.text(def.name())).setSize(u.size()).setLocation(u.location()).setOnAlert(u.onAlert())
          .setDescription(m.text(def.description())).build());
    }
    return out;
  }

  /** A seat now: everyone sees its counts, readiness and submission; its own members and instructors its members. */
  SeatView seatView(GameModel m, String actor, Audience a) {
    Seat seat = m.seats.get(actor);
    List<Participant> members = m.members(actor);
    int connected = 0;
    List<brink.protocol.v1.Participant> people = new ArrayList<>();
    for (Participant p : members) {
      if (p.connected()) {
        connected++;
      }
      people.add(p.toProto());
    }
    return seatView(new Push.SeatChange(0, actor, members.size(), connected, seat.ready, seat.status, people), a);
  }

  private static SeatView seatView(Push.SeatChange sc, Audience a) {
    SeatView.Builder b = SeatView.newBuilder().setActor(sc.actor()).setMembers(sc.members())
        .setConnected(sc.connected()).setReady(sc.ready()).setSubmission(sc.submission());
    if (seesMembers(sc.actor(), a)) {
      b.addAllParticipants(sc.participants());
    }
    return b.build();
  }

  /** The instructor and the seat's own players see who is in a seat; everyone else only its counts. */
  private static boolean seesMembers(String actor, Audience a) {
    return a.instructor() || a.is(actor);
  }

  // ------------------------------------------------------------------ outcome, injects, helpers

  static Outcome outcome(GameModel m) {
    return Outcome.newBuilder().setType(m.outcome).setTurn(m.outcomeTurn).addAllDyads(m.outcomeDyads)
        .setEndedByInstructor(m.endedByInstructor).build();
  }

  private static int firedTurn(GameModel m, String injectId) {
    for (TurnRecord r : m.records) {
      if (r.injectsFired().contains(injectId)) {
        return r.turn();
      }
    }
    return 0;
  }

  static ActorDef actorDef(brink.engine.def.Scenario sc, String id) {
    for (ActorDef a : sc.actors()) {
      if (a.id().equals(id)) {
        return a;
      }
    }
    throw new IllegalArgumentException("no actor " + id);
  }

  private static List<RegionDef> sortedRegions(brink.engine.def.Scenario sc) {
    List<RegionDef> out = new ArrayList<>(sc.regions());
    out.sort((x, y) -> x.id().compareTo(y.id()));
    return out;
  }

  /** A role for logs. */
  static String describe(Role role, String actor) {
    switch (role) {
      case PLAYER:
        return "player of " + actor;
      case OBSERVER:
        return "observer";
      case INSTRUCTOR:
        return "instructor";
      default:
        return "nobody";
    }
  }
}
