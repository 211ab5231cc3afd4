package brink.server.game;

import static org.assertj.core.api.Assertions.assertThat;

import brink.protocol.v1.ClientMessage;
import brink.protocol.v1.CreateGame;
import brink.protocol.v1.GameCreatedEntry;
import brink.protocol.v1.JournalEntry;
import brink.protocol.v1.ServerMessage;
import brink.server.session.Secrets;
import brink.server.session.Session;
import brink.server.session.SessionRegistry;
import brink.server.testkit.BundledScenarios;
import brink.server.testkit.ManualScheduler;
import brink.server.testkit.RecordingConnection;
import brink.server.testkit.TestServer;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Recovering games from their journal entries: the games of one scenario share one copy of its text and hash
 * it once, and every game's text is still checked against the SHA-256 recorded with it.
 */
class GameRecoveryTest {
  final JournalFailureTest.FlakyJournal journal = new JournalFailureTest.FlakyJournal();
  final ManualScheduler clock = new ManualScheduler(TestServer.START);

  private GameManager manager() {
    return new GameManager(new GameManager.Options(journal, clock, id -> Runnable::run, new Secrets(new Random(1)),
        new BundledScenarios(), (scenario, entries) -> brink.protocol.v1.Report.getDefaultInstance(),
        "brink-server/test"));
  }

  /** Creates {@code n} games of the default scenario; returns their ids. */
  private List<String> createGames(int n) {
    GameManager games = manager();
    RecordingConnection connection = new RecordingConnection();
    Session session = new SessionRegistry(new Secrets(new Random(2)), clock.clock()).open(connection);
    List<String> ids = new ArrayList<>();
    for (long id = 1; id <= n; id++) {
      CompletableFuture<ServerMessage> answer = new CompletableFuture<>();
      games.handle(new Request(id, ClientMessage.newBuilder().setRequestId(id).setCreateGame(CreateGame.newBuilder()
          .setScenarioId("eastern-flank-2022")).build(), session, connection, answer));
      ServerMessage m = answer.getNow(null);
      assertThat(m.hasGameCreated()).as("%s", m).isTrue();
      ids.add(m.getGameCreated().getGameId());
    }
    return ids;
  }

  /** A game's entries as a restart reads them: parsed from their bytes, so each holds its own copy of the text. */
  private List<JournalEntry> readBack(String gameId) {
    return journal.entries.stream().filter(e -> e.getGameId().equals(gameId)).map(e -> {
      try {
        return JournalEntry.parseFrom(e.toByteArray());
      } catch (InvalidProtocolBufferException ex) {
        throw new AssertionError(ex);
      }
    }).collect(Collectors.toList());
  }

  private static JournalEntry withCreated(JournalEntry e, UnaryOperator<GameCreatedEntry.Builder> change) {
    return e.toBuilder().setGameCreated(change.apply(e.getGameCreated().toBuilder())).build();
  }

  /** A new manager that recovered the first of {@code ids}: it knows that game's text and hash. */
  private GameManager knowingTheFirst(List<String> ids) {
    GameManager restarted = manager();
    assertThat(restarted.recover(ids.get(0), readBack(ids.get(0)))).isEmpty();
    return restarted;
  }

  /** The second game, changed, is refused by a manager that recovered the first (whose text it knows). */
  private static void assertSecondRefused(GameManager restarted, List<String> ids, List<JournalEntry> second) {
    assertThat(restarted.recover(ids.get(1), second))
        .isEqualTo(Optional.of("its scenario text does not match the SHA-256 recorded with it"));
    assertThat(restarted.room(ids.get(1))).isEmpty();
  }

  @Test
  void recover_gamesOfOneScenario_shareOneCopyOfItsText() {
    List<String> ids = createGames(3);
    GameManager restarted = manager();
    for (String id : ids) {
      List<JournalEntry> entries = readBack(id);
      assertThat(restarted.recover(id, entries)).isEmpty();
    }
    GameRoom first = restarted.room(ids.get(0)).orElseThrow();
    assertThat(first.scenarioText()).isEqualTo(readBack(ids.get(0)).get(0).getGameCreated().getScenarioText());
    for (String id : ids.subList(1, ids.size())) {
      assertThat(restarted.room(id).orElseThrow().scenarioText()).as("game %s", id).isSameAs(first.scenarioText());
    }
  }

  @Test
  void recover_aKnownTextUnderAnotherRecordedHash_isRefused() {
    List<String> ids = createGames(2);
    GameManager restarted = knowingTheFirst(ids);
    List<JournalEntry> tampered = readBack(ids.get(1));
    tampered.set(0, withCreated(tampered.get(0), c -> c.setScenarioSha256(ByteString.copyFrom(new byte[32]))));
    assertSecondRefused(restarted, ids, tampered);
  }

  @Test
  void recover_aChangedTextUnderTheKnownTextsHash_isRefused() {
    List<String> ids = createGames(2);
    GameManager restarted = knowingTheFirst(ids);
    List<JournalEntry> tampered = readBack(ids.get(1));
    String text = tampered.get(0).getGameCreated().getScenarioText();
    tampered.set(0, withCreated(tampered.get(0), c -> c.setScenarioText(text.replaceFirst("2,000", "9,000"))));
    assertThat(tampered.get(0).getGameCreated().getScenarioText()).isNotEqualTo(text);
    assertSecondRefused(restarted, ids, tampered);
  }
}
