package brink.cli.game;

import static org.assertj.core.api.Assertions.assertThat;

import brink.cli.TestViews;
import brink.protocol.v1.ActorView;
import brink.protocol.v1.GameState;
import brink.protocol.v1.ServerMessage;
import brink.protocol.v1.TurnReport;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class GameViewTest {
  @Test
  void aTurnReport_replacesTheActors_butKeepsTheBriefingsItLeavesOut() {
    GameState start = TestViews.player("ukr");
    GameView view = new GameView(Clock.fixed(Instant.ofEpochMilli(TestViews.NOW), ZoneOffset.UTC));
    view.replace(start);
    TurnReport.Builder report = TurnReport.newBuilder().setGameId(start.getGameId()).setTurn(1);
    for (ActorView a : start.getActorsList()) {
      report.addActors(a.toBuilder().clearPublicBriefing().setAlert(a.getAlert() - 1).setEscalationScore(12));
    }

    assertThat(view.apply(ServerMessage.newBuilder().setTurnReport(report).build())).isTrue();

    assertThat(view.state().getActorsList()).hasSize(start.getActorsCount()).allSatisfy(a -> {
      ActorView before = start.getActorsList().stream().filter(x -> x.getId().equals(a.getId())).findFirst()
          .orElseThrow();
      assertThat(a.getEscalationScore()).as("the report's numbers").isEqualTo(12);
      assertThat(a.getAlert()).isEqualTo(before.getAlert() - 1);
      assertThat(a.getPublicBriefing()).as("the briefing of %s", a.getId()).isEqualTo(before.getPublicBriefing());
    });
    assertThat(start.getActors(0).getPublicBriefing().getEn()).as("the test has briefings to lose").isNotEmpty();
  }
}
