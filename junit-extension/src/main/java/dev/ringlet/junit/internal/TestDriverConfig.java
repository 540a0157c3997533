package dev.ringlet.junit.internal;

import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.config.OptionsMap;
import com.datastax.oss.driver.api.core.config.ProgrammaticDriverConfigLoaderBuilder;
import com.datastax.oss.driver.api.core.config.TypedDriverOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Driver settings for sessions made for tests. With the driver's defaults every DDL statement costs
 * about a second on the client (schema refresh debouncer 1 s, agreement polled every 200 ms); a
 * single in-JVM node answers in microseconds, so the windows shrink to almost nothing.
 *
 * <p>Where the application configures the driver (an {@code application.conf}, {@code .json} or
 * {@code .properties} on the class path, the {@code config.resource}, {@code config.file} or
 * {@code config.url} system property, or a {@code datastax-java-driver.*} system property), the
 * loader reads that configuration as the driver's default loader does, and these settings override
 * it. Otherwise the settings go on top of the driver's built-in defaults ({@link
 * OptionsMap#driverDefaults()}): the same values as the driver's {@code reference.conf}, without
 * parsing it (the driver's file-based loader parses it again for every session, about 40–120 ms of
 * CPU for the first session in a JVM).
 */
public final class TestDriverConfig {

  /** Topology events are debounced for this long (driver default: 1 s). */
  public static final Duration DEBOUNCE_WINDOW = Duration.ofMillis(1);
  /**
   * A schema refresh starts as soon as two requests for it are waiting (driver default: 20). A DDL
   * statement through the session asks for two, its SCHEMA_CHANGE response and the SCHEMA_CHANGE
   * event every node pushes on the control connection: with 2 they share one refresh, started as
   * soon as both are in, without waiting for the window.
   */
  public static final int SCHEMA_MAX_EVENTS = 2;
  /**
   * How long a lone schema refresh request waits for another (driver default: 1 s). A DDL
   * statement's two requests flush the debouncer at once ({@link #SCHEMA_MAX_EVENTS}), so the
   * window only bounds how far apart they may arrive and still share one refresh: on a loaded
   * machine they often arrive more than 1 ms apart, and each such DDL then cost two full
   * refreshes. A lone request (another client's DDL) waits the whole window.
   */
  public static final Duration SCHEMA_WINDOW = Duration.ofMillis(10);
  /** Schema agreement is polled this often (driver default: 200 ms). */
  public static final Duration AGREEMENT_INTERVAL = Duration.ofMillis(5);

  /**
   * Netty's quiet period when a session closes (driver default: 2 s). Not zero: the driver still
   * schedules a last task on its admin executor as it closes, which must not find it terminated.
   */
  public static final int SHUTDOWN_QUIET_PERIOD_MILLIS = 10;
  /** The most a close waits for Netty's threads (driver default: 15 s). */
  public static final int SHUTDOWN_TIMEOUT_MILLIS = 2_000;

  /** The resources the driver's default loader reads the application's configuration from. */
  static final List<String> APPLICATION_RESOURCES = List.of("application.conf", "application.json", "application.properties");

  private TestDriverConfig() {}

  /** For the sessions handed to tests: full metadata, short windows. */
  public static DriverConfigLoader loader() {
    return build(common());
  }

  /** For the sessions handed to tests, with the class's protocol version and compression. */
  public static DriverConfigLoader loader(SessionOptions options) {
    Map<TypedDriverOption<?>, Object> settings = common();
    if (!options.negotiated()) {
      settings.put(TypedDriverOption.PROTOCOL_VERSION, options.protocolVersion());
    }
    if (!options.compression().equals("none")) {
      settings.put(TypedDriverOption.PROTOCOL_COMPRESSION, options.compression());
    }
    return build(settings);
  }

  /**
   * For the extension's own set-up sessions (scripts, fresh keyspaces, resets): no schema metadata,
   * so a DDL statement waits only for schema agreement, not for the driver to re-read
   * {@code system_schema}; and no warning when a script's {@code USE} switches the keyspace.
   */
  public static DriverConfigLoader setUpLoader() {
    Map<TypedDriverOption<?>, Object> settings = common();
    settings.put(TypedDriverOption.METADATA_SCHEMA_ENABLED, false);
    settings.put(TypedDriverOption.REQUEST_WARN_IF_SET_KEYSPACE, false);
    return build(settings);
  }

