package brink.cli.shell;

import static org.assertj.core.api.Assertions.assertThat;

import brink.cli.TestViews;
import brink.engine.Ladder;
import brink.protocol.scenario.v1.Move;
import brink.protocol.scenario.v1.MoveType;
import brink.protocol.v1.ClientMessage;
import brink.protocol.v1.DyadView;
import brink.protocol.v1.Error;
import brink.protocol.v1.ErrorCode;
import brink.protocol.v1.Event;
import brink.protocol.v1.EventKind;
import brink.protocol.v1.GameState;
import brink.protocol.v1.Orders;
import brink.protocol.v1.OrdersAccepted;
import brink.protocol.v1.Press;
import brink.protocol.v1.Rejection;
import brink.protocol.v1.ServerMessage;
import brink.protocol.v1.SubmissionStatus;
import brink.protocol.v1.TurnReport;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The player's prompt on a JLine DumbTerminal against a fake server: completion candidates, what typed moves
 * become, one-sentence errors, the status screen in English and French, and what pushes print.
 */
class PlayerPromptTest {
  static FakeServer acceptingOrders() {
    return new FakeServer(m -> {
      switch (m.getBodyCase()) {
        case SUBMIT_ORDERS:
          return ServerMessage.newBuilder().setOrdersAccepted(OrdersAccepted.newBuilder()
              .setTurn(m.getSubmitOrders().getTurn()).setOrders(Orders.newBuilder()
                  .setTurn(m.getSubmitOrders().getTurn()).setStatus(m.getSubmitOrders().getWait()
                      ? SubmissionStatus.SUBMITTED_WAIT : SubmissionStatus.SUBMITTED_MOVES)
                  .addAllMoves(m.getSubmitOrders().getMovesList()).setReady(m.getSubmitOrders().getReady())));
        case GET_STATE:
          return ServerMessage.newBuilder().setGameState(TestViews.player("usa"));
        default:
          return ServerMessage.newBuilder().setAck(brink.protocol.v1.Ack.getDefaultInstance());
      }
    });
  }

  static long lines(String out) {
    return out.strip().lines().count();
  }

  static void assertOneSentence(String out, String... fragments) {
    assertThat(lines(out)).as("one line: %s", out).isEqualTo(1);
    assertThat(out).doesNotContain("Exception").doesNotContain("\tat ").contains(fragments);
  }

  // ------------------------------------------------------------------ completion

  @Test
  void completion_firstWord_commandsAndMoveWords() throws Exception {
    try (Prompt p = Prompt.player("en", "usa", acceptingOrders())) {
      assertThat(Repl.candidates(p.reader, "dep")).containsExactly("deploy");
      assertThat(Repl.candidates(p.reader, "su")).containsExactly("submit");
      assertThat(Repl.candidates(p.reader, "ne")).containsExactly("negotiate");
      assertThat(Repl.candidates(p.reader, "")).contains("help", "status", "orders", "ready", "say", "deploy",
          "threaten-force", "withdraw", "alert-units", "history", "inbox");
    }
  }

  @Test
  void completion_deploy_ownUnitsThenRegionsTheActorMayEnter() throws Exception {
    try (Prompt p = Prompt.player("en", "usa", acceptingOrders())) {
      assertThat(Repl.candidates(p.reader, "deploy ")).containsExactly("us-101st-campbell", "us-18abc-hq-germany",
          "us-2cr-stryker-romania", "us-4id-carson", "us-82nd-poland", "us-82nd-rest-bragg", "us-enablers");
      assertThat(Repl.candidates(p.reader, "deploy us-1")).containsExactly("us-101st-campbell", "us-18abc-hq-germany");
      List<String> regions = Repl.candidates(p.reader, "deploy us-101st-campbell ");
      assertThat(regions).contains("poland", "romania", "baltic-states", "germany")
          .doesNotContain("belarus", "crimea", "kyiv", "donbas", "kaliningrad");
      assertThat(Repl.candidates(p.reader, "deploy us-101st-campbell po")).containsExactly("poland");
      assertThat(Repl.candidates(p.reader, "deploy us-101st-campbell poland ")).isEmpty();
    }
  }

