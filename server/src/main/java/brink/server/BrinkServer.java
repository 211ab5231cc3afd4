package brink.server;

import brink.protocol.v1.Disconnect;
import brink.protocol.v1.DisconnectReason;
import brink.protocol.v1.ServerMessage;
import brink.server.game.GameManager;
import brink.server.game.ReportSource;
import brink.server.journal.FileJournalStore;
import brink.server.journal.GameJournal;
import brink.server.journal.JournalOptions;
import brink.server.journal.JournalStore;
import brink.server.journal.RecoveryReport;
import brink.server.net.FrontDoor;
import brink.server.net.Transport;
import brink.server.session.Secrets;
import brink.server.session.SessionRegistry;
import brink.server.time.Scheduler;
import brink.server.time.SerialExecutor;
import brink.server.time.SystemScheduler;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Brink server: the journal opened and every game recovered from it, then the port bound. {@link
 * #start} returns once the server accepts connections; {@link #close} tells every connection the server is
 * shutting down, stops the games and makes the journal durable.
 */
public final class BrinkServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(BrinkServer.class);

  /** The server's name in Welcome and in the journal. */
  public static final String NAME = "brink-server/0.1.0";
  /** The file of the data folder holding the instructor key. */
  public static final String KEY_FILE = "instructor.key";
  /**
   * Connections the kernel may hold for the server before it accepts them (the kernel caps it at
   * net.core.somaxconn, 4096 on current kernels). A whole class reconnecting at once after a network cut, or a
   * burst of connections that never say Hello, overflowed the former 256 while the acceptor thread was busy:
   * the kernel then drops the client's final handshake packet and the connection only completes when the
   * handshake is retried, a second or more later.
   */
  static final int ACCEPT_BACKLOG = 4096;

  private final JournalStore store;
  private final GameManager games;
  private final EventLoopGroup boss;
  private final EventLoopGroup workers;
  private final ExecutorService gamePool;
  private final SystemScheduler ownScheduler;
  private final ChannelGroup connections;
  private final Channel listener;
  private final String instructorKey;
  private final String host;
  private final int recovered;
  private final int notRecovered;

  private BrinkServer(JournalStore store, GameManager games, EventLoopGroup boss, EventLoopGroup workers,
      ExecutorService gamePool, SystemScheduler ownScheduler, ChannelGroup connections, Channel listener,
      String instructorKey, String host, int recovered, int notRecovered) {
    this.store = store;
    this.games = games;
    this.boss = boss;
    this.workers = workers;
    this.gamePool = gamePool;
    this.ownScheduler = ownScheduler;
    this.connections = connections;
    this.listener = listener;
    this.instructorKey = instructorKey;
    this.host = host;
    this.recovered = recovered;
    this.notRecovered = notRecovered;
  }

  /**
   * Opens the data folder, recovers the games, binds the port.
   *
   * @param reports how GetReport builds a game's after-action report
   * @throws IOException when the data folder, the journal, the scenario folder or the port cannot be used
   */
  public static BrinkServer start(ServerConfig config, ReportSource reports) throws IOException {
    Transport transport = Transport.best(); // a bad -Dbrink.transport stops it before the data is touched
    Files.createDirectories(config.dataDir());
    String key = config.instructorKey().isEmpty() ? keyFile(config.dataDir(), config) : config.instructorKey();
    SystemScheduler own = config.scheduler().isPresent() ? null : new SystemScheduler();
    Scheduler scheduler = config.scheduler().isPresent() ? config.scheduler().get() : own;
    Secrets secrets = new Secrets(config.randomOrSecure());
    ScenarioLibrary scenarios = ScenarioLibrary.load(config.scenarioDir());

    JournalOptions journal = JournalOptions.defaults(config.dataDir()).withFsync(config.fsync())
        .withPreallocation(config.journalPreallocation());
    if (config.journalChannels().isPresent()) {
      journal = journal.withChannelOpener(config.journalChannels().get());
    }
    JournalStore store = FileJournalStore.open(journal);
    report(store.recovery());
    AtomicInteger threadNo = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(config.gameThreads(), r -> {
      Thread t = new Thread(r, "brink-game-" + threadNo.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    GameManager games = new GameManager(new GameManager.Options(store::appendAll, scheduler,
        id -> new SerialExecutor(pool), secrets, scenarios, reports, NAME));
    // Games are independent of each other: the game threads read and replay them, several at once (a restart
    // with 1,000 games took about a tenth less time than one game after the other on this thread).
    List<String> ids = List.copyOf(store.gameIds());
    List<CompletableFuture<Optional<String>>> recoveries = new ArrayList<>(ids.size());
    for (String id : ids) {
      recoveries.add(CompletableFuture.supplyAsync(() -> recover(store, games, id), pool));
    }
    int ok = 0;
    int failed = 0;
    for (int i = 0; i < ids.size(); i++) {
      Optional<String> why = joinRecovery(recoveries.get(i));
      if (why.isPresent()) {
        failed++;
        log.error("game {} NOT recovered (the other games run): {}", ids.get(i), why.get());
      } else {
        ok++;
      }
    }

    SessionRegistry sessions = new SessionRegistry(secrets, scheduler.clock());
    FrontDoor door = new FrontDoor(sessions, games, Secrets.sha256(key), NAME, scheduler.clock());
    ChannelGroup connections = new DefaultChannelGroup("brink-connections", GlobalEventExecutor.INSTANCE);
    EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, transport.ioHandlers());
    EventLoopGroup workers = new MultiThreadIoEventLoopGroup(transport.ioHandlers());
    Channel listener;
    try {
      ServerBootstrap b = new ServerBootstrap().group(boss, workers).channel(transport.serverChannel())
          .option(ChannelOption.SO_BACKLOG, ACCEPT_BACKLOG)
          .childOption(ChannelOption.TCP_NODELAY, true)
          .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
          .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK,
              new WriteBufferWaterMark(config.writeBufferLow(), config.writeBufferHigh()))
          .childHandler(new BrinkServerInitializer(config, scheduler, door, connections));
      if (config.socketSendBuffer() > 0) {
        b.childOption(ChannelOption.SO_SNDBUF, config.socketSendBuffer());
      }
      listener = b.bind(config.bind(), config.port()).syncUninterruptibly().channel();
    } catch (RuntimeException e) {
      boss.shutdownGracefully(0, 1, TimeUnit.SECONDS);
      workers.shutdownGracefully(0, 1, TimeUnit.SECONDS);
      pool.shutdownNow();
      store.close();
      if (own != null) {
        own.close();
      }
      throw new IOException("cannot listen on " + config.bind() + ":" + config.port() + ": " + e.getMessage(), e);
    }
    BrinkServer server = new BrinkServer(store, games, boss, workers, pool, own, connections, listener, key,
        config.bind(), ok, failed);
    log.info("listening on {}:{} ({}) with {} games recovered{}", server.host(), server.port(), transport, ok,
        failed > 0 ? " and " + failed + " NOT recovered" : "");
    return server;
  }

  /** Reads one game's journal and replays it; returns why the game was not recovered, or empty. */
  private static Optional<String> recover(JournalStore store, GameManager games, String gameId) {
    GameJournal gj = store.read(gameId).orElseThrow(() -> new IllegalStateException("the journal lists game "
        + gameId + " but has no entry of it"));
    return gj.isCorrupt() ? Optional.of("its journal is damaged: " + gj.corruption().get())
        : games.recover(gj.gameId(), gj.entries());
  }

  /** A recovery's outcome; what it threw (the journal unreadable) is thrown here, as on the calling thread. */
  private static Optional<String> joinRecovery(CompletableFuture<Optional<String>> recovery) {
    try {
      return recovery.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }

  private static void report(RecoveryReport r) {
    r.tornTail().ifPresent(t -> log.warn("journal {}: an unfinished write at its end was cut off ({} bytes at "
        + "offset {}: {}); it had never been acknowledged", r.file(), t.bytesRemoved(), t.offset(), t.reason()));
    for (RecoveryReport.CorruptGame g : r.corruptGames()) {
      log.error("journal {}: game {} is damaged at offset {}: {}", r.file(), g.gameId(), g.offset(), g.message());
    }
    for (String w : r.warnings()) {
      log.warn("journal {}: {}", r.file(), w);
    }
  }

  /** The instructor key of the data folder: read, or made and saved (owner-only) on the first start. */
  private static String keyFile(Path dataDir, ServerConfig config) throws IOException {
    Path f = dataDir.resolve(KEY_FILE);
    if (Files.exists(f)) {
      String key = Files.readString(f, StandardCharsets.UTF_8).strip();
      if (key.length() < 8) {
        throw new IOException(f + " holds no usable instructor key (at least 8 characters); delete it to get "
            + "a new one");
      }
      return key;
    }
    String key = new Secrets(config.randomOrSecure()).code();
    Files.writeString(f, key + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
    try {
      Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system: the folder's own permissions protect the key.
    }
    return key;
  }

  /** The address the server listens on (with the real port when 0 was asked). */
  public InetSocketAddress address() {
    return (InetSocketAddress) listener.localAddress();
  }

  /** The address listened on, as configured (e.g. "0.0.0.0" for every interface). */
  public String host() {
    return host;
  }

  public int port() {
    return address().getPort();
  }

  /** Connections open now, welcomed or not. */
  public int connectionCount() {
    return connections.size();
  }

  /** The key instructors give in Hello. */
  public String instructorKey() {
    return instructorKey;
  }

  public GameManager games() {
    return games;
  }

  /** Games recovered from the journal at start, and games that could not be. */
  public int recoveredGames() {
    return recovered;
  }

  public int unrecoveredGames() {
    return notRecovered;
  }

  /** Blocks until the server is closed. */
  public void awaitClose() throws InterruptedException {
    listener.closeFuture().sync();
  }

  @Override
  public void close() {
    if (!listener.isOpen() && gamePool.isShutdown()) {
      return;
    }
    listener.close().syncUninterruptibly();
    ServerMessage bye = ServerMessage.newBuilder().setDisconnect(Disconnect.newBuilder()
        .setReason(DisconnectReason.DISCONNECT_SERVER_SHUTDOWN)
        .setMessage("the server is shutting down; reconnect and resume in a moment").setMayReconnect(true)).build();
    connections.writeAndFlush(bye).awaitUninterruptibly(2, TimeUnit.SECONDS);
    connections.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
    gamePool.shutdown();
    try {
      gamePool.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    store.close();
    boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    if (ownScheduler != null) {
      ownScheduler.close();
    }
    log.info("stopped");
  }
}
