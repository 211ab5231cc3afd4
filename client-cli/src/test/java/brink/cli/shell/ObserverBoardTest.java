package brink.cli.shell;

import static org.assertj.core.api.Assertions.assertThat;

import brink.cli.TestViews;
import brink.cli.net.LinkEvent;
import brink.engine.Ladder;
import brink.protocol.scenario.v1.MoveType;
import brink.protocol.scenario.v1.Text;
import brink.protocol.v1.DyadView;
import brink.protocol.v1.Event;
import brink.protocol.v1.EventKind;
import brink.protocol.v1.GameState;
import brink.protocol.v1.Phase;
import brink.protocol.v1.Press;
import brink.protocol.v1.TurnReport;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The projector's board: what it shows, in both languages, within the terminal's height; and its loop. */
class ObserverBoardTest {
  /** The observer's view after two turns: reports with events and one public and one private message. */
  static GameState afterTwoTurns() {
    GameState s = TestViews.state("eastern-flank-2022", "", Phase.ORDERS, 3, TestViews.NOW + 95_000);
    return s.toBuilder()
        .addReports(TurnReport.newBuilder().setTurn(1).addEvents(Event.newBuilder().setKind(EventKind.EVENT_MOVE)
            .setActor("usa").setMove(MoveType.DEPLOY_TROOPS).setUnit("us-101st-campbell").setRegion("poland")))
        .addReports(TurnReport.newBuilder().setTurn(2).addEvents(Event.newBuilder().setKind(EventKind.EVENT_INJECT)
            .setHeadline(Text.newBuilder().setEn("Diplomats speak of a thaw").setFr("Les diplomates parlent d'un dégel"))))
        .addMessages(Press.newBuilder().setMessageId(1).setTurn(2).setFromActor("rus").setFromName("Boris")
            .setText("Moscow wants talks."))
        .addMessages(Press.newBuilder().setMessageId(2).setTurn(2).setFromActor("rus").setFromName("Boris")
            .addTo("usa").setText("secret"))
        .build();
  }

  static Prompt observer(String lang, GameState s, String keys) throws Exception {
    return new Prompt(lang, s, new FakeServer(m -> brink.protocol.v1.ServerMessage.newBuilder()), keys,
        (i, x, v, o) -> new ObserverShell(i, x, v, o, 1_000));
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "fr"})
  void board_showsTensionPerDyad_latestHeadlines_publicMessages_deadline(String lang) throws Exception {
    boolean en = lang.equals("en");
    GameState s = afterTwoTurns();
    try (Prompt p = observer(lang, s, "")) {
      List<String> board = ((ObserverShell) p.shell).board(40);
      String text = String.join("\n", board);
      assertThat(board.get(1)).endsWith(en ? "orders · 1:35 left" : "ordres · il reste 1:35");
      for (DyadView d : s.getDyadsList()) {
        assertThat(text).contains("  " + d.getA() + "–" + d.getB() + " ").contains(Ladder.name(d.getRung()).in(lang));
      }
      assertThat(text).contains(en ? "Latest events" : "Derniers événements");
      assertThat(text.indexOf("[T2]")).isLessThan(text.indexOf("[T1]"));
      assertThat(text).contains(en ? "[T2] News: Diplomats speak of a thaw" : "[T2] Actualité : Les diplomates parlent d'un dégel");
      assertThat(text).containsPattern(en ? "\\[T1] United States deploys 101st Airborne Division \\(elements\\) to Poland\\."
          : "\\[T1] États-Unis déploie .+ vers Pologne\\.");
      assertThat(text).contains("Moscow wants talks.").doesNotContain("secret");
    }
  }

  @Test
  void board_fitsTheTerminal_andSaysWhenTheConnectionIsLost() throws Exception {
    try (Prompt p = observer("en", afterTwoTurns(), "")) {
      ObserverShell o = (ObserverShell) p.shell;
      assertThat(o.board(12)).hasSize(12);
      o.link(new LinkEvent(LinkEvent.Kind.RECONNECTING, 2, 1_000, ""));
      assertThat(o.board(40).get(2)).isEqualTo("Connection lost: reconnecting...");
      o.link(new LinkEvent(LinkEvent.Kind.RESUMED, 0, 0, ""));
      assertThat(String.join("\n", o.board(40))).doesNotContain("reconnecting");
    }
  }

  @Test
  void boardLoop_drawsUntilQ() throws Exception {
    try (Prompt p = observer("en", afterTwoTurns(), "q")) {
      int code = new Board((ObserverShell) p.shell, p.terminal).run();
      assertThat(code).isZero();
      assertThat(p.screen()).contains("Eastern Flank, February 2022 · game TEST01", "rus–ukr", "q: quit");
    }
  }
}