  @Test
  void completion_targets_onlyActorsTheMoverHasADyadWith() throws Exception {
    try (Prompt p = Prompt.player("en", "usa", acceptingOrders())) {
      assertThat(Repl.candidates(p.reader, "threaten-force ")).containsExactly("rus");
      assertThat(Repl.candidates(p.reader, "military-aid ")).containsExactly("blr", "nato", "rus", "ukr");
      assertThat(Repl.candidates(p.reader, "mediate ")).containsExactly("blr", "nato", "rus", "ukr");
      assertThat(Repl.candidates(p.reader, "mediate rus ")).containsExactly("nato", "ukr");
      assertThat(Repl.candidates(p.reader, "say ")).containsExactly("@blr", "@nato", "@rus", "@ukr", "all");
      assertThat(Repl.candidates(p.reader, "say @rus @")).containsExactly("@blr", "@nato", "@ukr");
      assertThat(Repl.candidates(p.reader, "help dep")).containsExactly("deploy");
    }
  }

  // ------------------------------------------------------------------ composing and submitting

  @Test
  void typedMoves_becomeTheSubmittedOrders() throws Exception {
    FakeServer server = acceptingOrders();
    try (Prompt p = Prompt.player("en", "usa", server)) {
      String added = p.type("deploy us-101st-campbell poland");
      assertThat(added).contains("1. deploy us-101st-campbell poland",
          "United States deploys 101st Airborne Division (elements) to Poland.", "Type submit");
      p.type("negotiate rus");
      String review = p.type("orders");
      assertThat(review).contains("1. deploy us-101st-campbell poland", "2. negotiate rus", "not sent yet");
      String sent = p.type("submit");
      assertThat(sent).contains("Orders for turn 1 sent: 2 move(s).");
      ClientMessage m = server.of(ClientMessage.BodyCase.SUBMIT_ORDERS).get(0);
      assertThat(m.getSubmitOrders().getGameId()).isEqualTo("TEST01");
      assertThat(m.getSubmitOrders().getTurn()).isEqualTo(1);
      assertThat(m.getSubmitOrders().getWait()).isFalse();
      assertThat(m.getSubmitOrders().getMovesList()).containsExactly(
          Move.newBuilder().setType(MoveType.DEPLOY_TROOPS).setUnit("us-101st-campbell").setRegion("poland").build(),
          Move.newBuilder().setType(MoveType.NEGOTIATE).setTarget("rus").build());
      assertThat(p.type("orders")).contains("2 move(s)").doesNotContain("not sent yet");
      p.type("ready");
      assertThat(server.last().getSetReady().getReady()).isTrue();
      assertThat(server.last().getSetReady().getTurn()).isEqualTo(1);
    }
  }

  @Test
  void readyWithUnsentChanges_submitsThemAsFinal() throws Exception {
    FakeServer server = acceptingOrders();
    try (Prompt p = Prompt.player("en", "rus", server)) {
      p.type("mediate blr ukr");
      assertThat(p.type("ready")).contains("sent and final");
      ClientMessage m = server.last();
      assertThat(m.getSubmitOrders().getReady()).isTrue();
      assertThat(m.getSubmitOrders().getMoves(0)).isEqualTo(Move.newBuilder().setType(MoveType.MEDIATE)
          .setTarget("blr").setTargetB("ukr").build());
    }
  }

  @Test
  void wait_submitsADeliberateWait() throws Exception {
    FakeServer server = acceptingOrders();
    try (Prompt p = Prompt.player("en", "ukr", server)) {
      p.type("negotiate rus");
      assertThat(p.type("wait")).contains("wait (do nothing this turn)");
      p.type("submit");
      assertThat(server.last().getSubmitOrders().getWait()).isTrue();
      assertThat(server.last().getSubmitOrders().getMovesCount()).isZero();
    }
  }

  @Test
  void removeAndClear_editTheDraft() throws Exception {
    try (Prompt p = Prompt.player("en", "usa", acceptingOrders())) {
      p.type("negotiate rus");
      p.type("criticize rus");
      assertThat(p.type("remove 1")).contains("Removed negotiate rus; 1 move(s) left");
      assertThat(p.type("orders")).contains("1. criticize rus").doesNotContain("negotiate rus");
      assertOneSentence(p.type("remove 5"), "'5' is not a move number", "from 1 to 1");
      p.type("clear");
      assertOneSentence(p.type("submit"), "There is nothing to submit", "deploy");
    }
  }

