package dev.ringlet.wire.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.netty.util.internal.logging.InternalLogger;
import io.netty.util.internal.logging.InternalLoggerFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relocated Netty's loggers reach SLF4J only when they log something above DEBUG, and then log as
 * Netty's own SLF4J loggers do; the application's (unrelocated) Netty is never reconfigured.
 */
class DeferredNettyLoggingTest {

  private static final String NAME = "dev.ringlet.shaded.io.netty.channel.DeferredNettyLoggingTest";

  private final ch.qos.logback.classic.Logger backend = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(NAME);
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>() {
    @Override
    protected void append(ILoggingEvent event) {
      event.getCallerData(); // taken from the stack now, while the logging call is on it
      super.append(event);
    }
  };

  DeferredNettyLoggingTest() {
    appender.start();
    backend.addAppender(appender);
  }

  @AfterEach
  void detach() {
    backend.detachAppender(appender);
    backend.setLevel(null);
  }

  @Test
  void should_not_ask_slf4j_for_a_logger_while_netty_only_logs_debug_and_trace() {
    // Given a factory that counts the SLF4J loggers it asks for
    List<String> asked = new ArrayList<>();
    InternalLogger logger = new DeferredNettyLogging.Factory(name -> {
      asked.add(name);
      return LoggerFactory.getLogger(name);
    }).logger(NAME);

    // When Netty logs as it does while it initialises
    boolean debug = logger.isDebugEnabled();
    logger.debug("-Dio.netty.noUnsafe: {}", false);
    logger.trace("{} {}", 1, 2);
    logger.debug("failed", new IllegalStateException());

    // Then SLF4J was never reached
    assertThat(debug).isFalse();
    assertThat(logger.isTraceEnabled()).isFalse();
    assertThat(asked).isEmpty();

    // When it warns twice, Then it takes its SLF4J logger once, by its own name
    logger.warn("first");
    logger.warn("second");
    assertThat(asked).containsExactly(NAME);
  }

  @Test
  void should_log_warnings_and_errors_with_their_level_message_throwable_and_caller() {
    InternalLogger logger = new DeferredNettyLogging.Factory(LoggerFactory::getLogger).logger(NAME);
    IllegalStateException failure = new IllegalStateException("boom");

    logger.warn("Failed to find a usable hardware address: {}", "eth0");
    logger.error("Unexpected exception in {} of {}", "the selector", "loop", failure);
    logger.info("an info");
    logger.debug("a debug, dropped");

    assertThat(appender.list).extracting(ILoggingEvent::getLevel).containsExactly(Level.WARN, Level.ERROR, Level.INFO);
    assertThat(appender.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly(
        "Failed to find a usable hardware address: eth0", "Unexpected exception in the selector of loop", "an info");
    assertThat(appender.list).extracting(ILoggingEvent::getLoggerName).containsOnly(NAME);
    assertThat(appender.list.get(1).getThrowableProxy().getMessage()).isEqualTo("boom");
    // the caller is the class that called Netty's logger, not the logger itself
    assertThat(appender.list.get(0).getCallerData()[0].getClassName()).isEqualTo(DeferredNettyLoggingTest.class.getName());
  }

  @Test
  void should_leave_to_the_backend_which_levels_are_enabled() {
    backend.setLevel(Level.ERROR);
    InternalLogger logger = new DeferredNettyLogging.Factory(LoggerFactory::getLogger).logger(NAME);

    logger.warn("dropped by the backend");
    logger.error("kept {}", 1);

    assertThat(logger.isWarnEnabled()).isFalse();
    assertThat(logger.isErrorEnabled()).isTrue();
    assertThat(appender.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly("kept 1");
  }

  @Test
  void should_log_through_backends_without_caller_locations_too() {
    List<String> logged = new ArrayList<>();
    Logger plain = new org.slf4j.helpers.AbstractLogger() {
      @Override
      protected String getFullyQualifiedCallerName() {
        return null;
      }

      @Override
      protected void handleNormalizedLoggingCall(org.slf4j.event.Level level, org.slf4j.Marker marker, String format,
          Object[] args, Throwable t) {
        logged.add(level + " " + org.slf4j.helpers.MessageFormatter.basicArrayFormat(format, args) + " " + t);
      }

      @Override
      public boolean isTraceEnabled() {
        return true;
      }

      @Override
      public boolean isTraceEnabled(org.slf4j.Marker marker) {
        return true;
      }

      @Override
      public boolean isDebugEnabled() {
        return true;
      }

      @Override
      public boolean isDebugEnabled(org.slf4j.Marker marker) {
        return true;
      }

      @Override
      public boolean isInfoEnabled() {
        return true;
      }

      @Override
      public boolean isInfoEnabled(org.slf4j.Marker marker) {
        return true;
      }

      @Override
      public boolean isWarnEnabled() {
        return true;
      }

      @Override
      public boolean isWarnEnabled(org.slf4j.Marker marker) {
        return true;
      }

      @Override
      public boolean isErrorEnabled() {
        return true;
      }

      @Override
      public boolean isErrorEnabled(org.slf4j.Marker marker) {
        return true;
      }
    };
    InternalLogger logger = new DeferredNettyLogging.Factory(name -> plain).logger(NAME);

    logger.warn("a {}", 1);
    logger.error("b", new IllegalStateException("c"));

    assertThat(logged).containsExactly("WARN a 1 null", "ERROR b java.lang.IllegalStateException: c");
  }

  @Test
  void should_change_nothing_in_a_netty_that_is_not_ringlets_relocated_copy() {
    assertThat(DeferredNettyLogging.isRelocated("io.netty.util.internal.logging.InternalLoggerFactory")).isFalse();
    assertThat(DeferredNettyLogging.isRelocated("dev.ringlet.shaded.io.netty.util.internal.logging.InternalLoggerFactory"))
        .isTrue();

    // this module's tests run with the application's Netty: installing leaves its factory as it was
    InternalLoggerFactory before = InternalLoggerFactory.getDefaultFactory();
    DeferredNettyLogging.install();
    assertThat(InternalLoggerFactory.getDefaultFactory()).isSameAs(before)
        .isNotInstanceOf(DeferredNettyLogging.Factory.class);
  }
}
