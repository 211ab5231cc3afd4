package brink.server.report;

import brink.engine.Goldstein;
import brink.protocol.scenario.v1.DyadChange;
import brink.protocol.scenario.v1.Effect;
import brink.protocol.scenario.v1.Move;
import brink.protocol.scenario.v1.MoveType;
import brink.protocol.scenario.v1.Text;
import brink.protocol.v1.ActorScore;
import brink.protocol.v1.DefaultedSeat;
import brink.protocol.v1.Divergence;
import brink.protocol.v1.DyadView;
import brink.protocol.v1.Event;
import brink.protocol.v1.EventKind;
import brink.protocol.v1.HistoricalOutcome;
import brink.protocol.v1.InjectRecord;
import brink.protocol.v1.InstructorAction;
import brink.protocol.v1.InstructorActionRecord;
import brink.protocol.v1.ObjectiveResult;
import brink.protocol.v1.Outcome;
import brink.protocol.v1.Press;
import brink.protocol.v1.Rejection;
import brink.protocol.v1.ReplayIssue;
import brink.protocol.v1.Report;
import brink.protocol.v1.RevealedBriefing;
import brink.protocol.v1.TensionSeries;
import brink.protocol.v1.TurnReport;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Writes a {@link Report} as a Markdown debrief: the outcome beside history's, then turn by turn the moves
 * (CAMEO code, Goldstein weight, visibility), refused orders, bots, injects, incidents, messages, tension
 * and what really happened; then the tension of each dyad with Kahn's rung names, the scores, the
 * objectives, the divergence from history, the private briefings and the replay check. Numbers are written
 * with '.' and a fixed number of decimals whatever the machine's locale.
 */
final class MarkdownDebrief {
  private final Report report;
  private final Labels l;
  private final StringBuilder out = new StringBuilder();
  private final Map<String, Text> names = new TreeMap<>();

  MarkdownDebrief(Report report, Labels labels) {
    this.report = report;
    this.l = labels;
    for (TurnReport t : report.getTurnsList()) {
      t.getActorsList().forEach(a -> names.put(a.getId(), a.getName()));
    }
    for (ActorScore s : report.getScoresList()) {
      names.put(s.getActor(), s.getName());
    }
  }

  String render() {
    header();
    outcome();
    for (TurnReport t : report.getTurnsList()) {
      turn(t);
    }
    otherMessages();
    tensionSeries();
    scores();
    objectives();
    divergence();
    briefings();
    actions();
    replayCheck();
    return out.toString();
  }

  // ------------------------------------------------------------------ sections

  private void header() {
    line("# " + l.get("title") + " — " + text(report.getTitle()));
    line();
    if (!text(report.getSummary()).isEmpty()) {
      paragraph(text(report.getSummary()));
    }
    line("- " + l.get("scenario") + c() + "`" + report.getScenarioId() + "`");
    line("- " + l.get("game") + c() + "`" + report.getGameId() + "`");
    line("- " + l.get("seed") + c() + Long.toUnsignedString(report.getSeed()));
    line("- " + l.get("turns_played") + c() + report.getTurnsPlayed() + " ("
        + l.get(report.getComplete() ? "status_complete" : "status_ongoing") + ")");
    line("- " + (report.getReplayVerified() ? l.get("replay_ok")
        : l.format("replay_bad", report.getReplayIssuesCount())));
    line();
  }