  @Test
  void serverWarnings_areShownWithTheMove() throws Exception {
    FakeServer server = acceptingOrders();
    server.answer(m -> ServerMessage.newBuilder().setOrdersAccepted(OrdersAccepted.newBuilder().setTurn(1)
        .setOrders(Orders.newBuilder().setTurn(1).setStatus(SubmissionStatus.SUBMITTED_MOVES)
            .addAllMoves(m.getSubmitOrders().getMovesList()))
        .addWarnings(Rejection.newBuilder().setActor("usa").setMove(m.getSubmitOrders().getMoves(0))
            .setReason("NO_SANCTIONS").setMessage("EASE_SANCTIONS(rus): usa has no sanctions in force against rus"))));
    try (Prompt p = Prompt.player("en", "usa", server)) {
      p.type("ease-sanctions rus");
      assertThat(p.type("submit")).contains("Careful: ease-sanctions rus would be refused if the turn resolved now: "
          + "EASE_SANCTIONS(rus): usa has no sanctions in force against rus");
    }
    try (Prompt p = Prompt.player("fr", "usa", server)) {
      p.type("ease-sanctions rus");
      assertThat(p.type("submit")).contains("Attention : ease-sanctions rus serait refusé si le tour était résolu "
          + "maintenant : il n'y a pas de sanctions à alléger.");
    }
  }

  @Test
  void serverRefusal_isOneSentenceInTheReadersLanguage() throws Exception {
    FakeServer server = new FakeServer(m -> ServerMessage.newBuilder().setError(Error.newBuilder()
        .setCode(ErrorCode.INVALID_ARGUMENT).setMessage("DEPLOY_TROOPS(us-101st-campbell, poland): put the unit on "
            + "alert first (ALERT_UNITS), then deploy it").putDetails("reason", "UNIT_NOT_ON_ALERT")
        .putDetails("field", "moves[0]")));
    try (Prompt p = Prompt.player("en", "usa", server)) {
      p.type("deploy us-101st-campbell poland");
      assertOneSentence(p.type("submit"), "DEPLOY_TROOPS(us-101st-campbell, poland): put the unit on alert first");
    }
    try (Prompt p = Prompt.player("fr", "usa", server)) {
      p.type("deploy us-101st-campbell poland");
      assertOneSentence(p.type("submit"), "Le serveur a refusé : l'unité doit d'abord être mise en alerte "
          + "(alert-units), puis déployée.");
    }
  }

  // ------------------------------------------------------------------ wrong input: one sentence each

  @ParameterizedTest
  @ValueSource(strings = {"en", "fr"})
  void wrongInput_getsOneSentenceSayingWhatToDo(String lang) throws Exception {
    boolean en = lang.equals("en");
    try (Prompt p = Prompt.player(lang, "usa", acceptingOrders())) {
      assertOneSentence(p.type("dploy us-101st-campbell poland"),
          en ? "'dploy' is not a command; did you mean deploy?" : "« dploy » n'est pas une commande ; vouliez-vous dire deploy ?");
      assertOneSentence(p.type("frobnicate"), en ? "type help for the list" : "tapez help pour la liste");
      assertOneSentence(p.type("deploy us-101st-campbel poland"),
          en ? "'us-101st-campbel' is not a unit; did you mean us-101st-campbell?"
              : "« us-101st-campbel » n'est pas une unité ; vouliez-vous dire us-101st-campbell ?");
      assertOneSentence(p.type("deploy tank poland"),
          en ? "'tank' is not a unit: your units are us-101st-campbell," : "vos unités sont us-101st-campbell,");
      assertOneSentence(p.type("deploy rus-western-group poland"),
          en ? "rus-western-group belongs to rus: you can only move your own units"
              : "rus-western-group appartient à rus");
      assertOneSentence(p.type("deploy us-101st-campbell belarus"),
          en ? "Your units may not enter belarus" : "Vos unités ne peuvent pas entrer en belarus");
      assertOneSentence(p.type("deploy us-101st-campbell"),
          en ? "deploy needs one of your units and a region: for example deploy us-101st-campbell"
              : "deploy demande une de vos unités et une région : par exemple deploy us-101st-campbell");
      assertOneSentence(p.type("threaten-force ukr"),
          en ? "You have no relation with ukr in this scenario, so threaten-force cannot aim at it: choose one of rus."
              : "Vous n'avez aucune relation avec ukr dans ce scénario");
      assertOneSentence(p.type("threaten-force usa"), en ? "cannot aim at your own actor" : "votre propre acteur");
      assertOneSentence(p.type("raise-alert now"), en ? "raise-alert takes nothing after it" : "ne prend rien");
      assertOneSentence(p.type("say @moscow hello"), en ? "'moscow' is not an actor" : "« moscow » n'est pas un acteur");
      assertOneSentence(p.type("remove x"), en ? "Your orders have no moves to remove." : "aucun coup à retirer");
    }
    try (Prompt p = Prompt.player(lang, "ukr", acceptingOrders())) {
      assertOneSentence(p.type("nuclear-threat rus"), en ? "Only nuclear powers can make the move nuclear-threat"
          : "Seules les puissances nucléaires peuvent jouer nuclear-threat");
    }
  }

