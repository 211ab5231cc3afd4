package brink.server.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import brink.protocol.v1.ClientMessage;
import brink.protocol.v1.ErrorCode;
import brink.protocol.v1.Hello;
import brink.protocol.v1.Ping;
import brink.protocol.v1.Pong;
import brink.protocol.v1.SendMessage;
import brink.protocol.v1.ServerMessage;
import brink.protocol.v1.Welcome;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.EncoderException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameCodecTest {

  /** The pipeline the server will build, minus the session handlers. */
  private static EmbeddedChannel connection() {
    return new EmbeddedChannel(new ClientFrameDecoder(), ServerFrameEncoder.INSTANCE,
        ConnectionErrorHandler.INSTANCE);
  }

  private static ClientMessage hello(long requestId) {
    return ClientMessage.newBuilder().setRequestId(requestId)
        .setHello(Hello.newBuilder().setProtocolVersion(1).setClient("test/1")).build();
  }

  /** A SendMessage whose serialized size is exactly {@code size} bytes. */
  private static ClientMessage messageOfSize(int size) {
    int textLength = size;
    while (true) {
      ClientMessage m = ClientMessage.newBuilder().setRequestId(9)
          .setSendMessage(SendMessage.newBuilder().setGameId("g").setText("x".repeat(textLength))).build();
      int over = m.getSerializedSize() - size;
      if (over == 0) {
        return m;
      }
      textLength -= over;
    }
  }

  private static ByteBuf frame(ClientMessage message) {
    byte[] bytes = message.toByteArray();
    return Unpooled.buffer().writeInt(bytes.length).writeBytes(bytes);
  }

  private static ByteBuf rawFrame(byte... body) {
    return Unpooled.buffer().writeInt(body.length).writeBytes(body);
  }

  /** Reads every frame the server wrote, checking each is a length prefix plus exactly that many bytes. */
  private static List<ServerMessage> written(EmbeddedChannel channel) throws Exception {
    List<ServerMessage> messages = new ArrayList<>();
    for (ByteBuf buf; (buf = channel.readOutbound()) != null; ) {
      try {
        while (buf.isReadable()) {
          int length = buf.readInt();
          assertThat(buf.readableBytes()).isGreaterThanOrEqualTo(length);
          byte[] bytes = new byte[length];
          buf.readBytes(bytes);
          messages.add(ServerMessage.parseFrom(bytes));
        }
      } finally {
        buf.release();
      }
    }
    return messages;
  }

  @Test
  void decode_oneFrame_yieldsTheClientMessage() {
    EmbeddedChannel channel = connection();
    channel.writeInbound(frame(hello(1)));
    assertThat((ClientMessage) channel.readInbound()).isEqualTo(hello(1));
    assertThat((Object) channel.readInbound()).isNull();
    assertThat(channel.isOpen()).isTrue();
  }

  @Test
  void decode_frameArrivingOneByteAtATime_isYieldedOnceWhole() {
    EmbeddedChannel channel = connection();
    ByteBuf whole = frame(hello(2));
    while (whole.readableBytes() > 1) {
      channel.writeInbound(whole.readRetainedSlice(1));
      assertThat((Object) channel.readInbound()).isNull();
    }
    channel.writeInbound(whole.readRetainedSlice(1));
    whole.release();
    assertThat((ClientMessage) channel.readInbound()).isEqualTo(hello(2));
  }

  @Test
  void decode_severalFramesInOneRead_yieldsEachInOrder() {
    EmbeddedChannel channel = connection();
    ByteBuf three = Unpooled.wrappedBuffer(frame(hello(1)), frame(hello(2)), frame(hello(3)));
    channel.writeInbound(three);
    assertThat((ClientMessage) channel.readInbound()).isEqualTo(hello(1));
    assertThat((ClientMessage) channel.readInbound()).isEqualTo(hello(2));
    assertThat((ClientMessage) channel.readInbound()).isEqualTo(hello(3));
  }

  @Test
  void decode_emptyFrame_isAnEmptyClientMessageForTheSessionToJudge() {
    EmbeddedChannel channel = connection();
    channel.writeInbound(rawFrame());
    ClientMessage empty = channel.readInbound();
    assertThat(empty.getBodyCase()).isEqualTo(ClientMessage.BodyCase.BODY_NOT_SET);
    assertThat(channel.isOpen()).isTrue();
  }

  @Test
  void decode_frameOfExactly64KiB_isAccepted() {
    EmbeddedChannel channel = connection();
    ClientMessage biggest = messageOfSize(FrameLimits.CLIENT_FRAME_BYTES);
    channel.writeInbound(frame(biggest));
    assertThat((ClientMessage) channel.readInbound()).isEqualTo(biggest);
  }

  @Test
  void decode_lengthOverTheLimit_isRefusedFromTheLengthAlone_withAFinalResourceExhaustedAndClose()
      throws Exception {
    EmbeddedChannel channel = connection();
    // Only the 4-byte prefix arrives: the decoder must not wait for (or buffer) the body.
    channel.writeInbound(Unpooled.buffer().writeInt(FrameLimits.CLIENT_FRAME_BYTES + 1));
    assertThat((Object) channel.readInbound()).isNull();
    assertThat(channel.isOpen()).isFalse();
    List<ServerMessage> out = written(channel);
    assertThat(out).singleElement().satisfies(m -> {
      assertThat(m.getRequestId()).isZero();
      assertThat(m.getError().getCode()).isEqualTo(ErrorCode.RESOURCE_EXHAUSTED);
      assertThat(m.getError().getRetryable()).isFalse();
      assertThat(m.getError().getMessage()).contains("65537 bytes").contains("limit of 65536");
      assertThat(m.getError().getDetailsMap())
          .containsEntry("frame_bytes", "65537").containsEntry("limit_bytes", "65536");
    });
  }

  @Test
  void decode_lengthWithTheHighBitSet_isReadUnsignedAndRefusedAsTooLong() throws Exception {
    EmbeddedChannel channel = connection();
    channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF}));
    assertThat(channel.isOpen()).isFalse();
    assertThat(written(channel)).singleElement().satisfies(m -> {
      assertThat(m.getError().getCode()).isEqualTo(ErrorCode.RESOURCE_EXHAUSTED);
      assertThat(m.getError().getDetailsMap()).containsEntry("frame_bytes", "4294967295");
    });
  }

  @Test
  void setMaxFrameBytes_instructorLimit_acceptsLargerFramesButStillRefusesOver4MiB() throws Exception {
    EmbeddedChannel channel = connection();
    ClientFrameDecoder.setMaxFrameBytes(channel, FrameLimits.INSTRUCTOR_FRAME_BYTES);
    ClientMessage scenarioSized = messageOfSize(1_000_000);
    channel.writeInbound(frame(scenarioSized));
    assertThat((ClientMessage) channel.readInbound()).isEqualTo(scenarioSized);

    channel.writeInbound(Unpooled.buffer().writeInt(FrameLimits.INSTRUCTOR_FRAME_BYTES + 1));
    assertThat(channel.isOpen()).isFalse();
    assertThat(written(channel)).singleElement().satisfies(m ->
        assertThat(m.getError().getDetailsMap()).containsEntry("limit_bytes", "4194304"));
  }

  @Test
  void setMaxFrameBytes_outOfRange_isRejected() {
    ClientFrameDecoder decoder = new ClientFrameDecoder();
    assertThatThrownBy(() -> decoder.setMaxFrameBytes(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> decoder.setMaxFrameBytes(FrameLimits.INSTRUCTOR_FRAME_BYTES + 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4194304");
    assertThatThrownBy(() -> ClientFrameDecoder.setMaxFrameBytes(new EmbeddedChannel(), 100))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void decode_bytesThatAreNotAClientMessage_finalInvalidArgumentAndClose_andLaterFramesAreIgnored()
      throws Exception {
    EmbeddedChannel channel = connection();
    // A field tag followed by a varint that never ends: not parseable protobuf.
    ByteBuf garbageThenValid = Unpooled.wrappedBuffer(
        rawFrame((byte) 0x08, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF,
            (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF),
        frame(hello(5)));
    channel.writeInbound(garbageThenValid);
    assertThat((Object) channel.readInbound()).as("nothing after a fatal frame reaches the session").isNull();
    assertThat(channel.isOpen()).isFalse();
    assertThat(written(channel)).singleElement().satisfies(m -> {
      assertThat(m.getError().getCode()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
      assertThat(m.getError().getMessage()).contains("not a brink.v1.ClientMessage")
          .doesNotContain("Exception").doesNotContain("\tat ");
    });
  }

  @Test
  void encode_serverMessage_isALengthPrefixAndTheMessageBytes() {
    ServerMessage pong = ServerMessage.newBuilder().setRequestId(7)
        .setPong(Pong.newBuilder().setClientTimeEpochMillis(1).setServerTimeEpochMillis(2)).build();
    EmbeddedChannel channel = connection();
    channel.writeOutbound(pong);
    ByteBuf out = channel.readOutbound();
    byte[] expected = pong.toByteArray();
    assertThat(out.readableBytes()).isEqualTo(4 + expected.length);
    assertThat(out.readInt()).isEqualTo(expected.length);
    byte[] body = new byte[expected.length];
    out.readBytes(body);
    assertThat(body).isEqualTo(expected);
    out.release();
  }

  @Test
  void encode_oneSharedEncoder_servesManyConnections() throws Exception {
    EmbeddedChannel a = connection();
    EmbeddedChannel b = connection();
    ServerMessage welcome = ServerMessage.newBuilder()
        .setWelcome(Welcome.newBuilder().setProtocolVersion(1).setSessionToken("t")).build();
    a.writeOutbound(welcome);
    b.writeOutbound(welcome);
    assertThat(written(a)).containsExactly(welcome);
    assertThat(written(b)).containsExactly(welcome);
  }

  @Test
  void encode_messageOverTheServerLimit_failsTheWriteAndSendsNothing() {
    EmbeddedChannel channel = new EmbeddedChannel(ServerFrameEncoder.INSTANCE);
    ServerMessage huge = ServerMessage.newBuilder().setRequestId(1)
        .setError(brink.protocol.v1.Error.newBuilder().setMessage("x".repeat(FrameLimits.SERVER_FRAME_BYTES)))
        .build();
    ChannelFuture write = channel.writeAndFlush(huge);
    assertThat(write.isSuccess()).isFalse();
    assertThat(write.cause()).isInstanceOf(EncoderException.class).hasMessageContaining("frame limit");
    assertThat((Object) channel.readOutbound()).isNull();
  }

  @Test
  void sharedFrame_isTheBytesTheEncoderWrites_andEveryRecipientGetsThem() throws Exception {
    ServerMessage press = ServerMessage.newBuilder().setSeq(12).setPress(brink.protocol.v1.Press.newBuilder()
        .setMessageId(3).setFromActor("rus").setText("Meet at the border at ten")).build();
    EmbeddedChannel viaEncoder = connection();
    viaEncoder.writeOutbound(press);
    ByteBuf encoded = viaEncoder.readOutbound();
    byte[] expected = new byte[encoded.readableBytes()];
    encoded.readBytes(expected);
    encoded.release();

    assertThat(ServerFrameEncoder.frame(press)).isEqualTo(expected);

    brink.server.session.SharedMessage shared = new brink.server.session.SharedMessage(press);
    EmbeddedChannel a = connection();
    EmbeddedChannel b = connection();
    ChannelConnection.of(a).send(shared);
    ChannelConnection.of(b).send(shared);
    assertThat(written(a)).containsExactly(press);
    assertThat(written(b)).containsExactly(press);
  }

  @Test
  void sharedFrame_overTheServerLimit_isRefusedBeforeAnyByteIsSent() {
    ServerMessage huge = ServerMessage.newBuilder().setRequestId(1)
        .setError(brink.protocol.v1.Error.newBuilder().setMessage("x".repeat(FrameLimits.SERVER_FRAME_BYTES)))
        .build();
    assertThatThrownBy(() -> ServerFrameEncoder.frame(huge)).isInstanceOf(EncoderException.class)
        .hasMessageContaining("frame limit");
  }

  @Test
  void unexpectedErrorInAHandler_finalInternalErrorWithoutInternals_andClose() throws Exception {
    EmbeddedChannel channel = new EmbeddedChannel(new ClientFrameDecoder(), ServerFrameEncoder.INSTANCE,
        new ChannelInboundHandlerAdapter() {
          @Override
          public void channelRead(ChannelHandlerContext ctx, Object msg) {
            throw new IllegalStateException("secret internal detail");
          }
        },
        ConnectionErrorHandler.INSTANCE);
    channel.writeInbound(frame(ClientMessage.newBuilder().setRequestId(3)
        .setPing(Ping.newBuilder().setClientTimeEpochMillis(1)).build()));
    assertThat(channel.isOpen()).isFalse();
    assertThat(written(channel)).singleElement().satisfies(m -> {
      assertThat(m.getError().getCode()).isEqualTo(ErrorCode.INTERNAL);
      assertThat(m.getError().getRetryable()).isTrue();
      assertThat(m.getError().getMessage()).doesNotContain("secret").doesNotContain("IllegalState");
    });
  }
}
