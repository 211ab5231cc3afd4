package brink.cli.shell;

import static org.assertj.core.api.Assertions.assertThat;

import brink.cli.TestViews;
import brink.protocol.scenario.v1.OutcomeType;
import brink.protocol.v1.ClientMessage;
import brink.protocol.v1.DyadForecast;
import brink.protocol.v1.Error;
import brink.protocol.v1.ErrorCode;
import brink.protocol.v1.GameCreated;
import brink.protocol.v1.GameState;
import brink.protocol.v1.InjectPreview;
import brink.protocol.v1.InjectStatus;
import brink.protocol.v1.Outcome;
import brink.protocol.v1.Participant;
import brink.protocol.v1.Phase;
import brink.protocol.v1.Report;
import brink.protocol.v1.Role;
import brink.protocol.v1.SeatCode;
import brink.protocol.v1.SeatView;
import brink.protocol.v1.ServerMessage;
import brink.protocol.v1.SubmissionStatus;
import brink.protocol.v1.TurnReport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The instructor's prompt on a DumbTerminal against a fake server. */
class InstructorPromptTest {
  @TempDir Path dir;

  /** The instructor's view of the default scenario in the lobby, with one player and one observer. */
  static GameState lobby() {
    GameState s = TestViews.state("eastern-flank-2022", "", Phase.LOBBY, 0, 0).toBuilder()
        .setGameId("K7QX3M").setViewerRole(Role.INSTRUCTOR).clearOwnOrders().build();
    GameState.Builder b = s.toBuilder();
    for (int k = 0; k < b.getSeatsCount(); k++) {
      SeatView seat = b.getSeats(k);
      if (seat.getActor().equals("usa")) {
        b.setSeats(k, seat.toBuilder().setMembers(1).setConnected(0).setReady(false)
            .setSubmission(SubmissionStatus.SUBMITTED_MOVES).addParticipants(Participant.newBuilder()
                .setParticipantId("P0002").setName("Alice").setRole(Role.PLAYER).setActor("usa")));
      }
    }
    b.addParticipants(Participant.newBuilder().setParticipantId("P0001").setName("instructor")
        .setRole(Role.INSTRUCTOR).setConnected(true));
    b.addParticipants(Participant.newBuilder().setParticipantId("P0002").setName("Alice").setRole(Role.PLAYER)
        .setActor("usa"));
    b.addParticipants(Participant.newBuilder().setParticipantId("P0003").setName("projector")
        .setRole(Role.OBSERVER).setConnected(true));
    b.addScriptedInjects(InjectStatus.newBuilder().setInject(brink.protocol.scenario.v1.Inject.newBuilder()
        .setId("thaw").setHeadline(brink.protocol.scenario.v1.Text.newBuilder().setEn("Diplomats speak of a thaw")
            .setFr("Les diplomates parlent d'un dégel"))));
    return b.build();
  }

  static FakeServer server() {
    return new FakeServer(m -> {
      switch (m.getBodyCase()) {
        case CREATE_GAME:
          return ServerMessage.newBuilder().setGameCreated(GameCreated.newBuilder().setGameId("K7QX3M")
              .addSeatCodes(SeatCode.newBuilder().setActor("rus").setCode("AAAA-BBBB-CCCC"))
              .addSeatCodes(SeatCode.newBuilder().setActor("usa").setCode("DDDD-EEEE-FFFF"))
              .setObserverCode("GGGG-HHHH-JJJJ").setInstructorCode("KKKK-MMMM-NNNN").setState(lobby()));
        case PREVIEW_INJECT:
          return ServerMessage.newBuilder().setInjectPreview(InjectPreview.newBuilder().setTurn(1)
              .addDyads(DyadForecast.newBuilder().setA("rus").setB("ukr").setTensionNow(37.5).setTensionWithout(39.25)
                  .setRungWithout(6).setTensionWith(31).setRungWith(5))
              .setOutcomeWithout(OutcomeType.OUTCOME_UNSPECIFIED).setOutcomeWith(OutcomeType.OUTCOME_UNSPECIFIED));
        case GET_REPORT:
          return ServerMessage.newBuilder().setReport(Report.newBuilder().setGameId("K7QX3M")
              .setScenarioId("eastern-flank-2022").setTitle(lobby().getTitle()).setSeed(7).setComplete(true)
              .setTurnsPlayed(1).setOutcome(Outcome.newBuilder().setType(OutcomeType.FROZEN_CONFLICT).setTurn(1))
              .addTurns(TurnReport.newBuilder().setTurn(1).setStartDate("2022-02-03").setEndDate("2022-02-09")));
        case GET_STATE:
          return ServerMessage.newBuilder().setGameState(lobby());
        case EXTEND_DEADLINE:
          return ServerMessage.newBuilder().setError(Error.newBuilder().setCode(ErrorCode.FAILED_PRECONDITION)
              .setMessage("no deadline runs in this phase (the game was created without one)"));
        default:
          return ServerMessage.newBuilder().setAck(brink.protocol.v1.Ack.getDefaultInstance());
      }
    });
  }