  private void outcome() {
    line("## " + l.get("h_outcome"));
    line();
    line("| | " + l.get("col_outcome") + " | " + l.get("col_turn") + " | " + l.get("col_date") + " |");
    line("|---|---|---|---|");
    Outcome o = report.getOutcome();
    String classOutcome = l.get(o.getType().name());
    if (o.getEndedByInstructor()) {
      classOutcome += " (" + l.get("ended_by_instructor") + ")";
    }
    String classDate = "";
    for (TurnReport t : report.getTurnsList()) {
      if (t.getTurn() == o.getTurn() && o.getTurn() > 0) {
        classDate = t.getStartDate() + " – " + t.getEndDate();
      }
    }
    row(l.get("the_class"), classOutcome, o.getTurn() > 0 ? String.valueOf(o.getTurn()) : "", classDate);
    HistoricalOutcome h = report.getHistoricalOutcome();
    row(l.get("history"), l.get(h.getType().name()), h.getTurn() > 0 ? String.valueOf(h.getTurn()) : "",
        h.getDate());
    line();
    if (o.getDyadsCount() > 0) {
      List<String> dyads = new ArrayList<>();
      o.getDyadsList().forEach(p -> dyads.add(actor(p.getA()) + " – " + actor(p.getB())));
      line(l.get("outcome_dyads") + c() + String.join(", ", dyads) + ".");
      line();
    }
    if (h.getNotesCount() > 0) {
      line("**" + l.get("history_notes") + "**");
      line();
      for (Text n : h.getNotesList()) {
        bullet(text(n));
      }
      line();
    }
  }

  private void turn(TurnReport t) {
    line("## " + l.format("h_turn", t.getTurn())
        + (t.getStartDate().isEmpty() ? "" : " (" + t.getStartDate() + " – " + t.getEndDate() + ")"));
    line();
    moves(t);
    rejections(t);
    bots(t);
    turnInjects(t.getTurn());
    otherEvents(t);
    messages(t.getTurn());
    turnTension(t);
    turnHistory(t.getTurn());
    timeline(t.getTurn());
  }

  private void moves(TurnReport t) {
    line("### " + l.get("h_moves"));
    line();
    List<Event> moves = new ArrayList<>();
    for (Event e : t.getEventsList()) {
      if (e.getKind() == EventKind.EVENT_MOVE) {
        moves.add(e);
      }
    }
    if (moves.isEmpty()) {
      line(l.get("no_moves"));
      line();
      return;
    }
    line("| " + l.get("col_actor") + " | " + l.get("col_move") + " | " + l.get("col_cameo") + " | "
        + l.get("col_goldstein") + " | " + l.get("col_visibility") + " |");
    line("|---|---|---|---:|---|");
    for (Event e : moves) {
      String cameo = e.getCameoCode().isEmpty() ? "" : e.getCameoCode() + " " + cameoName(e.getCameoCode());
      String vis = l.get(e.getVisibility().name());
      if (e.getVisibility() == brink.protocol.scenario.v1.Visibility.COVERT) {
        vis += " (" + l.get(e.getDetected() ? "detected" : "undetected") + ")";
      }
      row(actor(e.getActor()), eventMove(e), cameo, signed(e.getGoldstein(), 1), vis);
    }
    line();
  }

  private void rejections(TurnReport t) {
    if (t.getRejectionsCount() == 0) {
      return;
    }
    line("### " + l.get("h_rejections"));
    line();
    for (Rejection r : t.getRejectionsList()) {
      String what = r.getWholeSubmission() || !r.hasMove() ? l.get("whole_submission") : move(r.getMove());
      bullet(actor(r.getActor()) + c() + what + " — `" + r.getReason() + "`"
          + (r.getMessage().isEmpty() ? "" : " " + r.getMessage()));
    }
    line();
  }

  private void bots(TurnReport t) {
    if (t.getDefaultedCount() == 0) {
      return;
    }
    line("### " + l.get("h_bots"));
    line();
    for (DefaultedSeat d : t.getDefaultedList()) {
      bullet(actor(d.getActor()) + c()
          + (d.getBot().isEmpty() ? l.get("waited") : l.get("played_by") + " `" + d.getBot() + "`"));
    }
    line();
  }

  private void turnInjects(int turn) {
    List<InjectRecord> injects = new ArrayList<>();
    for (InjectRecord r : report.getInjectsList()) {
      if (r.getTurn() == turn) {
        injects.add(r);
      }
    }
    if (injects.isEmpty()) {
      return;
    }
    line("### " + l.get("h_injects"));
    line();
    for (InjectRecord r : injects) {
      injectLine(r);
    }
    line();
  }

