package dev.ringlet.driver.cluster;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.config.ProgrammaticDriverConfigLoaderBuilder;
import com.datastax.oss.driver.internal.core.time.ServerSideTimestampGenerator;
import dev.ringlet.api.RingletCluster;
import java.time.Duration;

/**
 * Driver sessions for tests of an in-JVM cluster on a manual clock: the cluster's clock, not the
 * client's, timestamps writes (server-side timestamps), and schema and topology events are acted on
 * within a millisecond so a test's next statement sees the previous DDL.
 */
public final class ManualClockSessions {

  private ManualClockSessions() {}

  /** The options every such session shares; a test adds its own (protocol version, reconnection...). */
  public static ProgrammaticDriverConfigLoaderBuilder options(Duration requestTimeout) {
    return DriverConfigLoader.programmaticBuilder()
        .withDuration(DefaultDriverOption.METADATA_SCHEMA_WINDOW, Duration.ofMillis(1))
        .withDuration(DefaultDriverOption.METADATA_TOPOLOGY_WINDOW, Duration.ofMillis(1))
        .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, requestTimeout)
        .withClass(DefaultDriverOption.TIMESTAMP_GENERATOR_CLASS, ServerSideTimestampGenerator.class);
  }

  /** A session to {@code cluster}'s contact points in its local datacenter with {@code options}. */
  public static CqlSession connect(RingletCluster cluster, ProgrammaticDriverConfigLoaderBuilder options) {
    return CqlSession.builder().addContactPoints(cluster.contactPoints()).withLocalDatacenter(cluster.localDatacenter())
        .withConfigLoader(options.build())
        .build();
  }
}
