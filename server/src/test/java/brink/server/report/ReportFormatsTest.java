package brink.server.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import brink.engine.Ladder;
import brink.protocol.scenario.v1.OutcomeType;
import brink.protocol.scenario.v1.Visibility;
import brink.protocol.v1.InstructorAction;
import brink.protocol.v1.Report;
import brink.protocol.v1.TensionSeries;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The report as JSON and as a Markdown debrief in English and French. */
class ReportFormatsTest {
  static Report report;

  @BeforeAll
  static void build() {
    report = AfterActionReport.build(TestGames.eastern(), AfterActionReportTest.shortGame().entries);
  }

  @Test
  void json_parsesBackToTheSameReport() {
    String json = AfterActionReport.json(report);
    assertThat(AfterActionReport.fromJson(json)).isEqualTo(report);
  }

  @Test
  void json_usesProtoFieldNamesInFieldOrderAndPrintsDefaults() {
    String json = AfterActionReport.json(report);
    assertThat(json).isEqualTo(AfterActionReport.json(AfterActionReport.fromJson(json)));
    assertThat(json).contains("\"scenario_id\": \"eastern-flank-2022\"", "\"replay_verified\": true",
        "\"cameo_code\": \"138\"", "\"rung_name\"", "\"historical_outcome\"");
    // Field-number order: game_id (1) before scenario_id (2) before turns (9) before replay_verified (21).
    assertThat(json.indexOf("\"game_id\"")).isLessThan(json.indexOf("\"scenario_id\""));
    assertThat(json.indexOf("\"scenario_id\"")).isLessThan(json.indexOf("\"turns\""));
    assertThat(json.indexOf("\"turns\"")).isLessThan(json.indexOf("\"replay_verified\""));
    // A default value is printed, so the shape never depends on the game.
    assertThat(AfterActionReport.json(Report.getDefaultInstance())).contains("\"turns_played\": 0");
  }

  @Test
  void fromJson_garbage_isAClearError() {
    assertThatThrownBy(() -> AfterActionReport.fromJson("{\"no_such_field\": 1}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("not an after-action report in JSON");
  }

  @Test
  void markdown_english_hasEveryHeading() {
    String md = AfterActionReport.markdown(report, "en");
    assertThat(md).startsWith("# After-action report — Eastern Flank, February 2022\n");
    assertThat(md).contains("- Scenario: `eastern-flank-2022`", "- Seed: 7", "- Turns played: 3 (game over)");
    assertThat(md).contains("## Outcome", "| The class | deliberate war | 3 | 2022-02-18 – 2022-02-24 |",
        "| History | deliberate war | 3 | 2022-02-24 |");
    for (int t = 1; t <= 3; t++) {
      assertThat(md).contains("## Turn " + t + " (");
    }
    assertThat(md).contains("## Turn 1 (2022-02-04 – 2022-02-10)", "### Moves", "### Refused orders",
        "### Seats played by a bot", "### Injects", "### Messages", "### Tension after the turn",
        "### Beside history", "## Tension by dyad", "## Scores", "## Objectives", "## Divergence from history",
        "## Private briefings", "## Replay check");
    assertThat(md).contains("`THREATEN_FORCE` → Ukraine", "138 (", "| -7.0 |", "`NOT_NUCLEAR`",
        "covert (", "Let's talk before it is too late.", "(private,", "(public,",
        "Banks in Kyiv hit by a cyber attack", "fired by the instructor", "H Ukraine → Russia +10.0");
    TensionSeries rusUkr = report.getTension(2);
    assertThat(md).contains("| 3 | " + MarkdownDebrief.fixed(rusUkr.getTension(3), 1) + " | 12 "
        + Ladder.name(12).en() + " |");
  }

  @Test
  void markdown_french_hasEveryHeadingAndFrenchNames() {
    String md = AfterActionReport.markdown(report, "fr");
    assertThat(md).startsWith("# Débriefing — Flanc est, février 2022\n");
    assertThat(md).contains("## Issue", "| La classe | guerre délibérée | 3 |", "## Tour 1 (2022-02-04 – 2022-02-10)",
        "### Coups joués", "### Ordres refusés", "### Événements injectés", "### Messages",
        "### Tension après le tour", "## Tension par dyade", "## Scores", "## Objectifs",
        "## Écarts avec l'histoire", "## Instructions confidentielles", "## Vérification du rejeu");
    assertThat(md).contains(Ladder.name(12).fr(), "Des banques de Kyiv victimes d'une cyberattaque", "Russie");
    assertThat(md).doesNotContain("## Turn ", "## Outcome");
    // French typography: a non-breaking space before a colon.
    assertThat(md).contains("- Scénario\u00a0: `eastern-flank-2022`");
  }

  @Test
  void markdown_numbersDoNotDependOnTheMachinesLocale() {
    Locale saved = Locale.getDefault();
    String root;
    String french;
    String german;
    try {
      Locale.setDefault(Locale.ROOT);
      root = AfterActionReport.markdown(report, "fr");
      Locale.setDefault(Locale.FRANCE);
      french = AfterActionReport.markdown(report, "fr");
      Locale.setDefault(Locale.GERMANY);
      german = AfterActionReport.markdown(report, "fr");
    } finally {
      Locale.setDefault(saved);
    }
    assertThat(french).isEqualTo(root).isEqualTo(german);
    assertThat(root).contains("| -7.0 |").doesNotContain("-7,0");
  }

  @Test
  void markdown_otherLanguage_isAClearError() {
    assertThatThrownBy(() -> AfterActionReport.markdown(report, "de"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"en\" or \"fr\"");
  }

  @Test
  void labels_nameEveryOutcomeVisibilityAndInstructorActionInBothLanguages() {
    for (String lang : new String[] {"en", "fr"}) {
      Labels l = Labels.of(lang);
      for (OutcomeType t : OutcomeType.values()) {
        if (t != OutcomeType.UNRECOGNIZED) {
          assertThat(l.get(t.name())).isNotBlank();
        }
      }
      for (Visibility v : new Visibility[] {Visibility.PUBLIC, Visibility.PARTIES, Visibility.COVERT}) {
        assertThat(l.get(v.name())).isNotBlank();
      }
      for (InstructorAction a : InstructorAction.values()) {
        if (a != InstructorAction.UNRECOGNIZED) {
          assertThat(l.get(a.name())).isNotBlank();
        }
      }
    }
    assertThat(Labels.EN.keySet()).isEqualTo(Labels.FR.keySet());
  }

  @Test
  void fixed_roundsHalfEvenWithADotAndNoNegativeZero() {
    assertThat(MarkdownDebrief.fixed(2.25, 1)).isEqualTo("2.2");
    assertThat(MarkdownDebrief.fixed(2.35, 1)).isEqualTo("2.4");
    assertThat(MarkdownDebrief.fixed(-0.04, 1)).isEqualTo("0.0");
    assertThat(MarkdownDebrief.fixed(12345678.0, 0)).isEqualTo("12345678");
    assertThat(MarkdownDebrief.signed(7, 1)).isEqualTo("+7.0");
    assertThat(MarkdownDebrief.signed(-0.01, 1)).isEqualTo("0.0");
    assertThat(MarkdownDebrief.signed(-7.2, 1)).isEqualTo("-7.2");
  }
}
