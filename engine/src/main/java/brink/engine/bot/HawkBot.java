package brink.engine.bot;

import brink.engine.Event;
import brink.engine.def.Move;
import brink.engine.def.MoveType;
import brink.engine.def.RegionDef;
import brink.engine.view.ActorView;
import brink.engine.view.UnitView;
import brink.engine.view.Views;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * hawk (II-c §11): (1) for each hostile move (Goldstein w &lt; 0) it saw last turn against it, the same move
 * back where legal, else THREATEN_FORCE toward the mover; (2) RAISE_ALERT if alert &gt; 2; (3) deploy toward
 * the rival with the highest tension: a unit on alert, or DEPLOY_TROOPS(j, min(10, reserve)).
 *
 * <p>"Against it": the hawk is the event's target, or the event has no target and acts on every dyad of its
 * mover (RAISE_ALERT, ALERT_UNITS), the hawk being a partner. Events are taken in the record's order (mover
 * id, then canonical move order). "The same move" toward the mover: the same type; for a troop deployment
 * the hawk's own deployment toward the mover (a unit on alert, or the same quantity capped by its reserve);
 * for ALERT_UNITS its own first unit not on alert. A rival is a partner outside the hawk's alliances.
 */
final class HawkBot implements Bot {
  /** Rule (2) raises the alert only while it is above 2 ("next step to nuclear war", DEFCON 2, Part I §6). */
  private static final int HIGHEST_RAISED_ALERT = 2;
  /** Rule (3): thousands of troops a generic deployment sends at most (II-c §11). */
  private static final double DEPLOY_STEP = 10.0;

  @Override
  public String name() {
    return "hawk";
  }

  @Override
  public List<Move> orders(ActorView view, BotRandom rng) {
    Submission out = new Submission(view);
    String me = view.actor();
    for (Event e : view.lastEvents()) {
      if (out.full()) {
        break;
      }
      if (e.fromInject() || Views.isContact(e) || e.actor().equals(me) || !(e.goldstein() < 0)
          || !view.actors().contains(e.actor()) || !against(e, me)) {
        continue;
      }
      if (!answerInKind(view, out, e)) {
        out.offer(Move.toward(MoveType.THREATEN_FORCE, e.actor()));
      }
    }
    if (view.alert() > HIGHEST_RAISED_ALERT) {
      out.offer(Move.of(MoveType.RAISE_ALERT));
    }
    String rival = Bots.highestTension(view, Bots.rivals(view));
    if (rival != null) {
      deployToward(view, out, rival, DEPLOY_STEP);
    }
    return out.moves();
  }

  private static boolean against(Event e, String me) {
    if (e.target().isEmpty()) {
      return e.parties().contains(me);
    }
    return e.target().equals(me) || e.targetB().equals(me);
  }

  /** Offers the same move back toward the event's mover; says whether one was kept. */
  private static boolean answerInKind(ActorView view, Submission out, Event e) {
    switch (e.type()) {
      case DEPLOY_TROOPS:
        return deployToward(view, out, e.actor(), e.quantity());
      case RAISE_ALERT:
        return out.offer(Move.of(MoveType.RAISE_ALERT));
      case ALERT_UNITS:
        for (UnitView u : view.ownUnits()) {
          if (!u.onAlert() && out.offer(new Move(MoveType.ALERT_UNITS, "", "", u.id(), "", 0))) {
            return true;
          }
        }
        return false;
      default:
        return out.offer(Move.toward(e.type(), e.actor()));
    }
  }

  /**
   * A deployment toward {@code j}. With units: the first (unit, region) the check accepts among the hawk's
   * units on alert (by id) whose region does not already face j (else the move would be a mere reposition,
   * II-c §3), and regions facing j, not barred for it, on its own soil first, then an ally's, then a
   * region of no sovereign (never a third country's), those facing fewest actors first, then by id.
   * Without units: DEPLOY_TROOPS(j, min(q, reserve)).
   */
  static boolean deployToward(ActorView view, Submission out, String j, double q) {
    if (view.withUnits()) {
      Map<String, RegionDef> byId = new HashMap<>();
      for (RegionDef r : view.regions()) {
        byId.put(r.id(), r);
      }
      List<RegionDef> candidates = new ArrayList<>();
      for (RegionDef r : view.regions()) {
        if (r.faces().contains(j) && !r.barredFor().contains(view.actor()) && soil(view, r) >= 0) {
          candidates.add(r);
        }
      }
      candidates.sort(Comparator.comparingInt((RegionDef r) -> soil(view, r))
          .thenComparingInt(r -> r.faces().size())
          .thenComparing(RegionDef::id));
      for (UnitView u : view.ownUnits()) {
        RegionDef at = byId.get(u.location());
        if (!u.onAlert() || (at != null && at.faces().contains(j))) {
          continue;
        }
        for (RegionDef r : candidates) {
          if (out.offer(Move.unit(MoveType.DEPLOY_TROOPS, u.id(), r.id()))) {
            return true;
          }
        }
      }
      return false;
    }
    double amount = Math.min(q, view.reserve());
    return amount > 0 && out.offer(Move.troops(MoveType.DEPLOY_TROOPS, j, amount));
  }

  /** 0 own soil, 1 an ally's, 2 no sovereign, −1 a third country's (not a place a bot sends troops). */
  private static int soil(ActorView view, RegionDef r) {
    if (r.sovereign().equals(view.actor())) {
      return 0;
    }
    if (view.allies().contains(r.sovereign())) {
      return 1;
    }
    return r.sovereign().isEmpty() ? 2 : -1;
  }
}
