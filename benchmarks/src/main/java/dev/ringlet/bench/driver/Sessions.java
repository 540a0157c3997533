package dev.ringlet.bench.driver;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.config.ProgrammaticDriverConfigLoaderBuilder;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

/**
 * Driver sessions as the benchmarks open them. {@link Tuning#TESTS} is what a test integration
 * should use: the schema and topology debouncers and the schema-agreement poll shrunk from
 * 1 s / 1 s / 200 ms to a few milliseconds, so that a DDL round trip costs what the server costs,
 * and the quiet period of the driver's Netty event loops on close cut from 2 s to 0, so that
 * closing a session does not block for 2 s.
 */
public final class Sessions {

  /** How the session is configured. */
  public enum Tuning {
    /** The driver's defaults (schema debouncer window 1 s). */
    DEFAULTS,
    /** Shrunk debouncers and agreement interval, no close quiet period: what a test integration should configure. */
    TESTS
  }

  private Sessions() {}

  public static CqlSession open(List<InetSocketAddress> contactPoints, String localDatacenter, Tuning tuning) {
    return CqlSession.builder()
        .addContactPoints(contactPoints)
        .withLocalDatacenter(localDatacenter)
        .withConfigLoader(config(tuning).build())
        .build();
  }

  public static ProgrammaticDriverConfigLoaderBuilder config(Tuning tuning) {
    ProgrammaticDriverConfigLoaderBuilder b = DriverConfigLoader.programmaticBuilder()
        .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(20))
        .withDuration(DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, Duration.ofSeconds(20))
        .withDuration(DefaultDriverOption.CONTROL_CONNECTION_TIMEOUT, Duration.ofSeconds(20))
        .withDuration(DefaultDriverOption.METADATA_SCHEMA_REQUEST_TIMEOUT, Duration.ofSeconds(20))
        .withInt(DefaultDriverOption.CONNECTION_MAX_REQUESTS, 2048);
    if (tuning == Tuning.TESTS) {
      b = b.withDuration(DefaultDriverOption.METADATA_SCHEMA_WINDOW, Duration.ofMillis(1))
          .withInt(DefaultDriverOption.METADATA_SCHEMA_MAX_EVENTS, 1)
          .withDuration(DefaultDriverOption.METADATA_TOPOLOGY_WINDOW, Duration.ofMillis(1))
          .withInt(DefaultDriverOption.METADATA_TOPOLOGY_MAX_EVENTS, 1)
          .withDuration(DefaultDriverOption.CONTROL_CONNECTION_AGREEMENT_INTERVAL, Duration.ofMillis(5))
          .withInt(DefaultDriverOption.NETTY_IO_SHUTDOWN_QUIET_PERIOD, 0)
          .withInt(DefaultDriverOption.NETTY_ADMIN_SHUTDOWN_QUIET_PERIOD, 0);
    }
    return b;
  }
}
