package dev.ringlet.driver;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import dev.ringlet.api.RingletCluster;
import java.time.Duration;

/** Driver sessions for tests of user-defined functions. */
final class UdfSessions {

  private UdfSessions() {
  }

  /**
   * A session to {@code cluster} whose requests may wait a minute: the first body that needs
   * Cassandra's value classes loads them too, which takes seconds on a loaded machine.
   */
  static CqlSession connect(RingletCluster cluster) {
    return CqlSession.builder()
        .addContactPoints(cluster.contactPoints())
        .withLocalDatacenter(cluster.localDatacenter())
        .withConfigLoader(DriverConfigLoader.programmaticBuilder()
            .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(60)).build())
        .build();
  }
}
