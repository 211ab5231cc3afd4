package brink.server.report;

import brink.engine.ActorRecord;
import brink.engine.DyadRecord;
import brink.engine.Engine;
import brink.engine.Event;
import brink.engine.GameState;
import brink.engine.Ladder;
import brink.engine.MoveCatalogue;
import brink.engine.Objectives;
import brink.engine.Orders;
import brink.engine.TurnRecord;
import brink.engine.def.ActorDef;
import brink.engine.def.HistoricalMove;
import brink.engine.def.InjectDef;
import brink.engine.def.Move;
import brink.engine.def.MoveType;
import brink.engine.def.Pair;
import brink.engine.def.Scenario;
import brink.engine.def.TimelineEntry;
import brink.protocol.v1.ActorScore;
import brink.protocol.v1.ActorView;
import brink.protocol.v1.DefaultedSeat;
import brink.protocol.v1.Divergence;
import brink.protocol.v1.DyadView;
import brink.protocol.v1.EventKind;
import brink.protocol.v1.HistoricalOutcome;
import brink.protocol.v1.InjectRecord;
import brink.protocol.v1.InstructorActionEntry;
import brink.protocol.v1.InstructorActionRecord;
import brink.protocol.v1.MessageEntry;
import brink.protocol.v1.ObjectiveResult;
import brink.protocol.v1.Outcome;
import brink.protocol.v1.Participant;
import brink.protocol.v1.Press;
import brink.protocol.v1.Rejection;
import brink.protocol.v1.Report;
import brink.protocol.v1.RevealedBriefing;
import brink.protocol.v1.Role;
import brink.protocol.v1.SeatChange;
import brink.protocol.v1.SeatChangedEntry;
import brink.protocol.v1.Talks;
import brink.protocol.v1.TensionSeries;
import brink.protocol.v1.TurnReport;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Builds the {@link Report} from a {@link JournalReplay.Result}. Pure. */
final class ReportAssembler {
  private final Scenario scenario;
  private final JournalReplay.Result replay;

  ReportAssembler(Scenario scenario, JournalReplay.Result replay) {
    this.scenario = scenario;
    this.replay = replay;
  }

  Report build() {
    GameState last = replay.last();
    long seed = replay.created() == null ? 0 : replay.created().getSeed();
    Report.Builder b = Report.newBuilder()
        .setGameId(replay.gameId())
        .setScenarioId(scenario.id())
        .setTitle(ProtoMapping.text(scenario.title()))
        .setSummary(ProtoMapping.text(scenario.summary()))
        .setSeed(seed)
        .setTurnsPlayed(replay.turns().size());
    boolean over = last != null && last.isOver();
    b.setComplete(over || replay.ended());
    b.setOutcome(finalOutcome(last));
    for (JournalReplay.Turn t : replay.turns()) {
      b.addTurns(turnReport(t));
    }
    for (int k = 0; k < replay.messages().size(); k++) {
      b.addMessages(press(replay.messages().get(k), replay.messageTimes().get(k)));
    }
    b.addAllTension(tension());
    b.addAllScores(scores(last));
    b.addAllDivergence(divergence());
    for (TimelineEntry e : scenario.timeline()) {
      b.addTimeline(ProtoMapping.timeline(e));
    }
    b.addAllParticipants(participants());
    for (ActorDef a : sortedActors()) {
      b.addBriefings(RevealedBriefing.newBuilder()
          .setActor(a.id())
          .setPrivateBriefing(ProtoMapping.text(a.privateBriefing())));
    }
    b.addAllInjects(injects());
    b.setHistoricalOutcome(historicalOutcome(scenario, seed));
    for (int k = 0; k < replay.actions().size(); k++) {
      InstructorActionEntry a = replay.actions().get(k);
      b.addInstructorActions(InstructorActionRecord.newBuilder()
          .setAction(a.getAction())
          .setTurn(a.getTurn())
          .setByParticipantId(a.getByParticipantId())
          .setExtendedBySeconds(a.getExtendedBySeconds())
          .setReason(a.getReason())
          .setAtEpochMillis(replay.actionTimes().get(k)));
    }
    b.addAllReplayIssues(replay.issues());
    b.setReplayVerified(replay.verified());
    return b.build();
  }

