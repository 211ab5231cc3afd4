package brink.server.testkit;

import brink.protocol.scenario.v1.Move;
import brink.protocol.scenario.v1.MoveType;
import brink.protocol.v1.ClientMessage;
import brink.protocol.v1.ContinueGame;
import brink.protocol.v1.EndGame;
import brink.protocol.v1.ForceResolve;
import brink.protocol.v1.GetReport;
import brink.protocol.v1.GetState;
import brink.protocol.v1.Inject;
import brink.protocol.v1.PauseGame;
import brink.protocol.v1.ResumeGame;
import brink.protocol.v1.ResumeSession;
import brink.protocol.v1.SendMessage;
import brink.protocol.v1.SetReady;
import brink.protocol.v1.StartGame;
import brink.protocol.v1.SubmitOrders;
import java.util.List;

/** Short ways to write requests in tests. */
public final class Requests {
  private Requests() {}

  public static Move move(MoveType type, String target) {
    return Move.newBuilder().setType(type).setTarget(target).build();
  }

  public static Move unitMove(MoveType type, String unit, String region) {
    return Move.newBuilder().setType(type).setUnit(unit).setRegion(region).build();
  }

  public static ClientMessage.Builder orders(String game, int turn, boolean ready, Move... moves) {
    return ClientMessage.newBuilder().setSubmitOrders(SubmitOrders.newBuilder().setGameId(game).setTurn(turn)
        .addAllMoves(List.of(moves)).setReady(ready));
  }

  public static ClientMessage.Builder waitOrders(String game, int turn, boolean ready) {
    return ClientMessage.newBuilder().setSubmitOrders(SubmitOrders.newBuilder().setGameId(game).setTurn(turn)
        .setWait(true).setReady(ready));
  }

  public static ClientMessage.Builder ready(String game, int turn, boolean ready) {
    return ClientMessage.newBuilder().setSetReady(SetReady.newBuilder().setGameId(game).setTurn(turn)
        .setReady(ready));
  }

  public static ClientMessage.Builder message(String game, String text, String... to) {
    return ClientMessage.newBuilder().setSendMessage(SendMessage.newBuilder().setGameId(game)
        .addAllTo(List.of(to)).setText(text));
  }

  public static ClientMessage.Builder state(String game) {
    return ClientMessage.newBuilder().setGetState(GetState.newBuilder().setGameId(game));
  }

  public static ClientMessage.Builder start(String game) {
    return ClientMessage.newBuilder().setStartGame(StartGame.newBuilder().setGameId(game));
  }

  public static ClientMessage.Builder pause(String game) {
    return ClientMessage.newBuilder().setPauseGame(PauseGame.newBuilder().setGameId(game));
  }

  public static ClientMessage.Builder resume(String game) {
    return ClientMessage.newBuilder().setResumeGame(ResumeGame.newBuilder().setGameId(game));
  }

  public static ClientMessage.Builder force(String game, int turn) {
    return ClientMessage.newBuilder().setForceResolve(ForceResolve.newBuilder().setGameId(game).setTurn(turn));
  }

  public static ClientMessage.Builder proceed(String game) {
    return ClientMessage.newBuilder().setContinueGame(ContinueGame.newBuilder().setGameId(game));
  }

  public static ClientMessage.Builder end(String game, String reason) {
    return ClientMessage.newBuilder().setEndGame(EndGame.newBuilder().setGameId(game).setReason(reason));
  }

  public static ClientMessage.Builder scriptedInject(String game, String id) {
    return ClientMessage.newBuilder().setInject(Inject.newBuilder().setGameId(game).setScriptedId(id));
  }

  public static ClientMessage.Builder customInject(String game, brink.protocol.scenario.v1.Inject inject) {
    return ClientMessage.newBuilder().setInject(Inject.newBuilder().setGameId(game).setCustom(inject));
  }

  public static ClientMessage.Builder report(String game) {
    return ClientMessage.newBuilder().setGetReport(GetReport.newBuilder().setGameId(game));
  }

  public static ClientMessage.Builder resumeSession(String token, String game, long lastSeq) {
    return ClientMessage.newBuilder().setResumeSession(ResumeSession.newBuilder().setToken(token)
        .setGameId(game).setLastSeq(lastSeq));
  }
}