  Prompt instructor(String lang, FakeServer server) throws Exception {
    return new Prompt(lang, null, server, "",
        (i, s, v, o) -> new InstructorShell(i, s, v, o, 1_000, dir, "192.168.1.20:7447"));
  }

  @Test
  void create_printsEveryCodeAndHowPlayersJoin() throws Exception {
    FakeServer server = server();
    try (Prompt p = instructor("en", server)) {
      String out = p.type("create eastern-flank-2022 --seed 7 --orders 600 --label Group B, Tuesday");
      ClientMessage m = server.last();
      assertThat(m.getCreateGame().getScenarioId()).isEqualTo("eastern-flank-2022");
      assertThat(m.getCreateGame().getSeed()).isEqualTo(7);
      assertThat(m.getCreateGame().getOrdersSeconds()).isEqualTo(600);
      assertThat(m.getCreateGame().getLabel()).isEqualTo("Group B, Tuesday");
      assertThat(out).contains("Game K7QX3M created: Eastern Flank, February 2022.",
          "  rus     Russia", "AAAA-BBBB-CCCC", "  usa     United States", "DDDD-EEEE-FFFF",
          "observer code (projector)       GGGG-HHHH-JJJJ", "instructor code (colleagues)    KKKK-MMMM-NNNN",
          "./brink play --server 192.168.1.20:7447 --code CODE --name NAME");
      assertThat(p.type("codes")).contains("DDDD-EEEE-FFFF");
      assertThat(p.shell.prompt()).isEqualTo("K7QX3M T0 lobby> ");
    }
  }

  @Test
  void create_fromAFile_sendsItsText_andAnInvalidFileListsItsErrors() throws Exception {
    FakeServer server = server();
    Path good = Files.writeString(dir.resolve("mine.txtpb"),
        brink.scenario.Library.bundledText("cuban-missile-1962").orElseThrow(), StandardCharsets.UTF_8);
    Path bad = Files.writeString(dir.resolve("bad.txtpb"), "id: \"x\"\nactor { id: 3 }\n", StandardCharsets.UTF_8);
    try (Prompt p = instructor("fr", server)) {
      p.type("create mine.txtpb");
      assertThat(server.last().getCreateGame().getScenarioText()).contains("cuban-missile-1962");
      int before = server.requests.size();
      String out = p.type("create bad.txtpb");
      assertThat(out).containsPattern("bad\\.txtpb:2:\\d+: ");
      assertThat(out).contains("Le scénario bad.txtpb a 1 erreur(s), listées ci-dessus avec ligne et colonne");
      assertThat(server.requests).hasSize(before);
      assertThat(p.type("create eastern-flank")).contains(
          "« eastern-flank » n'est pas un scénario fourni ; vouliez-vous dire eastern-flank-2022 ?");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "fr"})
  void seats_showConnectionAndReadiness_ofEverySeat(String lang) throws Exception {
    try (Prompt p = instructor(lang, server())) {
      p.type("create eastern-flank-2022");
      String out = p.type("seats");
      boolean en = lang.equals("en");
      assertThat(out).containsPattern("  usa +(United States|États-Unis) +" + (en ? "submitted \\(offline\\)"
          : "ordres envoyés \\(hors ligne\\)") + " +0/1 " + (en ? "connected" : "connecté\\(s\\)")
          + "  Alice \\[P0002\\] " + (en ? "\\(offline\\)" : "\\(hors ligne\\)"));
      assertThat(out).containsPattern("  rus +(Russia|Russie) +" + (en ? "nothing yet \\(nobody\\)" : "rien encore \\(personne\\)"));
      assertThat(out).contains("projector [P0003] " + (en ? "an observer" : "un observateur"));
    }
  }

