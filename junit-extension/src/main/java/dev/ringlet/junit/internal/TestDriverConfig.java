package dev.ringlet.junit.internal;

import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
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

  private TestDriverConfig() {}

  public static DriverConfigLoader loader() {
    return DriverConfigLoader.programmaticBuilder()
        .withDuration(DefaultDriverOption.METADATA_SCHEMA_WINDOW, DEBOUNCE_WINDOW)
        .withDuration(DefaultDriverOption.METADATA_TOPOLOGY_WINDOW, DEBOUNCE_WINDOW)
        .withDuration(DefaultDriverOption.CONTROL_CONNECTION_AGREEMENT_INTERVAL, AGREEMENT_INTERVAL)
        .build();
  }
}
