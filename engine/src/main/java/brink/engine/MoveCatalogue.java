package brink.engine;

import brink.engine.def.MoveType;
import brink.engine.def.Rules;
import brink.engine.def.Visibility;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Every move as a CAMEO-coded event: its code, Goldstein weight, verbal/material class, magnitude, Rivera
 * escalation-score class, Kahn floor, default visibility and flags (engine-model.md Part II §3, plus the
 * ALERT_UNITS row of II-c §2 and the RESTORE_RELATIONS row of II-c §7).
 */
public final class MoveCatalogue {
  /** What a move needs besides its type (engine-model.md II-c §2). */
  public enum TargetKind {
    /** No target (WAIT, RAISE_ALERT, LOWER_ALERT): applies to every dyad of the mover. */
    NONE,
    /** A target that forms a dyad with the mover. */
    DYAD,
    /** Any other actor (MILITARY_AID, HUMANITARIAN_AID). */
    ANY_OTHER,
    /** Two distinct other actors that form a dyad (MEDIATE). */
    PAIR,
    /** A unit of the mover (ALERT_UNITS). */
    UNIT,
    /** (unit, region) with units, (target, quantity) without (DEPLOY_TROOPS, WITHDRAW_TROOPS). */
    TROOPS
  }

  /**
   * One row of the catalogue.
   *
   * @param cameo CAMEO code ("" for WAIT)
   * @param goldstein Goldstein weight w of the code (GDELT), 0 for WAIT
   * @param verbal V (true) or M: the GDELT root grouping
   * @param magnitude fixed magnitude m, or 0 when {@code sized}
   * @param sized m is m(q) of the troops moved (q in thousands), Part II §3
   * @param floor Kahn rung floor the move sets on its dyad(s) (DEPLOY_TROOPS: 5, or 6 at D ≥ 50k)
   * @param yield a yield move (II-c §5): audience-cost penalty and progress
   * @param threat a threat move (II-c §5): adds audience cost
   * @param force a force move (CAMEO 190, 192–196, 20x): WAR_DELIBERATE
   * @param catastrophe NUCLEAR_USE: NUCLEAR_CATASTROPHE
   * @param nuclearOnly only nuclear actors may make it
   */
  public record Entry(
      MoveType type,
      String cameo,
      double goldstein,
      boolean verbal,
      double magnitude,
      boolean sized,
      EscalationClass esClass,
      int floor,
      Visibility visibility,
      TargetKind target,
      boolean yield,
      boolean threat,
      boolean force,
      boolean catastrophe,
      boolean nuclearOnly) {
    public Entry {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(cameo, "cameo");
    }

    /** True for moves that raise hostility (w < 0). */
    public boolean hostile() {
      return goldstein < 0;
    }
  }

  private static final Map<MoveType, Entry> ENTRIES = new EnumMap<>(MoveType.class);

  private static final EscalationClass DE = EscalationClass.DE_ESCALATION;
  private static final EscalationClass SQ = EscalationClass.STATUS_QUO;
  private static final EscalationClass PO = EscalationClass.POSTURING;
  private static final EscalationClass NV = EscalationClass.NON_VIOLENT;
  private static final EscalationClass VI = EscalationClass.VIOLENT;
  private static final EscalationClass NU = EscalationClass.NUCLEAR;

  private static final int YIELD = 1;
  private static final int THREAT = 2;
  private static final int FORCE = 4;
  private static final int CATASTROPHE = 8;
  private static final int NUCLEAR_ONLY = 16;
  private static final int SIZED = 32;