  // ------------------------------------------------------------------ outcome

  private Outcome finalOutcome(GameState last) {
    if (last != null && last.isOver()) {
      JournalReplay.Turn lastTurn = replay.turns().get(replay.turns().size() - 1);
      return outcomeOf(lastTurn);
    }
    return Outcome.newBuilder().setEndedByInstructor(replay.endedByInstructor()).build();
  }

  /** The outcome a turn produced, with the dyads that triggered it. */
  private Outcome outcomeOf(JournalReplay.Turn t) {
    TurnRecord rec = t.result().record();
    GameState after = t.result().next();
    Outcome.Builder o = Outcome.newBuilder().setType(ProtoMapping.outcome(rec.outcome())).setTurn(rec.turn());
    TreeSet<Pair> dyads = new TreeSet<>();
    switch (rec.outcome()) {
      case NUCLEAR_CATASTROPHE:
      case WAR_DELIBERATE:
        boolean nuclear = rec.outcome() == brink.engine.def.Outcome.NUCLEAR_CATASTROPHE;
        for (Event e : rec.events()) {
          if (e.fromInject() || e.target().isEmpty()) {
            continue;
          }
          MoveCatalogue.Entry entry = MoveCatalogue.of(e.type());
          if (nuclear ? entry.catastrophe() : entry.force()) {
            dyads.add(new Pair(e.actor(), e.target()));
          }
        }
        break;
      case WAR_INADVERTENT:
        for (Pair p : after.pairs()) {
          if (after.warStreak(p.a(), p.b()) >= after.scenario().rules().warPersistTurns()) {
            dyads.add(p);
          }
        }
        break;
      case SETTLEMENT_FORMAL:
      case SETTLEMENT_TACIT:
        dyads.addAll(after.primaryPairs());
        break;
      default:
        break;
    }
    for (Pair p : dyads) {
      o.addDyads(brink.protocol.scenario.v1.Pair.newBuilder().setA(p.a()).setB(p.b()));
    }
    return o.build();
  }

  /**
   * The end of the real crisis: the engine's outcome when every actor plays exactly its historical moves
   * (others WAIT) from the same seed, with the scenario's own injects; the deciding historical moves give
   * the real date and notes.
   */
  static HistoricalOutcome historicalOutcome(Scenario scenario, long seed) {
    int lastHistorical = 0;
    for (HistoricalMove h : scenario.historical()) {
      lastHistorical = Math.max(lastHistorical, h.turn());
    }
    int maxTurns = scenario.rules().maxTurns() > 0 ? scenario.rules().maxTurns() : lastHistorical;
    GameState s;
    try {
      s = Engine.initial(scenario, seed);
      while (!s.isOver() && s.turn() < maxTurns) {
        int turn = s.turn() + 1;
        Orders.Builder orders = Orders.builder();
        for (String actor : s.actorIds()) {
          orders.submit(actor, historicalMoves(scenario, turn, actor));
        }
        s = Engine.resolve(s, orders.build()).next();
      }
    } catch (RuntimeException e) {
      // The replay already reports a scenario the engine cannot run; there is no history to tell.
      return HistoricalOutcome.getDefaultInstance();
    }
    if (!s.isOver()) {
      return HistoricalOutcome.getDefaultInstance();
    }
    HistoricalOutcome.Builder b = HistoricalOutcome.newBuilder()
        .setType(ProtoMapping.outcome(s.outcome()))
        .setTurn(s.outcomeTurn());
    boolean nuclear = s.outcome() == brink.engine.def.Outcome.NUCLEAR_CATASTROPHE;
    boolean war = s.outcome() == brink.engine.def.Outcome.WAR_DELIBERATE;
    String date = "";
    for (HistoricalMove h : scenario.historical()) {
      if (h.turn() != s.outcomeTurn() || !(nuclear || war)) {
        continue;
      }
      MoveCatalogue.Entry e = MoveCatalogue.of(h.move().type());
      if (nuclear ? e.catastrophe() : e.force()) {
        b.addNotes(ProtoMapping.text(h.note()));
        if (!h.date().isEmpty() && (date.isEmpty() || h.date().compareTo(date) < 0)) {
          date = h.date();
        }
      }
    }
    if (b.getNotesCount() == 0) {
      date = turnDates(scenario, s.outcomeTurn())[1];
      for (TimelineEntry e : scenario.timeline()) {
        if (e.turn() == s.outcomeTurn() && e.text() != null) {
          b.addNotes(ProtoMapping.text(e.text()));
        }
      }
    }
    return b.setDate(date).build();
  }

