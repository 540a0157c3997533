package dev.ringlet.wire.internal;

import io.netty.util.internal.logging.InternalLogger;
import io.netty.util.internal.logging.JdkLoggerFactory;
import io.netty.util.internal.logging.Log4J2LoggerFactory;
import io.netty.util.internal.logging.Log4JLoggerFactory;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.NOPLoggerFactory;

/**
 * Where Ringlet's relocated Netty logs when SLF4J has no provider: where Netty's own default factory
 * would. Netty's {@code InternalLoggerFactory} takes SLF4J unless SLF4J's factory is its NOP one (SLF4J
 * 2 without a provider, SLF4J 1 without a binding), then Log4j 2, then Log4j 1.2, then
 * {@code java.util.logging}, the first whose logger can be made; so does this, once, on the first
 * logger asked for. (Caller locations in those backends name {@link DeferredSlf4jLogger}, not the Netty
 * class that logged; the logger's name is that class's.)
 */
final class NoProviderFallback {

  private final BooleanSupplier noProvider;
  private final List<Function<String, InternalLogger>> candidates;
  private volatile Function<String, InternalLogger> chosen;

  /**
   * @param noProvider whether SLF4J has no provider (asked each time a logger is resolved)
   * @param candidates the fallback backends in Netty's order; one that throws a {@link LinkageError}
   *     (its library is not on the class path) or a runtime exception is skipped
   */
  NoProviderFallback(BooleanSupplier noProvider, List<Function<String, InternalLogger>> candidates) {
    this.noProvider = noProvider;
    this.candidates = List.copyOf(candidates);
  }

  /** Netty's own order: SLF4J's NOP check, then Log4j 2, Log4j 1.2, {@code java.util.logging}. */
  static NoProviderFallback nettys() {
    return nettys(() -> LoggerFactory.getILoggerFactory() instanceof NOPLoggerFactory);
  }

  /** Netty's order of backends, with {@code noProvider} saying whether SLF4J has none (for tests). */
  static NoProviderFallback nettys(BooleanSupplier noProvider) {
    return new NoProviderFallback(noProvider, List.of(
        name -> ((Log4J2LoggerFactory) Log4J2LoggerFactory.INSTANCE).newInstance(name),
        name -> ((Log4JLoggerFactory) Log4JLoggerFactory.INSTANCE).newInstance(name),
        name -> ((JdkLoggerFactory) JdkLoggerFactory.INSTANCE).newInstance(name)));
  }

  /** The logger Netty's default would give {@code name} when SLF4J has no provider; null when SLF4J has one. */
  InternalLogger logger(String name) {
    if (!noProvider.getAsBoolean()) {
      return null;
    }
    Function<String, InternalLogger> c = chosen;
    if (c != null) {
      return c.apply(name);
    }
    RuntimeException failures = new IllegalStateException("no logging backend for " + name
        + " (expected: one of Log4j 2, Log4j 1.2, java.util.logging)");
    for (Function<String, InternalLogger> candidate : candidates) {
      try {
        InternalLogger logger = candidate.apply(name);
        chosen = candidate; // racing threads choose the same
        return logger;
      } catch (LinkageError | RuntimeException e) {
        failures.addSuppressed(e);
      }
    }
    throw failures;
  }
}
