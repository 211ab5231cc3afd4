package brink.engine.sim;

import brink.engine.ActorRecord;
import brink.engine.DyadRecord;
import brink.engine.Event;
import brink.engine.Ladder;
import brink.engine.Rejection;
import brink.engine.TurnRecord;
import brink.engine.def.Move;
import brink.engine.def.Outcome;
import brink.engine.def.Visibility;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * A readable turn-by-turn table of a simulation for {@code brink simulate} without {@code --json}: per turn
 * each dyad's tension, hostilities, rung and Kahn rung name, each actor's alert, escalation score and
 * stability, the events, rejections and defaulted seats; then the outcome and digest. English or French
 * labels and rung names; numbers with two decimals, independent of the default locale.
 */
public final class SimulationTable {
  private SimulationTable() {}

  /**
   * @param lang "en" or "fr"
   * @throws IllegalArgumentException for another language
   */
  public static String write(SimulationResult result, String lang) {
    boolean fr;
    if ("en".equals(lang)) {
      fr = false;
    } else if ("fr".equals(lang)) {
      fr = true;
    } else {
      throw new IllegalArgumentException("language '" + lang + "' is not available; use en or fr");
    }
    StringBuilder out = new StringBuilder(8192);
    out.append(fr ? "Scénario " : "Scenario ").append(result.scenarioId())
        .append(fr ? ", graine " : ", seed ").append(result.seed()).append('\n');
    for (TurnRecord t : result.turns()) {
      out.append('\n').append(fr ? "Tour " : "Turn ").append(t.turn()).append('\n');
      out.append(row(fr ? "  dyade" : "  dyad", 14))
          .append(cell("T", 8)).append(cell("H ab", 8)).append(cell("H ba", 8))
          .append(fr ? "  échelon" : "  rung").append('\n');
      for (DyadRecord d : t.dyads()) {
        out.append(row("  " + d.a() + "-" + d.b(), 14))
            .append(cell(num(d.tension()), 8)).append(cell(num(d.hostilityAB()), 8))
            .append(cell(num(d.hostilityBA()), 8))
            .append("  ").append(d.rung()).append(' ').append(Ladder.name(d.rung()).in(lang));
        if (d.signed()) {
          out.append(fr ? " [accord signé]" : " [agreement signed]");
        }
        if (d.incident()) {
          out.append(fr ? " [incident]" : " [incident]");
        }
        out.append('\n');
      }
      for (ActorRecord a : t.actors()) {
        out.append(row("  " + a.id(), 14))
            .append(fr ? "alerte " : "alert ").append(a.alert())
            .append(fr ? "  score d'escalade " : "  escalation score ").append(a.escalationScore())
            .append(fr ? "  stabilité " : "  stability ").append(num(a.stability())).append('\n');
      }
      for (Event e : t.events()) {
        out.append("  * ").append(event(e, fr)).append('\n');
      }
      for (Rejection r : t.rejections()) {
        out.append(fr ? "  ! rejeté : " : "  ! rejected: ").append(r.actor()).append(' ')
            .append(r.move() == null ? (fr ? "(toute la soumission)" : "(whole submission)") : move(r.move()))
            .append(": ").append(r.reason().name()).append(" - ").append(r.detail()).append('\n');
      }
      if (!t.defaulted().isEmpty()) {
        out.append(fr ? "  sièges joués par leur bot :" : "  seats played by their bot:");
        for (Map.Entry<String, String> d : t.defaulted().entrySet()) {
          out.append(' ').append(d.getKey()).append(" (").append(d.getValue()).append(')');
        }
        out.append('\n');
      }
    }
    out.append('\n').append(fr ? "Issue : " : "Outcome: ").append(outcome(result.outcome(), fr));
    if (result.outcome() != Outcome.ONGOING) {
      out.append(fr ? " au tour " : " on turn ").append(result.outcomeTurn());
    }
    out.append('\n').append(fr ? "Empreinte : " : "Digest: ").append(result.digest()).append('\n');
    return out.toString();
  }

  /** Outcome labels (ICB-style end states, engine-model.md Part II §4 step 10). */
  static String outcome(Outcome o, boolean fr) {
    switch (o) {
      case NUCLEAR_CATASTROPHE:
        return fr ? "catastrophe nucléaire" : "nuclear catastrophe";
      case WAR_DELIBERATE:
        return fr ? "guerre délibérée" : "deliberate war";
      case WAR_INADVERTENT:
        return fr ? "guerre par inadvertance" : "inadvertent war";
      case SETTLEMENT_FORMAL:
        return fr ? "règlement formel" : "formal settlement";
      case SETTLEMENT_TACIT:
        return fr ? "règlement tacite" : "tacit settlement";
      case FROZEN_CONFLICT:
        return fr ? "conflit gelé" : "frozen conflict";
      default:
        return fr ? "en cours (limite de tours atteinte)" : "ongoing (turn limit reached)";
    }
  }

  private static String event(Event e, boolean fr) {
    StringBuilder b = new StringBuilder();
    b.append(e.actor()).append(' ');
    if (e.fromInject()) {
      b.append(e.effect());
      if (!e.target().isEmpty()) {
        b.append(' ').append(e.target());
        if (!e.targetB().isEmpty()) {
          b.append("->").append(e.targetB());
        }
      }
      if (!e.unit().isEmpty()) {
        b.append(' ').append(e.unit()).append("->").append(e.region());
      }
      return b.toString();
    }
    b.append(e.type().name());
    if (!e.unit().isEmpty()) {
      b.append(' ').append(e.unit());
      if (!e.region().isEmpty()) {
        b.append("->").append(e.region());
      }
    }
    if (!e.target().isEmpty()) {
      b.append(" -> ").append(e.target());
      if (!e.targetB().isEmpty()) {
        b.append(", ").append(e.targetB());
      }
    }
    if (e.quantity() != 0 && e.unit().isEmpty()) {
      b.append(" (").append(num(e.quantity())).append("k)");
    }
    b.append(" [").append(visibility(e.visibility(), fr));
    if (e.visibility() == Visibility.COVERT) {
      b.append(e.detected() ? (fr ? ", détectée" : ", detected") : (fr ? ", non détectée" : ", undetected"));
    }
    b.append(']');
    return b.toString();
  }

  private static String visibility(Visibility v, boolean fr) {
    switch (v) {
      case PUBLIC:
        return fr ? "publique" : "public";
      case PARTIES:
        return fr ? "entre les parties" : "parties";
      default:
        return fr ? "secrète" : "covert";
    }
  }

  private static String move(Move m) {
    StringBuilder b = new StringBuilder(m.type().name());
    for (String s : new String[] {m.target(), m.targetB(), m.unit(), m.region()}) {
      if (!s.isEmpty()) {
        b.append(' ').append(s);
      }
    }
    if (m.quantity() != 0 && Double.isFinite(m.quantity())) {
      b.append(' ').append(num(m.quantity()));
    }
    return b.toString();
  }

  /** Two decimals, HALF_EVEN, from the exact binary value: the same digits in every locale. */
  static String num(double x) {
    if (!Double.isFinite(x)) {
      return "-";
    }
    return new BigDecimal(x).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
  }

  private static String row(String s, int width) {
    StringBuilder b = new StringBuilder(s);
    while (b.length() < width) {
      b.append(' ');
    }
    return b.append(' ').toString();
  }

  private static String cell(String s, int width) {
    StringBuilder b = new StringBuilder();
    for (int k = s.length(); k < width; k++) {
      b.append(' ');
    }
    return b.append(s).toString();
  }
}