  private static List<Move> historicalMoves(Scenario scenario, int turn, String actor) {
    List<Move> moves = new ArrayList<>();
    for (HistoricalMove h : scenario.historical()) {
      if (h.turn() == turn && h.actor().equals(actor)) {
        moves.add(h.move());
      }
    }
    return moves;
  }

  /** {first day, last day} of a turn: turn t covers the turn_length_days days ending on start + t·length. */
  static String[] turnDates(Scenario scenario, int turn) {
    try {
      LocalDate start = LocalDate.parse(scenario.startDate());
      LocalDate end = start.plusDays((long) scenario.turnLengthDays() * turn);
      return new String[] {end.minusDays(scenario.turnLengthDays() - 1L).toString(), end.toString()};
    } catch (DateTimeParseException e) {
      return new String[] {"", ""};
    }
  }

  // ------------------------------------------------------------------ turns

  private TurnReport turnReport(JournalReplay.Turn t) {
    TurnRecord rec = t.result().record();
    GameState before = t.before();
    GameState after = t.result().next();
    String[] dates = turnDates(scenario, rec.turn());
    TurnReport.Builder b = TurnReport.newBuilder()
        .setGameId(replay.gameId())
        .setTurn(rec.turn())
        .setStartDate(dates[0])
        .setEndDate(dates[1]);
    for (Event e : rec.events()) {
      if (!e.fromInject()) {
        b.addEvents(moveEvent(rec.turn(), e, before));
      }
    }
    Set<String> scripted = new HashSet<>();
    scenario.injects().forEach(d -> scripted.add(d.id()));
    for (String id : rec.injectsFired()) {
      InjectDef def = injectDef(t.scenario(), id);
      if (def == null) {
        continue;
      }
      b.addEvents(brink.protocol.v1.Event.newBuilder()
          .setKind(EventKind.EVENT_INJECT)
          .setTurn(rec.turn())
          .setInjectId(scripted.contains(id) ? id : "")
          .setHeadline(ProtoMapping.text(def.headline()))
          .setBody(ProtoMapping.text(def.body()))
          .setSource(def.source())
          .setVisibility(ProtoMapping.visibility(def.visibility())));
    }
    for (DyadRecord d : rec.dyads()) {
      if (d.incident()) {
        b.addEvents(pairEvent(EventKind.EVENT_INCIDENT, rec.turn(), d));
      }
    }
    for (DyadRecord d : rec.dyads()) {
      if (d.signed() && !before.signed(d.a(), d.b())) {
        b.addEvents(pairEvent(EventKind.EVENT_AGREEMENT, rec.turn(), d));
      }
    }
    for (DyadRecord d : rec.dyads()) {
      if (d.talksActive()) {
        b.addEvents(pairEvent(EventKind.EVENT_TALKS, rec.turn(), d));
      }
    }
    for (brink.engine.Rejection r : rec.rejections()) {
      Rejection.Builder rb = Rejection.newBuilder()
          .setActor(r.actor())
          .setReason(r.reason().name())
          .setMessage(r.detail())
          .setWholeSubmission(r.wholeSubmission());
      if (r.move() != null) {
        rb.setMove(ProtoMapping.move(r.move()));
      }
      b.addRejections(rb);
    }
    rec.defaulted().forEach((actor, bot) -> b.addDefaulted(
        DefaultedSeat.newBuilder().setActor(actor).setBot(JournalReplay.botName(bot))));
    Set<Pair> primary = new HashSet<>(after.primaryPairs());
    for (DyadRecord d : rec.dyads()) {
      b.addDyads(dyadView(d, after, primary.contains(new Pair(d.a(), d.b()))));
    }
    for (ActorRecord a : rec.actors()) {
      b.addActors(actorView(a, t.scenario()));
    }
    if (rec.outcome() != brink.engine.def.Outcome.ONGOING) {
      b.setOutcome(outcomeOf(t));
    }
    return b.build();
  }

