package brink.cli.text;

import brink.engine.Ladder;
import brink.protocol.scenario.v1.Move;
import brink.protocol.v1.ActorView;
import brink.protocol.v1.DefaultedSeat;
import brink.protocol.v1.DyadView;
import brink.protocol.v1.Event;
import brink.protocol.v1.GameState;
import brink.protocol.v1.Orders;
import brink.protocol.v1.Participant;
import brink.protocol.v1.Phase;
import brink.protocol.v1.Press;
import brink.protocol.v1.Rejection;
import brink.protocol.v1.SeatView;
import brink.protocol.v1.SubmissionStatus;
import brink.protocol.v1.Talks;
import brink.protocol.v1.TurnReport;
import brink.protocol.v1.UnitView;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The client's screens as lines of text: the player's status, the instructor's overview, the projector's
 * board, turn reports and messages. Pure functions of a view, a language and the time left, so that tests
 * can render them exactly.
 */
public final class Screens {
  /** Cells of a tension bar: one per 5 tension points (0..100). */
  public static final int BAR_CELLS = 20;

  private final I18n i;
  private final Words w;

  public Screens(I18n i) {
    this.i = i;
    this.w = new Words(i);
  }

  public Words words() {
    return w;
  }

  /** A tension bar: {@code ██████░░░░...}, one cell per 5 points. */
  public static String bar(double tension, int cells) {
    int full = (int) Math.round(Math.max(0, Math.min(100, tension)) / 100.0 * cells);
    StringBuilder sb = new StringBuilder(cells);
    for (int k = 0; k < cells; k++) {
      sb.append(k < full ? '█' : '░');
    }
    return sb.toString();
  }

  /** The name of a Kahn rung in this language. */
  public String rungName(int rung) {
    return i.text(Ladder.name(Math.max(0, Math.min(Ladder.RUNGS, rung))));
  }

  /** One dyad as a line: {@code rus–ukr  ██████████░░░░░░░░░░  48.5  rung 8 Harassing acts of violence}. */
  public String dyadLine(GameState s, DyadView d, int nameWidth) {
    String pair = pad(d.getA() + "–" + d.getB(), nameWidth);
    return "  " + pair + "  " + bar(d.getTension(), BAR_CELLS) + "  " + padLeft(i.number(d.getTension(), 1), 5)
        + "  " + i.t("status.rung", d.getRung(), rungName(d.getRung()));
  }

  /** Title, turn and time lines shared by every screen. */
  private List<String> header(GameState s, long remainingMillis) {
    List<String> out = new ArrayList<>();
    out.add(i.text(s.getTitle()) + " · " + i.t("status.game", s.getGameId()));
    String turn = s.getMaxTurns() > 0 ? i.t("status.turnOf", s.getTurn(), s.getMaxTurns())
        : i.t("status.turn", s.getTurn());
    StringBuilder line = new StringBuilder(turn);
    if (!s.getTurnStartDate().isEmpty() && s.getTurn() > 0) {
      line.append(" · ").append(i.t("status.dates", s.getTurnStartDate(), s.getTurnEndDate()));
    }
    line.append(" · ").append(w.phase(s.getPhase())).append(" · ").append(timeLine(s, remainingMillis));
    out.add(line.toString());
    return out;
  }

  /** What the clock says: time left, paused, or what the phase waits for. */
  public String timeLine(GameState s, long remainingMillis) {
    if (s.getPaused()) {
      return remainingMillis >= 0 ? i.t("time.pausedLeft", Words.clock(remainingMillis)) : i.t("time.paused");
    }
    switch (s.getPhase()) {
      case LOBBY:
        return i.t("time.lobby");
      case ENDED:
        return i.t("time.ended");
      case RESOLVING:
        return i.t("time.resolving");
      case REPORT:
        return remainingMillis >= 0 ? i.t("time.nextTurnIn", Words.clock(remainingMillis))
            : i.t("time.reportWaits");
      default:
        return remainingMillis >= 0 ? i.t("time.left", Words.clock(remainingMillis)) : i.t("time.noDeadline");
    }
  }

