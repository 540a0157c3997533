package dev.ringlet.wire.internal;

import io.netty.util.internal.logging.AbstractInternalLogger;
import io.netty.util.internal.logging.InternalLogLevel;
import io.netty.util.internal.logging.InternalLogger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.event.Level;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.spi.LocationAwareLogger;

/**
 * A Netty logger of Ringlet's relocated Netty that reaches SLF4J only when it has something to log.
 *
 * <p>Netty's own {@code Slf4JLoggerFactory} takes an SLF4J logger for each of its loggers when it is
 * made, which binds SLF4J's provider and has the application's backend read its configuration (for
 * logback ~250 ms of CPU and ~570 classes) in the middle of Ringlet's first start, although the start
 * logs nothing above DEBUG. This logger asks SLF4J for its logger on the first INFO, WARN or ERROR
 * call (or level check), and forwards it as Netty's would: same logger name, level, message and
 * throwable, and with the caller's location (logback's {@code %class}, {@code %line}) pointing at the
 * Netty class that logged. DEBUG and TRACE are off ({@link DeferredNettyLogging} uses Netty's own
 * factory instead when they are asked for), so Netty's many debug calls during its initialisation
 * never bind SLF4J. When SLF4J turns out to have no provider, it logs where Netty's default factory
 * would then ({@link NoProviderFallback}: Log4j 2, Log4j 1.2 or {@code java.util.logging}).
 */
final class DeferredSlf4jLogger extends AbstractInternalLogger {

  private static final long serialVersionUID = 1L;
  /** The logging class SLF4J backends skip to find the caller's frame. */
  private static final String FQCN = DeferredSlf4jLogger.class.getName();

  private final transient Function<String, Logger> slf4j;
  private final transient Function<String, InternalLogger> withoutProvider;
  private transient volatile Logger delegate;
  /** Where this logger logs when SLF4J has no provider (then {@link #delegate} stays null). */
  private transient volatile InternalLogger fallback;

  /**
   * @param name the logger's name (Netty passes the logging class's name)
   * @param slf4j gives the SLF4J logger of a name; called at most once per logger in practice
   * @param withoutProvider gives the logger to use instead when SLF4J has no provider, or null when it
   *     has one ({@link NoProviderFallback#logger}); asked first, at most once per logger in practice
   */
  DeferredSlf4jLogger(String name, Function<String, Logger> slf4j, Function<String, InternalLogger> withoutProvider) {
    super(name);
    this.slf4j = slf4j;
    this.withoutProvider = withoutProvider;
  }

  /** The SLF4J logger; null when SLF4J has no provider and {@link #fallback} logs instead. */
  private Logger delegate() {
    Logger d = delegate;
    if (d == null && fallback == null) {
      // racing threads get the same answers for the same name
      InternalLogger f = withoutProvider.apply(name());
      if (f != null) {
        fallback = f;
        return null;
      }
      d = slf4j.apply(name());
      delegate = d;
    }
    return d;
  }

  private boolean isEnabled(Level level) {
    Logger d = delegate();
    return d == null ? fallback.isEnabled(nettyLevel(level)) : d.isEnabledForLevel(level);
  }

  private static InternalLogLevel nettyLevel(Level level) {
    return level == Level.INFO ? InternalLogLevel.INFO : level == Level.WARN ? InternalLogLevel.WARN : InternalLogLevel.ERROR;
  }

  private void log(Level level, String format, Object[] args, Throwable thrown) {
    Logger d = delegate();
    if (d == null) {
      if (args != null) {
        fallback.log(nettyLevel(level), format, args); // a trailing throwable argument is logged as one, as Netty does
      } else {
        fallback.log(nettyLevel(level), format, thrown);
      }
      return;
    }
    if (!d.isEnabledForLevel(level)) {
      return;
    }
    if (d instanceof LocationAwareLogger) {
      String message = format;
      Throwable t = thrown;
      if (args != null) {
        org.slf4j.helpers.FormattingTuple formatted = MessageFormatter.arrayFormat(format, args);
        message = formatted.getMessage();
        t = thrown != null ? thrown : formatted.getThrowable();
      }
      ((LocationAwareLogger) d).log(null, FQCN, level.toInt(), message, null, t);
    } else {
      logPlain(d, level, format, args, thrown);
    }
  }

  /** As Netty's logger for a backend without caller locations: the SLF4J call of the same shape. */
  private static void logPlain(Logger d, Level level, String format, Object[] args, Throwable thrown) {
    if (level == Level.INFO) {
      if (args != null) {
        d.info(format, args);
      } else {
        d.info(format, thrown);
      }
    } else if (level == Level.WARN) {
      if (args != null) {
        d.warn(format, args);
      } else {
        d.warn(format, thrown);
      }
    } else if (args != null) {
      d.error(format, args);
    } else {
      d.error(format, thrown);
    }
  }

  @Override
  public boolean isTraceEnabled() {
    return false;
  }

  @Override
  public void trace(String msg) {}

  @Override
  public void trace(String format, Object arg) {}

  @Override
  public void trace(String format, Object argA, Object argB) {}

  @Override
  public void trace(String format, Object... arguments) {}

  @Override
  public void trace(String msg, Throwable t) {}

  @Override
  public boolean isDebugEnabled() {
    return false;
  }

  @Override
  public void debug(String msg) {}

  @Override
  public void debug(String format, Object arg) {}

  @Override
  public void debug(String format, Object argA, Object argB) {}

  @Override
  public void debug(String format, Object... arguments) {}

  @Override
  public void debug(String msg, Throwable t) {}

  @Override
  public boolean isInfoEnabled() {
    return isEnabled(Level.INFO);
  }

  @Override
  public void info(String msg) {
    log(Level.INFO, msg, null, null);
  }

  @Override
  public void info(String format, Object arg) {
    log(Level.INFO, format, new Object[] {arg}, null);
  }

  @Override
  public void info(String format, Object argA, Object argB) {
    log(Level.INFO, format, new Object[] {argA, argB}, null);
  }

  @Override
  public void info(String format, Object... arguments) {
    log(Level.INFO, format, arguments, null);
  }

  @Override
  public void info(String msg, Throwable t) {
    log(Level.INFO, msg, null, t);
  }

  @Override
  public boolean isWarnEnabled() {
    return isEnabled(Level.WARN);
  }

  @Override
  public void warn(String msg) {
    log(Level.WARN, msg, null, null);
  }

  @Override
  public void warn(String format, Object arg) {
    log(Level.WARN, format, new Object[] {arg}, null);
  }

  @Override
  public void warn(String format, Object argA, Object argB) {
    log(Level.WARN, format, new Object[] {argA, argB}, null);
  }

  @Override
  public void warn(String format, Object... arguments) {
    log(Level.WARN, format, arguments, null);
  }

  @Override
  public void warn(String msg, Throwable t) {
    log(Level.WARN, msg, null, t);
  }

  @Override
  public boolean isErrorEnabled() {
    return isEnabled(Level.ERROR);
  }

  @Override
  public void error(String msg) {
    log(Level.ERROR, msg, null, null);
  }

  @Override
  public void error(String format, Object arg) {
    log(Level.ERROR, format, new Object[] {arg}, null);
  }

  @Override
  public void error(String format, Object argA, Object argB) {
    log(Level.ERROR, format, new Object[] {argA, argB}, null);
  }

  @Override
  public void error(String format, Object... arguments) {
    log(Level.ERROR, format, arguments, null);
  }

  @Override
  public void error(String msg, Throwable t) {
    log(Level.ERROR, msg, null, t);
  }
}