  static {
    // WAIT: not a move (II-c §6), status quo 0 (Rivera "Wait").
    ENTRIES.put(MoveType.WAIT, new Entry(MoveType.WAIT, "", 0.0, true, 0.0, false, SQ, 0,
        Visibility.PUBLIC, TargetKind.NONE, false, false, false, false, false));
    // CAMEO 030 Express intent to cooperate, +4.0; Rivera status quo ("Message").
    row(MoveType.STATEMENT_REASSURE, "030", 1, SQ, 0, TargetKind.DYAD, 0);
    // CAMEO 041 Discuss by telephone, +1.0; status quo; PARTIES (II-c §9).
    row(MoveType.HOTLINE_CALL, "041", 1, SQ, 0, TargetKind.DYAD, 0);
    // CAMEO 111 Criticize or denounce, −2.0; Rivera "Publicly criticise": non-violent; Kahn rung 1.
    row(MoveType.CRITICIZE, "111", 1, NV, 1, TargetKind.DYAD, 0);
    // CAMEO 106 Demand withdrawal, −5.0; non-violent; Kahn rung 1.
    row(MoveType.DEMAND_WITHDRAWAL, "106", 1, NV, 1, TargetKind.DYAD, 0);
    // CAMEO 1312 Threaten to boycott, embargo, or sanction, −5.8; non-violent; Kahn rung 2; threat (Fearon 1994).
    row(MoveType.THREATEN_SANCTIONS, "1312", 1, NV, 2, TargetKind.DYAD, THREAT);
    // CAMEO 138 Threaten to use military force, −7.0; non-violent; Kahn rung 3; threat.
    row(MoveType.THREATEN_FORCE, "138", 1, NV, 3, TargetKind.DYAD, THREAT);
    // CAMEO 139 Give ultimatum, −7.0; non-violent; Kahn rung 4 "Hardening of positions"; threat.
    row(MoveType.ULTIMATUM, "139", 1, NV, 4, TargetKind.DYAD, THREAT);
    // CAMEO 125 Reject proposal to meet or negotiate, −5.0; posturing; Kahn rung 4.
    row(MoveType.REJECT_TALKS, "125", 1, PO, 4, TargetKind.DYAD, 0);
    // CAMEO 164 Halt negotiations, −7.0 (root 16: material); posturing; Kahn rung 4; P ×= halt_factor.
    row(MoveType.HALT_TALKS, "164", 1, PO, 4, TargetKind.DYAD, 0);
    // CAMEO 150 Demonstrate military power, −7.2; Rivera "military exercise": non-violent; Kahn rung 5 "Show of force".
    row(MoveType.MILITARY_EXERCISE, "150", 1, NV, 5, TargetKind.DYAD, 0);
    // CAMEO 152 Increase military alert status, −7.2, m 0.5; posturing; Kahn rung 5; alert −1.
    row(MoveType.RAISE_ALERT, "152", 0.5, PO, 5, TargetKind.NONE, 0);
    // CAMEO 154 Mobilize or increase armed forces, −7.2, m(q); non-violent; Kahn rung 5 (6 "Significant mobilization" at D ≥ 50k).
    row(MoveType.DEPLOY_TROOPS, "154", 0, NV, 5, TargetKind.TROOPS, SIZED);
    // CAMEO 163 Impose embargo, boycott, or sanctions, −8.0; Rivera "Impose trade restrictions": non-violent; Kahn rung 7 "'Legal' harassment".
    row(MoveType.IMPOSE_SANCTIONS, "163", 1, NV, 7, TargetKind.DYAD, 0);
    // CAMEO 161 Reduce or break diplomatic relations, −4.0, m 0.5; non-violent; Kahn rung 2.
    row(MoveType.EXPEL_DIPLOMATS, "161", 0.5, NV, 2, TargetKind.DYAD, 0);
    // CAMEO 161, −4.0; Rivera "Cut diplomatic relationships": non-violent; Kahn rung 10 "Provocative breaking off of diplomatic relations".
    row(MoveType.BREAK_RELATIONS, "161", 1, NV, 10, TargetKind.DYAD, 0);
    // CAMEO 1712 Destroy property, −9.2 (CAMEO has no cyber code: stand-in, Part IV §2), m 0.6; Rivera "Execute cybersecurity attack": non-violent; Kahn rung 8; COVERT.
    row(MoveType.CYBER_ATTACK, "1712", 0.6, NV, 8, TargetKind.DYAD, 0);
    // CAMEO 191 Impose blockade, −9.5; Rivera "Blockade basic supplies": violent; Kahn rung 9; not war by itself.
    row(MoveType.BLOCKADE, "191", 1, VI, 9, TargetKind.DYAD, 0);
    // CAMEO 195 Employ aerial weapons, −10; Rivera "Execute targeted attack": violent; Kahn rung 12 "Large conventional war"; WAR.
    row(MoveType.LIMITED_STRIKE, "195", 1, VI, 12, TargetKind.DYAD, FORCE);
    // CAMEO 192 Occupy territory, −9.5; Rivera "Execute full on invasion": violent; Kahn rung 12; WAR.
    row(MoveType.INVADE, "192", 1, VI, 12, TargetKind.DYAD, FORCE);
    // CAMEO 1385 Threaten attack with WMD, −7.0; non-violent; Kahn rung 16 "Nuclear 'ultimatums'"; threat; nuclear actors only.
    row(MoveType.NUCLEAR_THREAT, "1385", 1, NV, 16, TargetKind.DYAD, THREAT | NUCLEAR_ONLY);
    // CAMEO 2042 Detonate nuclear weapons, −10; Rivera "Execute tactical nuclear strike": nuclear 60; Kahn rung 21 "Local nuclear war"; CATASTROPHE.
    row(MoveType.NUCLEAR_USE, "2042", 1, NU, 21, TargetKind.DYAD, FORCE | CATASTROPHE | NUCLEAR_ONLY);
    // CAMEO 036 Express intent to meet or negotiate, +4.0; Rivera "Start formal peace negotiations": de-escalation; PARTIES.
    row(MoveType.PROPOSE_TALKS, "036", 1, DE, 0, TargetKind.DYAD, 0);
    // CAMEO 046 Engage in negotiation, +7.0; de-escalation; talks active only if mutual; PARTIES.
    row(MoveType.NEGOTIATE, "046", 1, DE, 0, TargetKind.DYAD, 0);
    // CAMEO 057 Sign formal agreement, +8.0; de-escalation; valid only if P ≥ 1, effective only if mutual.
    row(MoveType.SIGN_AGREEMENT, "057", 1, DE, 0, TargetKind.DYAD, 0);
    // CAMEO 045 Mediate, +5.0; Rivera "Engage in international arbitration": de-escalation; PARTIES.
    row(MoveType.MEDIATE, "045", 1, DE, 0, TargetKind.PAIR, 0);
    // CAMEO 0873 Demobilize armed forces, +9.0, m(q); de-escalation; yield.
    row(MoveType.WITHDRAW_TROOPS, "0873", 0, DE, 0, TargetKind.TROOPS, SIZED | YIELD);
    // CAMEO 087 De-escalate military engagement, +9.0, m 0.5; de-escalation; alert +1; yield.
    row(MoveType.LOWER_ALERT, "087", 0.5, DE, 0, TargetKind.NONE, YIELD);
    // CAMEO 0862 Receive inspectors, +9.0; de-escalation (confidence-building measure); yield.
    row(MoveType.ALLOW_INSPECTIONS, "0862", 1, DE, 0, TargetKind.DYAD, YIELD);
    // CAMEO 085 Ease economic sanctions, +7.0; de-escalation; yield.
    row(MoveType.EASE_SANCTIONS, "085", 1, DE, 0, TargetKind.DYAD, YIELD);
    // CAMEO 072 Provide military aid, +8.3 toward the recipient; Rivera "Supply weapons to others": posturing; third-party rule.
    row(MoveType.MILITARY_AID, "072", 1, PO, 0, TargetKind.ANY_OTHER, 0);
    // CAMEO 073 Provide humanitarian aid, +7.4; de-escalation.
    row(MoveType.HUMANITARIAN_AID, "073", 1, DE, 0, TargetKind.ANY_OTHER, 0);
    // CAMEO 152 Increase military alert status, −7.2, m(size/1000); posturing; no floor (II-c §2).
    row(MoveType.ALERT_UNITS, "152", 0, PO, 0, TargetKind.UNIT, SIZED);
    // CAMEO 054, +6.0, verbal, m 1; de-escalation (II-c §7).
    row(MoveType.RESTORE_RELATIONS, "054", 1, DE, 0, TargetKind.DYAD, 0);
    for (MoveType t : MoveType.values()) {
      if (!ENTRIES.containsKey(t)) {
        throw new ExceptionInInitializerError("move type without a catalogue row: " + t);
      }
    }
  }

