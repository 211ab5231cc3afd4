package brink.bench;

import brink.protocol.v1.ClientMessage;
import brink.protocol.v1.ServerMessage;
import brink.server.net.ClientFrameDecoder;
import brink.server.net.FrameLimits;
import brink.server.net.ServerFrameEncoder;
import com.google.protobuf.InvalidProtocolBufferException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The wire codec on real frames ({@link CodecFrames}: a whole game of the default scenario): the
 * server's {@link ServerFrameEncoder} and {@link ClientFrameDecoder} in an EmbeddedChannel (the
 * same handlers the pipeline runs, with the pooled allocator), and protobuf's parse of what a
 * client receives. Average time per frame.
 *
 * <pre>bench/run-codec.sh            (or: java -cp TEST_CLASSPATH org.openjdk.jmh.Main CodecBenchmark)</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class CodecBenchmark {
  private CodecFrames frames;
  private EmbeddedChannel encoder;
  private EmbeddedChannel decoder;
  private ByteBuf submitFrame;
  private ByteBuf createFrame;
  private byte[] gameStateBytes;
  private byte[] turnReportBytes;
  private byte[] ackBytes;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    frames = CodecFrames.play();
    encoder = new EmbeddedChannel(ServerFrameEncoder.INSTANCE);
    encoder.config().setAllocator(PooledByteBufAllocator.DEFAULT);
    decoder = new EmbeddedChannel(new ClientFrameDecoder(FrameLimits.INSTRUCTOR_FRAME_BYTES));
    decoder.config().setAllocator(PooledByteBufAllocator.DEFAULT);
    submitFrame = Rig.frame(PooledByteBufAllocator.DEFAULT, frames.submitOrders.toByteArray());
    createFrame = Rig.frame(PooledByteBufAllocator.DEFAULT, frames.createGameWithText.toByteArray());
    gameStateBytes = frames.gameState.toByteArray();
    turnReportBytes = frames.turnReport.toByteArray();
    ackBytes = frames.ack.toByteArray();
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    encoder.finishAndReleaseAll();
    decoder.finishAndReleaseAll();
    submitFrame.release();
    createFrame.release();
  }

  private int encode(ServerMessage m) {
    encoder.writeOutbound(m);
    ByteBuf out = encoder.readOutbound();
    int n = out.readableBytes();
    out.release();
    return n;
  }

  private Object decode(ByteBuf frame) {
    decoder.writeInbound(frame.retainedDuplicate());
    return decoder.readInbound();
  }

  /** The largest frame the server sends: the instructor's full view of an ended 12-turn game. */
  @Benchmark
  public int encodeGameState() {
    return encode(frames.gameState);
  }

  /** The frame of a turn broadcast, once per player per turn. */
  @Benchmark
  public int encodeTurnReport() {
    return encode(frames.turnReport);
  }

  /** The answer to the most frequent request. */
  @Benchmark
  public int encodeOrdersAccepted() {
    return encode(frames.ordersAccepted);
  }

  @Benchmark
  public int encodeAck() {
    return encode(frames.ack);
  }

  /** The most frequent request, through the server's decoder. */
  @Benchmark
  public Object decodeSubmitOrders() {
    return decode(submitFrame);
  }

  /** The largest frame a client sends: CreateGame with a whole scenario's text (instructors only). */
  @Benchmark
  public Object decodeCreateGameWithText() {
    return decode(createFrame);
  }

  /** What a client does with the largest frame it receives. */
  @Benchmark
  public ServerMessage parseGameState() throws InvalidProtocolBufferException {
    return ServerMessage.parseFrom(gameStateBytes);
  }

  @Benchmark
  public ServerMessage parseTurnReport() throws InvalidProtocolBufferException {
    return ServerMessage.parseFrom(turnReportBytes);
  }

  @Benchmark
  public ServerMessage parseAck() throws InvalidProtocolBufferException {
    return ServerMessage.parseFrom(ackBytes);
  }

  /** The server's cost of the most frequent request's decode, for comparison with its encode. */
  @Benchmark
  public ClientMessage parseSubmitOrdersBytes() throws InvalidProtocolBufferException {
    return ClientMessage.parseFrom(submitFrame.nioBuffer(4, submitFrame.readableBytes() - 4));
  }
}
