package dev.ringlet.spring.internal;

import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.ProgrammaticDriverConfigLoaderBuilder;
import dev.ringlet.spring.RingletProperties;
import org.springframework.boot.cassandra.autoconfigure.DriverConfigLoaderBuilderCustomizer;

/**
 * Short driver windows for tests ({@code ringlet.driver.*}), applied on top of Spring Boot's own
 * driver configuration: a node in the test JVM answers in microseconds, so the debouncers and the
 * schema-agreement poll built for real clusters only add waiting to every DDL statement.
 */
public final class DriverTuning implements DriverConfigLoaderBuilderCustomizer {

  /**
   * A schema refresh starts as soon as two requests for it wait (driver default: 20): a DDL
   * statement's SCHEMA_CHANGE response and the SCHEMA_CHANGE event then share one refresh, started
   * when both are in, without waiting for the debounce window.
   */
  static final int SCHEMA_MAX_EVENTS = 2;

  private final RingletProperties.Driver settings;

  public DriverTuning(RingletProperties.Driver settings) {
    this.settings = settings;
  }

  @Override
  public void customize(ProgrammaticDriverConfigLoaderBuilder builder) {
    long quietMillis = settings.getShutdownQuietPeriod().toMillis();
    builder.withDuration(DefaultDriverOption.METADATA_SCHEMA_WINDOW, settings.getDebounceWindow())
        .withInt(DefaultDriverOption.METADATA_SCHEMA_MAX_EVENTS, SCHEMA_MAX_EVENTS)
        .withDuration(DefaultDriverOption.METADATA_TOPOLOGY_WINDOW, settings.getDebounceWindow())
        .withDuration(DefaultDriverOption.CONTROL_CONNECTION_AGREEMENT_INTERVAL, settings.getSchemaAgreementInterval())
        .withString(DefaultDriverOption.NETTY_IO_SHUTDOWN_UNIT, "MILLISECONDS")
        .withInt(DefaultDriverOption.NETTY_IO_SHUTDOWN_QUIET_PERIOD, (int) quietMillis)
        .withString(DefaultDriverOption.NETTY_ADMIN_SHUTDOWN_UNIT, "MILLISECONDS")
        .withInt(DefaultDriverOption.NETTY_ADMIN_SHUTDOWN_QUIET_PERIOD, (int) quietMillis);
  }
}