  private void injectLine(InjectRecord r) {
    brink.protocol.scenario.v1.Inject i = r.getInject();
    StringBuilder s = new StringBuilder("**" + text(i.getHeadline()) + "**");
    if (!i.getSource().isEmpty()) {
      s.append(" (").append(i.getSource()).append(")");
    }
    s.append(" `").append(i.getId()).append("`");
    if (r.getByInstructor()) {
      s.append(" — ").append(l.get("by_instructor"));
    }
    if (!r.getFired()) {
      s.append(" — ").append(l.get("not_fired"));
    }
    List<String> effects = new ArrayList<>();
    for (Effect e : i.getEffectList()) {
      effects.add(effect(e));
    }
    s.append(" — ").append(l.get("effects")).append(c())
        .append(effects.isEmpty() ? l.get("no_effect") : String.join("; ", effects));
    if (!text(i.getBody()).isEmpty()) {
      s.append("\n").append(text(i.getBody()));
    }
    bullet(s.toString());
  }

  private void otherEvents(TurnReport t) {
    List<String> lines = new ArrayList<>();
    for (Event e : t.getEventsList()) {
      String key;
      switch (e.getKind()) {
        case EVENT_INCIDENT:
          key = "incident";
          break;
        case EVENT_AGREEMENT:
          key = "agreement";
          break;
        case EVENT_TALKS:
          key = "talks";
          break;
        default:
          continue;
      }
      lines.add(l.format(key, actor(e.getActor()), actor(e.getTarget())));
    }
    if (lines.isEmpty()) {
      return;
    }
    line("### " + l.get("h_other_events"));
    line();
    lines.forEach(this::bullet);
    line();
  }

  private void messages(int turn) {
    List<Press> list = new ArrayList<>();
    for (Press p : report.getMessagesList()) {
      if (p.getTurn() == turn) {
        list.add(p);
      }
    }
    if (list.isEmpty()) {
      return;
    }
    line("### " + l.get("h_messages"));
    line();
    list.forEach(this::message);
    line();
  }

  private void message(Press p) {
    String from = p.getFromInstructor() ? l.get("instructor") : actor(p.getFromActor());
    if (!p.getFromName().isEmpty()) {
      from += " (" + p.getFromName() + ")";
    }
    List<String> to = new ArrayList<>();
    p.getToList().forEach(a -> to.add(actor(a)));
    String dest = to.isEmpty() ? l.get("everyone") : String.join(", ", to);
    String kind = l.get(to.isEmpty() ? "public_message" : "private_message");
    bullet("**" + from + " → " + dest + "** (" + kind + ", #" + Long.toUnsignedString(p.getMessageId()) + ")" + c()
        + p.getText());
  }

  private void otherMessages() {
    Set<Integer> played = new HashSet<>();
    report.getTurnsList().forEach(t -> played.add(t.getTurn()));
    List<Press> list = new ArrayList<>();
    for (Press p : report.getMessagesList()) {
      if (!played.contains(p.getTurn())) {
        list.add(p);
      }
    }
    if (list.isEmpty()) {
      return;
    }
    line("## " + l.get("h_other_messages"));
    line();
    for (Press p : list) {
      message(p);
    }
    line();
  }

  private void turnTension(TurnReport t) {
    line("### " + l.get("h_tension_turn"));
    line();
    line("| " + l.get("col_dyad") + " | " + l.get("col_tension") + " | " + l.get("col_change") + " | "
        + l.get("col_rung") + " |");
    line("|---|---:|---:|---|");
    for (DyadView d : t.getDyadsList()) {
      String change = "";
      for (TensionSeries s : report.getTensionList()) {
        if (s.getA().equals(d.getA()) && s.getB().equals(d.getB()) && t.getTurn() < s.getTensionCount()) {
          change = signed(s.getTension(t.getTurn()) - s.getTension(t.getTurn() - 1), 1);
        }
      }
      String dyad = actor(d.getA()) + " – " + actor(d.getB()) + (d.getPrimary() ? " *" : "");
      row(dyad, fixed(d.getTension(), 1), change, d.getRung() + " " + rungName(d.getA(), d.getB(), t.getTurn()));
    }
    line();
  }

