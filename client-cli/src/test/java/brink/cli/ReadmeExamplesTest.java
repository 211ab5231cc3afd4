package brink.cli;

import static org.assertj.core.api.Assertions.assertThat;

import brink.scenario.Library;
import brink.scenario.LoadResult;
import brink.scenario.OrderScripts;
import brink.scenario.ScenarioLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README stays true: its example files load, and every ./brink command it shows runs and exits 0. */
class ReadmeExamplesTest {
  /** Surefire runs in the module's directory; the README is at the repository root. */
  static final Path README = Path.of("..", "README.md");

  static String readme() throws IOException {
    return Files.readString(README, StandardCharsets.UTF_8);
  }

  /** The first fenced block after the line {@code <!-- readme-example: NAME ...}. */
  static String example(String name) throws IOException {
    List<String> lines = readme().lines().toList();
    int i = 0;
    while (i < lines.size() && !lines.get(i).startsWith("<!-- readme-example: " + name + " ")) {
      i++;
    }
    assertThat(i).as("README marker for the %s example", name).isLessThan(lines.size());
    while (!lines.get(i).startsWith("```")) {
      i++;
    }
    StringBuilder text = new StringBuilder();
    for (i++; !lines.get(i).startsWith("```"); i++) {
      text.append(lines.get(i)).append('\n');
    }
    return text.toString();
  }

  @Test
  void firstLines_giveTheRunAndTestCommands() throws IOException {
    List<String> top = readme().lines().limit(6).toList();
    assertThat(top).anyMatch(l -> l.startsWith("./brink simulate"));
    assertThat(top).anyMatch(l -> l.startsWith("mvn -B -ntp verify"));
  }

  @Test
  void scenarioExample_isValid() throws IOException {
    LoadResult r = ScenarioLoader.load("README.md", example("scenario"));
    assertThat(r.errors()).isEmpty();
    assertThat(r.scenario().id()).isEqualTo("strait-2030");
    assertThat(r.calibration()).isPresent();
  }

  @Test
  void ordersExample_isValidForTheDefaultScenario() throws IOException {
    OrderScripts.Result r = OrderScripts.load("README.md", example("orders"),
        Library.bundled(ScenarioSource.DEFAULT_ID).scenario());
    assertThat(r.errors()).isEmpty();
    assertThat(r.script()).containsOnlyKeys(1, 2);
  }

  @Test
  void ordersExample_everyScriptedMoveIsAccepted(@TempDir Path dir) throws IOException {
    Path orders = Files.writeString(dir.resolve("my-orders.txtpb"), example("orders"));
    StringWriter out = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(new StringWriter()),
        "simulate", "--json", "--turns", "2", "--bots", "passive", "--orders", orders.toString());
    assertThat(code).isZero();
    assertThat(out.toString()).contains("\"type\":\"DEPLOY_TROOPS\"").contains("\"type\":\"LOWER_ALERT\"");
    assertThat(MainTest.count(out.toString(), "\"rejections\":[]")).isEqualTo(2);
  }

  /**
   * Every line of a README shell block that starts with {@code ./brink}, run in-process, with the example
   * files written to a temporary directory and output redirections dropped.
   */
  @Test
  void everyBrinkCommandInTheReadme_exitsZero(@TempDir Path dir) throws IOException {
    Path strait = Files.writeString(dir.resolve("strait.txtpb"), example("scenario"));
    Path orders = Files.writeString(dir.resolve("my-orders.txtpb"), example("orders"));
    List<String> commands = new ArrayList<>();
    boolean inShell = false;
    for (String line : readme().lines().toList()) {
      if (line.startsWith("```")) {
        inShell = !inShell && line.equals("```sh");
      } else if (inShell && line.startsWith("./brink ")) {
        commands.add(line);
      }
    }
    assertThat(commands).hasSizeGreaterThan(8);
    for (String command : commands) {
      String bare = command.replaceAll("#.*$", "").replaceAll(">.*$", "").strip();
      List<String> args = new ArrayList<>(Arrays.asList(bare.split("\\s+")));
      args.remove(0);
      args.replaceAll(a -> a.equals("strait.txtpb") ? strait.toString()
          : a.equals("my-orders.txtpb") ? orders.toString() : a);
      StringWriter err = new StringWriter();
      int code = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), args.toArray(String[]::new));
      assertThat(code).as("%s: %s", command, err).isZero();
    }
  }
}
