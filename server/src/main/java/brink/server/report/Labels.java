package brink.server.report;

import java.util.Map;
import java.util.TreeMap;

/** The debrief's words in English and French. Every key exists in both languages. */
final class Labels {
  static final Map<String, String> EN = new TreeMap<>();
  static final Map<String, String> FR = new TreeMap<>();

  static {
    put("title", "After-action report", "Débriefing");
    // French typography puts a (non-breaking) space before a colon.
    put("colon", ": ", "\u00a0: ");
    put("scenario", "Scenario", "Scénario");
    put("game", "Game", "Partie");
    put("seed", "Seed", "Graine");
    put("turns_played", "Turns played", "Tours joués");
    put("status_complete", "game over", "partie terminée");
    put("status_ongoing", "game in progress", "partie en cours");
    put("replay_ok", "Replay: every turn matches the journal.", "Rejeu : chaque tour correspond au journal.");
    put("replay_bad", "Replay: %d problem(s), see “Replay check” below.",
        "Rejeu : %d problème(s), voir « Vérification du rejeu » plus bas.");
    put("h_outcome", "Outcome", "Issue");
    put("the_class", "The class", "La classe");
    put("history", "History", "Histoire");
    put("col_outcome", "Outcome", "Issue");
    put("col_turn", "Turn", "Tour");
    put("col_date", "Date", "Date");
    put("ended_by_instructor", "ended by the instructor", "arrêtée par l'instructeur");
    put("outcome_dyads", "Dyads", "Dyades");
    put("history_notes", "What really happened", "Ce qui s'est réellement passé");
    put("OUTCOME_UNSPECIFIED", "no outcome", "pas d'issue");
    put("NUCLEAR_CATASTROPHE", "nuclear catastrophe", "catastrophe nucléaire");
    put("WAR_DELIBERATE", "deliberate war", "guerre délibérée");
    put("WAR_INADVERTENT", "inadvertent war", "guerre par inadvertance");
    put("SETTLEMENT_FORMAL", "formal settlement", "règlement formel");
    put("SETTLEMENT_TACIT", "tacit settlement", "règlement tacite");
    put("FROZEN_CONFLICT", "frozen conflict", "conflit gelé");
    put("h_turn", "Turn %d", "Tour %d");
    put("h_moves", "Moves", "Coups joués");
    put("no_moves", "No moves.", "Aucun coup.");
    put("col_actor", "Actor", "Acteur");
    put("col_move", "Move", "Coup");
    put("col_cameo", "CAMEO", "CAMEO");
    put("col_goldstein", "Goldstein", "Goldstein");
    put("col_visibility", "Visibility", "Visibilité");
    put("PUBLIC", "public", "public");
    put("PARTIES", "parties only", "entre les parties");
    put("COVERT", "covert", "secret");
    put("detected", "detected", "détecté");
    put("undetected", "undetected", "non détecté");
    put("h_rejections", "Refused orders", "Ordres refusés");
    put("whole_submission", "all of its orders", "tous ses ordres");
    put("h_bots", "Seats played by a bot", "Sièges joués par un bot");
    put("waited", "waited (no orders)", "a attendu (aucun ordre)");
    put("played_by", "played by the bot", "joué par le bot");
    put("h_injects", "Injects", "Événements injectés");
    put("by_instructor", "fired by the instructor", "déclenché par l'instructeur");
    put("not_fired", "its turn was never resolved", "son tour n'a jamais été résolu");
    put("effects", "effects", "effets");
    put("no_effect", "text only", "texte seul");
    put("h_other_events", "Other events", "Autres événements");
    put("incident", "Incident between %s and %s (Schelling's threat that leaves something to chance)",
        "Incident entre %s et %s (la « menace qui laisse une part au hasard » de Schelling)");
    put("agreement", "Agreement signed by %s and %s", "Accord signé par %s et %s");
    put("talks", "Talks held between %s and %s", "Négociations entre %s et %s");
    put("h_messages", "Messages", "Messages");
    put("public_message", "public", "public");
    put("private_message", "private", "privé");
    put("everyone", "everyone", "tous");
    put("instructor", "instructor", "instructeur");
    put("h_tension_turn", "Tension after the turn", "Tension après le tour");
    put("col_dyad", "Dyad", "Dyade");
    put("col_tension", "Tension", "Tension");
    put("col_change", "Change", "Variation");
    put("col_rung", "Kahn rung", "Échelon de Kahn");
    put("h_history_turn", "Beside history", "Face à l'histoire");
    put("nothing_notable", "nothing notable", "rien de notable");
    put("as_history", "as in history", "comme dans l'histoire");
    put("diverged", "diverged", "écart");
    put("h_timeline", "The real week", "La semaine réelle");
    put("h_tension", "Tension by dyad", "Tension par dyade");
    put("primary", "primary crisis dyad", "dyade de crise principale");
    put("start", "start", "début");
    put("h_scores", "Scores", "Scores");
    put("scores_note", "Escalation score per turn: Rivera et al. 2024 classes (de-escalation −2, status quo 0, "
            + "posturing 4, non-violent 12, violent 28, nuclear 60).",
        "Score d'escalade par tour : classes de Rivera et al. 2024 (désescalade −2, statu quo 0, "
            + "démonstration 4, non violent 12, violent 28, nucléaire 60).");
    put("col_total", "Total", "Total");
    put("col_stability", "Final stability", "Stabilité finale");
    put("col_objectives", "Objectives met", "Objectifs atteints");
    put("h_objectives", "Objectives", "Objectifs");
    put("no_objectives", "No objectives.", "Aucun objectif.");
    put("met", "met", "atteint");
    put("not_met", "not met", "non atteint");
    put("h_divergence", "Divergence from history", "Écarts avec l'histoire");
    put("no_divergence", "The class followed the historical record in every turn played.",
        "La classe a suivi l'histoire à chaque tour joué.");
    put("col_history", "History", "Histoire");
    put("col_class", "The class", "La classe");
    put("h_briefings", "Private briefings", "Instructions confidentielles");
    put("h_other_messages", "Messages outside the turns played", "Messages hors des tours joués");
    put("h_actions", "Instructor actions", "Actions de l'instructeur");
    put("ACTION_START", "started the game", "a lancé la partie");
    put("ACTION_PAUSE", "paused", "a mis en pause");
    put("ACTION_RESUME", "resumed", "a repris");
    put("ACTION_EXTEND_DEADLINE", "extended the deadline by %d s", "a prolongé le délai de %d s");
    put("ACTION_FORCE_RESOLVE", "forced the resolution", "a forcé la résolution");
    put("ACTION_CONTINUE", "continued", "a continué");
    put("ACTION_END", "ended the game", "a arrêté la partie");
    put("INSTRUCTOR_ACTION_UNSPECIFIED", "unknown action", "action inconnue");
    put("h_replay", "Replay check", "Vérification du rejeu");
    put("journal", "journal", "journal");
    put("replay", "replay", "rejeu");
  }

  private static void put(String key, String en, String fr) {
    EN.put(key, en);
    FR.put(key, fr);
  }

  private final Map<String, String> words;
  final String lang;

  private Labels(String lang, Map<String, String> words) {
    this.lang = lang;
    this.words = words;
  }

  /**
   * @throws IllegalArgumentException for a language other than "en" and "fr"
   */
  static Labels of(String lang) {
    if ("en".equals(lang)) {
      return new Labels("en", EN);
    }
    if ("fr".equals(lang)) {
      return new Labels("fr", FR);
    }
    throw new IllegalArgumentException("the debrief is written in \"en\" or \"fr\", not \"" + lang + "\"");
  }

  String get(String key) {
    String w = words.get(key);
    if (w == null) {
      throw new IllegalArgumentException("no label '" + key + "'");
    }
    return w;
  }

  /** A label with %s / %d placeholders filled (Locale.ROOT: never the machine's locale). */
  String format(String key, Object... args) {
    return String.format(java.util.Locale.ROOT, get(key), args);
  }
}
