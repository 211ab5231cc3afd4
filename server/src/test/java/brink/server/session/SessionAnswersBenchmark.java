package brink.server.session;

import brink.protocol.v1.OrdersAccepted;
import brink.protocol.v1.ServerMessage;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What remembering each request's answer costs a session (idempotency, {@link Session#answerFor}): a new
 * request id taken, then its answer completed, as every SubmitOrders and SendMessage does. As in the load
 * generator's class, 1,000 sessions take turns, so each one's cache is as cold as in the server; each holds
 * its full 1,024 answers after the warm-up, so each op also forgets the oldest. Average time per request.
 *
 * <pre>bench/run-codec.sh SessionAnswersBenchmark</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class SessionAnswersBenchmark {
  private final Session[] sessions = new Session[1000];
  private final ServerMessage.Builder answer = ServerMessage.newBuilder()
      .setOrdersAccepted(OrdersAccepted.newBuilder().setTurn(4));
  private long nextId;

  public SessionAnswersBenchmark() {
    for (int i = 0; i < sessions.length; i++) {
      sessions[i] = new Session("token-for-the-answers-benchmark-" + i, null, Clock.systemUTC());
    }
  }

  @Benchmark
  public CompletableFuture<ServerMessage> newRequest_thenItsAnswer() {
    long id = ++nextId;
    CompletableFuture<ServerMessage> fresh = new CompletableFuture<>();
    CompletableFuture<ServerMessage> slot = sessions[(int) (id % sessions.length)].answerFor(id, fresh);
    fresh.complete(answer.setRequestId(id).build());
    return slot;
  }
}