  private void turnHistory(int turn) {
    List<Divergence> list = new ArrayList<>();
    for (Divergence d : report.getDivergenceList()) {
      if (d.getTurn() == turn) {
        list.add(d);
      }
    }
    if (list.isEmpty()) {
      return;
    }
    line("### " + l.get("h_history_turn"));
    line();
    line("| " + l.get("col_actor") + " | " + l.get("col_history") + " | " + l.get("col_class") + " | |");
    line("|---|---|---|---|");
    for (Divergence d : list) {
      row(actor(d.getActor()), historyCell(d), classCell(d), l.get(d.getDiverged() ? "diverged" : "as_history"));
    }
    line();
  }

  private void timeline(int turn) {
    List<String> lines = new ArrayList<>();
    for (brink.protocol.scenario.v1.TimelineEntry e : report.getTimelineList()) {
      if (e.getTurn() == turn) {
        lines.add(e.getDate() + c() + text(e.getText()));
      }
    }
    if (lines.isEmpty()) {
      return;
    }
    line("### " + l.get("h_timeline"));
    line();
    lines.forEach(this::bullet);
    line();
  }

  private void tensionSeries() {
    line("## " + l.get("h_tension"));
    line();
    for (TensionSeries s : report.getTensionList()) {
      line("### " + actor(s.getA()) + " – " + actor(s.getB()) + (s.getPrimary() ? " (" + l.get("primary") + ")" : ""));
      line();
      line("| " + l.get("col_turn") + " | " + l.get("col_tension") + " | " + l.get("col_rung") + " |");
      line("|---|---:|---|");
      for (int k = 0; k < s.getTensionCount(); k++) {
        String name = k < s.getRungNameCount() ? text(s.getRungName(k)) : "";
        row(k == 0 ? l.get("start") : String.valueOf(k), fixed(s.getTension(k), 1), s.getRung(k) + " " + name);
      }
      line();
    }
  }

  private void scores() {
    line("## " + l.get("h_scores"));
    line();
    line(l.get("scores_note"));
    line();
    StringBuilder head = new StringBuilder("| " + l.get("col_actor") + " |");
    StringBuilder rule = new StringBuilder("|---|");
    for (int t = 1; t <= report.getTurnsPlayed(); t++) {
      head.append(" T").append(t).append(" |");
      rule.append("---:|");
    }
    head.append(" ").append(l.get("col_total")).append(" | ").append(l.get("col_stability")).append(" | ")
        .append(l.get("col_objectives")).append(" |");
    rule.append("---:|---:|---:|");
    line(head.toString());
    line(rule.toString());
    for (ActorScore s : report.getScoresList()) {
      List<String> cells = new ArrayList<>();
      cells.add(actor(s.getActor()));
      for (double es : s.getEscalationByTurnList()) {
        cells.add(fixed(es, 0));
      }
      cells.add(fixed(s.getEscalationScore(), 0));
      cells.add(fixed(s.getFinalStability(), 1));
      cells.add(s.getObjectivesMet() + " / " + s.getObjectivesTotal());
      row(cells.toArray(new String[0]));
    }
    line();
  }

  private void objectives() {
    line("## " + l.get("h_objectives"));
    line();
    for (ActorScore s : report.getScoresList()) {
      line("### " + actor(s.getActor()));
      line();
      if (s.getObjectivesCount() == 0) {
        line(l.get("no_objectives"));
      }
      for (ObjectiveResult o : s.getObjectivesList()) {
        bullet((o.getMet() ? "✅ " : "❌ ") + text(o.getDescription()) + " (`" + o.getId() + "`" + c()
            + l.get(o.getMet() ? "met" : "not_met") + ")");
      }
      line();
    }
  }

  private void divergence() {
    line("## " + l.get("h_divergence"));
    line();
    List<Divergence> list = new ArrayList<>();
    for (Divergence d : report.getDivergenceList()) {
      if (d.getDiverged()) {
        list.add(d);
      }
    }
    if (list.isEmpty()) {
      line(l.get("no_divergence"));
      line();
      return;
    }
    line("| " + l.get("col_turn") + " | " + l.get("col_actor") + " | " + l.get("col_history") + " | "
        + l.get("col_class") + " |");
    line("|---|---|---|---|");
    for (Divergence d : list) {
      row(String.valueOf(d.getTurn()), actor(d.getActor()), historyCell(d), classCell(d));
    }
    line();
  }

