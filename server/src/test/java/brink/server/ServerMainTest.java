package brink.server;

import static org.assertj.core.api.Assertions.assertThat;

import brink.server.net.Transport;
import brink.server.report.AfterActionReport;
import brink.server.testkit.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** `brink server`: its flags and defaults, and the lines it prints once it listens. */
class ServerMainTest {
  @TempDir
  Path dir;

  private static ServerMain main() {
    return new ServerMain(AfterActionReport::build, new PrintStream(new ByteArrayOutputStream(), true,
        StandardCharsets.UTF_8));
  }

  @Test
  void flags_haveClassroomDefaults() {
    ServerMain m = main();
    new CommandLine(m).parseArgs();
    assertThat(m.port).isEqualTo(7447);
    assertThat(m.bind).isEqualTo("0.0.0.0");
    assertThat(m.data).isEqualTo(Path.of("brink-data"));
    assertThat(m.scenarios).isNull();
    assertThat(m.journalPreallocateKib).isEqualTo(1024);
  }

  @Test
  void flags_setPortBindDataAndScenarios() {
    ServerMain m = main();
    new CommandLine(m).parseArgs("--port", "0", "--bind", "127.0.0.1", "--data", dir.toString(),
        "--scenarios", "extra", "--instructor-key", "k3y-for-tests");
    assertThat(m.port).isZero();
    assertThat(m.bind).isEqualTo("127.0.0.1");
    assertThat(m.data).isEqualTo(dir);
    assertThat(m.scenarios).isEqualTo(Path.of("extra"));
    assertThat(m.instructorKey).isEqualTo("k3y-for-tests");
  }

  @Test
  void help_namesEveryFlag() {
    StringWriter out = new StringWriter();
    new CommandLine(main()).setOut(new PrintWriter(out)).execute("--help");
    assertThat(out.toString()).contains("--port", "--bind", "--data", "--scenarios", "--instructor-key");
  }

  @Test
  void banner_firstLineSaysWhereItListensInAParseableForm_thenHowToConnect() throws Exception {
    try (TestServer server = new TestServer(dir)) {
      List<String> lines = ServerMain.banner(server.server(), dir);
      assertThat(lines.get(0)).isEqualTo("Brink server listening on 127.0.0.1:" + server.port());
      assertThat(lines).anyMatch(l -> l.contains("./brink instruct --server 127.0.0.1:" + server.port()
          + " --key " + TestServer.KEY));
      assertThat(lines).anyMatch(l -> l.contains("./brink play --server 127.0.0.1:" + server.port()));
    }
  }

  @Test
  void badDataFolder_isAClearMessageAndExitCode2_notAStackTrace() throws Exception {
    Path file = dir.resolve("not-a-folder");
    java.nio.file.Files.writeString(file, "x");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream saved = System.err;
    int code;
    try {
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      code = new CommandLine(main()).execute("--port", "0", "--bind", "127.0.0.1", "--data", file.toString());
    } finally {
      System.setErr(saved);
    }
    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("brink server: ").doesNotContain("\tat ");
  }

  @Test
  void journalPreallocationOutOfRange_isAClearMessageAndExitCode2_andTouchesNoData() throws Exception {
    Path data = dir.resolve("data");
    for (String kib : List.of("-1", "1048577")) {
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      PrintStream saved = System.err;
      int code;
      try {
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        code = new CommandLine(main()).execute("--port", "0", "--bind", "127.0.0.1", "--data", data.toString(),
            "--journal-preallocate-kib", kib);
      } finally {
        System.setErr(saved);
      }
      assertThat(code).isEqualTo(2);
      assertThat(err.toString(StandardCharsets.UTF_8))
          .startsWith("brink server: --journal-preallocate-kib is 0 (append) to 1048576 (1 GiB), not " + kib);
      assertThat(data).doesNotExist();
    }
  }

  @Test
  void unknownTransport_isAClearMessageAndExitCode2_andTouchesNoData() throws Exception {
    Path data = dir.resolve("data");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream saved = System.err;
    int code;
    try {
      System.setProperty(Transport.PROPERTY, "kqueue");
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      code = new CommandLine(main()).execute("--port", "0", "--bind", "127.0.0.1", "--data", data.toString());
    } finally {
      System.setErr(saved);
      System.clearProperty(Transport.PROPERTY);
    }
    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8).strip())
        .isEqualTo("brink server: -Dbrink.transport is nio or epoll, not 'kqueue'");
    assertThat(data).doesNotExist();
  }
}
