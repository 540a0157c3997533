package dev.ringlet.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;
import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.Ringlet;
import dev.ringlet.api.RingletCluster;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A node with user-defined functions disabled (the default) never starts a function thread. */
class DriverUdfDisabledThreadsTest {

  private static java.util.Set<Thread> udfThreads() {
    return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("ringlet-udf-"))
        .collect(java.util.stream.Collectors.toSet());
  }

  @Test
  void should_start_no_udf_thread_when_functions_are_disabled() {
    // threads of earlier tests' clusters may still be ending: only new ones count
    java.util.Set<Thread> before = udfThreads();
    try (RingletCluster cluster = Ringlet.start(ClusterSpec.defaults());
        CqlSession session = CqlSession.builder().addContactPoints(cluster.contactPoints())
            .withLocalDatacenter(cluster.localDatacenter())
            .withConfigLoader(DriverConfigLoader.programmaticBuilder()
                .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(30)).build())
            .build()) {
      session.execute("CREATE KEYSPACE off WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
      session.execute("CREATE TABLE off.t (k int PRIMARY KEY, v int)");
      session.execute("INSERT INTO off.t (k, v) VALUES (1, 2)");

      assertThatThrownBy(() -> session.execute("CREATE FUNCTION off.f(x int) RETURNS NULL ON NULL INPUT"
          + " RETURNS int LANGUAGE java AS 'return x;'"))
          .isInstanceOf(InvalidQueryException.class)
          .hasMessageContaining("User-defined functions are disabled");
      assertThat(session.execute("SELECT blobasint(intasblob(v)), max(v) FROM off.t WHERE k = 1").one().getInt(0))
          .isEqualTo(2);

      java.util.Set<Thread> now = udfThreads();
      now.removeAll(before);
      assertThat(now).isEmpty();
    }
  }
}
