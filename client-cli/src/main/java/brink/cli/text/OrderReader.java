package brink.cli.text;

import brink.cli.text.MoveWords.Arg;
import brink.protocol.scenario.v1.Move;
import brink.protocol.scenario.v1.MoveType;
import brink.protocol.v1.ActorView;
import brink.protocol.v1.DyadView;
import brink.protocol.v1.GameState;
import brink.protocol.v1.RegionView;
import brink.protocol.v1.UnitView;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a typed move ({@code deploy us-101st-campbell poland}) against the player's view, catching at once
 * what can never work (an unknown unit, another actor's unit, a region the actor may not enter, a target
 * it has no relation with) with one sentence that says what to type instead. What depends on the state
 * when the turn resolves is left to the server, which checks the orders again on submit.
 */
public final class OrderReader {
  /** A move, or the sentence saying why it cannot be one. */
  public record Result(Move move, String error) {
    public boolean ok() {
      return move != null;
    }
  }

  private final I18n i;

  public OrderReader(I18n i) {
    this.i = i;
  }

  /** {@code words.get(0)} must be a move word (see {@link MoveWords#parse}). */
  public Result read(List<String> words, GameState s) {
    MoveType type = MoveWords.parse(words.get(0)).orElseThrow(
        () -> new IllegalArgumentException("not a move word: " + words.get(0)));
    String me = s.getViewerActor();
    String word = MoveWords.word(type);
    if (MoveWords.nuclearOnly(type) && !actorView(s, me).map(ActorView::getNuclear).orElse(false)) {
      return fail(i.t("order.notNuclear", word));
    }
    boolean units = s.getUnitsCount() > 0;
    List<Arg> args = MoveWords.args(type, units);
    List<String> given = words.subList(1, words.size());
    if (given.size() < args.size()) {
      return fail(i.t("order.needs", word, needs(args), example(type, s)));
    }
    if (given.size() > args.size()) {
      return fail(args.isEmpty() ? i.t("order.takesNothing", word)
          : i.t("order.tooMany", word, needs(args), example(type, s)));
    }
    Move.Builder m = Move.newBuilder().setType(type);
    List<String> actorsGiven = new ArrayList<>();
    for (int k = 0; k < args.size(); k++) {
      String v = given.get(k);
      String error;
      switch (args.get(k)) {
        case DYAD_ACTOR:
        case OTHER_ACTOR:
          v = stripAt(v);
          error = checkActor(s, me, v, args.get(k) == Arg.DYAD_ACTOR && type != MoveType.MEDIATE, word);
          actorsGiven.add(v);
          break;
        case OWN_UNIT:
          error = checkUnit(s, me, v);
          m.setUnit(v);
          break;
        case REGION:
          error = checkRegion(s, me, v);
          m.setRegion(v);
          break;
        case QUANTITY:
          error = null;
          try {
            double q = Double.parseDouble(v.replace(',', '.'));
            if (!(q > 0) || Double.isInfinite(q)) {
              error = i.t("order.quantity", v);
            } else {
              m.setQuantity(q);
            }
          } catch (NumberFormatException e) {
            error = i.t("order.quantity", v);
          }
          break;
        default:
          throw new IllegalStateException("arg " + args.get(k));
      }
      if (error != null) {
        return fail(error);
      }
    }
    if (!actorsGiven.isEmpty()) {
      m.setTarget(actorsGiven.get(0));
    }
    if (actorsGiven.size() > 1) {
      String a = actorsGiven.get(0);
      String b = actorsGiven.get(1);
      if (a.equals(b)) {
        return fail(i.t("order.mediateSame"));
      }
      if (dyad(s, a, b).isEmpty()) {
        return fail(i.t("order.mediateNoDyad", a, b));
      }
      m.setTargetB(b);
    }
    return new Result(m.build(), null);
  }

  /** Every id a player may type for {@code arg}, sorted (for completion). */
  public static List<String> candidates(Arg arg, GameState s) {
    String me = s.getViewerActor();
    List<String> out = new ArrayList<>();
    switch (arg) {
      case DYAD_ACTOR:
        for (DyadView d : s.getDyadsList()) {
          if (d.getA().equals(me)) {
            out.add(d.getB());
          } else if (d.getB().equals(me)) {
            out.add(d.getA());
          }
        }
        break;
      case OTHER_ACTOR:
        for (ActorView a : s.getActorsList()) {
          if (!a.getId().equals(me)) {
            out.add(a.getId());
          }
        }
        break;
      case OWN_UNIT:
        for (UnitView u : s.getUnitsList()) {
          if (u.getOwner().equals(me)) {
            out.add(u.getId());
          }
        }
        break;
      case REGION:
        for (RegionView r : s.getRegionsList()) {
          if (!r.getBarredForList().contains(me)) {
            out.add(r.getId());
          }
        }
        break;
      case QUANTITY:
        break;
      default:
        throw new IllegalStateException("arg " + arg);
    }
    out.sort(null);
    return out;
  }

