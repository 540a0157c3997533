package dev.ringlet.wire.internal;

import io.netty.util.internal.logging.InternalLogger;
import io.netty.util.internal.logging.InternalLoggerFactory;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The logger factory of the Netty copy that Ringlet's published engine jar carries inside, relocated to
 * {@code dev.ringlet.shaded.io.netty}.
 *
 * <p>Netty's default factory binds SLF4J when Netty makes its first logger, so the application's
 * logging backend (logback: its XML configuration, ~570 classes, ~250 ms of CPU) was initialised
 * synchronously inside the first {@code Ringlet.start()} of every test JVM, although a start logs
 * nothing. The relocated copy is Ringlet's alone (neither the application nor the driver can reach it
 * by its original name), so its global factory is Ringlet's to choose: by default
 * {@link DeferredSlf4jLogger}s, which drop DEBUG and TRACE and reach SLF4J on the first INFO, WARN or
 * ERROR, exactly as Netty's own would; when SLF4J has no provider they log where Netty's own default
 * falls back to ({@link NoProviderFallback}: Log4j 2, Log4j 1.2, then {@code java.util.logging}). With the system property {@value #DEBUG_PROPERTY}{@code =true}
 * the relocated copy keeps Netty's default factory and logs DEBUG and TRACE too (under logger names
 * starting {@code dev.ringlet.shaded.io.netty}).
 *
 * <p>Where Netty is not relocated ({@code ringlet-wire-protocol} on its own, the project's tests and
 * benchmarks) it is the application's and the driver's Netty too, and nothing is changed.
 */
final class DeferredNettyLogging {

  /** {@code true}: Ringlet's relocated Netty logs DEBUG and TRACE through SLF4J too. Read at each start. */
  static final String DEBUG_PROPERTY = "ringlet.netty.debugLogging";

  /** What the relocated classes' names start with (not a relocation pattern, so shading keeps it as is). */
  private static final String RELOCATED_PREFIX = "dev.ringlet.shaded.";

  private DeferredNettyLogging() {}

  /**
   * Installs the deferred factory in the relocated Netty, unless {@value #DEBUG_PROPERTY} is set; to be
   * called before the start makes its first Netty class. Loggers Netty made earlier keep their factory.
   */
  static void install() {
    if (isRelocated(InternalLoggerFactory.class.getName()) && !Boolean.getBoolean(DEBUG_PROPERTY)) {
      InternalLoggerFactory.setDefaultFactory(new Factory(LoggerFactory::getLogger, NoProviderFallback.nettys()::logger));
    }
  }

  /** Whether Netty, known by this class name of it, is the copy relocated into Ringlet's jar. */
  static boolean isRelocated(String nettyClassName) {
    return nettyClassName.startsWith(RELOCATED_PREFIX);
  }

  /**
   * Makes {@link DeferredSlf4jLogger}s; they take their SLF4J logger from {@code slf4j} when first
   * needed, or from {@code withoutProvider} when that gives one (SLF4J has no provider).
   */
  static final class Factory extends InternalLoggerFactory {
    private final Function<String, Logger> slf4j;
    private final Function<String, InternalLogger> withoutProvider;

    Factory(Function<String, Logger> slf4j, Function<String, InternalLogger> withoutProvider) {
      this.slf4j = slf4j;
      this.withoutProvider = withoutProvider;
    }

    /** A factory for an SLF4J that has a provider. */
    Factory(Function<String, Logger> slf4j) {
      this(slf4j, name -> null);
    }

    @Override
    protected InternalLogger newInstance(String name) {
      return new DeferredSlf4jLogger(name, slf4j, withoutProvider);
    }

    /** A logger of this factory (for tests: {@link #newInstance} is protected). */
    InternalLogger logger(String name) {
      return newInstance(name);
    }
  }
}