  private void briefings() {
    line("## " + l.get("h_briefings"));
    line();
    for (RevealedBriefing b : report.getBriefingsList()) {
      line("### " + actor(b.getActor()));
      line();
      paragraph(text(b.getPrivateBriefing()));
    }
  }

  private void actions() {
    if (report.getInstructorActionsCount() == 0) {
      return;
    }
    line("## " + l.get("h_actions"));
    line();
    for (InstructorActionRecord a : report.getInstructorActionsList()) {
      String what = a.getAction() == InstructorAction.ACTION_EXTEND_DEADLINE
          ? l.format(a.getAction().name(), a.getExtendedBySeconds())
          : l.get(a.getAction() == InstructorAction.UNRECOGNIZED
              ? "INSTRUCTOR_ACTION_UNSPECIFIED" : a.getAction().name());
      bullet(l.format("h_turn", a.getTurn()) + c() + l.get("instructor") + " " + what
          + (a.getReason().isEmpty() ? "" : " — " + a.getReason()));
    }
    line();
  }

  private void replayCheck() {
    line("## " + l.get("h_replay"));
    line();
    if (report.getReplayIssuesCount() == 0) {
      line(report.getReplayVerified() ? l.get("replay_ok") : "");
      line();
      return;
    }
    for (ReplayIssue i : report.getReplayIssuesList()) {
      StringBuilder s = new StringBuilder();
      if (i.getTurn() > 0) {
        s.append(l.format("h_turn", i.getTurn())).append(c());
      }
      s.append("`").append(i.getKind().name()).append("` ").append(i.getMessage());
      if (!i.getJournal().isEmpty() || !i.getReplay().isEmpty()) {
        s.append(" (").append(l.get("journal")).append(" `").append(i.getJournal()).append("`, ")
            .append(l.get("replay")).append(" `").append(i.getReplay()).append("`)");
      }
      bullet(s.toString());
    }
    line();
  }

  // ------------------------------------------------------------------ pieces

  private String historyCell(Divergence d) {
    if (d.getHistoricalCount() == 0) {
      return l.get("nothing_notable");
    }
    List<String> moves = new ArrayList<>();
    for (int k = 0; k < d.getHistoricalCount(); k++) {
      String date = k < d.getDatesCount() && !d.getDates(k).isEmpty() ? " (" + d.getDates(k) + ")" : "";
      moves.add(move(d.getHistorical(k)) + date);
    }
    return String.join("; ", moves);
  }

  private String classCell(Divergence d) {
    List<String> moves = new ArrayList<>();
    d.getPlayedList().forEach(m -> moves.add(move(m)));
    String s = moves.isEmpty() ? l.get("nothing_notable") : String.join("; ", moves);
    if (d.getDefaulted()) {
      s += d.getBot().isEmpty() ? " (" + l.get("waited") + ")" : " (" + l.get("played_by") + " `" + d.getBot() + "`)";
    }
    return s;
  }

  private String rungName(String a, String b, int turn) {
    for (TensionSeries s : report.getTensionList()) {
      if (s.getA().equals(a) && s.getB().equals(b) && turn < s.getRungNameCount()) {
        return text(s.getRungName(turn));
      }
    }
    return "";
  }

  private String eventMove(Event e) {
    Move.Builder m = Move.newBuilder()
        .setType(e.getMove())
        .setTarget(e.getTarget())
        .setTargetB(e.getTargetB())
        .setUnit(e.getUnit())
        .setRegion(e.getRegion())
        .setQuantity(e.getQuantity());
    String s = move(m.build());
    if (!e.getUnit().isEmpty() && !e.getTarget().isEmpty()) {
      s += " (→ " + actor(e.getTarget()) + ")";
    }
    return s;
  }

