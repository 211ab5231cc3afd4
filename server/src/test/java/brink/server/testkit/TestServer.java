package brink.server.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import brink.protocol.v1.ClientMessage;
import brink.protocol.v1.CreateGame;
import brink.protocol.v1.GameCreated;
import brink.protocol.v1.SeatCode;
import brink.protocol.v1.ServerMessage;
import brink.server.BrinkServer;
import brink.server.report.AfterActionReport;
import brink.server.ServerConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.function.UnaryOperator;

/**
 * A real server on 127.0.0.1 with a free port, a temporary data folder, a clock moved by hand and a seeded
 * random source. Idle connections are never dropped unless a test asks (the manual clock jumps by minutes).
 */
public final class TestServer implements AutoCloseable {
  public static final String KEY = "test-instructor-key";
  /** 2026-03-02T09:00:00Z: Monday morning, first lesson. */
  public static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

  public final ManualScheduler clock;
  public final Path data;
  private final UnaryOperator<ServerConfig> tweak;
  private BrinkServer server;

  public TestServer(Path data) throws IOException {
    this(data, new ManualScheduler(START), c -> c);
  }

  public TestServer(Path data, ManualScheduler clock, UnaryOperator<ServerConfig> tweak) throws IOException {
    this.clock = clock;
    this.data = data;
    this.tweak = tweak;
    start();
  }

  /** Starts (or restarts, on the same data folder and clock) the server. */
  public void start() throws IOException {
    ServerConfig c = ServerConfig.defaults().withAddress("127.0.0.1", 0).withDataDir(data)
        .withInstructorKey(KEY).withScheduler(clock).withRandom(new Random(7)).withFsync(false)
        .withTimeouts(Duration.ofSeconds(10), Duration.ofDays(30), Duration.ofSeconds(10))
        .withRateLimit(10_000, 10_000);
    server = BrinkServer.start(tweak.apply(c), AfterActionReport::build);
  }

  public BrinkServer server() {
    return server;
  }

  public int port() {
    return server.port();
  }

  public TestClient client() throws IOException {
    return TestClient.connect(port());
  }

  /** An instructor's connection that has said Hello with the key. */
  public TestClient instructor() throws IOException {
    TestClient c = client();
    c.hello(KEY);
    return c;
  }

  /** A player's connection: Hello, then JoinGame with the code. */
  public TestClient player(String code, String name) throws IOException {
    TestClient c = client();
    c.hello();
    c.join(code, name);
    return c;
  }

  /** Creates a game of the default scenario and returns what the instructor got. */
  public static GameCreated create(TestClient instructor, CreateGame.Builder game) throws IOException {
    ServerMessage m = instructor.request(ClientMessage.newBuilder().setCreateGame(game));
    assertThat(m.hasGameCreated()).as("GameCreated, got %s", m).isTrue();
    return m.getGameCreated();
  }

  public static String seatCode(GameCreated g, String actor) {
    for (SeatCode s : g.getSeatCodesList()) {
      if (s.getActor().equals(actor)) {
        return s.getCode();
      }
    }
    throw new IllegalArgumentException("no seat " + actor);
  }

  /** Stops the server (the data folder stays). */
  public void stop() {
    if (server != null) {
      server.close();
      server = null;
    }
  }

  @Override
  public void close() {
    stop();
  }
}