  private static InjectDef injectDef(Scenario s, String id) {
    for (InjectDef d : s.injects()) {
      if (d.id().equals(id)) {
        return d;
      }
    }
    return null;
  }

  private static brink.protocol.v1.Event moveEvent(int turn, Event e, GameState before) {
    brink.protocol.v1.Event.Builder b = brink.protocol.v1.Event.newBuilder()
        .setKind(EventKind.EVENT_MOVE)
        .setTurn(turn)
        .setActor(e.actor())
        .setMove(ProtoMapping.moveType(e.type()))
        .setCameoCode(e.cameo())
        .setGoldstein(e.goldstein())
        .setMagnitude(e.magnitude())
        .setTarget(e.target())
        .setTargetB(e.targetB())
        .setUnit(e.unit())
        .setRegion(e.region())
        .setQuantity(e.quantity())
        .setVisibility(ProtoMapping.visibility(e.visibility()))
        .setDetected(e.detected());
    boolean unitMove = e.type() == MoveType.DEPLOY_TROOPS || e.type() == MoveType.WITHDRAW_TROOPS;
    if (unitMove && !e.unit().isEmpty() && before.unitIds().contains(e.unit())) {
      b.setFromRegion(before.unitLocation(e.unit()));
    }
    return b.build();
  }

  private static brink.protocol.v1.Event pairEvent(EventKind kind, int turn, DyadRecord d) {
    return brink.protocol.v1.Event.newBuilder()
        .setKind(kind)
        .setTurn(turn)
        .setActor(d.a())
        .setTarget(d.b())
        .setVisibility(brink.protocol.scenario.v1.Visibility.PUBLIC)
        .build();
  }

  private static DyadView dyadView(DyadRecord d, GameState after, boolean primary) {
    return DyadView.newBuilder()
        .setA(d.a())
        .setB(d.b())
        .setTension(d.tension())
        .setRung(d.rung())
        .setLadderGroup(d.ladderGroup().text().en())
        .setPrimary(primary)
        .setHostilityAb(d.hostilityAB())
        .setHostilityBa(d.hostilityBA())
        .setTrustAb(after.trust(d.a(), d.b()))
        .setTrustBa(after.trust(d.b(), d.a()))
        .setDeployedAb(after.deployed(d.a(), d.b()))
        .setDeployedBa(after.deployed(d.b(), d.a()))
        .setSanctionsAb(after.sanctions(d.a(), d.b()))
        .setSanctionsBa(after.sanctions(d.b(), d.a()))
        .setTalks(Talks.newBuilder()
            .setOpen(d.talksOpen())
            .setActive(d.talksActive())
            .setProgress(d.progress())
            .setSigned(d.signed())
            .setRelationsBroken(d.relationsBroken()))
        .build();
  }

  private static ActorView actorView(ActorRecord a, Scenario s) {
    ActorView.Builder b = ActorView.newBuilder()
        .setId(a.id())
        .setAlert(a.alert())
        .setEscalationScore(a.escalationTotal())
        .setStability(a.stability())
        .setEcon(a.econ())
        .setAudienceCost(a.audienceCost())
        .setReserve(a.reserve());
    for (ActorDef d : s.actors()) {
      if (d.id().equals(a.id())) {
        b.setName(ProtoMapping.text(d.name()))
            .setRegime(ProtoMapping.regime(d.regime()))
            .setNuclear(d.nuclear())
            .setDefaultBot(d.defaultBot());
      }
    }
    return b.build();
  }

