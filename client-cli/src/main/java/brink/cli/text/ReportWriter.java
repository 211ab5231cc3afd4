package brink.cli.text;

import brink.protocol.v1.ActorScore;
import brink.protocol.v1.Divergence;
import brink.protocol.v1.GameState;
import brink.protocol.v1.ObjectiveResult;
import brink.protocol.v1.Participant;
import brink.protocol.v1.Press;
import brink.protocol.v1.Report;
import brink.protocol.v1.RevealedBriefing;
import brink.protocol.v1.TensionSeries;
import brink.protocol.v1.TurnReport;
import java.util.ArrayList;
import java.util.List;

/**
 * The after-action report as a plain-text document for the debrief: outcome, scores, every turn with
 * everything revealed, the messages, tension per dyad over time, what history did instead, the briefings.
 */
public final class ReportWriter {
  private final I18n i;
  private final Screens screens;
  private final Words w;

  public ReportWriter(I18n i) {
    this.i = i;
    this.screens = new Screens(i);
    this.w = screens.words();
  }

  /** The report as lines. {@code names} is a view of the game, for actor, unit and region names (may be null). */
  public List<String> write(Report r, GameState names) {
    GameState s = names != null ? names : GameState.getDefaultInstance();
    List<String> out = new ArrayList<>();
    out.add("# " + i.t("aar.title", i.text(r.getTitle())));
    out.add("");
    out.add(i.t("aar.game", r.getGameId(), r.getScenarioId(), Long.toUnsignedString(r.getSeed()), r.getTurnsPlayed()));
    out.add(r.getComplete() ? i.t("aar.complete") : i.t("aar.incomplete"));
    String o = w.outcome(r.getOutcome(), s);
    if (!o.isEmpty()) {
      out.add(i.t("status.outcome", o));
    }
    out.add("");
    out.add("## " + i.t("aar.scores"));
    for (ActorScore sc : r.getScoresList()) {
      out.add("- " + i.t("aar.score", w.actorWithId(s, sc.getActor()), sc.getObjectivesMet(), sc.getObjectivesTotal(),
          i.number(sc.getFinalStability(), 1), i.number(sc.getEscalationScore(), 0)));
      for (ObjectiveResult or : sc.getObjectivesList()) {
        out.add("    " + (or.getMet() ? "[x] " : "[ ] ") + i.text(or.getDescription()));
      }
    }
    out.add("");
    out.add("## " + i.t("aar.tension"));
    for (TensionSeries t : r.getTensionList()) {
      List<String> values = new ArrayList<>();
      for (double v : t.getTensionList()) {
        values.add(i.number(v, 1));
      }
      out.add("- " + t.getA() + "–" + t.getB() + ": " + String.join(" → ", values));
    }
    out.add("");
    out.add("## " + i.t("aar.turns"));
    for (int k = 0; k < r.getTurnsCount(); k++) {
      TurnReport tr = r.getTurns(k);
      out.add("");
      out.addAll(screens.report(tr, s, k > 0 ? r.getTurns(k - 1).getDyadsList() : null));
    }
    out.add("");
    out.add("## " + i.t("aar.messages"));
    if (r.getMessagesCount() == 0) {
      out.add(i.t("inbox.empty"));
    }
    for (Press p : r.getMessagesList()) {
      out.add("- " + screens.pressLine(p, s));
    }
    out.add("");
    out.add("## " + i.t("aar.divergence"));
    for (Divergence d : r.getDivergenceList()) {
      List<String> played = new ArrayList<>();
      d.getPlayedList().forEach(m -> played.add(Words.typed(m)));
      List<String> hist = new ArrayList<>();
      d.getHistoricalList().forEach(m -> hist.add(Words.typed(m)));
      out.add("- " + i.t("aar.divergenceLine", d.getTurn(), d.getActor(),
          played.isEmpty() ? "—" : String.join(", ", played), hist.isEmpty() ? "—" : String.join(", ", hist))
          + (d.getDefaulted() ? " " + i.t("aar.defaulted") : ""));
      for (int k = 0; k < d.getNotesCount(); k++) {
        String date = k < d.getDatesCount() ? d.getDates(k) + ": " : "";
        out.add("    " + date + i.text(d.getNotes(k)));
      }
    }
    if (r.getTimelineCount() > 0) {
      out.add("");
      out.add("## " + i.t("aar.timeline"));
      r.getTimelineList().forEach(t -> out.add("- " + t.getDate() + ": " + i.text(t.getText())));
    }
    out.add("");
    out.add("## " + i.t("aar.briefings"));
    for (RevealedBriefing b : r.getBriefingsList()) {
      out.add("");
      out.add("### " + w.actorWithId(s, b.getActor()));
      out.addAll(paragraphs(i.text(b.getPrivateBriefing())));
    }
    out.add("");
    out.add("## " + i.t("aar.participants"));
    for (Participant p : r.getParticipantsList()) {
      out.add("- " + p.getName() + " [" + p.getParticipantId() + "] " + w.role(p.getRole())
          + (p.getActor().isEmpty() ? "" : " " + p.getActor()));
    }
    return out;
  }

  private static List<String> paragraphs(String text) {
    List<String> out = new ArrayList<>();
    for (String para : text.split("\n\\s*\n")) {
      out.add(para.strip());
      out.add("");
    }
    return out;
  }
}