  @Test
  void submitWhenReady_saysToUnreadyFirst() throws Exception {
    GameState ready = TestViews.player("usa").toBuilder().setOwnOrders(Orders.newBuilder().setTurn(1)
        .setStatus(SubmissionStatus.SUBMITTED_WAIT).setReady(true)).build();
    FakeServer server = acceptingOrders();
    try (Prompt p = new Prompt("en", ready, server, "", (i, s, v, o) -> new PlayerShell(i, s, v, o, 1_000))) {
      p.type("negotiate rus");
      assertOneSentence(p.type("submit"), "type unready first");
      assertThat(server.of(ClientMessage.BodyCase.SUBMIT_ORDERS)).isEmpty();
    }
  }

  // ------------------------------------------------------------------ the status screen

  @ParameterizedTest
  @ValueSource(strings = {"en", "fr"})
  void status_showsTensionBarsWithRungNames_alert_units_talks_deadline(String lang) throws Exception {
    boolean en = lang.equals("en");
    GameState s = TestViews.player("rus");
    try (Prompt p = Prompt.player(lang, "rus", acceptingOrders())) {
      String out = p.type("status");
      List<String> lines = out.lines().toList();
      assertThat(lines.get(0)).isEqualTo(en ? "Eastern Flank, February 2022 · game TEST01 · you are Russia (rus)"
          : "Flanc est, février 2022 · partie TEST01 · vous êtes Russie (rus)");
      assertThat(lines.get(1)).isEqualTo(en ? "Turn 1 of 12 · 2022-02-03 to 2022-02-09 · orders · 4:12 left"
          : "Tour 1 sur 12 · du 2022-02-03 au 2022-02-09 · ordres · il reste 4:12");
      assertThat(out).contains(en ? "Your alert level: 3 (5 = normal, 1 = most severe)"
          : "Votre niveau d'alerte : 3 (5 = normal, 1 = le plus grave)");
      for (DyadView d : s.getDyadsList()) {
        String pair = d.getA() + "–" + d.getB();
        String line = lines.stream().filter(l -> l.startsWith("  " + pair + " ")).findFirst().orElseThrow();
        long full = line.chars().filter(c -> c == '█').count();
        long empty = line.chars().filter(c -> c == '░').count();
        assertThat(full + empty).isEqualTo(20);
        assertThat(full).as(line).isEqualTo(Math.round(d.getTension() / 5));
        String tension = String.format(en ? java.util.Locale.ENGLISH : java.util.Locale.FRENCH, "%.1f", d.getTension());
        assertThat(line).contains(tension).endsWith((en ? "rung " : "échelon ") + d.getRung() + " "
            + Ladder.name(d.getRung()).in(lang));
      }
      // The mover's own dyads come first.
      assertThat(out.indexOf("rus–ukr")).isLessThan(out.indexOf("blr–ukr"));
      assertThat(out).contains(en ? "Your units" : "Vos unités").contains("rus-belarus-ground")
          .contains("rus-vdv-reserve").doesNotContain("us-82nd-poland");
      assertThat(out).contains(en ? "not on alert" : "pas en alerte");
      assertThat(out).contains(en ? "rus–usa  talks open" : "rus–usa  pourparlers ouverts");
      assertThat(out).contains(en ? "Your orders for turn 1: nothing submitted" : "Vos ordres pour le tour 1 : rien d'envoyé");
    }
  }

  @Test
  void status_deadlineCountsDown_withTheServersClockOffset() throws Exception {
    // The server's clock is 30 s ahead of ours: the deadline is 30 s nearer than our clock says.
    GameState s = TestViews.player("usa").toBuilder().setServerTimeEpochMillis(TestViews.NOW + 30_000).build();
    try (Prompt p = new Prompt("en", s, acceptingOrders(), "", (i, x, v, o) -> new PlayerShell(i, x, v, o, 1_000))) {
      assertThat(p.type("status")).contains("3:42 left");
      assertThat(p.shell.prompt()).isEqualTo("usa T1 3:42> ");
    }
  }

