package dev.repflow.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Collects what one class logs while a test runs, so a test can check that a problem was named
 * (e.g. which artifact was corrupt). Close it to detach.
 */
public final class LogCapture implements AutoCloseable {
  private final Logger logger;
  private final Level previous;
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  private LogCapture(String source, Level level) {
    logger = (Logger) LoggerFactory.getLogger(source);
    previous = logger.getLevel();
    if (level != null) {
      logger.setLevel(level);
    }
    appender.start();
    logger.addAppender(appender);
  }

  /** Starts collecting the messages {@code source} logs (at the levels its logger lets through). */
  public static LogCapture of(Class<?> source) {
    return new LogCapture(source.getName(), null);
  }

  /**
   * Like {@link #of(Class)} for the logger named {@code source} (e.g. of a package-private class),
   * also collecting INFO messages while it is open.
   */
  public static LogCapture withInfo(String source) {
    return new LogCapture(source, Level.INFO);
  }

  /** Formatted messages logged so far, oldest first. */
  public List<String> messages() {
    return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
  }

  @Override
  public void close() {
    logger.detachAppender(appender);
    logger.setLevel(previous);
    appender.stop();
  }
}
