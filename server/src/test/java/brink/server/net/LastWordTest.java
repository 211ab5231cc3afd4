package brink.server.net;

import static org.assertj.core.api.Assertions.assertThat;

import brink.protocol.v1.Disconnect;
import brink.protocol.v1.DisconnectReason;
import brink.protocol.v1.Press;
import brink.protocol.v1.ServerMessage;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.local.LocalAddress;
import io.netty.channel.local.LocalChannel;
import io.netty.channel.local.LocalIoHandler;
import io.netty.channel.local.LocalServerChannel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Regression (found by ConnectionLimitsTest's slow reader failing once in CI: the last frame the client read
 * was not the Disconnect): a game thread sending a push checked "not closing" on its own thread, then the
 * write reached the event loop after the slow-reader check had written the Disconnect. Both sat in the
 * connection's backlog and the last gathering write put the push on the wire behind the Disconnect, whose
 * completion then closed the connection. Now whether a frame may go is decided on the event loop, in the
 * order frames reach it: nothing is ever written to a connection after its final word.
 *
 * <p>In-VM channels with a real event loop; a handler at the front of the server's pipeline records every
 * frame written to the connection, in order (once written, Netty may put it on the wire in the same write
 * as the final word, so a frame recorded after it is the bug).
 */
class LastWordTest {
  private static final AtomicInteger ADDRESSES = new AtomicInteger();

  private EventLoopGroup group;
  private Channel listener;
  private Channel client;
  private Channel serverSide;
  private final List<ServerMessage> written = Collections.synchronizedList(new ArrayList<>());
  private final List<Object> received = Collections.synchronizedList(new ArrayList<>());

  @BeforeEach
  void connect() throws Exception {
    group = new MultiThreadIoEventLoopGroup(2, LocalIoHandler.newFactory());
    LocalAddress address = new LocalAddress("brink-last-word-" + ADDRESSES.incrementAndGet());
    CompletableFuture<Channel> accepted = new CompletableFuture<>();
    listener = new ServerBootstrap().group(group).channel(LocalServerChannel.class)
        .childHandler(new ChannelInitializer<LocalChannel>() {
          @Override
          protected void initChannel(LocalChannel ch) {
            ch.pipeline().addLast(new ChannelOutboundHandlerAdapter() {
              @Override
              public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
                written.add((ServerMessage) msg);
                ctx.write(msg, promise);
              }
            }, new ChannelInboundHandlerAdapter() {
              @Override
              public void channelActive(ChannelHandlerContext ctx) {
                accepted.complete(ctx.channel());
              }
            });
          }
        }).bind(address).sync().channel();
    client = new Bootstrap().group(group).channel(LocalChannel.class)
        .handler(new ChannelInboundHandlerAdapter() {
          @Override
          public void channelRead(ChannelHandlerContext ctx, Object msg) {
            received.add(msg);
          }
        }).connect(address).sync().channel();
    serverSide = accepted.get(10, TimeUnit.SECONDS);
  }

  @AfterEach
  void close() {
    client.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
    listener.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
  }

  private static ServerMessage push(String text) {
    return ServerMessage.newBuilder().setPress(Press.newBuilder().setText(text)).build();
  }

  private static Disconnect tooSlow() {
    return Disconnect.newBuilder().setReason(DisconnectReason.DISCONNECT_TOO_SLOW).setMessage("too slow")
        .setMayReconnect(true).build();
  }

  /** Holds the server side's event loop until the returned latch is counted down. */
  private CountDownLatch holdEventLoop() throws InterruptedException {
    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    serverSide.eventLoop().execute(() -> {
      held.countDown();
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
    return release;
  }

  @Test
  void aPushSentWhileTheDisconnectIsBeingDecided_isNeverWrittenAfterIt() throws Exception {
    ChannelConnection c = ChannelConnection.of(serverSide);
    CountDownLatch release = holdEventLoop();
    // The slow-reader check is queued on the event loop; a game sends a push before the check has run.
    serverSide.eventLoop().execute(() -> c.disconnect(tooSlow()));
    c.send(push("sent by a game while the check was queued"));
    release.countDown();

    assertThat(client.closeFuture().await(10, TimeUnit.SECONDS)).as("closed after the Disconnect").isTrue();
    assertThat(written).extracting(ServerMessage::getBodyCase)
        .containsExactly(ServerMessage.BodyCase.DISCONNECT);
    assertThat(received).hasSize(1);
    assertThat(((ServerMessage) received.get(0)).getDisconnect().getReason())
        .isEqualTo(DisconnectReason.DISCONNECT_TOO_SLOW);
  }

  @Test
  void pushesSentBeforeADisconnectFromTheSameThread_goFirst() throws Exception {
    // A kick: the game delivers the "you were removed" push, then disconnects, both from its own thread.
    ChannelConnection c = ChannelConnection.of(serverSide);
    CountDownLatch release = holdEventLoop();
    c.send(push("first"));
    c.send(push("second"));
    c.disconnect(tooSlow());
    c.send(push("after the final word"));
    release.countDown();

    assertThat(client.closeFuture().await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(written).extracting(m -> m.hasPress() ? m.getPress().getText() : m.getBodyCase().name())
        .containsExactly("first", "second", "DISCONNECT");
    assertThat(received).hasSize(3);
  }

  @Test
  void onlyTheFirstFinalWordIsWritten() throws Exception {
    ChannelConnection c = ChannelConnection.of(serverSide);
    CountDownLatch release = holdEventLoop();
    c.disconnect(tooSlow());
    c.finalAnswer(push("a second final word"));
    serverSide.eventLoop().execute(() -> c.send(push("from the event loop itself")));
    release.countDown();

    assertThat(client.closeFuture().await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(written).extracting(ServerMessage::getBodyCase).containsExactly(ServerMessage.BodyCase.DISCONNECT);
    assertThat(c.isOpen()).isFalse();
  }
}
