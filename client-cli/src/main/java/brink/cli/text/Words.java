package brink.cli.text;

import brink.protocol.scenario.v1.Move;
import brink.protocol.scenario.v1.MoveType;
import brink.protocol.scenario.v1.OutcomeType;
import brink.protocol.v1.ActorView;
import brink.protocol.v1.Event;
import brink.protocol.v1.GameState;
import brink.protocol.v1.Outcome;
import brink.protocol.v1.Phase;
import brink.protocol.v1.RegionView;
import brink.protocol.v1.Role;
import brink.protocol.v1.UnitView;
import java.util.ArrayList;
import java.util.List;

/** Names and sentences about a game, in the reader's language. */
public final class Words {
  private final I18n i;

  public Words(I18n i) {
    this.i = i;
  }

  public I18n i18n() {
    return i;
  }

  /** The actor's name, or its id when the view does not know it. */
  public String actor(GameState s, String id) {
    if (s != null) {
      for (ActorView a : s.getActorsList()) {
        if (a.getId().equals(id)) {
          String n = i.text(a.getName());
          return n.isEmpty() ? id : n;
        }
      }
    }
    return id;
  }

  public String unit(GameState s, String id) {
    if (s != null) {
      for (UnitView u : s.getUnitsList()) {
        if (u.getId().equals(id)) {
          String n = i.text(u.getName());
          return n.isEmpty() ? id : n;
        }
      }
    }
    return id;
  }

  public String region(GameState s, String id) {
    if (s != null) {
      for (RegionView r : s.getRegionsList()) {
        if (r.getId().equals(id)) {
          String n = i.text(r.getName());
          return n.isEmpty() ? id : n;
        }
      }
    }
    return id;
  }

  /** What typing the move looks like: {@code deploy us-101st-campbell poland}. */
  public static String typed(Move m) {
    StringBuilder sb = new StringBuilder(MoveWords.word(m.getType()));
    for (String arg : argsOf(m)) {
      sb.append(' ').append(arg);
    }
    return sb.toString();
  }

  private static List<String> argsOf(Move m) {
    List<String> out = new ArrayList<>();
    for (String s : new String[] {m.getTarget(), m.getTargetB(), m.getUnit(), m.getRegion()}) {
      if (!s.isEmpty()) {
        out.add(s);
      }
    }
    if (m.getQuantity() != 0) {
      double q = m.getQuantity();
      out.add(q == Math.rint(q) ? Long.toString((long) q) : Double.toString(q));
    }
    return out;
  }

  /** A move as a sentence: "Russia deploys 1st Guards Tank Army to Belarus." */
  public String move(String actor, Move m, GameState s) {
    String key = "event." + m.getType().name();
    boolean generic = (m.getType() == MoveType.DEPLOY_TROOPS || m.getType() == MoveType.WITHDRAW_TROOPS)
        && m.getUnit().isEmpty();
    if (generic) {
      key += ".generic";
    }
    return i.t(key, actor(s, actor), actor(s, m.getTarget()), actor(s, m.getTargetB()), unit(s, m.getUnit()),
        region(s, m.getRegion()), i.number(m.getQuantity(), m.getQuantity() == Math.rint(m.getQuantity()) ? 0 : 1));
  }

  /** One event of a turn report as a sentence. */
  public String event(Event e, GameState s) {
    switch (e.getKind()) {
      case EVENT_MOVE: {
        Move m = Move.newBuilder().setType(e.getMove()).setTarget(e.getTarget()).setTargetB(e.getTargetB())
            .setUnit(e.getUnit()).setRegion(e.getRegion()).setQuantity(e.getQuantity()).build();
        String line = move(e.getActor(), m, s);
        if (e.getVisibility() == brink.protocol.scenario.v1.Visibility.COVERT) {
          line += " " + i.t(e.getDetected() ? "event.covert.detected" : "event.covert");
        }
        return line;
      }
      case EVENT_CONTACT:
        return i.t("event.contact", actor(s, e.getActor()), actor(s, e.getTarget()));
      case EVENT_INCIDENT:
        return i.t("event.incident", actor(s, e.getActor()), actor(s, e.getTarget()));
      case EVENT_INJECT: {
        String headline = i.text(e.getHeadline());
        String line = i.t("event.inject", headline);
        if (!e.getSource().isEmpty()) {
          line += " (" + e.getSource() + ")";
        }
        return line;
      }
      case EVENT_AGREEMENT:
        return i.t("event.agreement", actor(s, e.getActor()), actor(s, e.getTarget()));
      case EVENT_TALKS:
        return i.t("event.talks", actor(s, e.getActor()), actor(s, e.getTarget()));
      default:
        return i.t("event.unknown");
    }
  }

  public String phase(Phase p) {
    switch (p) {
      case LOBBY:
      case ORDERS:
      case RESOLVING:
      case REPORT:
      case ENDED:
        return i.t("phase." + p.name());
      default:
        return i.t("phase.unknown");
    }
  }

  public String role(Role r) {
    switch (r) {
      case PLAYER:
      case OBSERVER:
      case INSTRUCTOR:
        return i.t("role." + r.name());
      default:
        return i.t("role.unknown");
    }
  }

  /** How the game ended, in a sentence; "" while it goes on. */
  public String outcome(Outcome o, GameState s) {
    if (o == null || o.getType() == OutcomeType.OUTCOME_UNSPECIFIED
        || o.getType() == OutcomeType.UNRECOGNIZED) {
      return o != null && o.getEndedByInstructor() ? i.t("outcome.byInstructor") : "";
    }
    List<String> pairs = new ArrayList<>();
    for (brink.protocol.scenario.v1.Pair p : o.getDyadsList()) {
      pairs.add(actor(s, p.getA()) + "–" + actor(s, p.getB()));
    }
    String line = i.t("outcome." + o.getType().name());
    if (!pairs.isEmpty()) {
      line += " (" + String.join(", ", pairs) + ")";
    }
    if (o.getTurn() > 0) {
      line += " " + i.t("outcome.turn", o.getTurn());
    }
    if (o.getEndedByInstructor()) {
      line += " " + i.t("outcome.byInstructor");
    }
    return line;
  }

  /** A duration as m:ss, or h:mm:ss from an hour. */
  public static String clock(long millis) {
    long s = (Math.max(0, millis) + 999) / 1000;
    long h = s / 3600;
    long m = (s % 3600) / 60;
    long sec = s % 60;
    return h > 0 ? String.format("%d:%02d:%02d", h, m, sec) : String.format("%d:%02d", m, sec);
  }

  /** "Russia (rus)". */
  public String actorWithId(GameState s, String id) {
    String n = actor(s, id);
    return n.equals(id) ? id : n + " (" + id + ")";
  }
}