  /**
   * The player's status screen.
   *
   * @param draftLine a line about orders typed but not yet submitted, or null
   */
  public List<String> player(GameState s, long remainingMillis, String draftLine) {
    List<String> out = header(s, remainingMillis);
    String me = s.getViewerActor();
    out.set(0, out.get(0) + " · " + i.t("status.youAre", w.actorWithId(s, me)));
    ActorView self = actor(s, me);
    if (self != null) {
      StringBuilder l = new StringBuilder(i.t("status.alert", self.getAlert()));
      if (self.hasStability()) {
        l.append(" · ").append(i.t("status.stability", i.number(self.getStability(), 1)));
      }
      if (self.hasReserve()) {
        l.append(" · ").append(i.t("status.reserve", i.number(self.getReserve(), 1)));
      }
      out.add(l.toString());
    }
    if (s.getOutcome().getTypeValue() != 0 || s.getPhase() == Phase.ENDED) {
      String o = w.outcome(s.getOutcome(), s);
      if (!o.isEmpty()) {
        out.add(i.t("status.outcome", o));
      }
    }
    out.add("");
    out.add(i.t("status.tension"));
    List<DyadView> mine = new ArrayList<>();
    List<DyadView> others = new ArrayList<>();
    for (DyadView d : s.getDyadsList()) {
      (d.getA().equals(me) || d.getB().equals(me) ? mine : others).add(d);
    }
    int nw = pairWidth(s);
    for (DyadView d : mine) {
      out.add(dyadLine(s, d, nw));
    }
    for (DyadView d : others) {
      out.add(dyadLine(s, d, nw));
    }
    List<UnitView> units = new ArrayList<>();
    for (UnitView u : s.getUnitsList()) {
      if (u.getOwner().equals(me)) {
        units.add(u);
      }
    }
    if (!units.isEmpty()) {
      out.add("");
      out.add(i.t("status.units"));
      int idw = units.stream().mapToInt(u -> u.getId().length()).max().orElse(0);
      for (UnitView u : units) {
        out.add("  " + pad(u.getId(), idw) + "  " + w.unit(s, u.getId()) + " — " + w.region(s, u.getLocation())
            + " · " + i.count(u.getSize()) + " · " + i.t(u.getOnAlert() ? "status.onAlert" : "status.notOnAlert"));
      }
    }
    out.add("");
    out.add(i.t("status.talks"));
    List<String> talks = talks(s);
    if (talks.isEmpty()) {
      out.add("  " + i.t("status.noTalks"));
    } else {
      out.addAll(talks);
    }
    out.add("");
    out.add(ordersLine(s));
    if (draftLine != null) {
      out.add(draftLine);
    }
    out.add(seatsLine(s));
    return out;
  }

  /** Talks under way, one line per dyad with open or active talks, a signed agreement or broken relations. */
  public List<String> talks(GameState s) {
    List<String> out = new ArrayList<>();
    for (DyadView d : s.getDyadsList()) {
      Talks t = d.getTalks();
      List<String> parts = new ArrayList<>();
      if (t.getSigned()) {
        parts.add(i.t("talks.signed"));
      }
      if (t.getActive()) {
        parts.add(i.t("talks.active"));
      } else if (t.getOpen()) {
        parts.add(i.t("talks.open"));
      }
      if (t.getRelationsBroken()) {
        parts.add(i.t("talks.broken"));
      }
      if (parts.isEmpty()) {
        continue;
      }
      if (t.hasProgress()) {
        parts.add(i.t("talks.progress", i.number(t.getProgress(), 2)));
      }
      out.add("  " + d.getA() + "–" + d.getB() + "  " + String.join(", ", parts));
    }
    return out;
  }

  /** "Your orders for turn 3: 2 moves, ready." */
  public String ordersLine(GameState s) {
    Orders o = s.getOwnOrders();
    String what;
    if (o.getStatus() == SubmissionStatus.SUBMITTED_MOVES) {
      what = i.t("orders.moves", o.getMovesCount());
    } else if (o.getStatus() == SubmissionStatus.SUBMITTED_WAIT) {
      what = i.t("orders.wait");
    } else {
      what = i.t("orders.none");
    }
    return i.t("orders.line", s.getTurn(), what, i.t(o.getReady() ? "orders.ready" : "orders.notReady"));
  }

  /** "Seats: blr ready · nato submitted · ukr nothing yet · usa ready (offline)". */
  public String seatsLine(GameState s) {
    List<String> parts = new ArrayList<>();
    for (SeatView seat : s.getSeatsList()) {
      parts.add(seat.getActor() + " " + seatState(seat));
    }
    return i.t("status.seats", String.join(" · ", parts));
  }

