package brink.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The brink command against the real server (its jar, as its own process): an instructor and two players
 * play a turn from scripts, in JSON and in text, in English and French; and every way of getting the
 * connection wrong ends with one sentence and exit code 2.
 */
class RealServerTest {
  @TempDir static Path dir;
  static RealServer server;
  static ExecutorService pool;

  @BeforeAll
  static void start() throws Exception {
    server = RealServer.start(dir.resolve("data"));
    pool = Executors.newCachedThreadPool();
  }

  @AfterAll
  static void stop() throws Exception {
    if (pool != null) {
      pool.shutdownNow();
    }
    if (server != null) {
      server.close();
    }
  }

  /** One run of the brink command in-process, its outputs readable while it runs. */
  record Run(Future<Integer> code, WatchedOutput out, StringWriter err) {
    int exit() throws Exception {
      return code.get(90, TimeUnit.SECONDS);
    }

    /** Waits (at most 30 s) until the output contains {@code text}; returns the output. */
    String awaitOut(String text) throws InterruptedException {
      out.await(text, 30);
      assertThat(out.toString()).as("stderr: %s", err).contains(text);
      return out.toString();
    }
  }

  static Run brink(String... args) {
    WatchedOutput out = new WatchedOutput();
    StringWriter err = new StringWriter();
    Callable<Integer> c = () -> Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Run(pool.submit(c), out, err);
  }

  static Path script(String name, String... lines) throws IOException {
    return Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
  }

  static String code(String json, String actor) {
    Matcher m = Pattern.compile("\"actor\":\"" + actor + "\",\"code\":\"([A-Z0-9-]+)\"").matcher(json);
    assertThat(m.find()).as("a code for %s in %s", actor, json).isTrue();
    return m.group(1);
  }

  @Test
  void scriptedGame_instructorCreatesAndStarts_twoPlayersOrderAndTalk_theTurnResolves() throws Exception {
    Run instructor = brink("instruct", "--server", server.address(), "--key", server.key(), "--json", "--script",
        script("instructor.txt", "create eastern-flank-2022 --seed 7 --label Group B", "start", "await report 1",
            "status", "end", "report " + dir.resolve("aar.json")).toString());
    String created = instructor.awaitOut("\"type\":\"game_created\"");
    assertThat(created).contains("\"seatCodes\":[", "\"observerCode\":\"", "\"instructorCode\":\"");
    Run usa = brink("play", "--server", server.address(), "--code", code(created, "usa"), "--name", "Alice",
        "--json", "--lang", "en", "--script", script("usa.txt", "deploy us-101st-campbell poland",
            "negotiate rus", "submit", "say @rus We are ready to talk.", "ready", "await report 1", "history 1")
            .toString());
    Run rus = brink("play", "--server", server.address(), "--code", code(created, "rus"), "--name", "Boris",
        "--lang", "fr", "--script", script("rus.txt", "negotiate usa", "alert-units rus-vdv-reserve", "orders",
            "submit", "ready", "await report 1", "inbox", "status").toString());
    assertThat(usa.exit()).as("usa: %s %s", usa.out(), usa.err()).isZero();
    assertThat(rus.exit()).as("rus: %s %s", rus.out(), rus.err()).isZero();
    assertThat(instructor.exit()).as("instructor: %s %s", instructor.out(), instructor.err()).isZero();

    String u = usa.out().toString();
    assertThat(u).contains("\"type\":\"joined\"", "\"type\":\"orders_accepted\"", "\"type\":\"sent\"",
        "\"type\":\"ready\"", "\"type\":\"turn_report\"");
    assertThat(u).contains("\"unit\":\"us-101st-campbell\",\"region\":\"poland\"");
    assertThat(u).doesNotContain("\"type\":\"error\"");
    assertThat(u.lines().filter(l -> !l.startsWith("{")).toList()).as("only JSON lines").isEmpty();

    String r = rus.out().toString();
    assertThat(r).contains("> negotiate usa", "1. negotiate usa  — Russie négocie avec États-Unis.",
        "Ordres du tour 1 envoyés : 2 coup(s).", "Votre siège est prêt",
        "── Tour 1 (du 2022-02-03 au 2022-02-09) ──", "Russie et États-Unis ont tenu des pourparlers.",
        "[tour 1] Alice (usa) → rus : We are ready to talk.", "Tension entre acteurs", "échelon");
    assertThat(r).doesNotContain("Exception");

    String i = instructor.out().toString();
    assertThat(i).contains("\"type\":\"ack\"", "\"type\":\"awaited\"", "\"type\":\"status\"",
        "\"type\":\"report_saved\"");
    assertThat(Files.readString(dir.resolve("aar.json"))).contains("\"turnsPlayed\":1", "We are ready to talk.");
    assertThat(i).contains("\"type\":\"seat\"");
    assertThat(i).doesNotContain("\"type\":\"error\"");
  }

