package brink.server.report;

import static brink.server.testkit.Requests.customInject;
import static brink.server.testkit.Requests.force;
import static brink.server.testkit.Requests.proceed;
import static brink.server.testkit.Requests.report;
import static brink.server.testkit.Requests.scriptedInject;
import static brink.server.testkit.Requests.start;
import static org.assertj.core.api.Assertions.assertThat;

import brink.protocol.scenario.v1.DyadChange;
import brink.protocol.scenario.v1.Effect;
import brink.protocol.scenario.v1.Inject;
import brink.protocol.scenario.v1.Text;
import brink.protocol.scenario.v1.Visibility;
import brink.protocol.v1.CreateGame;
import brink.protocol.v1.InjectRecord;
import brink.protocol.v1.Phase;
import brink.protocol.v1.ReplayIssue;
import brink.protocol.v1.ReplayIssueKind;
import brink.protocol.v1.Report;
import brink.protocol.v1.ServerMessage;
import brink.server.testkit.TestClient;
import brink.server.testkit.TestServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The after-action report of a game the live server ran (in process, on a clock moved by hand) replays
 * its journal exactly, instructor injects included: the server resolves every turn under
 * {@link EffectiveScenario} and the report replays under the same function, so every journaled digest
 * comes out again. The game fires what the report must rebuild for: a conditional scripted inject fired by
 * hand on turn 1, an instructor's own inject in the orders phase, and, in the report phase of turn 1, a
 * second scripted inject and a second own inject for turn 2 (so turn 1 is replayed again under the new
 * scenario), with two seats' bots chosen by the instructor.
 */
class ServerJournalReplayTest {
  static Inject own(String headline, String from, String to, double delta) {
    return Inject.newBuilder().setHeadline(Text.newBuilder().setEn(headline)).setVisibility(Visibility.PUBLIC)
        .addEffect(Effect.newBuilder().setHostility(DyadChange.newBuilder().setFrom(from).setTo(to)
            .setDelta(delta)))
        .build();
  }

  static void ok(ServerMessage m) {
    assertThat(m.hasError()).as("%s", m).isFalse();
  }

  static void awaitPhase(TestClient c, Phase phase, int turn) throws Exception {
    c.awaitPush(m -> m.hasPhaseChanged() && m.getPhaseChanged().getPhase() == phase
        && m.getPhaseChanged().getTurn() == turn);
  }

  @Test
  void report_ofAServerGameWithEarlyScriptedAndOwnInjects_replaysEveryDigest(@TempDir Path dir)
      throws Exception {
    Report r;
    try (TestServer server = new TestServer(dir); TestClient teacher = server.instructor()) {
      String game = TestServer.create(teacher, CreateGame.newBuilder().setScenarioId("eastern-flank-2022")
          .setSeed(11).setOrdersSeconds(600).putBots("blr", "hawk").putBots("nato", "dove")).getGameId();
      ok(teacher.request(start(game)));
      awaitPhase(teacher, Phase.ORDERS, 1);

      // Turn 1 (every seat silent, so the bots play): a conditional inject fired by hand, an own inject.
      ok(teacher.request(scriptedInject(game, "embassies-leave")));
      ok(teacher.request(customInject(game, own("Border incident near Kharkiv", "rus", "ukr", 6))));
      ok(teacher.request(force(game, 1)));
      awaitPhase(teacher, Phase.REPORT, 1);

      // Between turns, for turn 2: a scripted inject of turn 3 fired early and a second own inject.
      ok(teacher.request(scriptedInject(game, "donbas-shelling")));
      ok(teacher.request(customInject(game, own("Talks in Geneva stall", "usa", "rus", 4))));
      ok(teacher.request(proceed(game)));
      awaitPhase(teacher, Phase.ORDERS, 2);
      ok(teacher.request(force(game, 2)));
      awaitPhase(teacher, Phase.REPORT, 2);
      ok(teacher.request(proceed(game)));
      awaitPhase(teacher, Phase.ORDERS, 3);
      ok(teacher.request(force(game, 3)));
      teacher.awaitPush(m -> m.hasPhaseChanged() && m.getPhaseChanged().getTurn() == 3
          && m.getPhaseChanged().getPhase() != Phase.ORDERS);

      ServerMessage got = teacher.request(report(game));
      ok(got);
      r = got.getReport();
    }

    assertThat(r.getReplayIssuesList()).extracting(ReplayIssue::getKind)
        .doesNotContain(ReplayIssueKind.REPLAY_DIGEST_MISMATCH);
    assertThat(r.getReplayIssuesList()).as("every journaled turn replays").isEmpty();
    assertThat(r.getReplayVerified()).isTrue();
    assertThat(r.getTurnsPlayed()).isEqualTo(3);
    // Every inject the instructor fired entered (and fired in) the turn it was fired for: the scripted ones
    // keep their ids, the own ones carry the ids the server gave them.
    assertThat(r.getInjectsList()).filteredOn(InjectRecord::getByInstructor)
        .extracting(i -> i.getInject().getId() + "@" + i.getTurn() + (i.getScripted() ? " scripted" : "")
            + (i.getFired() ? " fired" : ""))
        .containsExactlyInAnyOrder("embassies-leave@1 scripted fired", "instructor-1@1 fired",
            "donbas-shelling@2 scripted fired", "instructor-2@2 fired");
    // The scenario's turn-3 donbas-shelling did not fire again on its own.
    assertThat(r.getInjectsList()).filteredOn(i -> i.getInject().getId().equals("donbas-shelling"))
        .hasSize(1);
  }
}
