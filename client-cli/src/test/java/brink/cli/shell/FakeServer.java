package brink.cli.shell;

import brink.cli.net.Server;
import brink.protocol.v1.ClientMessage;
import brink.protocol.v1.ServerMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** A server for shell tests: records every request and answers it at once with a function of it. */
final class FakeServer implements Server {
  final List<ClientMessage> requests = new ArrayList<>();
  private Function<ClientMessage, ServerMessage.Builder> answer;
  private long nextId = 1;
  /** What GetState answers, when set (the client's own view, as a server that follows the game would). */
  volatile java.util.function.Supplier<brink.protocol.v1.GameState> state;

  FakeServer(Function<ClientMessage, ServerMessage.Builder> answer) {
    this.answer = answer;
  }

  void answer(Function<ClientMessage, ServerMessage.Builder> a) {
    this.answer = a;
  }

  @Override
  public synchronized CompletableFuture<ServerMessage> request(ClientMessage.Builder body) {
    ClientMessage m = body.setRequestId(nextId++).build();
    requests.add(m);
    if (m.hasGetState() && state != null) {
      return CompletableFuture.completedFuture(ServerMessage.newBuilder().setRequestId(m.getRequestId())
          .setGameState(state.get()).build());
    }
    return CompletableFuture.completedFuture(answer.apply(m).setRequestId(m.getRequestId()).build());
  }

  synchronized ClientMessage last() {
    return requests.get(requests.size() - 1);
  }

  /** The requests of one kind, in order. */
  synchronized List<ClientMessage> of(ClientMessage.BodyCase kind) {
    List<ClientMessage> out = new ArrayList<>();
    for (ClientMessage m : requests) {
      if (m.getBodyCase() == kind) {
        out.add(m);
      }
    }
    return out;
  }
}
