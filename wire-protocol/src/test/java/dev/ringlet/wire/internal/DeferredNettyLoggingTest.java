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

  /** Collects what reaches java.util.logging under {@link #NAME}. */
  private static final class JulRecords extends java.util.logging.Handler implements AutoCloseable {
    final List<java.util.logging.LogRecord> records = new ArrayList<>();
    private final java.util.logging.Logger jul = java.util.logging.Logger.getLogger(NAME);

    JulRecords() {
      jul.addHandler(this);
    }

    @Override
    public void publish(java.util.logging.LogRecord record) {
      records.add(record);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
      jul.removeHandler(this);
    }
  }

  @Test
  void should_log_where_netty_would_when_slf4j_has_no_provider() {
    // Given an SLF4J without provider, and no Log4j 2 on the class path (its logger cannot be made)
    List<String> asked = new ArrayList<>();
    InternalLogger logger = new DeferredNettyLogging.Factory(name -> {
      asked.add(name);
      return LoggerFactory.getLogger(name);
    }, new NoProviderFallback(() -> true, List.of(
        name -> {
          throw new NoClassDefFoundError("org/apache/logging/log4j/spi/ExtendedLoggerWrapper");
        },
        name -> ((io.netty.util.internal.logging.JdkLoggerFactory) io.netty.util.internal.logging.JdkLoggerFactory.INSTANCE)
            .newInstance(name)))::logger).logger(NAME);

    try (JulRecords jul = new JulRecords()) {
      // When Netty's logger debugs, warns and errs
      logger.debug("dropped");
      logger.warn("Failed to find a usable hardware address: {}", "eth0");
      logger.error("Unexpected exception", new IllegalStateException("boom"));

      // Then the next backend in Netty's order has them, and SLF4J was never asked for a logger
      assertThat(jul.records).extracting(r -> r.getLevel().getName()).containsExactly("WARNING", "SEVERE");
      assertThat(jul.records.get(0).getMessage()).isEqualTo("Failed to find a usable hardware address: eth0");
      assertThat(jul.records.get(1).getThrown()).hasMessage("boom");
      assertThat(jul.records).extracting(java.util.logging.LogRecord::getLoggerName).containsOnly(NAME);
      assertThat(logger.isWarnEnabled()).isTrue();
      assertThat(asked).isEmpty();
    }
  }

  @Test
  void should_fall_back_as_netty_does_to_java_util_logging_when_neither_log4j_is_on_the_class_path() {
    // this module's test class path has neither Log4j 2 nor Log4j 1.2
    InternalLogger fallback = NoProviderFallback.nettys(() -> true).logger(NAME);

    assertThat(fallback.getClass().getName()).isEqualTo("io.netty.util.internal.logging.JdkLogger");
  }

  @Test
  void should_log_through_slf4j_when_it_has_a_provider() {
    // logback is this module's test provider
    assertThat(NoProviderFallback.nettys().logger(NAME)).isNull();
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