  @Test
  void wrongJoinCode_oneSentence_exit2() throws Exception {
    Run r = brink("play", "--server", server.address(), "--code", "AAAA-BBBB-CCCC", "--name", "Eve", "--script",
        script("empty.txt").toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.out().toString().strip()).isEqualTo(
        "No game has this code: check it with your instructor (codes look like ABCD-EFGH-JKLM).");
    MainTest.assertNoStackTrace(r.err().toString());
  }

  @Test
  void observerCodeGivenToPlay_saysWhichCommandTakesIt() throws Exception {
    Run instructor = brink("instruct", "--server", server.address(), "--key", server.key(), "--json", "--script",
        script("create-only.txt", "create cuban-missile-1962").toString());
    assertThat(instructor.exit()).isZero();
    Matcher m = Pattern.compile("\"observerCode\":\"([A-Z0-9-]+)\"").matcher(instructor.out().toString());
    assertThat(m.find()).isTrue();
    Run r = brink("play", "--server", server.address(), "--code", m.group(1), "--name", "Eve", "--script",
        script("empty2.txt").toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.out().toString().strip()).isEqualTo("This code makes you an observer of the game, not a player: use it "
        + "with ./brink observe --code " + m.group(1) + ", or ask your instructor for your seat's code.");
  }

  @Test
  void unreachableServer_oneSentence_exit2() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Run r = brink("play", "--server", "127.0.0.1:" + port, "--code", "AAAA-BBBB-CCCC", "--script",
        script("empty3.txt").toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.out().toString()).isEmpty();
    assertThat(r.err().toString().strip()).isEqualTo("brink play: Nothing answers at 127.0.0.1:" + port
        + ": check the server address with your instructor, or start a server with ./brink server.");
  }

  @Test
  void wrongInstructorKey_oneSentenceFromTheServer_exit2() throws Exception {
    Run r = brink("instruct", "--server", server.address(), "--key", "NOT-THE-KEY", "--script",
        script("empty4.txt").toString());
    assertThat(r.exit()).isEqualTo(2);
    String err = r.err().toString().strip();
    assertThat(err.lines().count()).isEqualTo(1);
    assertThat(err).startsWith("brink instruct: ").containsIgnoringCase("key");
    MainTest.assertNoStackTrace(err);
  }

  @Test
  void badServerAddress_oneSentence_exit2() throws Exception {
    Run r = brink("observe", "--server", "localhost:99999", "--code", "X", "--once");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err().toString().strip()).isEqualTo(
        "brink observe: '99999' is not a port; a port is a number from 1 to 65535.");
  }

  @Test
  void scenarioFileWithErrors_listsEachWithLineAndColumn_thenOneSentence() throws Exception {
    Path bad = Files.writeString(dir.resolve("broken.txtpb"), MainTest.BROKEN, StandardCharsets.UTF_8);
    Run r = brink("instruct", "--server", server.address(), "--key", server.key(), "--script",
        script("create-bad.txt", "create " + bad).toString());
    assertThat(r.exit()).isEqualTo(2);
    String out = r.out().toString();
    assertThat(out).containsPattern("broken\\.txtpb:3:\\d+: ").containsPattern("broken\\.txtpb:5:\\d+: ");
    assertThat(out).contains("has ").contains("error(s), listed above with line and column: fix them and create again.");
    assertThat(out).contains("The script stopped at line 1 because that command failed.");
    MainTest.assertNoStackTrace(out);
  }

  @Test
  void observerOnce_printsTheBoard() throws Exception {
    Run instructor = brink("instruct", "--server", server.address(), "--key", server.key(), "--json", "--script",
        script("create-obs.txt", "create eastern-flank-2022", "start").toString());
    assertThat(instructor.exit()).isZero();
    Matcher m = Pattern.compile("\"observerCode\":\"([A-Z0-9-]+)\"").matcher(instructor.out().toString());
    assertThat(m.find()).isTrue();
    Run r = brink("observe", "--server", server.address(), "--code", m.group(1), "--once", "--lang", "en");
    assertThat(r.exit()).as(r.err().toString()).isZero();
    assertThat(r.out().toString()).contains("You are watching game", "Eastern Flank, February 2022",
        "rus–ukr", "rung", "Latest events", "Seats:");
  }
}
