package brink.server.testkit;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;

/**
 * Captures what the server logs under "brink" (a Logback ListAppender), and lets a test wait for a line
 * without sleeping: the appender counts a latch down when a matching line is logged.
 */
public final class LogCapture implements AutoCloseable {
  private final Logger logger = (Logger) LoggerFactory.getLogger("brink");
  private final ListAppender<ILoggingEvent> appender;
  private volatile Predicate<String> awaited = s -> false;
  private volatile CountDownLatch latch = new CountDownLatch(0);

  public LogCapture() {
    ListAppender<ILoggingEvent> appender = new ListAppender<>() {
      @Override
      protected void append(ILoggingEvent e) {
        super.append(e);
        if (awaited.test(e.getFormattedMessage())) {
          latch.countDown();
        }
      }
    };
    appender.setContext(logger.getLoggerContext());
    appender.start();
    logger.addAppender(appender);
    this.appender = appender;
  }

  /** Every line logged so far, formatted. */
  public List<String> lines() {
    synchronized (appender.list) {
      return appender.list.stream().map(ILoggingEvent::getFormattedMessage).collect(Collectors.toList());
    }
  }

  /** Prepares to wait for a line matching {@code p} (call before the action that logs it). */
  public void expect(Predicate<String> p) {
    expect(p, 1);
  }

  /** Prepares to wait for {@code times} lines matching {@code p}. */
  public void expect(Predicate<String> p, int times) {
    latch = new CountDownLatch(times);
    awaited = p;
  }

  /** Waits for the lines prepared by {@link #expect}; false on timeout. */
  public boolean await() throws InterruptedException {
    return latch.await(TestClient.READ_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    logger.detachAppender(appender);
    appender.stop();
  }
}
