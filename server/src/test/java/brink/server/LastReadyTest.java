package brink.server;

import static brink.server.testkit.Requests.ready;
import static brink.server.testkit.Requests.start;
import static brink.server.testkit.Requests.state;
import static org.assertj.core.api.Assertions.assertThat;

import brink.protocol.v1.CreateGame;
import brink.protocol.v1.GameCreated;
import brink.protocol.v1.JournalEntry;
import brink.protocol.v1.Phase;
import brink.protocol.v1.ServerMessage;
import brink.server.journal.FileJournalStore;
import brink.server.journal.GameJournal;
import brink.server.journal.JournalOptions;
import brink.server.testkit.TestClient;
import brink.server.testkit.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The SetReady of the last seat resolves the turn in the same journal write: the Ready and the turn's
 * resolution are made durable together, then the turn's report reaches everyone and the SetReady is answered.
 * The journal holds the same entries in the same order as a Ready followed by its resolution.
 */
class LastReadyTest {

  @Test
  void lastSeatsReady_isAnsweredAfterTheReport_andJournaledWithTheResolution() throws Exception {
    Path dir = Files.createTempDirectory("brink-lastready");
    long readyId;
    String game;
    try (TestServer server = new TestServer(dir)) {
      TestClient teacher = server.instructor();
      GameCreated created = TestServer.create(teacher, CreateGame.newBuilder().setScenarioId("eastern-flank-2022")
          .setSeed(11).setOrdersSeconds(600));
      game = created.getGameId();
      TestClient alice = server.player(TestServer.seatCode(created, "rus"), "Alice");
      TestClient bogdan = server.player(TestServer.seatCode(created, "ukr"), "Bogdan");
      assertThat(teacher.request(start(game)).hasAck()).isTrue();
      bogdan.awaitPush(m -> m.hasPhaseChanged() && m.getPhaseChanged().getPhase() == Phase.ORDERS);

      assertThat(alice.request(ready(game, 1, true)).hasAck()).isTrue();
      assertThat(teacher.request(state(game)).getGameState().getPhase()).as("one seat is still not ready")
          .isEqualTo(Phase.ORDERS);

      int before = bogdan.frames().size();
      readyId = bogdan.nextRequestId();
      ServerMessage answer = bogdan.request(ready(game, 1, true));
      assertThat(answer.hasAck()).as("the last SetReady is acknowledged, got %s", answer).isTrue();
      List<ServerMessage> got = bogdan.frames().subList(before, bogdan.frames().size());
      int report = indexOf(got, m -> m.hasTurnReport() && m.getTurnReport().getTurn() == 1);
      int phase = indexOf(got, m -> m.hasPhaseChanged() && m.getPhaseChanged().getPhase() == Phase.REPORT);
      int ack = indexOf(got, ServerMessage::hasAck);
      assertThat(report).as("the turn's report reached the last player").isNotNegative();
      assertThat(report).as("report before REPORT phase before the answer").isLessThan(phase);
      assertThat(phase).isLessThan(ack);
      teacher.awaitPush(m -> m.hasTurnReport() && m.getTurnReport().getTurn() == 1);
      alice.awaitPush(m -> m.hasTurnReport() && m.getTurnReport().getTurn() == 1);
      for (TestClient c : List.of(teacher, alice, bogdan)) {
        c.close();
      }
    }

    try (FileJournalStore store = FileJournalStore.open(JournalOptions.defaults(dir))) {
      GameJournal gj = store.readAll().stream().filter(g -> g.gameId().equals(game)).findFirst().orElseThrow();
      List<JournalEntry> entries = gj.entries();
      int last = entries.size() - 1;
      assertThat(entries.get(last).hasPhaseChanged()).isTrue();
      assertThat(entries.get(last).getPhaseChanged().getPhase()).isEqualTo(Phase.REPORT);
      assertThat(entries.get(last).getRequestId()).isZero();
      assertThat(entries.get(last - 1).hasTurnResolved()).isTrue();
      assertThat(entries.get(last - 1).getRequestId()).isZero();
      assertThat(entries.get(last - 2).hasReady()).isTrue();
      assertThat(entries.get(last - 2).getReady().getActor()).isEqualTo("ukr");
      assertThat(entries.get(last - 2).getRequestId()).isEqualTo(readyId);
    }

    // The journal replays: a restart finds the game in its REPORT phase of turn 1.
    try (TestServer again = new TestServer(dir)) {
      assertThat(again.server().games().room(game).orElseThrow().summary().getPhase()).isEqualTo(Phase.REPORT);
      assertThat(again.server().games().room(game).orElseThrow().summary().getTurn()).isEqualTo(1);
    }
  }

  private static int indexOf(List<ServerMessage> frames, java.util.function.Predicate<ServerMessage> p) {
    for (int i = 0; i < frames.size(); i++) {
      if (p.test(frames.get(i))) {
        return i;
      }
    }
    return -1;
  }
}
