package brink.engine;

import brink.engine.def.Text;

/**
 * Rivera et al. 2024 severity classes and their escalation-score points (EscalAItion,
 * {@code manual_evaluation.py}: De-escalation −2, Posturing 4, Non-violent 12, Violent 28, Nuclear 60;
 * status quo and messages 0). Declared in increasing severity. The mapping of actions to classes follows
 * {@code charts/chart_utils.py} (engine-model.md §I.4).
 */
public enum EscalationClass {
  DE_ESCALATION(-2, new Text("De-escalation", "Désescalade")),
  STATUS_QUO(0, new Text("Status quo", "Statu quo")),
  POSTURING(4, new Text("Posturing", "Gesticulation")),
  NON_VIOLENT(12, new Text("Non-violent escalation", "Escalade non violente")),
  VIOLENT(28, new Text("Violent escalation", "Escalade violente")),
  NUCLEAR(60, new Text("Nuclear", "Nucléaire"));

  private final int points;
  private final Text label;

  EscalationClass(int points, Text label) {
    this.points = points;
    this.label = label;
  }

  /** Escalation-score points of one move of this class. */
  public int points() {
    return points;
  }

  public Text label() {
    return label;
  }
}
