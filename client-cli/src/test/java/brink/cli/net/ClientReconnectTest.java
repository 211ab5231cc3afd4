package brink.cli.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import brink.protocol.v1.Ack;
import brink.protocol.v1.ClientMessage;
import brink.protocol.v1.Disconnect;
import brink.protocol.v1.DisconnectReason;
import brink.protocol.v1.Error;
import brink.protocol.v1.ErrorCode;
import brink.protocol.v1.GameState;
import brink.protocol.v1.JoinGame;
import brink.protocol.v1.Joined;
import brink.protocol.v1.PhaseChanged;
import brink.protocol.v1.Resumed;
import brink.protocol.v1.Role;
import brink.protocol.v1.ServerMessage;
import brink.protocol.v1.SetReady;
import brink.protocol.v1.Welcome;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CancellationException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The client's session across dropped connections, against a scripted server end: it reconnects with
 * backoff, resumes with its token and the last seq it saw, sends unanswered requests again with the same
 * request id, joins again with its code when the server forgot the session, and stops for good when kicked.
 */
class ClientReconnectTest {
  /** What the client reported, in order. */
  static final class Events implements Client.Listener {
    final BlockingQueue<ServerMessage> pushes = new LinkedBlockingQueue<>();
    final BlockingQueue<LinkEvent> links = new LinkedBlockingQueue<>();
    /** Both kinds in the order the listener saw them: "push 10", "link RESUMED". */
    final BlockingQueue<String> order = new LinkedBlockingQueue<>();

    @Override
    public void push(ServerMessage m) {
      order.add("push " + m.getSeq());
      pushes.add(m);
    }

    @Override
    public void link(LinkEvent e) {
      order.add("link " + e.kind());
      links.add(e);
    }

    LinkEvent nextLink() throws InterruptedException {
      LinkEvent e = links.poll(20, TimeUnit.SECONDS);
      assertThat(e).as("a connection event").isNotNull();
      return e;
    }
  }

  /** No waiting between attempts: the test controls when the server end accepts. */
  static final Backoff INSTANT = new Backoff(0, 0, millis -> {});

  static ServerMessage.Builder welcome(String token) {
    return ServerMessage.newBuilder().setWelcome(Welcome.newBuilder().setProtocolVersion(1).setSessionToken(token));
  }

  static ServerMessage.Builder ack() {
    return ServerMessage.newBuilder().setAck(Ack.getDefaultInstance());
  }

  static ClientMessage.Builder ready() {
    return ClientMessage.newBuilder().setSetReady(SetReady.newBuilder().setGameId("G").setTurn(1).setReady(true));
  }

