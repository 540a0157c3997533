package dev.ringlet.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.servererrors.ReadFailureException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.cassandra.autoconfigure.CassandraAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * {@code ringlet.tombstone-warn-threshold} and {@code ringlet.tombstone-failure-threshold} on a real
 * cluster, through Spring Boot's own session: small thresholds are reached with a few deletions.
 */
class TombstoneThresholdsTest {

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(RingletAutoConfiguration.class, CassandraAutoConfiguration.class))
      .withPropertyValues("ringlet.enabled=true");

  @Test
  void should_warn_and_fail_reads_at_the_configured_thresholds() {
    runner.withPropertyValues("ringlet.cluster-name=tombstones", "ringlet.tombstone-warn-threshold=2",
        "ringlet.tombstone-failure-threshold=5", "spring.cassandra.keyspace-name=tombs").run(context -> {
          CqlSession session = context.getBean(CqlSession.class);
          session.execute("CREATE TABLE t (k int, c int, s set<int>, PRIMARY KEY (k, c))");
          session.execute("UPDATE t SET s = s - {1, 2, 3} WHERE k = 1 AND c = 1");
          session.execute("UPDATE t SET s = s - {1, 2, 3, 4, 5, 6} WHERE k = 2 AND c = 1");

          assertThat(session.execute("SELECT * FROM t WHERE k = 1").getExecutionInfo().getWarnings())
              .singleElement().asString().startsWith("Read 0 live rows and 3 tombstone cells for query SELECT * FROM tombs.t");
          assertThatThrownBy(() -> session.execute("SELECT * FROM t WHERE k = 2")).isInstanceOf(ReadFailureException.class);
        });
  }
}
