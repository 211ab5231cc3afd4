package brink.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The brink command run in-process, as a user would type it: exit codes, outputs and error sentences. */
class MainTest {
  /** One command's exit code and what it printed. */
  record Run(int code, String out, String err) {}

  static Run brink(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  /** A user error: exit code 2, nothing on stdout, one sentence on stderr and no stack trace. */
  static void assertUserError(Run r, String... fragments) {
    assertThat(r.code()).as("exit code; stderr: %s", r.err()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertNoStackTrace(r.err());
    assertThat(r.err().strip().lines().count()).as("one sentence: %s", r.err()).isEqualTo(1);
    assertThat(r.err()).contains(fragments);
  }

  static void assertNoStackTrace(String err) {
    assertThat(err).doesNotContain("\tat ").doesNotContain("Exception").doesNotContain("Caused by");
  }

  static int count(String text, String fragment) {
    return text.split(Pattern.quote(fragment), -1).length - 1;
  }

  static final String BROKEN =
      "id: \"broken\"\n"
          + "title { en: \"Broken\" }\n"
          + "actor { id: \"aaa\" name { en: \"A\" } alert: 9 }\n"
          + "actor { id: \"bbb\" name { en: \"B\" } }\n"
          + "dyad { from: \"aaa\" to: \"ccc\" hostility: 10 restraint: 0.1 reaction: 0.1 }\n"
          + "dyad { from: \"bbb\" to: \"aaa\" hostility: 10 restraint: 0.1 reaction: 0.1 }\n"
          + "primary_dyad { a: \"aaa\" b: \"bbb\" }\n";

  static final String TINY =
      "id: \"tiny\"\n"
          + "title { en: \"Tiny\" }\n"
          + "rules { max_turns: 3 }\n"
          + "actor { id: \"aaa\" name { en: \"A\" } }\n"
          + "actor { id: \"bbb\" name { en: \"B\" } }\n"
          + "dyad { from: \"aaa\" to: \"bbb\" hostility: 30 restraint: %s reaction: 0.1 grievance: 1 }\n"
          + "dyad { from: \"bbb\" to: \"aaa\" hostility: 30 restraint: 0.2 reaction: 0.1 grievance: 1 }\n"
          + "primary_dyad { a: \"aaa\" b: \"bbb\" }\n";

  static Path write(Path dir, String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  // --- brink itself ----------------------------------------------------------------------------------

  @Test
  void version_printsProjectVersion_exit0() {
    Run r = brink("--version");
    assertThat(r.code()).isZero();
    assertThat(r.out()).containsPattern("^brink \\d+\\.\\d+\\.\\d+").contains("Java 17");
  }

  @Test
  void noArguments_listsOnlyTheRealCommands_exit0() {
    Run r = brink();
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("simulate", "scenario", "help", "play", "instruct", "observe");
    // server and demo run from the server's jar (the launcher dispatches them), never from the client's.
    assertThat(r.out()).doesNotContainPattern("(?m)^\\s+(server|demo)\\b");
  }

  @Test
  void unknownCommand_sentenceWithSuggestion_exit2() {
    Run r = brink("simulat");
    assertUserError(r, "Unknown command 'simulat'", "Did you mean simulate", "brink --help");
  }

  @Test
  void helpSimulate_listsEveryFlag_exit0() {
    Run r = brink("help", "simulate");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("--scenario", "--seed", "--orders", "--bots", "--bot", "--turns", "--json",
        "--lang", "eastern-flank-2022");
  }

  // --- simulate: bad input ---------------------------------------------------------------------------

  @Test
  void simulate_unknownOption_sentenceNamingIt_exit2() {
    assertUserError(brink("simulate", "--no-such-flag"), "Unknown option: '--no-such-flag'",
        "brink simulate --help");
  }

  @Test
  void simulate_misspelledOption_suggestsTheRightOne_exit2() {
    assertUserError(brink("simulate", "--sed", "3"), "Did you mean --seed?");
  }

  @Test
  void simulate_seedNotANumber_exit2() {
    assertUserError(brink("simulate", "--seed", "abc"), "'abc' is not a whole number");
  }

  @Test
  void simulate_turnsZero_exit2() {
    assertUserError(brink("simulate", "--turns", "0"), "--turns must be at least 1");
  }

  @Test
  void simulate_unknownBotInBots_listsTheValidBots_exit2() {
    assertUserError(brink("simulate", "--bots", "hawkish"), "Unknown bot 'hawkish'",
        "passive, historical, dove, hawk, tit-for-tat");
  }

  @Test
  void simulate_unknownBotInBot_exit2() {
    assertUserError(brink("simulate", "--bot", "rus=dovish"), "Unknown bot 'dovish' in --bot rus=dovish");
  }

  @Test
  void simulate_unknownActorInBot_listsTheScenarioActors_exit2() {
    assertUserError(brink("simulate", "--bot", "xyz=hawk"), "Unknown actor 'xyz'",
        "blr, nato, rus, ukr, usa");
  }

  @Test
  void simulate_botWithoutDoctrine_exit2() {
    assertUserError(brink("simulate", "--bot", "rus"), "Missing doctrine in --bot rus", "ACTOR=DOCTRINE");
  }

  @Test
  void simulate_unknownLanguage_exit2() {
    assertUserError(brink("simulate", "--lang", "de"), "--lang must be en or fr");
  }

  @Test
  void simulate_missingScenarioFile_namesTheFileAndWhatToGive_exit2(@TempDir Path dir) {
    Run r = brink("simulate", "--scenario", dir.resolve("nope.txtpb").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertNoStackTrace(r.err());
    assertThat(r.err()).contains("nope.txtpb: no such file").contains("Give a bundled scenario id");
  }

  @Test
  void simulate_unknownScenarioId_listsTheBundledOnes_exit2() {
    Run r = brink("simulate", "--scenario", "atlantis-2031");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertNoStackTrace(r.err());
    assertThat(r.err()).contains("atlantis-2031").contains("eastern-flank-2022");
  }

  @Test
  void simulate_unreadableOrdersFile_exit2(@TempDir Path dir) {
    Run r = brink("simulate", "--orders", dir.resolve("missing-orders.txtpb").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertNoStackTrace(r.err());
    assertThat(r.err()).contains("missing-orders.txtpb: no such file").contains("Give --orders the path");
  }

  @Test
  void simulate_ordersNamingAnUnknownActor_locatedError_runsNothing_exit2(@TempDir Path dir) throws IOException {
    Path orders = write(dir, "orders.txtpb",
        "turn { turn: 1 actor: \"usa\" move { type: NEGOTIATE target: \"rus\" } }\n"
            + "turn { turn: 2 actor: \"xyz\" move { type: NEGOTIATE target: \"rus\" } }\n");
    Run r = brink("simulate", "--orders", orders.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertNoStackTrace(r.err());
    assertThat(r.err()).containsPattern("orders\\.txtpb:2:\\d+: .*xyz").contains("nothing was run");
  }

  @Test
  void simulate_invalidScenarioFile_everyErrorLocated_runsNothing_exit2(@TempDir Path dir) throws IOException {
    Path file = write(dir, "broken.txtpb", BROKEN);
    Run r = brink("simulate", "--scenario", file.toString(), "--json");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).as("nothing simulated").isEmpty();
    assertNoStackTrace(r.err());
    assertThat(r.err())
        .containsPattern("broken\\.txtpb:3:\\d+: .*alert")
        .containsPattern("broken\\.txtpb:5:\\d+: .*ccc")
        .contains("The scenario has 4 errors, so nothing was run");
  }

  // --- simulate: runs ------------------------------------------------------------------------------

  @Test
  void simulate_json_byteIdenticalAcrossTwoRuns_andNothingOnStderr() {
    Run first = brink("simulate", "--json");
    Run second = brink("simulate", "--json");
    assertThat(first.code()).isZero();
    assertThat(first.err()).as("no logging noise").isEmpty();
    assertThat(first.out()).startsWith("{\"scenario\":\"eastern-flank-2022\",\"seed\":1,").contains("\"digest\":\"");
    assertThat(second.out().getBytes(StandardCharsets.UTF_8)).isEqualTo(first.out().getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void simulate_json_seedChangesTheDigest() {
    String a = digest(brink("simulate", "--json", "--seed", "1").out());
    String b = digest(brink("simulate", "--json", "--seed", "2").out());
    assertThat(a).hasSize(64);
    assertThat(b).hasSize(64).isNotEqualTo(a);
  }

  static String digest(String json) {
    Matcher m = Pattern.compile("\"digest\":\"([0-9a-f]+)\"}\\s*$").matcher(json);
    assertThat(m.find()).as("a digest at the end of %s", json).isTrue();
    return m.group(1);
  }

  @Test
  void simulate_turns_stopsEarly() {
    Run r = brink("simulate", "--json", "--turns", "2", "--bots", "passive");
    assertThat(r.code()).isZero();
    assertThat(count(r.out(), "{\"turn\":")).isEqualTo(2);
  }

  @Test
  void simulate_botForOneActorWinsOverBots() {
    Run r = brink("simulate", "--json", "--turns", "1", "--bots", "passive", "--bot", "usa=hawk");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("\"actor\":\"usa\",\"type\":\"RAISE_ALERT\"");
    assertThat(r.out()).doesNotContain("\"actor\":\"rus\",").doesNotContain("\"actor\":\"ukr\",");
    assertThat(r.out()).contains("\"defaulted\":[]");
  }

  @Test
  void simulate_withoutBotFlags_seatsPlayTheirScenarioDefault() {
    Run r = brink("simulate", "--json", "--turns", "1");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("{\"actor\":\"rus\",\"bot\":\"historical\"}");
  }

  @Test
  void simulate_scriptedOrdersWinOverBots(@TempDir Path dir) throws IOException {
    Path orders = write(dir, "orders.txtpb",
        "# turn 1: the US offers talks\n"
            + "turn { turn: 1 actor: \"usa\" move { type: PROPOSE_TALKS target: \"rus\" } }\n");
    Run r = brink("simulate", "--json", "--turns", "1", "--bots", "passive", "--orders", orders.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("\"actor\":\"usa\",\"type\":\"PROPOSE_TALKS\",\"target\":\"rus\"");
    assertThat(r.out()).doesNotContain("\"actor\":\"rus\",");
  }

  @Test
  void simulate_table_englishRungNamesAndOutcome() {
    Run r = brink("simulate", "--lang", "en");
    assertThat(r.code()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).contains("Turn 1", "rus-ukr", "Show of force").doesNotContain("\"turn\"");
  }

  @Test
  void simulate_table_french(@TempDir Path dir) throws IOException {
    Path file = write(dir, "tiny.txtpb", String.format(Locale.ROOT, TINY, "0.2"));
    Run r = brink("simulate", "--scenario", file.toString(), "--lang", "fr");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("Tour 1", "Tour 3", "Durcissement des positions").doesNotContain("Turn 1");
  }

  @Test
  void simulate_languageDefaultsToTheSystemLocale_englishOtherwise() {
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.FRANCE);
      assertThat(brink("simulate", "--turns", "1").out()).contains("Tour 1");
      Locale.setDefault(Locale.GERMANY);
      assertThat(brink("simulate", "--turns", "1").out()).contains("Turn 1");
    } finally {
      Locale.setDefault(saved);
    }
  }

  // --- scenario validate ---------------------------------------------------------------------------

  @Test
  void validate_bundledDefault_validWithCalibrationReport_exit0() {
    Run r = brink("scenario", "validate", "eastern-flank-2022");
    assertThat(r.code()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).contains("valid: scenario eastern-flank-2022", "Calibration of eastern-flank-2022",
        "dyad rus-ukr (primary)", "unstable", "ab = ");
  }

  @Test
  void validate_invalidFile_everyErrorLocated_exit2(@TempDir Path dir) throws IOException {
    Path file = write(dir, "broken.txtpb", BROKEN);
    Run r = brink("scenario", "validate", file.toString());
    assertThat(r.code()).isEqualTo(2);
    assertNoStackTrace(r.err());
    assertThat(r.out().lines().filter(l -> l.matches(".*broken\\.txtpb:\\d+:\\d+: .+"))).hasSize(4);
    assertThat(r.out()).containsPattern("broken\\.txtpb:3:\\d+: .*alert").contains("4 errors.");
    assertThat(r.err()).contains("is not a valid scenario");
  }

  @Test
  void validate_discretisationUnstable_locatedErrorThenTheReport_exit2(@TempDir Path dir) throws IOException {
    Path file = write(dir, "tiny.txtpb", String.format(Locale.ROOT, TINY, "2.5"));
    Run r = brink("scenario", "validate", file.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).containsPattern("tiny\\.txtpb:6:\\d+: dt = 1 is too large")
        .contains("Calibration of tiny", "DISCRETISATION_UNSTABLE");
    assertThat(r.out().indexOf("tiny.txtpb:6:")).isLessThan(r.out().indexOf("Calibration of tiny"));
  }

  @Test
  void validate_syntaxError_locatedAtTheEnd_exit2(@TempDir Path dir) throws IOException {
    Path file = write(dir, "cut.txtpb", "id: \"cut\"\nactor { id: \"a\"\n");
    Run r = brink("scenario", "validate", file.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).containsPattern("cut\\.txtpb:3:1: ");
  }

  @Test
  void validate_missingArgument_exit2() {
    assertUserError(brink("scenario", "validate"), "Missing required parameter", "brink scenario validate --help");
  }

  @Test
  void scenarioWithoutSubcommand_exit2() {
    assertUserError(brink("scenario"), "brink scenario validate FILE|ID");
  }
}
