package brink.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "Playing with a class" quick start, run as written in an empty folder: the server from its
 * jar, then the instructor, a team and the projector each as their own process. Only what the README says
 * to replace is replaced (the server's address, as the test's server listens on a free port of 127.0.0.1,
 * and the codes the instructor's screen gives); the instructor finds the key on its own.
 */
class ReadmeQuickStartTest {
  @TempDir Path dir;

  static List<String> quickStart() throws IOException {
    List<String> lines = ReadmeExamplesTest.readme().lines().toList();
    int i = 0;
    while (i < lines.size() && !lines.get(i).startsWith("<!-- readme-quickstart ")) {
      i++;
    }
    assertThat(i).as("the README's quick-start marker").isLessThan(lines.size());
    while (!lines.get(i).startsWith("```")) {
      i++;
    }
    List<String> commands = new ArrayList<>();
    for (i++; !lines.get(i).startsWith("```"); i++) {
      commands.add(lines.get(i).replaceAll("#.*$", "").strip());
    }
    return commands;
  }

  /** Output and exit code of one client process. */
  record Ran(int code, String out, String err) {}

  /** {@code ./brink ARGS} as the client's own process in {@code dir}, with {@code stdin} typed in. */
  Ran client(List<String> args, String stdin) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(RealServer.java(), "-cp", RealServer.classPath(),
        "brink.cli.Main"));
    cmd.addAll(args);
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectOutput(out.toFile())
        .redirectError(err.toFile()).start();
    try (OutputStream in = p.getOutputStream()) {
      in.write(stdin.getBytes(StandardCharsets.UTF_8));
    }
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("%s ends", args).isTrue();
    return new Ran(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  static List<String> args(String line) {
    List<String> words = new ArrayList<>(Arrays.asList(line.split("\\s+")));
    assertThat(words.remove(0)).isEqualTo("./brink");
    return words;
  }

  static String group(String text, String regex) {
    Matcher m = Pattern.compile(regex, Pattern.MULTILINE).matcher(text);
    assertThat(m.find()).as("%s in:%n%s", regex, text).isTrue();
    return m.group(1);
  }

  @Test
  void quickStart_startServer_handOutCodes_play_observe_worksAsWritten() throws Exception {
    List<String> steps = quickStart();
    assertThat(steps).hasSize(4);
    assertThat(steps.get(0)).isEqualTo("./brink server");
    assertThat(steps.get(1)).isEqualTo("./brink instruct");
    assertThat(steps.get(2)).startsWith("./brink play --server ");
    assertThat(steps.get(3)).startsWith("./brink observe --server ");

    // 1. The server, in an empty folder: it keeps its games and its key in ./brink-data.
    try (RealServer server = RealServer.startIn(dir, dir.resolve("server.log"), "--port", "0", "--bind", "127.0.0.1")) {
      assertThat(dir.resolve("brink-data").resolve("instructor.key")).exists();
      assertThat(server.banner()).anyMatch(l -> l.startsWith("Brink server listening on "));
      String address = server.address();
      String readmeAddress = group(steps.get(2), "--server (\\S+)");

      // 2. The instructor in the same folder, no key given: creates the game and starts it.
      List<String> instruct = args(steps.get(1));
      instruct.addAll(List.of("--server", address));
      Ran teacher = client(instruct, "create eastern-flank-2022\nstart\n");
      assertThat(teacher.code()).as(teacher.err()).isZero();
      assertThat(teacher.out()).contains("Hand out these codes", "The game has started");
      String usa = group(teacher.out(), "^  usa +United States +([A-Z0-9-]{14})\\s*$");
      String observer = group(teacher.out(), "^  observer code \\(projector\\) +([A-Z0-9-]{14})\\s*$");

      // 3. A team, with its code.
      String readmeCode = group(steps.get(2), "--code (\\S+)");
      Ran team = client(args(steps.get(2).replace(readmeAddress, address).replace(readmeCode, usa)),
          "negotiate rus\nsubmit\nstatus\n");
      assertThat(team.code()).as(team.out() + team.err()).isZero();
      assertThat(team.out()).contains("You joined game", "you are United States (usa)",
          "Orders for turn 1 sent: 1 move(s).", "Tension between actors");

      // 4. The projector, with the observer code.
      String readmeObserver = group(steps.get(3), "--code (\\S+)");
      Ran projector = client(args(steps.get(3).replace(readmeAddress, address).replace(readmeObserver, observer)), "");
      assertThat(projector.code()).as(projector.out() + projector.err()).isZero();
      assertThat(projector.out()).contains("You are watching game");
      assertThat(teacher.err() + team.err() + projector.err()).doesNotContain("Exception");
    }
  }
}
