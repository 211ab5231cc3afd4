package brink.bench;

import static org.assertj.core.api.Assertions.assertThat;

import brink.server.BrinkServer;
import brink.server.report.AfterActionReport;
import brink.server.ServerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A tiny run of the Brink load against an in-process server (fsync off, the per-connection rate limit
 * raised as the suite's peak run does): one game, its five seats, about a second. It proves the generator speaks brink.v1 correctly, not how fast anything is.
 */
class BrinkLoadSmokeTest {
  private static final String KEY = "smoke-instructor-key";
  private static BrinkServer server;
  private static Rig rig;

  @BeforeAll
  static void start() throws Exception {
    Path data = Files.createTempDirectory("brink-load-smoke");
    server = BrinkServer.start(ServerConfig.defaults().withAddress("127.0.0.1", 0).withDataDir(data)
        .withInstructorKey(KEY).withFsync(false).withRateLimit(100_000, 100_000), AfterActionReport::build);
    rig = new Rig(1);
  }

  @AfterAll
  static void stop() {
    rig.close();
    server.close();
  }

  private BrinkLoad load() {
    return new BrinkLoad(rig, server.address(), ProcessHandle.current().pid(), KEY);
  }

  @Test
  void open_submitsMessagesAndReadiesAreAnsweredAndTurnsBroadcast() throws Exception {
    BrinkLoad.Plan plan = new BrinkLoad.Plan("eastern-flank-2022", 1, 5, 1, 0.3, 0.7, true);
    RunResult r = load().open(plan, 40, 0.2, 1.2);
    long sent = r.counter("sent.submit") + r.counter("sent.message") + r.counter("sent.ready");
    // 40/s for 1.2 s: the requests intended in the window are fixed by the clock.
    assertThat(sent).isBetween(47L, 49L);
    assertThat(r.counter("ok.submit")).isPositive();
    assertThat(r.counter("ok.message")).isPositive();
    assertThat(r.latency("submit").count()).isEqualTo(r.counter("ok.submit"));
    // Every seat says ready 0.3 s into its turn: the turn resolves and its report reaches all five players.
    assertThat(r.counter("turns_resolved")).isPositive();
    assertThat(r.latency("turn_broadcast").count()).isEqualTo(r.counter("turns_resolved"));
    assertThat(r.counter("unanswered")).isZero();
    assertThat(r.counters()).doesNotContainKeys("window_error.submit", "window_error.message");
    // The window's 12 slices of 100 ms count every answered request of the window.
    long answered = r.counter("ok.submit") + r.counter("ok.message") + r.counter("ok.ready")
        + r.counter("ok.continue");
    assertThat(r.notes().get("slow_requests_over_time")).startsWith(answered + " answered, ")
        .contains(" slices of 100 ms").contains("of 12 slices");
  }

  @Test
  void closed_keepsSubmitsInFlight() throws Exception {
    BrinkLoad.Plan plan = new BrinkLoad.Plan("eastern-flank-2022", 1, 5, 1, 0, 1, false);
    RunResult r = load().closed(plan, 2, 0.2, 0.6);
    assertThat(r.counter("ok.submit")).isPositive();
    assertThat(r.counters()).doesNotContainKey("window_error.submit");
    assertThat(r.counter("unanswered")).isZero();
    // Only a seat's first submission of the turn changes what anyone sees of it (orders replaced by other
    // orders do not): each of the 6 participants hears each of the 5 seats at most twice, once when its
    // player joined and once when it first submitted, however many submissions there were.
    assertThat(r.counter("push.seat_changed")).isPositive().isLessThanOrEqualTo(2L * 5 * 6);
    assertThat(r.counter("ok.submit")).isGreaterThan(2L * 5 * 6);
  }

  @Test
  void turnOfReport_readsTheTurnWithoutParsingTheReport() throws Exception {
    byte[] bytes = brink.protocol.v1.ServerMessage.newBuilder().setSeq(9).setTurnReport(
        brink.protocol.v1.TurnReport.newBuilder().setGameId("ABC123").setTurn(7).setStartDate("2022-02-01"))
        .build().toByteArray();
    assertThat(BrinkLoad.turnOfReport(io.netty.buffer.Unpooled.wrappedBuffer(bytes))).isEqualTo(7);
  }
}