  private String seatState(SeatView seat) {
    String st;
    if (seat.getReady()) {
      st = i.t("seat.ready");
    } else if (seat.getSubmission() == SubmissionStatus.SUBMITTED_MOVES
        || seat.getSubmission() == SubmissionStatus.SUBMITTED_WAIT) {
      st = i.t("seat.submitted");
    } else {
      st = i.t("seat.nothing");
    }
    if (seat.getMembers() == 0) {
      st += " " + i.t("seat.empty");
    } else if (seat.getConnected() == 0) {
      st += " " + i.t("seat.offline");
    }
    return st;
  }

  /** The instructor's overview: the header, every seat with its people, every dyad, the injects. */
  public List<String> instructor(GameState s, long remainingMillis) {
    List<String> out = header(s, remainingMillis);
    if (s.getOutcome().getTypeValue() != 0 || s.getPhase() == Phase.ENDED) {
      String o = w.outcome(s.getOutcome(), s);
      if (!o.isEmpty()) {
        out.add(i.t("status.outcome", o));
      }
    }
    out.add("");
    out.addAll(seats(s));
    out.add("");
    out.add(i.t("status.tension"));
    int nw = pairWidth(s);
    for (DyadView d : s.getDyadsList()) {
      out.add(dyadLine(s, d, nw));
    }
    List<String> talks = talks(s);
    if (!talks.isEmpty()) {
      out.add("");
      out.add(i.t("status.talks"));
      out.addAll(talks);
    }
    if (s.getScriptedInjectsCount() > 0) {
      long fired = s.getScriptedInjectsList().stream().filter(x -> x.getFiredTurn() > 0).count();
      out.add("");
      out.add(i.t("status.injects", s.getScriptedInjectsCount(), fired));
    }
    return out;
  }

  /** Every seat: actor, readiness, submission, and the people holding it (connected or not). */
  public List<String> seats(GameState s) {
    List<String> out = new ArrayList<>();
    out.add(i.t("seats.title"));
    int aw = s.getSeatsList().stream().mapToInt(x -> x.getActor().length()).max().orElse(3);
    int nw = s.getSeatsList().stream().mapToInt(x -> w.actor(s, x.getActor()).length()).max().orElse(8);
    for (SeatView seat : s.getSeatsList()) {
      List<String> people = new ArrayList<>();
      for (Participant p : seat.getParticipantsList()) {
        people.add(p.getName() + " [" + p.getParticipantId() + "]" + (p.getConnected() ? "" : " " + i.t("seat.offline")));
      }
      out.add("  " + pad(seat.getActor(), aw) + "  " + pad(w.actor(s, seat.getActor()), nw) + "  "
          + pad(seatState(seat), 14) + "  " + i.t("seats.connected", seat.getConnected(), seat.getMembers())
          + (people.isEmpty() ? "" : "  " + String.join(", ", people)));
    }
    List<String> others = new ArrayList<>();
    for (Participant p : s.getParticipantsList()) {
      if (p.getActor().isEmpty()) {
        others.add(p.getName() + " [" + p.getParticipantId() + "] " + w.role(p.getRole())
            + (p.getConnected() ? "" : " " + i.t("seat.offline")));
      }
    }
    if (!others.isEmpty()) {
      out.add("  " + i.t("seats.others", String.join(", ", others)));
    }
    return out;
  }

  /** The projector's board, at most {@code height} lines. */
  public List<String> board(GameState s, long remainingMillis, int height, String linkLine) {
    List<String> out = header(s, remainingMillis);
    if (linkLine != null) {
      out.add(linkLine);
    }
    String o = w.outcome(s.getOutcome(), s);
    if (!o.isEmpty()) {
      out.add(i.t("status.outcome", o));
    }
    out.add("");
    out.add(i.t("status.tension"));
    int nw = pairWidth(s);
    for (DyadView d : s.getDyadsList()) {
      out.add(dyadLine(s, d, nw));
    }
    out.add("");
    out.add(seatsLine(s));
    List<String> news = new ArrayList<>();
    List<TurnReport> reports = s.getReportsList();
    for (int k = reports.size() - 1; k >= 0; k--) {
      TurnReport r = reports.get(k);
      List<String> turn = new ArrayList<>();
      for (Event e : r.getEventsList()) {
        turn.add("  " + i.t("board.turnTag", r.getTurn()) + " " + w.event(e, s));
      }
      news.addAll(turn);
    }
    List<String> press = new ArrayList<>();
    for (int k = s.getMessagesCount() - 1; k >= 0 && press.size() < 3; k--) {
      Press p = s.getMessages(k);
      if (p.getToCount() == 0) {
        press.add("  " + pressLine(p, s));
      }
    }
    int room = height - out.size() - 2 - (press.isEmpty() ? 0 : press.size() + 2);
    if (room > 0) {
      out.add("");
      out.add(i.t("board.headlines"));
      if (news.isEmpty()) {
        out.add("  " + i.t("board.noNews"));
      } else {
        out.addAll(news.subList(0, Math.min(room, news.size())));
      }
    }
    if (!press.isEmpty()) {
      out.add("");
      out.add(i.t("board.public"));
      Collections.reverse(press);
      out.addAll(press);
    }
    return out.size() > height && height > 0 ? new ArrayList<>(out.subList(0, height)) : out;
  }

