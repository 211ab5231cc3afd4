package brink.server.session;

import static org.assertj.core.api.Assertions.assertThat;

import brink.protocol.v1.Error;
import brink.protocol.v1.ErrorCode;
import brink.protocol.v1.OrdersAccepted;
import brink.protocol.v1.ServerMessage;
import brink.server.testkit.ManualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class SessionAnswersTest {
  private final ManualScheduler time = new ManualScheduler(Instant.parse("2026-11-27T09:00:00Z"));
  private final Session session = new Session("token-for-the-answers-test", null, time.clock());

  private static ServerMessage accepted(long id) {
    return ServerMessage.newBuilder().setRequestId(id).setOrdersAccepted(OrdersAccepted.newBuilder().setTurn(4))
        .build();
  }

  private static ServerMessage error(long id, boolean retryable) {
    return ServerMessage.newBuilder().setRequestId(id).setError(Error.newBuilder()
        .setCode(ErrorCode.UNAVAILABLE).setMessage("the journal is down").setRetryable(retryable)).build();
  }

  @Test
  void aRequestIdSeenWhileItsAnswerIsComputed_getsTheSameAnswerWhenItComes() {
    CompletableFuture<ServerMessage> first = new CompletableFuture<>();
    assertThat(session.answerFor(7, first)).isSameAs(first);
    CompletableFuture<ServerMessage> again = session.answerFor(7, new CompletableFuture<>());
    assertThat(again).isSameAs(first);
    first.complete(accepted(7));
    assertThat(again.join()).isEqualTo(accepted(7));
  }

  @Test
  void aRequestIdSeenAfterItsAnswer_getsAnEqualAnswer_andIsNotDoneAgain() {
    CompletableFuture<ServerMessage> first = new CompletableFuture<>();
    session.answerFor(7, first);
    first.complete(accepted(7));

    CompletableFuture<ServerMessage> retry = new CompletableFuture<>();
    CompletableFuture<ServerMessage> slot = session.answerFor(7, retry);
    assertThat(slot).isNotSameAs(retry).isCompleted();
    assertThat(slot.join()).isEqualTo(accepted(7));
    // A non-retryable error is an answer like any other.
    CompletableFuture<ServerMessage> refused = new CompletableFuture<>();
    session.answerFor(8, refused);
    refused.complete(error(8, false));
    assertThat(session.answerFor(8, new CompletableFuture<>()).join()).isEqualTo(error(8, false));
  }

  @Test
  void aLargeAnswer_isRememberedAsItIs_aSmallOneAsItsBytes() {
    ServerMessage large = ServerMessage.newBuilder().setRequestId(11).setError(Error.newBuilder()
        .setCode(ErrorCode.INVALID_ARGUMENT).setMessage("x".repeat(Session.COMPACT_BYTES))).build();
    CompletableFuture<ServerMessage> first = new CompletableFuture<>();
    session.answerFor(11, first);
    first.complete(large);
    assertThat(session.answerFor(11, new CompletableFuture<>()).join()).isSameAs(large);

    CompletableFuture<ServerMessage> small = new CompletableFuture<>();
    session.answerFor(12, small);
    small.complete(accepted(12));
    assertThat(session.answerFor(12, new CompletableFuture<>()).join()).isEqualTo(accepted(12))
        .isNotSameAs(small.join());
  }

  @Test
  void aRetryableError_isNotRemembered_theRetryIsDoneAgain() {
    CompletableFuture<ServerMessage> first = new CompletableFuture<>();
    session.answerFor(9, first);
    first.complete(error(9, true));

    CompletableFuture<ServerMessage> retry = new CompletableFuture<>();
    assertThat(session.answerFor(9, retry)).isSameAs(retry);
  }

  @Test
  void forget_beforeTheAnswer_letsTheIdBeUsedAfresh() {
    CompletableFuture<ServerMessage> first = new CompletableFuture<>();
    session.answerFor(10, first);
    session.forget(10, first);
    CompletableFuture<ServerMessage> next = new CompletableFuture<>();
    assertThat(session.answerFor(10, next)).isSameAs(next);
  }

  @Test
  void anAnswer_isGivenAgainForItsTtl_thenTheIdIsNew() {
    CompletableFuture<ServerMessage> first = new CompletableFuture<>();
    session.answerFor(13, first);
    first.complete(accepted(13));
    time.advance(Session.ANSWERS_TTL.minus(Duration.ofMillis(1)));
    assertThat(session.answerFor(13, new CompletableFuture<>()).join()).isEqualTo(accepted(13));

    time.advance(Duration.ofMillis(1));
    CompletableFuture<ServerMessage> late = new CompletableFuture<>();
    assertThat(session.answerFor(13, late)).as("an answer %s old", Session.ANSWERS_TTL).isSameAs(late);
    late.complete(accepted(13).toBuilder().setOrdersAccepted(OrdersAccepted.newBuilder().setTurn(5)).build());
    assertThat(session.answerFor(13, new CompletableFuture<>()).join().getOrdersAccepted().getTurn())
        .as("the new answer is the one remembered now").isEqualTo(5);
  }

  @Test
  void theLastAnswersKept_areGivenAgain_theOlderOnesAreForgottenOldestFirst() {
    int total = Session.ANSWERS_KEPT + 300;
    for (long id = 1; id <= total; id++) {
      CompletableFuture<ServerMessage> f = new CompletableFuture<>();
      assertThat(session.answerFor(id, f)).isSameAs(f);
      f.complete(accepted(id));
    }
    for (long id = total - Session.ANSWERS_KEPT + 1; id <= total; id++) {
      CompletableFuture<ServerMessage> probe = new CompletableFuture<>();
      CompletableFuture<ServerMessage> slot = session.answerFor(id, probe);
      assertThat(slot).as("id %d, among the last %d", id, Session.ANSWERS_KEPT).isNotSameAs(probe);
      assertThat(slot.join().getRequestId()).isEqualTo(id);
    }
    for (long id = 1; id <= total - Session.ANSWERS_KEPT; id++) {
      CompletableFuture<ServerMessage> probe = new CompletableFuture<>();
      assertThat(session.answerFor(id, probe)).as("id %d, among the oldest", id).isSameAs(probe);
    }
  }
}
