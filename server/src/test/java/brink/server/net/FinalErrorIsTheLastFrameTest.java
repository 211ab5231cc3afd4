package brink.server.net;

import static org.assertj.core.api.Assertions.assertThat;

import brink.protocol.v1.Ack;
import brink.protocol.v1.Disconnect;
import brink.protocol.v1.DisconnectReason;
import brink.protocol.v1.ErrorCode;
import brink.protocol.v1.ServerMessage;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Regression (found by ClientFuzzTest, about once in a million cases): after a frame that is not a
 * ClientMessage the server sends a final Error and closes once it is written; but answers to requests sent
 * before that frame, finished by their game meanwhile, were written after the "final" Error, and a client
 * that took the last frame for the reason of the close saw an Ack instead. Here the network is slow: the
 * final Error's write stays pending (as when the client's receive window is full) while a game answers.
 */
class FinalErrorIsTheLastFrameTest {
  /** Holds every write: the frames in the order written, their promises pending until released. */
  static final class SlowNetwork extends ChannelOutboundHandlerAdapter {
    final List<ServerMessage> written = new ArrayList<>();
    final List<ChannelPromise> pending = new ArrayList<>();

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
      written.add((ServerMessage) msg);
      pending.add(promise);
    }

    void release() {
      pending.forEach(p -> p.trySuccess());
      pending.clear();
    }
  }

  private static ServerMessage ack(long id) {
    return ServerMessage.newBuilder().setRequestId(id).setAck(Ack.getDefaultInstance()).build();
  }

  @Test
  void badFrame_thenAGameAnswersWhileTheFinalErrorIsStillBeingWritten_nothingIsWrittenAfterTheError() {
    SlowNetwork network = new SlowNetwork();
    EmbeddedChannel channel = new EmbeddedChannel(network, ConnectionErrorHandler.INSTANCE);
    ChannelConnection connection = ChannelConnection.of(channel);
    connection.send(ack(1));

    channel.pipeline().fireExceptionCaught(FrameException.malformed(3, new IllegalArgumentException("bad")));
    connection.send(ack(2)); // a game finished request 2 just now
    connection.disconnect(Disconnect.newBuilder().setReason(DisconnectReason.DISCONNECT_SERVER_SHUTDOWN).build());

    assertThat(network.written).hasSize(2);
    assertThat(network.written.get(0).getRequestId()).isEqualTo(1);
    assertThat(network.written.get(1).getError().getCode()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    assertThat(channel.isActive()).as("open until the final Error is written").isTrue();
    network.release();
    channel.runPendingTasks();
    assertThat(channel.isActive()).as("closed once it is").isFalse();
  }

  @Test
  void fatalRequest_thenAGameAnswers_theFinalAnswerStaysLast() {
    SlowNetwork network = new SlowNetwork();
    EmbeddedChannel channel = new EmbeddedChannel(network, ConnectionErrorHandler.INSTANCE);
    ChannelConnection connection = ChannelConnection.of(channel);
    connection.finalAnswer(ServerMessage.newBuilder().setRequestId(1).setError(brink.protocol.v1.Error.newBuilder()
        .setCode(ErrorCode.UNAUTHENTICATED).setMessage("wrong key")).build());
    connection.send(ack(2));
    channel.pipeline().fireExceptionCaught(FrameException.malformed(3, new IllegalArgumentException("bad")));

    assertThat(network.written).extracting(ServerMessage::getRequestId).containsExactly(1L);
    network.release();
    channel.runPendingTasks();
    assertThat(channel.isActive()).isFalse();
  }
}
