package brink.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code brink demo}: a whole game of the default scenario, bots in every seat, on a server of its own. */
class DemoMainTest {
  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  static Run demo(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = DemoMain.run(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), args);
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void demo_playsEveryTurnWithBots_printsEachPublicReport_andSavesTheAfterActionReport() throws Exception {
    long start = System.nanoTime();
    Run r = demo("--out", dir.toString(), "--seed", "3", "--lang", "en");
    double seconds = (System.nanoTime() - start) / 1e9;
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(seconds).as("under a minute").isLessThan(60);
    String out = r.out();
    assertThat(out).contains("Brink demo: a server of its own on 127.0.0.1:", "Eastern Flank, February 2022",
        "── Turn 1 (2022-02-03 to 2022-02-09) ──", "Played by bots: ", "rus–ukr", "rung ", "Outcome: ");
    // The public report: news and moves everyone may see, never a covert move's details.
    assertThat(out).contains("  • News: ").doesNotContain("cyber attack");
    Matcher saved = Pattern.compile("The after-action report is saved in (\\S+\\.md) \\(and its data in (\\S+\\.json)\\)")
        .matcher(out);
    assertThat(saved.find()).as(out).isTrue();
    Path md = Path.of(saved.group(1));
    assertThat(md).startsWith(dir);
    assertThat(Files.readString(md)).startsWith("# After-action report");
    assertThat(Files.readString(Path.of(saved.group(2)))).contains("\"turns_played\": ");
    int turns = out.split("── Turn ", -1).length - 1;
    assertThat(turns).isBetween(1, 12);
    assertThat(out).contains(turns + " turns played.");
  }

  @Test
  void unknownScenario_oneSentence_exit1() {
    Run r = demo("--out", dir.toString(), "--scenario", "atlantis-1999");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err().strip().lines().count()).isEqualTo(1);
    assertThat(r.err()).startsWith("brink demo: ").contains("atlantis-1999").doesNotContain("Exception");
  }

  @Test
  void wrongLanguage_oneSentence_exit2() {
    Run r = demo("--out", dir.toString(), "--lang", "de");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip()).isEqualTo("brink demo: --lang must be en or fr (it was 'de').");
  }
}