  /** A turn report as the recipient may see it. */
  public List<String> report(TurnReport r, GameState s, List<brink.protocol.v1.DyadView> before) {
    List<String> out = new ArrayList<>();
    out.add(i.t("report.title", r.getTurn(), r.getStartDate(), r.getEndDate()));
    if (r.getEventsCount() == 0) {
      out.add("  " + i.t("report.quiet"));
    }
    for (Event e : r.getEventsList()) {
      out.add("  • " + w.event(e, s));
    }
    for (Rejection x : r.getRejectionsList()) {
      out.add("  " + i.t("report.refused", w.actor(s, x.getActor()), Words.typed(x.getMove()),
          rejection(x.getReason(), x.getMessage())));
    }
    if (r.getDefaultedCount() > 0) {
      List<String> d = new ArrayList<>();
      for (DefaultedSeat ds : r.getDefaultedList()) {
        d.add(ds.getBot().isEmpty() ? i.t("report.waited", ds.getActor())
            : i.t("report.bot", ds.getActor(), ds.getBot()));
      }
      out.add("  " + i.t("report.defaulted", String.join(", ", d)));
    }
    int nw = r.getDyadsList().stream().mapToInt(x -> x.getA().length() + x.getB().length() + 1).max().orElse(7);
    for (DyadView d : r.getDyadsList()) {
      String line = dyadLine(s, d, nw);
      DyadView old = before == null ? null : before.stream()
          .filter(x -> x.getA().equals(d.getA()) && x.getB().equals(d.getB())).findFirst().orElse(null);
      if (old != null) {
        double delta = d.getTension() - old.getTension();
        line += "  (" + (delta >= 0 ? "+" : "") + i.number(delta, 1) + ")";
      }
      out.add(line);
    }
    String o = w.outcome(r.getOutcome(), s);
    if (!o.isEmpty()) {
      out.add("  " + i.t("status.outcome", o));
    }
    return out;
  }

  /** Why the engine refused a move, in this language (see {@link Errors#reason}). */
  public String rejection(String reason, String serverMessage) {
    return Errors.reason(i, reason, serverMessage);
  }

  /** One message: "[turn 2] Alice (usa) → rus: text". */
  public String pressLine(Press p, GameState s) {
    String from = p.getFromInstructor() ? i.t("press.control")
        : p.getFromName() + " (" + p.getFromActor() + ")";
    String to = p.getToCount() == 0 ? i.t("press.everyone") : String.join(", ", p.getToList());
    return i.t("press.line", p.getTurn(), from, to, p.getText());
  }

  /** A move in the player's draft: "deploy us-101st-campbell poland — The United States deploys ..." */
  public String draftLine(int n, Move m, GameState s) {
    return "  " + n + ". " + Words.typed(m) + "  — " + w.move(s.getViewerActor(), m, s);
  }

  private static ActorView actor(GameState s, String id) {
    for (ActorView a : s.getActorsList()) {
      if (a.getId().equals(id)) {
        return a;
      }
    }
    return null;
  }

  private static int pairWidth(GameState s) {
    return s.getDyadsList().stream().mapToInt(d -> d.getA().length() + d.getB().length() + 1).max().orElse(7);
  }

  /** {@code s} followed by spaces up to {@code width} characters. */
  public static String pad(String s, int width) {
    int n = s.codePointCount(0, s.length());
    return n >= width ? s : s + " ".repeat(width - n);
  }

  static String padLeft(String s, int width) {
    int n = s.codePointCount(0, s.length());
    return n >= width ? s : " ".repeat(width - n) + s;
  }
}
