package brink.server;

import brink.server.report.AfterActionReport;
import brink.server.time.SystemScheduler;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * {@code brink server} with its clock set ahead, for the crash test: a server restarted with its clock hours
 * ahead is a server that was down for those hours, without the test waiting for them (tests never sleep to
 * wait for time). It starts the server exactly as {@link ServerMain} does, with the same banner, but the
 * system clock plus {@code --clock-shift-millis}.
 *
 * <p>Arguments: {@code --clock-shift-millis N --port P --bind ADDRESS --data DIR --instructor-key KEY}.
 */
public final class ClockShiftedServerMain {
  private ClockShiftedServerMain() {}

  public static void main(String[] args) throws Exception {
    long shift = 0;
    int port = 0;
    String bind = "127.0.0.1";
    Path data = null;
    String key = "";
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--clock-shift-millis":
          shift = Long.parseLong(args[i + 1]);
          break;
        case "--port":
          port = Integer.parseInt(args[i + 1]);
          break;
        case "--bind":
          bind = args[i + 1];
          break;
        case "--data":
          data = Path.of(args[i + 1]);
          break;
        case "--instructor-key":
          key = args[i + 1];
          break;
        default:
          throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    if (data == null) {
      throw new IllegalArgumentException("--data DIR is required");
    }
    SystemScheduler scheduler = new SystemScheduler(Clock.offset(Clock.systemUTC(), Duration.ofMillis(shift)));
    BrinkServer server = BrinkServer.start(ServerConfig.defaults().withAddress(bind, port).withDataDir(data)
        .withInstructorKey(key).withScheduler(scheduler), AfterActionReport::build);
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "brink-shutdown"));
    for (String line : ServerMain.banner(server, data)) {
      System.out.println(line);
    }
    System.out.flush();
    server.awaitClose();
  }
}
