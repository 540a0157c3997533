package dev.ringlet.driver;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Collects what the driver logs at WARN or above while a test class runs. */
final class DriverLogCapture implements AutoCloseable {

  private final Logger logger = (Logger) LoggerFactory.getLogger("com.datastax.oss.driver");
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  DriverLogCapture() {
    appender.start();
    logger.addAppender(appender);
  }

  /** Messages logged at WARN or ERROR so far. */
  List<String> warnings() {
    return appender.list.stream()
        .filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
        .map(e -> e.getLevel() + " " + e.getLoggerName() + ": " + e.getFormattedMessage())
        .toList();
  }

  @Override
  public void close() {
    logger.detachAppender(appender);
  }
}
