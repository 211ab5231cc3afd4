package brink.server;

import static brink.server.testkit.Requests.end;
import static brink.server.testkit.Requests.force;
import static brink.server.testkit.Requests.message;
import static brink.server.testkit.Requests.pause;
import static brink.server.testkit.Requests.proceed;
import static brink.server.testkit.Requests.ready;
import static brink.server.testkit.Requests.report;
import static brink.server.testkit.Requests.resume;
import static brink.server.testkit.Requests.resumeSession;
import static brink.server.testkit.Requests.scriptedInject;
import static brink.server.testkit.Requests.start;
import static brink.server.testkit.Requests.state;
import static brink.server.testkit.Requests.waitOrders;
import static org.assertj.core.api.Assertions.assertThat;

import brink.protocol.v1.AssignSeat;
import brink.protocol.v1.ClientMessage;
import brink.protocol.v1.CreateGame;
import brink.protocol.v1.ExtendDeadline;
import brink.protocol.v1.GameCreated;
import brink.protocol.v1.Hello;
import brink.protocol.v1.JoinGame;
import brink.protocol.v1.Kick;
import brink.protocol.v1.ListGames;
import brink.protocol.v1.Ping;
import brink.protocol.v1.PreviewInject;
import brink.protocol.v1.Role;
import brink.protocol.v1.ServerMessage;
import brink.server.testkit.TestClient;
import brink.server.testkit.TestServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every request type from every role, allowed or refused exactly as intended. The roles: a connection that
 * has not said Hello, a player of A (rus), a player of B (ukr), an observer, the instructor of another game
 * (who holds the instructor key but is not in this one), and this game's instructor. Rows run in order on
 * one game (ORDERS of turn 1, a one-hour deadline); "OK" means any answer that is not an Error; a code means
 * exactly that Error. The unauthenticated column uses a fresh connection for each row. (JoinGame uses the
 * observer code of a third game, which this game's instructor created and is therefore already in.)
 */
class AuthorizationMatrixTest {
  static final String OK = "OK";
  static final String UNAUTH = "UNAUTHENTICATED";
  static final String DENIED = "PERMISSION_DENIED";
  static final String PRECONDITION = "FAILED_PRECONDITION";
  static final String NOT_FOUND = "NOT_FOUND";
  /** Column order of every row. */
  static final List<String> ROLES = List.of("unauthenticated", "player A", "player B", "observer",
      "other instructor", "instructor");

  @TempDir
  Path dir;

  /** One row: a request (built for the role's client, so that tokens can be its own) and one result per role. */
  record Row(String name, Function<TestClient, ClientMessage.Builder> request, List<String> expected) {}

  private static Row row(String name, Function<TestClient, ClientMessage.Builder> request, String... expected) {
    return new Row(name, request, List.of(expected));
  }

  @Test
  void everyRequestFromEveryRole_isAllowedOrRefusedAsIntended() throws Exception {
    try (TestServer server = new TestServer(dir);
        TestClient instructor = server.instructor();
        TestClient other = server.instructor()) {
      GameCreated g = TestServer.create(instructor, CreateGame.newBuilder().setScenarioId("eastern-flank-2022")
          .setSeed(5).setOrdersSeconds(3600));
      GameCreated g3 = TestServer.create(instructor, CreateGame.newBuilder().setScenarioId("eastern-flank-2022")
          .setSeed(6));
      TestServer.create(other, CreateGame.newBuilder().setScenarioId("eastern-flank-2022").setSeed(7));
      String id = g.getGameId();
      TestClient a = server.player(TestServer.seatCode(g, "rus"), "Ann");
      TestClient b = server.player(TestServer.seatCode(g, "ukr"), "Ben");
      TestClient o = server.client();
      o.hello();
      String observerId = o.join(g.getObserverCode(), "Projector").getJoined().getParticipantId();
      assertThat(instructor.request(start(id)).hasAck()).isTrue();

      List<Row> rows = List.of(
          row("Hello", c -> ClientMessage.newBuilder().setHello(Hello.newBuilder().setProtocolVersion(1)),
              OK, PRECONDITION, PRECONDITION, PRECONDITION, PRECONDITION, PRECONDITION),
          row("ResumeSession", c -> resumeSession(c.token.isEmpty() ? "no-token" : c.token, id, 0),
              UNAUTH, OK, OK, OK, UNAUTH, OK),
          row("JoinGame", c -> ClientMessage.newBuilder().setJoinGame(JoinGame.newBuilder()
              .setCode(g3.getObserverCode()).setName("visitor")), UNAUTH, OK, OK, OK, OK, PRECONDITION),
          row("SubmitOrders", c -> waitOrders(id, 1, false), UNAUTH, OK, OK, DENIED, DENIED, DENIED),
          row("SetReady", c -> ready(id, 1, false), UNAUTH, OK, OK, DENIED, DENIED, DENIED),
          row("SendMessage", c -> message(id, "hello everyone"), UNAUTH, OK, OK, DENIED, DENIED, OK),
          row("GetState", c -> state(id), UNAUTH, OK, OK, OK, DENIED, OK),
          row("Ping", c -> ClientMessage.newBuilder().setPing(Ping.newBuilder().setClientTimeEpochMillis(1)),
              UNAUTH, OK, OK, OK, OK, OK),
          row("CreateGame", c -> ClientMessage.newBuilder().setCreateGame(CreateGame.newBuilder()
              .setScenarioId("eastern-flank-2022")), UNAUTH, DENIED, DENIED, DENIED, OK, OK),
          row("StartGame", c -> start(id), UNAUTH, DENIED, DENIED, DENIED, DENIED, PRECONDITION),
          row("PauseGame", c -> pause(id), UNAUTH, DENIED, DENIED, DENIED, DENIED, OK),
          row("ResumeGame", c -> resume(id), UNAUTH, DENIED, DENIED, DENIED, DENIED, OK),
          row("ExtendDeadline", c -> ClientMessage.newBuilder().setExtendDeadline(ExtendDeadline.newBuilder()
              .setGameId(id).setSeconds(60)), UNAUTH, DENIED, DENIED, DENIED, DENIED, OK),
          row("PreviewInject", c -> ClientMessage.newBuilder().setPreviewInject(PreviewInject.newBuilder()
              .setGameId(id).setScriptedId("donbas-shelling")), UNAUTH, DENIED, DENIED, DENIED, DENIED, OK),
          row("Inject", c -> scriptedInject(id, "donbas-shelling"), UNAUTH, DENIED, DENIED, DENIED, DENIED, OK),
          row("AssignSeat", c -> ClientMessage.newBuilder().setAssignSeat(AssignSeat.newBuilder().setGameId(id)
              .setParticipantId(observerId).setRole(Role.OBSERVER)), UNAUTH, DENIED, DENIED, DENIED, DENIED, OK),
          row("Kick", c -> ClientMessage.newBuilder().setKick(Kick.newBuilder().setGameId(id)
              .setParticipantId("P9999")), UNAUTH, DENIED, DENIED, DENIED, DENIED, NOT_FOUND),
          row("ListGames", c -> ClientMessage.newBuilder().setListGames(ListGames.getDefaultInstance()),
              UNAUTH, DENIED, DENIED, DENIED, OK, OK),
          row("GetReport before the end", c -> report(id),
              UNAUTH, PRECONDITION, PRECONDITION, PRECONDITION, DENIED, OK),
          row("ForceResolve", c -> force(id, 1), UNAUTH, DENIED, DENIED, DENIED, DENIED, OK),
          row("ContinueGame", c -> proceed(id), UNAUTH, DENIED, DENIED, DENIED, DENIED, OK),
          row("EndGame", c -> end(id, "time is up"), UNAUTH, DENIED, DENIED, DENIED, DENIED, OK),
          row("GetReport after the end", c -> report(id), UNAUTH, OK, OK, OK, DENIED, OK));

      assertThat(rows.stream().map(Row::name).map(n -> n.split(" ")[0]).distinct().count())
          .as("every request type of ClientMessage has a row").isEqualTo(
              ClientMessage.BodyCase.values().length - 1);
      List<TestClient> signedIn = List.of(a, b, o, other, instructor);
      Map<String, String> mismatches = new LinkedHashMap<>();
      for (Row r : rows) {
        List<String> got = new ArrayList<>();
        try (TestClient fresh = server.client()) {
          got.add(outcome(fresh.request(r.request().apply(fresh))));
        }
        for (TestClient c : signedIn) {
          got.add(outcome(c.request(r.request().apply(c))));
        }
        for (int k = 0; k < ROLES.size(); k++) {
          if (!got.get(k).equals(r.expected().get(k))) {
            mismatches.put(r.name() + " from " + ROLES.get(k), "expected " + r.expected().get(k) + ", got "
                + got.get(k));
          }
        }
      }
      assertThat(mismatches).isEmpty();
      for (TestClient c : List.of(a, b, o)) {
        c.close();
      }
    }
  }

  private static String outcome(ServerMessage m) {
    return m.hasError() ? m.getError().getCode().name() : OK;
  }
}