  @Test
  void clockCommands_sendTheirRequests_andTheServersRefusalIsOneSentence() throws Exception {
    FakeServer server = server();
    try (Prompt p = instructor("en", server)) {
      p.type("create eastern-flank-2022");
      assertThat(p.type("start")).contains("The game has started");
      assertThat(server.last().getStartGame().getGameId()).isEqualTo("K7QX3M");
      p.type("pause");
      assertThat(server.last().hasPauseGame()).isTrue();
      p.type("resume");
      assertThat(server.last().hasResumeGame()).isTrue();
      p.type("force");
      assertThat(server.last().getForceResolve().getTurn()).isEqualTo(0);
      p.type("continue");
      assertThat(server.last().hasContinueGame()).isTrue();
      String out = p.type("extend 120");
      assertThat(server.of(ClientMessage.BodyCase.EXTEND_DEADLINE).get(0).getExtendDeadline().getSeconds()).isEqualTo(120);
      assertThat(out.strip()).isEqualTo("No deadline runs in this phase (the game was created without one).");
      assertThat(p.type("extend soon").strip()).isEqualTo(
          "'soon' is not a number of seconds: type extend and a number from 1 to 86400, for example extend 120.");
      p.type("end time is up");
      assertThat(server.last().getEndGame().getReason()).isEqualTo("time is up");
    }
  }

  @Test
  void inject_previewShowsTheForecast_thenFires_scriptedOrWritten() throws Exception {
    FakeServer server = server();
    try (Prompt p = instructor("en", server)) {
      p.type("create eastern-flank-2022");
      assertThat(Repl.candidates(p.reader, "inject ")).containsExactly("thaw");
      String preview = p.type("preview thaw");
      assertThat(server.last().getPreviewInject().getScriptedId()).isEqualTo("thaw");
      assertThat(preview).contains("Preview of thaw on turn 1", "rus–ukr  37.5 → 39.2 (rung 6) → 31.0 (rung 5)",
          "Outcome without: the game goes on. With: the game goes on.", "Type inject thaw to fire it.");
      p.type("inject thaw");
      assertThat(server.last().getInject().getScriptedId()).isEqualTo("thaw");
      p.type("inject Gas pipeline explodes near the border");
      assertThat(server.last().getInject().getCustom().getHeadline().getEn())
          .isEqualTo("Gas pipeline explodes near the border");
    }
  }

  @Test
  void kickAndAssign_checkTheParticipant_thenSend() throws Exception {
    FakeServer server = server();
    try (Prompt p = instructor("en", server)) {
      p.type("create eastern-flank-2022");
      assertThat(Repl.candidates(p.reader, "kick ")).containsExactly("P0002", "P0003");
      assertThat(p.type("kick P0009 bye").strip()).isEqualTo(
          "'P0009' is not a participant: type seats to see their ids (P0002, P0003).");
      p.type("kick P0002 left the room");
      assertThat(server.last().getKick().getParticipantId()).isEqualTo("P0002");
      assertThat(server.last().getKick().getReason()).isEqualTo("left the room");
      p.type("assign P0003 rus");
      assertThat(server.last().getAssignSeat().getRole()).isEqualTo(Role.PLAYER);
      assertThat(server.last().getAssignSeat().getActor()).isEqualTo("rus");
      p.type("assign P0002 observer");
      assertThat(server.last().getAssignSeat().getRole()).isEqualTo(Role.OBSERVER);
      assertThat(p.type("assign P0002 moscow")).contains("'moscow' is neither an actor nor observer");
    }
  }

  @Test
  void report_savesTheAfterActionReport_asTextOrData() throws Exception {
    try (Prompt p = instructor("en", server())) {
      p.type("create eastern-flank-2022");
      String out = p.type("report debrief/aar.md");
      Path md = dir.resolve("debrief/aar.md");
      assertThat(out.strip()).isEqualTo("The after-action report (1 turns) is saved in " + md.toAbsolutePath() + ".");
      assertThat(Files.readString(md)).contains("# After-action report: Eastern Flank, February 2022",
          "Game K7QX3M, scenario eastern-flank-2022, seed 7, 1 turn(s) played.", "Outcome: Frozen conflict. (turn 1)",
          "── Turn 1 (2022-02-03 to 2022-02-09) ──");
      p.type("report aar.json");
      assertThat(Files.readString(dir.resolve("aar.json"))).startsWith("{\"gameId\":\"K7QX3M\"")
          .contains("\"seed\":\"7\"", "\"outcome\":{\"type\":\"FROZEN_CONFLICT\",\"turn\":1}");
      p.type("report aar.txtpb");
      assertThat(Files.readString(dir.resolve("aar.txtpb"))).contains("game_id: \"K7QX3M\"");
    }
  }

  @Test
  void commandsBeforeAGame_sayHowToGetOne() throws Exception {
    try (Prompt p = instructor("en", server())) {
      assertThat(p.type("start").strip()).isEqualTo(
          "No game yet: create one with create ID (see scenarios), or join one with join CODE.");
      assertThat(p.type("scenarios")).contains("cuban-missile-1962", "eastern-flank-2022",
          "Eastern Flank, February 2022");
    }
  }
}
