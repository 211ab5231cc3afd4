package brink.cli.text;

import brink.engine.MoveCatalogue;
import brink.protocol.scenario.v1.MoveType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The words a player types for each move ({@code deploy}, {@code threaten-force}, {@code negotiate}...)
 * and what each move needs after it. The words are the same in every language, like commands; what they
 * mean is explained in the player's language.
 */
public final class MoveWords {
  /** What a move takes after its word. */
  public enum Arg {
    /** An actor that forms a dyad with the mover. */
    DYAD_ACTOR,
    /** Any actor but the mover. */
    OTHER_ACTOR,
    /** One of the mover's units. */
    OWN_UNIT,
    /** A region of the map. */
    REGION,
    /** Thousands of troops (scenarios without units). */
    QUANTITY
  }

  private static final Map<MoveType, String> WORD = new EnumMap<>(MoveType.class);
  private static final Map<String, MoveType> BY_WORD = new TreeMap<>();

  static {
    word(MoveType.WAIT, "wait");
    word(MoveType.STATEMENT_REASSURE, "reassure");
    word(MoveType.HOTLINE_CALL, "hotline");
    word(MoveType.CRITICIZE, "criticize");
    word(MoveType.DEMAND_WITHDRAWAL, "demand-withdrawal");
    word(MoveType.THREATEN_SANCTIONS, "threaten-sanctions");
    word(MoveType.THREATEN_FORCE, "threaten-force");
    word(MoveType.ULTIMATUM, "ultimatum");
    word(MoveType.REJECT_TALKS, "reject-talks");
    word(MoveType.HALT_TALKS, "halt-talks");
    word(MoveType.MILITARY_EXERCISE, "exercise");
    word(MoveType.RAISE_ALERT, "raise-alert");
    word(MoveType.DEPLOY_TROOPS, "deploy");
    word(MoveType.IMPOSE_SANCTIONS, "sanction");
    word(MoveType.EXPEL_DIPLOMATS, "expel-diplomats");
    word(MoveType.BREAK_RELATIONS, "break-relations");
    word(MoveType.CYBER_ATTACK, "cyber-attack");
    word(MoveType.BLOCKADE, "blockade");
    word(MoveType.LIMITED_STRIKE, "strike");
    word(MoveType.INVADE, "invade");
    word(MoveType.NUCLEAR_THREAT, "nuclear-threat");
    word(MoveType.NUCLEAR_USE, "nuclear-use");
    word(MoveType.PROPOSE_TALKS, "propose-talks");
    word(MoveType.NEGOTIATE, "negotiate");
    word(MoveType.SIGN_AGREEMENT, "sign");
    word(MoveType.MEDIATE, "mediate");
    word(MoveType.WITHDRAW_TROOPS, "withdraw");
    word(MoveType.LOWER_ALERT, "lower-alert");
    word(MoveType.ALLOW_INSPECTIONS, "allow-inspections");
    word(MoveType.EASE_SANCTIONS, "ease-sanctions");
    word(MoveType.MILITARY_AID, "military-aid");
    word(MoveType.HUMANITARIAN_AID, "humanitarian-aid");
    word(MoveType.ALERT_UNITS, "alert-units");
    word(MoveType.RESTORE_RELATIONS, "restore-relations");
  }

  private MoveWords() {}

  private static void word(MoveType t, String w) {
    WORD.put(t, w);
    BY_WORD.put(w, t);
    // The protocol's own name also works: deploy-troops, impose-sanctions, limited-strike...
    BY_WORD.putIfAbsent(t.name().toLowerCase(Locale.ROOT).replace('_', '-'), t);
  }

  /** The word typed for {@code t}. */
  public static String word(MoveType t) {
    String w = WORD.get(t);
    if (w == null) {
      throw new IllegalArgumentException("no word for move " + t);
    }
    return w;
  }

  /** The move a typed word names (any case; '_' for '-'), if any. */
  public static Optional<MoveType> parse(String typed) {
    return Optional.ofNullable(BY_WORD.get(typed.toLowerCase(Locale.ROOT).replace('_', '-')));
  }

  /** Every move's word, sorted. */
  public static List<String> words() {
    List<String> w = new ArrayList<>(WORD.values());
    Collections.sort(w);
    return w;
  }

  /** Every move the protocol defines, in protocol order. */
  public static List<MoveType> types() {
    return List.copyOf(WORD.keySet());
  }

  /** What the engine says the move aims at. */
  public static MoveCatalogue.TargetKind kind(MoveType t) {
    return MoveCatalogue.of(brink.engine.def.MoveType.valueOf(t.name())).target();
  }

  /** Only nuclear actors may make it. */
  public static boolean nuclearOnly(MoveType t) {
    return MoveCatalogue.of(brink.engine.def.MoveType.valueOf(t.name())).nuclearOnly();
  }

  /** What the player types after the word, in a scenario with or without units. */
  public static List<Arg> args(MoveType t, boolean units) {
    switch (kind(t)) {
      case NONE:
        return List.of();
      case DYAD:
        return List.of(Arg.DYAD_ACTOR);
      case ANY_OTHER:
        return List.of(Arg.OTHER_ACTOR);
      case PAIR:
        return List.of(Arg.OTHER_ACTOR, Arg.OTHER_ACTOR);
      case UNIT:
        return List.of(Arg.OWN_UNIT);
      case TROOPS:
        return units ? List.of(Arg.OWN_UNIT, Arg.REGION) : List.of(Arg.DYAD_ACTOR, Arg.QUANTITY);
      default:
        throw new IllegalStateException("target kind " + kind(t));
    }
  }
}