  // ------------------------------------------------------------------ pushes

  @Test
  void turnReportPush_isPrintedWithoutAsking_andClearsTheDraft() throws Exception {
    FakeServer server = acceptingOrders();
    try (Prompt p = Prompt.player("en", "usa", server)) {
      server.state = () -> p.view.state();
      p.type("negotiate rus");
      int mark = p.screen().length();
      GameState s = TestViews.player("usa");
      DyadView d = s.getDyads(0).toBuilder().setTension(s.getDyads(0).getTension() + 2.5).build();
      p.shell.push(ServerMessage.newBuilder().setSeq(7).setTurnReport(TurnReport.newBuilder().setGameId("TEST01")
          .setTurn(1).setStartDate("2022-02-03").setEndDate("2022-02-09")
          .addEvents(Event.newBuilder().setKind(EventKind.EVENT_MOVE).setActor("rus").setMove(MoveType.THREATEN_FORCE)
              .setTarget("usa"))
          .addEvents(Event.newBuilder().setKind(EventKind.EVENT_INJECT).setHeadline(
              brink.protocol.scenario.v1.Text.newBuilder().setEn("Talks in Geneva").setFr("Pourparlers à Genève"))
              .setSource("AP"))
          .addDyads(d)).build());
      String out = p.since(mark);
      assertThat(out).contains("── Turn 1 (2022-02-03 to 2022-02-09) ──", "• Russia threatens United States with force.",
          "• News: Talks in Geneva (AP)", "(+2.5)");
      assertThat(p.type("orders")).contains("(no moves yet)");
      assertThat(p.type("history")).contains("Turn 1 (2022-02-03 to 2022-02-09): 2 event(s)");
    }
  }

  @Test
  void pressPush_isPrinted_andKeptInTheInbox() throws Exception {
    try (Prompt p = Prompt.player("fr", "rus", acceptingOrders())) {
      int mark = p.screen().length();
      p.shell.push(ServerMessage.newBuilder().setSeq(3).setPress(Press.newBuilder().setMessageId(1).setTurn(1)
          .setFromActor("usa").setFromName("Alice").addTo("rus").setText("Parlons-en lundi.")).build());
      assertThat(p.since(mark)).contains("[tour 1] Alice (usa) → rus : Parlons-en lundi.");
      assertThat(p.type("inbox")).contains("Parlons-en lundi.");
    }
  }

  // ------------------------------------------------------------------ help

  @ParameterizedTest
  @ValueSource(strings = {"en", "fr"})
  void help_everyCommandHasAnExample_andEveryMoveIsListed(String lang) throws Exception {
    try (Prompt p = Prompt.player(lang, "usa", acceptingOrders())) {
      String help = p.type("help");
      String example = lang.equals("en") ? "Example: " : "Exemple : ";
      for (String c : List.of("briefing", "orders", "remove N", "clear", "submit", "ready", "unready", "status",
          "history [TURN]", "say @ACTOR", "inbox", "await", "help [COMMAND]", "quit")) {
        assertThat(help).contains("  " + c);
      }
      long usages = help.lines().filter(l -> l.startsWith("  ") && !l.startsWith("      ")).count();
      long examples = help.lines().filter(l -> l.contains(example)).count();
      assertThat(examples).isEqualTo(usages).isGreaterThanOrEqualTo(14);
      String moves = p.type("help moves");
      for (MoveType t : brink.cli.text.MoveWords.types()) {
        assertThat(moves).contains("  " + brink.cli.text.MoveWords.word(t));
      }
      assertThat(moves).contains(example + "deploy us-101st-campbell baltic-states",
          example + "withdraw us-2cr-stryker-romania fort-bragg", example + "alert-units us-101st-campbell");
      assertThat(p.type("help say")).contains("say @ACTOR... TEXT", example + "say @blr ");
    }
  }

  // ------------------------------------------------------------------ the real read loop

  @Test
  void readLoop_onADumbTerminal_showsThePromptAndRunsTypedLines() throws Exception {
    try (Prompt p = Prompt.player("en", "usa", acceptingOrders(), "negotiate rus\norders\nquit\n")) {
      int code = Repl.interactive(p.shell, p.reader);
      assertThat(code).isZero();
      String screen = p.screen();
      assertThat(screen).contains("usa T1 4:12> ").contains("1. negotiate rus").contains("not sent yet");
      assertThat(p.shell.stopped()).isTrue();
    }
  }
}