  private static Press press(MessageEntry m, long at) {
    List<String> to = new ArrayList<>(m.getToList());
    to.sort(Comparator.naturalOrder());
    return Press.newBuilder()
        .setMessageId(m.getMessageId())
        .setTurn(m.getTurn())
        .setFromActor(m.getFromActor())
        .setFromName(m.getFromName())
        .setFromInstructor(m.getFromInstructor())
        .addAllTo(to)
        .setText(m.getText())
        .setSentAtEpochMillis(at)
        .build();
  }

  // ------------------------------------------------------------------ series and scores

  private List<TensionSeries> tension() {
    List<TensionSeries> out = new ArrayList<>();
    GameState initial = replay.initial();
    if (initial == null) {
      return out;
    }
    Set<Pair> primary = new HashSet<>(initial.primaryPairs());
    for (Pair p : initial.pairs()) {
      TensionSeries.Builder s = TensionSeries.newBuilder().setA(p.a()).setB(p.b()).setPrimary(primary.contains(p));
      add(s, initial.tension(p.a(), p.b()), initial.rung(p.a(), p.b()));
      for (JournalReplay.Turn t : replay.turns()) {
        DyadRecord d = t.result().record().dyad(p.a(), p.b());
        add(s, d.tension(), d.rung());
      }
      out.add(s.build());
    }
    return out;
  }

  private static void add(TensionSeries.Builder s, double tension, int rung) {
    s.addTension(tension).addRung(rung).addRungName(ProtoMapping.text(Ladder.name(rung)));
  }

  private List<ActorScore> scores(GameState last) {
    List<ActorScore> out = new ArrayList<>();
    if (last == null) {
      return out;
    }
    for (Objectives.Score score : Objectives.evaluate(last)) {
      ActorScore.Builder b = ActorScore.newBuilder()
          .setActor(score.actor())
          .setObjectivesMet(score.met())
          .setObjectivesTotal(score.total())
          .setFinalStability(score.stability())
          .setEscalationScore(score.escalationTotal());
      for (Objectives.Result r : score.results()) {
        b.addObjectives(ObjectiveResult.newBuilder()
            .setId(r.objective().id())
            .setDescription(ProtoMapping.text(r.objective().description()))
            .setMet(r.met()));
      }
      for (JournalReplay.Turn t : replay.turns()) {
        b.addEscalationByTurn(t.result().record().actor(score.actor()).escalationScore());
      }
      for (ActorDef a : scenario.actors()) {
        if (a.id().equals(score.actor())) {
          b.setName(ProtoMapping.text(a.name()));
        }
      }
      out.add(b.build());
    }
    return out;
  }

  // ------------------------------------------------------------------ divergence

  private List<Divergence> divergence() {
    List<Divergence> out = new ArrayList<>();
    for (JournalReplay.Turn t : replay.turns()) {
      TurnRecord rec = t.result().record();
      for (String actor : t.before().actorIds()) {
        Divergence.Builder d = Divergence.newBuilder().setTurn(rec.turn()).setActor(actor);
        List<Move> historical = new ArrayList<>();
        for (HistoricalMove h : scenario.historical()) {
          if (h.turn() == rec.turn() && h.actor().equals(actor)) {
            historical.add(h.move());
            d.addHistorical(ProtoMapping.move(h.move()));
            d.addNotes(ProtoMapping.text(h.note()));
            d.addDates(h.date());
          }
        }
        List<Move> played = accepted(t, actor);
        for (Move m : played) {
          d.addPlayed(ProtoMapping.move(m));
        }
        String bot = rec.defaulted().get(actor);
        d.setDefaulted(bot != null);
        d.setBot(bot == null ? "" : JournalReplay.botName(bot));
        d.setDiverged(!sameMoves(played, historical));
        out.add(d.build());
      }
    }
    return out;
  }

