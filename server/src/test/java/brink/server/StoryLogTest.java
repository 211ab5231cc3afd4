package brink.server;

import static brink.server.testkit.Requests.end;
import static brink.server.testkit.Requests.force;
import static brink.server.testkit.Requests.move;
import static brink.server.testkit.Requests.orders;
import static brink.server.testkit.Requests.start;
import static org.assertj.core.api.Assertions.assertThat;

import brink.protocol.scenario.v1.MoveType;
import brink.protocol.v1.CreateGame;
import brink.protocol.v1.GameCreated;
import brink.server.testkit.LogCapture;
import brink.server.testkit.TestClient;
import brink.server.testkit.TestServer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server's log reads like the story of each game: one line per event, in order. */
class StoryLogTest {
  @TempDir
  Path dir;

  @Test
  void log_tellsWhoCreatedJoinedStartedResolvedAndEndedTheGame() throws Exception {
    try (LogCapture log = new LogCapture(); TestServer server = new TestServer(dir);
        TestClient teacher = server.instructor()) {
      GameCreated g = TestServer.create(teacher, CreateGame.newBuilder().setScenarioId("eastern-flank-2022")
          .setSeed(11).setOrdersSeconds(900).setLabel("Period 3"));
      String id = g.getGameId();
      try (TestClient alice = server.player(TestServer.seatCode(g, "rus"), "Alice")) {
        assertThat(teacher.request(start(id)).hasAck()).isTrue();
        assertThat(alice.request(orders(id, 1, false, move(MoveType.CRITICIZE, "usa"))).hasOrdersAccepted())
            .isTrue();
        assertThat(teacher.request(force(id, 1)).hasAck()).isTrue();
        assertThat(teacher.request(end(id, "end of the lesson")).hasAck()).isTrue();
      }
      List<String> story = log.lines().stream().filter(l -> l.startsWith("game " + id)).toList();
      assertThat(story).hasSize(5);
      assertThat(story.get(0)).startsWith("game " + id + " created from eastern-flank-2022 (seed 11, 5 seats, "
          + "orders 900 s, report until the instructor continues)");
      assertThat(story.get(1)).isEqualTo("game " + id + ": Alice joined as player of rus (P0002)");
      assertThat(story.get(2)).isEqualTo("game " + id + ": started; turn 1 orders until 2026-03-02T09:15:00Z");
      assertThat(story.get(3)).startsWith("game " + id + ": turn 1 resolved (forced by the instructor): "
          + "rus-ukr tension ").contains("rung ").contains("defaulted: blr (historical), nato (historical), "
          + "ukr (historical), usa (historical)").endsWith("outcome ongoing");
      assertThat(story.get(4)).isEqualTo("game " + id + ": ended by the instructor after turn 1 "
          + "(end of the lesson)");
      assertThat(log.lines())
          .anyMatch(l -> l.matches("listening on 127\\.0\\.0\\.1:\\d+ \\((epoll|nio)\\) with 0 games recovered"));
    }
  }
}