  /** A move in words: `TYPE` then its target(s), unit and region, troops. */
  private String move(Move m) {
    StringBuilder s = new StringBuilder("`").append(m.getType().name()).append("`");
    if (!m.getUnit().isEmpty()) {
      s.append(" ").append(m.getUnit());
      if (!m.getRegion().isEmpty()) {
        s.append(" → ").append(m.getRegion());
      }
    } else if (!m.getTarget().isEmpty()) {
      s.append(" → ").append(actor(m.getTarget()));
      if (!m.getTargetB().isEmpty()) {
        s.append(" / ").append(actor(m.getTargetB()));
      }
    }
    boolean troops = m.getType() == MoveType.DEPLOY_TROOPS || m.getType() == MoveType.WITHDRAW_TROOPS;
    if (troops && m.getUnit().isEmpty() && m.getQuantity() != 0) {
      s.append(" (").append(fixed(m.getQuantity(), 1)).append("k)");
    }
    return s.toString();
  }

  private String effect(Effect e) {
    switch (e.getKindCase()) {
      case HOSTILITY:
        return dyadChange("H", e.getHostility());
      case TRUST:
        return dyadChange("τ", e.getTrust());
      case DEPLOYED:
        return dyadChange("D", e.getDeployed());
      case SET_ALERT:
        return "alert " + actor(e.getSetAlert().getActor()) + " = " + e.getSetAlert().getAlert();
      case MOVE_UNIT:
        return e.getMoveUnit().getUnit() + " → " + e.getMoveUnit().getRegion();
      case TALKS_OPEN:
        return "talks_open " + actor(e.getTalksOpen().getA()) + " – " + actor(e.getTalksOpen().getB()) + " = "
            + e.getTalksOpen().getValue();
      case SANCTIONS:
        return "sanctions " + actor(e.getSanctions().getFrom()) + " → " + actor(e.getSanctions().getTo()) + " = "
            + e.getSanctions().getValue();
      default:
        return l.get("no_effect");
    }
  }

  private String dyadChange(String symbol, DyadChange c) {
    return symbol + " " + actor(c.getFrom()) + " → " + actor(c.getTo()) + " " + signed(c.getDelta(), 1);
  }

  private static String cameoName(String code) {
    return Goldstein.isKnown(code) ? "(" + Goldstein.name(code) + ")" : "";
  }

  /** ": " in English, " : " in French. */
  private String c() {
    return l.get("colon");
  }

  private String actor(String id) {
    Text name = names.get(id);
    String n = name == null ? "" : text(name);
    return n.isEmpty() || n.equals(id) ? id : n;
  }

  private String text(Text t) {
    return "fr".equals(l.lang) && !t.getFr().isEmpty() ? t.getFr() : t.getEn();
  }

  /** x with {@code scale} decimals, half-even, '.' as separator, no exponent, whatever the locale. */
  static String fixed(double x, int scale) {
    if (!Double.isFinite(x)) {
      return String.valueOf(x);
    }
    return new BigDecimal(x).setScale(scale, RoundingMode.HALF_EVEN).toPlainString();
  }

  /** {@link #fixed} with a leading '+' for positive values. */
  static String signed(double x, int scale) {
    String s = fixed(x, scale);
    return s.startsWith("-") || new BigDecimal(s).signum() == 0 ? s : "+" + s;
  }

  private void row(String... cells) {
    StringBuilder s = new StringBuilder("|");
    for (String c : cells) {
      s.append(' ').append(cell(c)).append(" |");
    }
    line(s.toString());
  }

  private static String cell(String s) {
    return s.replace("\\", "\\\\").replace("|", "\\|").replace("\r", "").replace("\n", " ");
  }

  private void bullet(String s) {
    line("- " + s.replace("\r", "").replace("\n", "\n  "));
  }

  private void paragraph(String s) {
    if (s.isEmpty()) {
      return;
    }
    line(s.replace("\r", ""));
    line();
  }

  private void line(String s) {
    out.append(s).append('\n');
  }

  private void line() {
    out.append('\n');
  }
}