  /**
   * The moves of the seat the engine accepted: its orders, or its bot's moves, less the rejected ones
   * (all of them when the whole submission was refused), WAIT left out.
   */
  static List<Move> accepted(JournalReplay.Turn t, String actor) {
    List<Move> submitted;
    if (t.orders().submitted(actor)) {
      submitted = t.orders().of(actor);
    } else {
      submitted = t.botMoves().getOrDefault(actor, List.of());
    }
    List<Move> left = new ArrayList<>(submitted);
    for (brink.engine.Rejection r : t.result().record().rejections()) {
      if (!r.actor().equals(actor)) {
        continue;
      }
      if (r.wholeSubmission()) {
        return List.of();
      }
      left.remove(r.move());
    }
    left.removeIf(m -> m.type() == MoveType.WAIT);
    return left;
  }

  /** Same moves, order aside (a submission's order never changes its effects). */
  static boolean sameMoves(List<Move> a, List<Move> b) {
    if (a.size() != b.size()) {
      return false;
    }
    Map<Move, Integer> count = new HashMap<>();
    a.forEach(m -> count.merge(m, 1, Integer::sum));
    for (Move m : b) {
      Integer n = count.get(m);
      if (n == null || n == 0) {
        return false;
      }
      count.put(m, n - 1);
    }
    return true;
  }

  // ------------------------------------------------------------------ people, injects

  private List<Participant> participants() {
    TreeMap<String, Participant> byId = new TreeMap<>();
    for (SeatChangedEntry c : replay.seatChanges()) {
      Participant old = byId.get(c.getParticipantId());
      Participant.Builder p = old == null
          ? Participant.newBuilder().setParticipantId(c.getParticipantId())
          : old.toBuilder();
      if (!c.getName().isEmpty()) {
        p.setName(c.getName());
      }
      if (c.getChange() == SeatChange.SEAT_CHANGE_KICKED) {
        // A kicked participant still took part: keep the role and seat they had.
        if (old == null) {
          p.setRole(c.getPreviousRole()).setActor(c.getPreviousActor());
        }
      } else {
        p.setRole(c.getRole()).setActor(c.getRole() == Role.PLAYER ? c.getActor() : "");
      }
      byId.put(c.getParticipantId(), p.build());
    }
    return new ArrayList<>(byId.values());
  }

  private List<InjectRecord> injects() {
    List<InjectRecord> out = new ArrayList<>();
    Set<String> byInstructor = new HashSet<>();
    for (JournalReplay.Inject i : replay.injects()) {
      byInstructor.add(i.def().id());
    }
    for (JournalReplay.Turn t : replay.turns()) {
      for (String id : t.result().record().injectsFired()) {
        InjectDef def = injectDef(scenario, id);
        if (def != null && !byInstructor.contains(id)) {
          out.add(InjectRecord.newBuilder()
              .setTurn(t.turn())
              .setInject(ProtoMapping.inject(def))
              .setScripted(true)
              .setFired(true)
              .build());
        }
      }
    }
    for (JournalReplay.Inject i : replay.injects()) {
      int turn = i.entry().getTurn();
      boolean fired = false;
      for (JournalReplay.Turn t : replay.turns()) {
        fired |= t.turn() == turn && t.result().record().injectsFired().contains(i.def().id());
      }
      out.add(InjectRecord.newBuilder()
          .setTurn(turn)
          .setInject(ProtoMapping.inject(i.def()))
          .setByInstructor(true)
          .setByParticipantId(i.entry().getByParticipantId())
          .setScripted(i.scripted())
          .setFired(fired)
          .build());
    }
    out.sort(Comparator.comparingInt(InjectRecord::getTurn)
        .thenComparing(InjectRecord::getByInstructor)
        .thenComparing(r -> r.getInject().getId()));
    return out;
  }

  private List<ActorDef> sortedActors() {
    List<ActorDef> actors = new ArrayList<>(scenario.actors());
    actors.sort(Comparator.comparing(ActorDef::id));
    return actors;
  }
}
