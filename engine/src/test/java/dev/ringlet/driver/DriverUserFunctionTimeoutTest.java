package dev.ringlet.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.servererrors.FunctionFailureException;
import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.Ringlet;
import dev.ringlet.api.RingletCluster;
import dev.ringlet.api.UserFunctionTimeoutPolicy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Cassandra 5.0's {@code user_defined_functions_fail_timeout} and {@code _warn_timeout} as the
 * driver sees them: a runaway body fails its request with FUNCTION_FAILURE and 5.0's message, the
 * node keeps serving; a slow one adds 5.0's client warning.
 */
class DriverUserFunctionTimeoutTest {

  private static CqlSession connect(RingletCluster cluster) {
    return CqlSession.builder()
        .addContactPoints(cluster.contactPoints())
        .withLocalDatacenter(cluster.localDatacenter())
        // the first CREATE FUNCTION of a JVM loads the compiler
        .withConfigLoader(DriverConfigLoader.programmaticBuilder()
            .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(30))
            .build())
        .build();
  }

  private static void table(CqlSession session) {
    session.execute("CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
    session.execute("CREATE TABLE ks.t (k int, c int, v int, PRIMARY KEY (k, c))");
    session.execute("INSERT INTO ks.t (k, c, v) VALUES (1, 1, 10)");
    session.execute("INSERT INTO ks.t (k, c, v) VALUES (1, 2, 20)");
  }

  @Test
  void should_fail_a_runaway_function_past_the_fail_timeout_and_keep_serving() {
    ClusterSpec spec = ClusterSpec.defaults().withUserDefinedFunctions(true)
        .withUserDefinedFunctionTimeouts(Duration.ZERO, Duration.ofMillis(100));
    try (RingletCluster cluster = Ringlet.start(spec); CqlSession session = connect(cluster)) {
      table(session);
      session.execute("CREATE FUNCTION ks.spin(x int) RETURNS NULL ON NULL INPUT RETURNS int LANGUAGE java"
          + " AS 'while (x > 0) { x = x + 1; if (x < 0) { x = 1; } } return x;'");
      session.execute("CREATE FUNCTION ks.spin_state(s int, x int) CALLED ON NULL INPUT RETURNS int LANGUAGE java"
          + " AS 'for (;;) { s = x; }'");
      session.execute("CREATE AGGREGATE ks.spin_all(int) SFUNC spin_state STYPE int INITCOND 0");

      assertThatThrownBy(() -> session.execute("SELECT ks.spin(v) FROM ks.t WHERE k = 1"))
          .isInstanceOf(FunctionFailureException.class)
          .hasMessage("java.util.concurrent.TimeoutException: User defined function ks.spin : (int) -> int"
              + " ran longer than 100ms - will stop Cassandra VM");
      assertThatThrownBy(() -> session.execute("SELECT ks.spin_all(v) FROM ks.t WHERE k = 1"))
          .isInstanceOf(FunctionFailureException.class)
          .hasMessage("java.util.concurrent.TimeoutException: User defined function ks.spin_state : (int, int) -> int"
              + " ran longer than 100ms - will stop Cassandra VM");
      assertThatThrownBy(() -> session.execute("INSERT INTO ks.t (k, c, v) VALUES (2, 1, ks.spin(1))"))
          .isInstanceOf(FunctionFailureException.class);

      assertThat(session.execute("SELECT v FROM ks.t WHERE k = 1").all()).hasSize(2);
      assertThat(session.execute("SELECT v FROM ks.t WHERE k = 2").all()).isEmpty();
    }
  }

  @Test
  void should_word_the_failure_without_the_vm_stop_under_the_ignore_policy() {
    ClusterSpec spec = ClusterSpec.defaults().withUserDefinedFunctions(true)
        .withUserDefinedFunctionTimeouts(Duration.ZERO, Duration.ofMillis(100))
        .withUserFunctionTimeoutPolicy(UserFunctionTimeoutPolicy.IGNORE);
    try (RingletCluster cluster = Ringlet.start(spec); CqlSession session = connect(cluster)) {
      table(session);
      session.execute("CREATE FUNCTION ks.spin(x int) RETURNS NULL ON NULL INPUT RETURNS int LANGUAGE java"
          + " AS 'do { x++; } while (x != 0 || x == 0); return x;'");

      assertThatThrownBy(() -> session.execute("SELECT ks.spin(v) FROM ks.t WHERE k = 1"))
          .isInstanceOf(FunctionFailureException.class)
          .hasMessage("java.util.concurrent.TimeoutException: User defined function ks.spin : (int) -> int"
              + " ran longer than 100ms");
    }
  }

  @Test
  void should_warn_when_a_function_outlasts_the_warn_timeout() {
    ClusterSpec spec = ClusterSpec.defaults().withUserDefinedFunctions(true)
        .withUserDefinedFunctionTimeouts(Duration.ofMillis(1), Duration.ofSeconds(60));
    try (RingletCluster cluster = Ringlet.start(spec); CqlSession session = connect(cluster)) {
      table(session);
      // runs at least 5 ms by the JVM's own clock, so always longer than the 1 ms warn timeout
      session.execute("CREATE FUNCTION ks.slow(x int) RETURNS NULL ON NULL INPUT RETURNS int LANGUAGE java"
          + " AS 'long t = System.nanoTime(); while (System.nanoTime() - t < 5000000L) { } return x + 1;'");

      ResultSet rows = session.execute("SELECT ks.slow(v) FROM ks.t WHERE k = 1 AND c = 1");

      assertThat(rows.one().getInt(0)).isEqualTo(11);
      assertThat(rows.getExecutionInfo().getWarnings())
          .containsExactly("User defined function ks.slow : (int) -> int ran longer than 1ms");

      ResultSet two = session.execute("SELECT ks.slow(v) FROM ks.t WHERE k = 1");
      assertThat(two.all()).hasSize(2);
      assertThat(two.getExecutionInfo().getWarnings()).as("one warning per call").containsExactly(
          "User defined function ks.slow : (int) -> int ran longer than 1ms",
          "User defined function ks.slow : (int) -> int ran longer than 1ms");

      ResultSet insert = session.execute("INSERT INTO ks.t (k, c, v) VALUES (3, 1, ks.slow(1))");
      assertThat(insert.getExecutionInfo().getWarnings())
          .containsExactly("User defined function ks.slow : (int) -> int ran longer than 1ms");
      assertThat(session.execute("SELECT v FROM ks.t WHERE k = 3").one().getInt(0)).isEqualTo(2);
      assertThat(session.execute("SELECT v FROM ks.t WHERE k = 3").getExecutionInfo().getWarnings()).isEmpty();
    }
  }
}
