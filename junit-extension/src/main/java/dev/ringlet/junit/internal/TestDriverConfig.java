package dev.ringlet.junit.internal;

import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.config.ProgrammaticDriverConfigLoaderBuilder;
import java.time.Duration;

/**
 * Driver settings for sessions made for tests. With the driver's defaults every DDL statement costs
 * about a second on the client (schema refresh debouncer 1 s, agreement polled every 200 ms); a
 * single in-JVM node answers in microseconds, so the windows shrink to almost nothing. The loader
 * still reads the application's own {@code application.conf}; these settings override it.
 */
public final class TestDriverConfig {

  /** Schema and topology events are debounced for this long (driver default: 1 s). */
  public static final Duration DEBOUNCE_WINDOW = Duration.ofMillis(1);
  /** Schema agreement is polled this often (driver default: 200 ms). */
  public static final Duration AGREEMENT_INTERVAL = Duration.ofMillis(5);

  /**
   * Netty's quiet period when a session closes (driver default: 2 s). Not zero: the driver still
   * schedules a last task on its admin executor as it closes, which must not find it terminated.
   */
  public static final int SHUTDOWN_QUIET_PERIOD_MILLIS = 10;
  /** The most a close waits for Netty's threads (driver default: 15 s). */
  public static final int SHUTDOWN_TIMEOUT_MILLIS = 2_000;

  private TestDriverConfig() {}

  /** For the sessions handed to tests: full metadata, short windows. */
  public static DriverConfigLoader loader() {
    return builder().build();
  }

  /** For the sessions handed to tests, with the class's protocol version and compression. */
  public static DriverConfigLoader loader(SessionOptions options) {
    ProgrammaticDriverConfigLoaderBuilder builder = builder();
    if (!options.negotiated()) {
      builder.withString(DefaultDriverOption.PROTOCOL_VERSION, options.protocolVersion());
    }
    if (!options.compression().equals("none")) {
      builder.withString(DefaultDriverOption.PROTOCOL_COMPRESSION, options.compression());
    }
    return builder.build();
  }

  /**
   * For the extension's own set-up sessions (scripts, fresh keyspaces, resets): no schema metadata,
   * so a DDL statement waits only for schema agreement, not for the driver to re-read
   * {@code system_schema}; and no warning when a script's {@code USE} switches the keyspace.
   */
  public static DriverConfigLoader setUpLoader() {
    return builder()
        .withBoolean(DefaultDriverOption.METADATA_SCHEMA_ENABLED, false)
        .withBoolean(DefaultDriverOption.REQUEST_WARN_IF_SET_KEYSPACE, false)
        .build();
  }

  private static ProgrammaticDriverConfigLoaderBuilder builder() {
    return DriverConfigLoader.programmaticBuilder()
        .withDuration(DefaultDriverOption.METADATA_SCHEMA_WINDOW, DEBOUNCE_WINDOW)
        .withDuration(DefaultDriverOption.METADATA_TOPOLOGY_WINDOW, DEBOUNCE_WINDOW)
        .withDuration(DefaultDriverOption.CONTROL_CONNECTION_AGREEMENT_INTERVAL, AGREEMENT_INTERVAL)
        .withString(DefaultDriverOption.NETTY_IO_SHUTDOWN_UNIT, "MILLISECONDS")
        .withInt(DefaultDriverOption.NETTY_IO_SHUTDOWN_QUIET_PERIOD, SHUTDOWN_QUIET_PERIOD_MILLIS)
        .withInt(DefaultDriverOption.NETTY_IO_SHUTDOWN_TIMEOUT, SHUTDOWN_TIMEOUT_MILLIS)
        .withString(DefaultDriverOption.NETTY_ADMIN_SHUTDOWN_UNIT, "MILLISECONDS")
        .withInt(DefaultDriverOption.NETTY_ADMIN_SHUTDOWN_QUIET_PERIOD, SHUTDOWN_QUIET_PERIOD_MILLIS)
        .withInt(DefaultDriverOption.NETTY_ADMIN_SHUTDOWN_TIMEOUT, SHUTDOWN_TIMEOUT_MILLIS);
  }
}