  private MoveCatalogue() {}

  private static void row(
      MoveType type, String cameo, double magnitude, EscalationClass es, int floor, TargetKind target,
      int flags) {
    ENTRIES.put(
        type,
        new Entry(
            type,
            cameo,
            Goldstein.weight(cameo),
            Goldstein.isVerbal(cameo),
            magnitude,
            (flags & SIZED) != 0,
            es,
            floor,
            defaultVisibility(type),
            target,
            (flags & YIELD) != 0,
            (flags & THREAT) != 0,
            (flags & FORCE) != 0,
            (flags & CATASTROPHE) != 0,
            (flags & NUCLEAR_ONLY) != 0));
  }

  /** Default visibility: PUBLIC, except the contact moves (PARTIES) and cyber attacks (COVERT), II-c §9. */
  private static Visibility defaultVisibility(MoveType type) {
    switch (type) {
      case HOTLINE_CALL:
      case PROPOSE_TALKS:
      case NEGOTIATE:
      case MEDIATE:
        return Visibility.PARTIES;
      case CYBER_ATTACK:
        return Visibility.COVERT;
      default:
        return Visibility.PUBLIC;
    }
  }

  /** The catalogue row of a move type. */
  public static Entry of(MoveType type) {
    return ENTRIES.get(Objects.requireNonNull(type, "type"));
  }

  /** Every row, in {@link MoveType} order. */
  public static Map<MoveType, Entry> all() {
    return java.util.Collections.unmodifiableMap(ENTRIES);
  }

  /**
   * Magnitude of a troop move of q thousand: m(q) = clamp(ln(1 + q/scale)/ln(base), min, max), with the
   * rules' scale 10, base 11, bounds [0.1, 1.5] by default (Part II §3: m(10) = 0.29, m(100) = 1).
   */
  public static double magnitude(Rules rules, double q) {
    double m = StrictMath.log(1 + q / rules.magnitudeScale()) / StrictMath.log(rules.magnitudeLogBase());
    return Math.min(rules.magnitudeMax(), Math.max(rules.magnitudeMin(), m));
  }
}