  /** Connects, says Hello (token T1), joins game G (view seq 5) and follows it. */
  static Client joined(FakeWire wire, Events events) throws Exception {
    Client c = new Client(wire.address(), "", INSTANT, events, 10_000, 0);
    CompletableFuture<Welcome> w = CompletableFuture.supplyAsync(() -> {
      try {
        return c.connect();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    wire.accept();
    ClientMessage hello = wire.read();
    assertThat(hello.getHello().getProtocolVersion()).isEqualTo(1);
    assertThat(hello.getHello().getClient()).startsWith("brink-cli/");
    wire.answer(hello, welcome("T1"));
    assertThat(w.get(20, TimeUnit.SECONDS).getSessionToken()).isEqualTo("T1");
    CompletableFuture<ServerMessage> join = c.request(ClientMessage.newBuilder()
        .setJoinGame(JoinGame.newBuilder().setCode("CODE").setName("Ann")));
    ClientMessage j = wire.read();
    wire.answer(j, ServerMessage.newBuilder().setJoined(Joined.newBuilder().setGameId("G").setRole(Role.PLAYER)
        .setActor("usa").setState(GameState.newBuilder().setGameId("G").setSeq(5))));
    assertThat(join.get(20, TimeUnit.SECONDS).hasJoined()).isTrue();
    c.follow("G", "CODE", "Ann", 5);
    return c;
  }

  @Test
  void droppedConnection_resumesWithTokenAndLastSeq_andResendsTheUnansweredRequestWithItsId() throws Exception {
    Events events = new Events();
    try (FakeWire wire = new FakeWire(); Client c = joined(wire, events)) {
      wire.send(ServerMessage.newBuilder().setSeq(9).setPhaseChanged(PhaseChanged.newBuilder().setGameId("G")));
      assertThat(events.pushes.poll(20, TimeUnit.SECONDS).getSeq()).isEqualTo(9);
      CompletableFuture<ServerMessage> ready = c.request(ready());
      ClientMessage first = wire.read();
      assertThat(first.hasSetReady()).isTrue();
      wire.drop();

      LinkEvent e = events.nextLink();
      assertThat(e.kind()).isEqualTo(LinkEvent.Kind.RECONNECTING);
      assertThat(e.attempt()).isEqualTo(1);
      wire.accept();
      ClientMessage hello = wire.read();
      assertThat(hello.hasHello()).isTrue();
      wire.answer(hello, welcome("T2"));
      ClientMessage resume = wire.read();
      assertThat(resume.getResumeSession().getToken()).isEqualTo("T1");
      assertThat(resume.getResumeSession().getGameId()).isEqualTo("G");
      assertThat(resume.getResumeSession().getLastSeq()).isEqualTo(9);
      wire.answer(resume, ServerMessage.newBuilder().setResumed(Resumed.newBuilder().setGameId("G").setReplaying(true)
          .setSeq(9)));
      ClientMessage again = wire.read();
      assertThat(again).isEqualTo(first);
      assertThat(ready.isDone()).isFalse();
      wire.answer(again, ack());
      assertThat(ready.get(20, TimeUnit.SECONDS).hasAck()).isTrue();
      assertThat(events.nextLink().kind()).isEqualTo(LinkEvent.Kind.RESUMED);
      assertThat(c.connected()).isTrue();
    }
  }

  @Test
  void missedPushesReplayedOnResume_comeAfterTheResumedEvent() throws Exception {
    Events events = new Events();
    try (FakeWire wire = new FakeWire(); Client c = joined(wire, events)) {
      events.order.clear();
      wire.drop();
      assertThat(events.order.poll(20, TimeUnit.SECONDS)).isEqualTo("link RECONNECTING");
      wire.accept();
      wire.answer(wire.read(), welcome("T5"));
      ClientMessage resume = wire.read();
      wire.answer(resume, ServerMessage.newBuilder().setResumed(Resumed.newBuilder().setGameId("G").setReplaying(true)
          .setSeq(11)));
      wire.send(ServerMessage.newBuilder().setSeq(10).setPhaseChanged(PhaseChanged.newBuilder().setGameId("G")));
      wire.send(ServerMessage.newBuilder().setSeq(11).setPhaseChanged(PhaseChanged.newBuilder().setGameId("G")));
      assertThat(List.of(events.order.poll(20, TimeUnit.SECONDS), events.order.poll(20, TimeUnit.SECONDS),
          events.order.poll(20, TimeUnit.SECONDS))).containsExactly("link RESUMED", "push 10", "push 11");
      assertThat(c.lastSeq()).isEqualTo(11);
    }
  }

  @Test
  void serverRefusedConnections_areRetriedWithGrowingDelays() {
    Backoff b = new Backoff(500, 10_000, millis -> {});
    assertThat(List.of(b.delay(1), b.delay(2), b.delay(3), b.delay(4), b.delay(5), b.delay(6), b.delay(20)))
        .containsExactly(500L, 1_000L, 2_000L, 4_000L, 8_000L, 10_000L, 10_000L);
  }

  @Test
  void reconnectionWaits_areSpreadBetweenHalfAndAllOfTheDelay() {
    Backoff low = new Backoff(500, 10_000, millis -> {}, bound -> 0);
    Backoff high = new Backoff(500, 10_000, millis -> {}, bound -> bound);
    assertThat(List.of(low.jittered(1), low.jittered(2), low.jittered(6))).containsExactly(250L, 500L, 5_000L);
    assertThat(List.of(high.jittered(1), high.jittered(2), high.jittered(6)))
        .containsExactly(500L, 1_000L, 10_000L);
    // A class cut off at the same moment: 200 clients' first waits are spread over 250..500 ms.
    Random random = new Random(42);
    Backoff seeded = new Backoff(500, 10_000, millis -> {}, bound -> random.nextLong(bound + 1));
    Set<Long> waits = new TreeSet<>();
    for (int i = 0; i < 200; i++) {
      waits.add(seeded.jittered(1));
    }
    assertThat(waits).allSatisfy(w -> assertThat(w).isBetween(250L, 500L)).hasSizeGreaterThan(100);
    for (int i = 0; i < 1_000; i++) {
      assertThat(Backoff.standard().jittered(3)).isBetween(1_000L, 2_000L);
    }
  }

  @Test
  void sessionForgotten_joinsAgainWithTheCode_thenResends() throws Exception {
    Events events = new Events();
    try (FakeWire wire = new FakeWire(); Client c = joined(wire, events)) {
      CompletableFuture<ServerMessage> ready = c.request(ready());
      ClientMessage first = wire.read();
      wire.drop();
      assertThat(events.nextLink().kind()).isEqualTo(LinkEvent.Kind.RECONNECTING);
      wire.accept();
      ClientMessage hello = wire.read();
      wire.answer(hello, welcome("T3"));
      ClientMessage resume = wire.read();
      wire.answer(resume, ServerMessage.newBuilder().setError(Error.newBuilder().setCode(ErrorCode.UNAUTHENTICATED)
          .setMessage("this session is not in game G")));
      ClientMessage join = wire.read();
      assertThat(join.getJoinGame().getCode()).isEqualTo("CODE");
      assertThat(join.getJoinGame().getName()).isEqualTo("Ann");
      wire.answer(join, ServerMessage.newBuilder().setJoined(Joined.newBuilder().setGameId("G").setRole(Role.PLAYER)
          .setState(GameState.newBuilder().setGameId("G").setSeq(12))));
      assertThat(events.pushes.poll(20, TimeUnit.SECONDS).hasJoined()).isTrue();
      assertThat(events.nextLink().kind()).isEqualTo(LinkEvent.Kind.REJOINED);
      ClientMessage again = wire.read();
      assertThat(again).isEqualTo(first);
      wire.answer(again, ack());
      assertThat(ready.get(20, TimeUnit.SECONDS).hasAck()).isTrue();
    }
  }

  @Test
  void kicked_stopsForGood_withTheReason_andCancelsWhatWasPending() throws Exception {
    Events events = new Events();
    try (FakeWire wire = new FakeWire(); Client c = joined(wire, events)) {
      CompletableFuture<ServerMessage> ready = c.request(ready());
      wire.read();
      wire.send(ServerMessage.newBuilder().setDisconnect(Disconnect.newBuilder()
          .setReason(DisconnectReason.DISCONNECT_KICKED).setMessage("you left the room").setMayReconnect(false)));
      wire.drop();
      LinkEvent e = events.nextLink();
      assertThat(e.kind()).isEqualTo(LinkEvent.Kind.CLOSED);
      assertThat(e.detail()).isEqualTo("you left the room");
      assertThatThrownBy(() -> ready.get(20, TimeUnit.SECONDS)).isInstanceOf(CancellationException.class);
      assertThat(c.connected()).isFalse();
    }
  }

  @Test
  void requestsWhileDisconnected_waitForTheConnection_andGoOutInOrder() throws Exception {
    Events events = new Events();
    try (FakeWire wire = new FakeWire(); Client c = joined(wire, events)) {
      wire.drop();
      assertThat(events.nextLink().kind()).isEqualTo(LinkEvent.Kind.RECONNECTING);
      CompletableFuture<ServerMessage> a = c.request(ready());
      CompletableFuture<ServerMessage> b = c.request(ready());
      wire.accept();
      wire.answer(wire.read(), welcome("T4"));
      ClientMessage resume = wire.read();
      wire.answer(resume, ServerMessage.newBuilder().setResumed(Resumed.newBuilder().setGameId("G")));
      ClientMessage x = wire.read();
      ClientMessage y = wire.read();
      assertThat(x.getRequestId()).isLessThan(y.getRequestId());
      wire.answer(y, ack());
      wire.answer(x, ack());
      assertThat(a.get(20, TimeUnit.SECONDS).getRequestId()).isEqualTo(x.getRequestId());
      assertThat(b.get(20, TimeUnit.SECONDS).getRequestId()).isEqualTo(y.getRequestId());
    }
  }

  @Test
  void address_parsesWhatPeopleType() {
    assertThat(Address.parse("localhost:7447")).isEqualTo(new Address("localhost", 7447));
    assertThat(Address.parse("Brink.School.org")).isEqualTo(new Address("brink.school.org", Address.DEFAULT_PORT));
    assertThat(Address.parse("[::1]:9000")).isEqualTo(new Address("::1", 9000));
    assertThat(Address.parse("[::1]:9000").toString()).isEqualTo("[::1]:9000");
    assertThatThrownBy(() -> Address.parse("host:http")).hasMessage(
        "'http' is not a port; a port is a number from 1 to 65535");
    assertThatThrownBy(() -> Address.parse(":80")).hasMessageContaining("has no host name");
  }
}
