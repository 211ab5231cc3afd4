package brink.engine;

import brink.engine.def.Text;
import java.util.List;

/**
 * Herman Kahn's escalation ladder (On Escalation, 1965, p. 39; as reproduced in Davis & Stan, RAND R-3235,
 * 1984, Fig. 2): 44 rungs in 7 groups separated by 6 thresholds. The ladder is ordinal; the tension→rung
 * mapping is the project's (engine-model.md Part II §5 and II-c §5, half-open intervals).
 */
public final class Ladder {
  /** Number of rungs (Kahn 1965). */
  public static final int RUNGS = 44;
  /** Highest rung tension alone can reach: 11 "Super-ready status" (Part II §5). */
  public static final int MAX_TENSION_RUNG = 11;
  /** Rung of war: 12 "Large conventional war (or actions)" (Part II §4 step 10). */
  public static final int WAR_RUNG = 12;
  /** Rung of nuclear use: 21 "Local nuclear war—exemplary" (Part II §3). */
  public static final int NUCLEAR_RUNG = 21;

  /** Kahn's seven groups, plus the bottom of the figure below rung 1. */
  public enum Group {
    /** Below rung 1: the figure's bottom label. */
    COLD_WAR(0, 0, new Text("Disagreement—Cold War", "Désaccord — guerre froide")),
    SUBCRISIS_MANEUVERING(1, 3, new Text("Subcrisis maneuvering", "Manœuvres sous le seuil de crise")),
    TRADITIONAL_CRISES(4, 9, new Text("Traditional crises", "Crises traditionnelles")),
    INTENSE_CRISES(10, 20, new Text("Intense crises", "Crises intenses")),
    BIZARRE_CRISES(21, 25, new Text("Bizarre crises", "Crises bizarres")),
    EXEMPLARY_CENTRAL_ATTACKS(26, 31, new Text("Exemplary central attacks", "Attaques centrales exemplaires")),
    MILITARY_CENTRAL_WARS(32, 38, new Text("Military central wars", "Guerres centrales militaires")),
    CIVILIAN_CENTRAL_WARS(39, 44, new Text("Civilian central wars", "Guerres centrales civiles"));

    private final int first;
    private final int last;
    private final Text name;

    Group(int first, int last, Text name) {
      this.first = first;
      this.last = last;
      this.name = name;
    }

    public int first() {
      return first;
    }

    public int last() {
      return last;
    }

    public Text text() {
      return name;
    }
  }

  /** A threshold Kahn draws between two groups: crossing it means moving above rung {@code below}. */
  public record Threshold(int below, int above, Text name) {}

  private static final List<Threshold> THRESHOLDS =
      List.of(
          new Threshold(3, 4, new Text("Don't Rock the Boat", "Ne pas faire de vagues")),
          new Threshold(9, 10, new Text("Nuclear War Is Unthinkable", "La guerre nucléaire est impensable")),
          new Threshold(20, 21, new Text("No Nuclear Use", "Pas d'emploi du nucléaire")),
          new Threshold(25, 26, new Text("Central Sanctuary", "Sanctuaire central")),
          new Threshold(31, 32, new Text("Central War", "Guerre centrale")),
          new Threshold(38, 39, new Text("City Targeting", "Frappe des villes")));

