package dev.ringlet.bench.driver;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.config.OptionsMap;
import com.datastax.oss.driver.api.core.config.ProgrammaticDriverConfigLoaderBuilder;
import com.datastax.oss.driver.api.core.config.TypedDriverOption;
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

  /**
   * The schema debouncer of {@link Tuning#TESTS} flushes at 2 requests, as the JUnit extension's:
   * a DDL statement's response and its SCHEMA_CHANGE event then share one refresh, started as soon
   * as both are in.
   */
  public static final int SCHEMA_MAX_EVENTS = 2;

  /** The window of {@link Tuning#TESTS}' schema debouncer, as the JUnit extension's: 10 ms. */
  public static final Duration SCHEMA_WINDOW = Duration.ofMillis(10);

  private Sessions() {}

  public static CqlSession open(List<InetSocketAddress> contactPoints, String localDatacenter, Tuning tuning) {
    return CqlSession.builder()
        .addContactPoints(contactPoints)
        .withLocalDatacenter(localDatacenter)
        .withConfigLoader(tuning == Tuning.TESTS ? DriverConfigLoader.fromMap(testsOptions()) : config(tuning).build())
        .build();
  }

  /**
   * {@link Tuning#TESTS} as the JUnit extension configures its sessions where the application has
   * no driver configuration file: the driver's built-in defaults plus the settings, without the
   * file-based loader, which parses the driver's {@code reference.conf} again for every session.
   */
  public static OptionsMap testsOptions() {
    OptionsMap map = OptionsMap.driverDefaults();
    map.put(TypedDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(20));
    map.put(TypedDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, Duration.ofSeconds(20));
    map.put(TypedDriverOption.CONTROL_CONNECTION_TIMEOUT, Duration.ofSeconds(20));
    map.put(TypedDriverOption.METADATA_SCHEMA_REQUEST_TIMEOUT, Duration.ofSeconds(20));
    map.put(TypedDriverOption.CONNECTION_MAX_REQUESTS, 2048);
    map.put(TypedDriverOption.METADATA_SCHEMA_WINDOW, SCHEMA_WINDOW);
    map.put(TypedDriverOption.METADATA_SCHEMA_MAX_EVENTS, SCHEMA_MAX_EVENTS);
    map.put(TypedDriverOption.METADATA_TOPOLOGY_WINDOW, Duration.ofMillis(1));
    map.put(TypedDriverOption.METADATA_TOPOLOGY_MAX_EVENTS, 1);
    map.put(TypedDriverOption.CONTROL_CONNECTION_AGREEMENT_INTERVAL, Duration.ofMillis(5));
    map.put(TypedDriverOption.NETTY_IO_SHUTDOWN_QUIET_PERIOD, 0);
    map.put(TypedDriverOption.NETTY_ADMIN_SHUTDOWN_QUIET_PERIOD, 0);
    return map;
  }

  public static ProgrammaticDriverConfigLoaderBuilder config(Tuning tuning) {
    ProgrammaticDriverConfigLoaderBuilder b = DriverConfigLoader.programmaticBuilder()
        .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(20))
        .withDuration(DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, Duration.ofSeconds(20))
        .withDuration(DefaultDriverOption.CONTROL_CONNECTION_TIMEOUT, Duration.ofSeconds(20))
        .withDuration(DefaultDriverOption.METADATA_SCHEMA_REQUEST_TIMEOUT, Duration.ofSeconds(20))
        .withInt(DefaultDriverOption.CONNECTION_MAX_REQUESTS, 2048);
    if (tuning == Tuning.TESTS) {
      b = b.withDuration(DefaultDriverOption.METADATA_SCHEMA_WINDOW, SCHEMA_WINDOW)
          .withInt(DefaultDriverOption.METADATA_SCHEMA_MAX_EVENTS, SCHEMA_MAX_EVENTS)
          .withDuration(DefaultDriverOption.METADATA_TOPOLOGY_WINDOW, Duration.ofMillis(1))
          .withInt(DefaultDriverOption.METADATA_TOPOLOGY_MAX_EVENTS, 1)
          .withDuration(DefaultDriverOption.CONTROL_CONNECTION_AGREEMENT_INTERVAL, Duration.ofMillis(5))
          .withInt(DefaultDriverOption.NETTY_IO_SHUTDOWN_QUIET_PERIOD, 0)
          .withInt(DefaultDriverOption.NETTY_ADMIN_SHUTDOWN_QUIET_PERIOD, 0);
    }
    return b;
  }
}