  /**
   * A move of this type that the viewer could type, e.g. {@code deploy us-101st-campbell baltic-states}: a
   * deployment takes a unit from a rear area to a region facing someone, a withdrawal the other way.
   */
  public static String example(MoveType type, GameState s) {
    StringBuilder sb = new StringBuilder(MoveWords.word(type));
    List<Arg> args = MoveWords.args(type, s.getUnitsCount() > 0);
    boolean withdraw = type == MoveType.WITHDRAW_TROOPS;
    String firstActor = null;
    for (Arg a : args) {
      List<String> c = candidates(a, s);
      String v;
      if (a == Arg.QUANTITY) {
        v = "5";
      } else if (a == Arg.REGION) {
        v = c.stream().filter(r -> facing(s, r) != withdraw).findFirst().orElse(c.isEmpty() ? "REGION" : c.get(0));
      } else if (a == Arg.OWN_UNIT && type != MoveType.ALERT_UNITS) {
        v = c.stream().filter(u -> facing(s, location(s, u)) == withdraw).findFirst()
            .orElse(c.isEmpty() ? "UNIT" : c.get(0));
      } else if (type == MoveType.MEDIATE && firstActor != null) {
        List<String> p = partners(s, firstActor, s.getViewerActor());
        v = p.isEmpty() ? "ACTOR" : p.get(0);
      } else if (type == MoveType.MEDIATE) {
        v = c.stream().filter(x -> !partners(s, x, s.getViewerActor()).isEmpty()).findFirst()
            .orElse(c.isEmpty() ? "ACTOR" : c.get(0));
      } else {
        v = c.isEmpty() ? a.name() : c.get(0);
      }
      if (a == Arg.DYAD_ACTOR || a == Arg.OTHER_ACTOR) {
        firstActor = firstActor == null ? v : firstActor;
      }
      sb.append(' ').append(v);
    }
    return sb.toString();
  }

  private static String location(GameState s, String unit) {
    return s.getUnitsList().stream().filter(u -> u.getId().equals(unit)).map(UnitView::getLocation).findFirst()
        .orElse("");
  }

  private static List<String> partners(GameState s, String actor, String except) {
    List<String> out = new ArrayList<>();
    for (DyadView d : s.getDyadsList()) {
      String other = d.getA().equals(actor) ? d.getB() : d.getB().equals(actor) ? d.getA() : null;
      if (other != null && !other.equals(except)) {
        out.add(other);
      }
    }
    return out;
  }

  private static boolean facing(GameState s, String region) {
    return s.getRegionsList().stream().anyMatch(r -> r.getId().equals(region) && r.getFacesCount() > 0);
  }

  /** "a unit and a region" for the args. */
  private String needs(List<Arg> args) {
    List<String> parts = new ArrayList<>();
    for (Arg a : args) {
      parts.add(i.t("arg." + a.name()));
    }
    if (parts.size() == 1) {
      return parts.get(0);
    }
    return i.t("list.and", String.join(", ", parts.subList(0, parts.size() - 1)), parts.get(parts.size() - 1));
  }

  private String checkActor(GameState s, String me, String id, boolean needDyad, String word) {
    if (actorView(s, id).isEmpty()) {
      List<String> ids = new ArrayList<>();
      s.getActorsList().forEach(a -> ids.add(a.getId()));
      return unknown("order.unknownActor", id, ids);
    }
    if (id.equals(me)) {
      return i.t("order.self");
    }
    if (needDyad && dyad(s, me, id).isEmpty()) {
      return i.t("order.noDyad", word, id, String.join(", ", candidates(Arg.DYAD_ACTOR, s)));
    }
    return null;
  }

  private String checkUnit(GameState s, String me, String id) {
    List<String> mine = candidates(Arg.OWN_UNIT, s);
    Optional<UnitView> u = s.getUnitsList().stream().filter(x -> x.getId().equals(id)).findFirst();
    if (u.isEmpty()) {
      return unknown("order.unknownUnit", id, mine);
    }
    if (!u.get().getOwner().equals(me)) {
      return i.t("order.notYourUnit", id, u.get().getOwner(), String.join(", ", mine));
    }
    return null;
  }

  private String checkRegion(GameState s, String me, String id) {
    Optional<RegionView> r = s.getRegionsList().stream().filter(x -> x.getId().equals(id)).findFirst();
    if (r.isEmpty()) {
      return unknown("order.unknownRegion", id, candidates(Arg.REGION, s));
    }
    if (r.get().getBarredForList().contains(me)) {
      return i.t("order.barred", id);
    }
    return null;
  }

  /** "'x' is not a unit; did you mean y?" or "...; your units are a, b, c." */
  private String unknown(String key, String typed, List<String> valid) {
    String close = Suggest.closest(typed, valid);
    if (close != null) {
      return i.t(key + ".suggest", typed, close);
    }
    return i.t(key, typed, Suggest.list(valid, 12));
  }

  private static String stripAt(String v) {
    String s = v.startsWith("@") ? v.substring(1) : v;
    return s.toLowerCase(Locale.ROOT);
  }

  private static Optional<ActorView> actorView(GameState s, String id) {
    return s.getActorsList().stream().filter(a -> a.getId().equals(id)).findFirst();
  }

  private static Optional<DyadView> dyad(GameState s, String x, String y) {
    String a = x.compareTo(y) < 0 ? x : y;
    String b = x.compareTo(y) < 0 ? y : x;
    return s.getDyadsList().stream().filter(d -> d.getA().equals(a) && d.getB().equals(b)).findFirst();
  }

  private static Result fail(String sentence) {
    return new Result(null, sentence);
  }
}