  /** The settings every session of the extension gets, in order. */
  static Map<TypedDriverOption<?>, Object> common() {
    Map<TypedDriverOption<?>, Object> settings = new LinkedHashMap<>();
    settings.put(TypedDriverOption.METADATA_SCHEMA_WINDOW, SCHEMA_WINDOW);
    settings.put(TypedDriverOption.METADATA_SCHEMA_MAX_EVENTS, SCHEMA_MAX_EVENTS);
    settings.put(TypedDriverOption.METADATA_TOPOLOGY_WINDOW, DEBOUNCE_WINDOW);
    settings.put(TypedDriverOption.CONTROL_CONNECTION_AGREEMENT_INTERVAL, AGREEMENT_INTERVAL);
    settings.put(TypedDriverOption.NETTY_IO_SHUTDOWN_UNIT, "MILLISECONDS");
    settings.put(TypedDriverOption.NETTY_IO_SHUTDOWN_QUIET_PERIOD, SHUTDOWN_QUIET_PERIOD_MILLIS);
    settings.put(TypedDriverOption.NETTY_IO_SHUTDOWN_TIMEOUT, SHUTDOWN_TIMEOUT_MILLIS);
    settings.put(TypedDriverOption.NETTY_ADMIN_SHUTDOWN_UNIT, "MILLISECONDS");
    settings.put(TypedDriverOption.NETTY_ADMIN_SHUTDOWN_QUIET_PERIOD, SHUTDOWN_QUIET_PERIOD_MILLIS);
    settings.put(TypedDriverOption.NETTY_ADMIN_SHUTDOWN_TIMEOUT, SHUTDOWN_TIMEOUT_MILLIS);
    return settings;
  }

  private static DriverConfigLoader build(Map<TypedDriverOption<?>, Object> settings) {
    return applicationConfigured(System.getProperties().stringPropertyNames(), TestDriverConfig::findResource)
        ? fileBased(settings)
        : mapBased(settings);
  }

  /**
   * Whether the application configures the driver in a way only the driver's file-based loader
   * reads.
   *
   * @param systemProperties the names of the system properties set
   * @param hasResource whether a class-path resource of that name exists
   */
  static boolean applicationConfigured(Set<String> systemProperties, Predicate<String> hasResource) {
    for (String name : systemProperties) {
      if (name.equals("config.resource") || name.equals("config.file") || name.equals("config.url")
          || name.startsWith("datastax-java-driver.")) {
        return true;
      }
    }
    return APPLICATION_RESOURCES.stream().anyMatch(hasResource);
  }

  /** As the driver's loader looks: the thread's context class loader, and the driver's own. */
  private static boolean findResource(String name) {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    if (context != null && context.getResource(name) != null) {
      return true;
    }
    return DriverConfigLoader.class.getClassLoader().getResource(name) != null;
  }

  /** The driver's defaults, then the settings; no configuration file read. */
  @SuppressWarnings("unchecked")
  static DriverConfigLoader mapBased(Map<TypedDriverOption<?>, Object> settings) {
    OptionsMap options = OptionsMap.driverDefaults();
    for (Map.Entry<TypedDriverOption<?>, Object> e : settings.entrySet()) {
      options.put((TypedDriverOption<Object>) e.getKey(), e.getValue());
    }
    return DriverConfigLoader.fromMap(options);
  }

  /** The driver's file-based loader (reference.conf, the application's configuration), then the settings. */
  static DriverConfigLoader fileBased(Map<TypedDriverOption<?>, Object> settings) {
    ProgrammaticDriverConfigLoaderBuilder builder = DriverConfigLoader.programmaticBuilder();
    for (Map.Entry<TypedDriverOption<?>, Object> e : settings.entrySet()) {
      builder = with(builder, e.getKey().getRawOption(), e.getValue());
    }
    return builder.build();
  }

  private static ProgrammaticDriverConfigLoaderBuilder with(ProgrammaticDriverConfigLoaderBuilder builder,
      com.datastax.oss.driver.api.core.config.DriverOption option, Object value) {
    if (value instanceof Duration d) {
      return builder.withDuration(option, d);
    } else if (value instanceof Integer i) {
      return builder.withInt(option, i);
    } else if (value instanceof Boolean b) {
      return builder.withBoolean(option, b);
    } else if (value instanceof String s) {
      return builder.withString(option, s);
    }
    throw new IllegalArgumentException("value of " + option.getPath() + ": " + value
        + " (expected: a Duration, Integer, Boolean or String)");
  }
}