  /** Rung names, index = rung (0 = below the ladder). */
  private static final Text[] NAMES = {
    new Text("Disagreement—Cold War", "Désaccord — guerre froide"),
    new Text("Ostensible crisis", "Crise ostensible"),
    new Text("Political, economic, and diplomatic gestures", "Gestes politiques, économiques et diplomatiques"),
    new Text("Solemn and formal declarations", "Déclarations solennelles et formelles"),
    new Text("Hardening of positions—confrontation of wills", "Durcissement des positions — affrontement des volontés"),
    new Text("Show of force", "Démonstration de force"),
    new Text("Significant mobilization", "Mobilisation importante"),
    new Text("\"Legal\" harassment—retortions", "Harcèlement « légal » — rétorsions"),
    new Text("Harassing acts of violence", "Actes de violence de harcèlement"),
    new Text("Dramatic military confrontations", "Confrontations militaires spectaculaires"),
    new Text("Provocative breaking off of diplomatic relations", "Rupture provocatrice des relations diplomatiques"),
    new Text("Super-ready status", "État d'alerte maximale"),
    new Text("Large conventional war (or actions)", "Guerre conventionnelle de grande ampleur (ou actions)"),
    new Text("Large compound escalation", "Escalade composée de grande ampleur"),
    new Text("Declaration of limited conventional war", "Déclaration de guerre conventionnelle limitée"),
    new Text("Barely nuclear war", "Guerre à peine nucléaire"),
    new Text("Nuclear \"ultimatums\"", "« Ultimatums » nucléaires"),
    new Text("Limited evacuation (~20%)", "Évacuation limitée (~20 %)"),
    new Text("Spectacular show or demonstration of force", "Démonstration de force spectaculaire"),
    new Text("\"Justifiable\" counterforce attack", "Attaque de contre-force « justifiable »"),
    new Text("\"Peaceful\" worldwide embargo or blockade", "Embargo ou blocus mondial « pacifique »"),
    new Text("Local nuclear war—exemplary", "Guerre nucléaire locale — exemplaire"),
    new Text("Declaration of limited nuclear war", "Déclaration de guerre nucléaire limitée"),
    new Text("Local nuclear war—military", "Guerre nucléaire locale — militaire"),
    new Text("Unusual, provocative, and significant countermeasures", "Contre-mesures inhabituelles, provocatrices et importantes"),
    new Text("Evacuation (~70%)", "Évacuation (~70 %)"),
    new Text("Demonstration attack on zone of interior", "Attaque de démonstration contre le territoire national"),
    new Text("Exemplary attack on military", "Attaque exemplaire contre des cibles militaires"),
    new Text("Exemplary attacks against property", "Attaques exemplaires contre des biens"),
    new Text("Exemplary attacks on population", "Attaques exemplaires contre la population"),
    new Text("Complete evacuation (~95%)", "Évacuation complète (~95 %)"),
    new Text("Reciprocal reprisals", "Représailles réciproques"),
    new Text("Formal declaration of \"general\" war", "Déclaration formelle de guerre « générale »"),
    new Text("Slow-motion counter-\"property\" war", "Guerre anti-« biens » au ralenti"),
    new Text("Slow-motion counterforce war", "Guerre de contre-force au ralenti"),
    new Text("Constrained force-reduction salvo", "Salve limitée de réduction des forces"),
    new Text("Constrained disarming attack", "Attaque de désarmement limitée"),
    new Text("Counterforce-with-avoidance attack", "Attaque de contre-force avec évitement"),
    new Text("Unmodified counterforce attack", "Attaque de contre-force sans restriction"),
    new Text("Slow-motion countercity war", "Guerre anti-cités au ralenti"),
    new Text("Countervalue salvo", "Salve anti-valeurs"),
    new Text("Augmented disarming attack", "Attaque de désarmement élargie"),
    new Text("Civilian devastation attack", "Attaque de dévastation civile"),
    new Text("Some other kinds of controlled general war", "Autres formes de guerre générale contrôlée"),
    new Text("Spasm or insensate war", "Guerre spasmodique ou insensée"),
  };

  /** The figure's top label, above rung 44. */
  public static final Text AFTERMATHS = new Text("Aftermaths", "Lendemains");

  private Ladder() {}

  /**
   * The rung tension alone reaches (II-c §5): [0,10) → 0, [10,25) → 1–3, [25,55) → 4–9, [55,60) → 10,
   * [60,100] → 11; one rung per 5 tension points.
   */
  public static int rung(double tension) {
    if (!(tension >= 10)) {
      return 0;
    }
    return (int) Math.min(MAX_TENSION_RUNG, 1 + Math.floor((tension - 10) / 5));
  }

  /** The name of a rung 0..44 (0 = below the ladder). */
  public static Text name(int rung) {
    checkRung(rung);
    return NAMES[rung];
  }

  /** The group of a rung 0..44. */
  public static Group group(int rung) {
    checkRung(rung);
    for (Group g : Group.values()) {
      if (rung <= g.last) {
        return g;
      }
    }
    throw new IllegalStateException("rung " + rung);
  }

  /** Kahn's six thresholds, bottom to top. */
  public static List<Threshold> thresholds() {
    return THRESHOLDS;
  }

  private static void checkRung(int rung) {
    if (rung < 0 || rung > RUNGS) {
      throw new IllegalArgumentException("rung must be 0.." + RUNGS + ", got " + rung);
    }
  }
}
