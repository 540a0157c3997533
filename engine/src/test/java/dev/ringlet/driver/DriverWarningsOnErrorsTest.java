package dev.ringlet.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.DefaultProtocolVersion;
import com.datastax.oss.driver.api.core.DriverException;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.config.ProgrammaticDriverConfigLoaderBuilder;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.servererrors.FunctionFailureException;
import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;
import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.Ringlet;
import dev.ringlet.api.RingletCluster;
import dev.ringlet.api.UserFunctionTimeoutPolicy;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The client warnings a request gathered before it failed travel with its ERROR response, as
 * Cassandra 5.0's dispatcher sends them (recorded in the warnings_on_errors scenario): a batch's
 * size warning and an aggregation's warning before an Unavailable, a function's warn-timeout
 * warning before its fail timeout. The Java driver 4.x decodes them but does not expose them on
 * its exceptions (their {@code ExecutionInfo} has no warnings, against 5.0.9 too), so the test
 * reads them from the ERROR frame ({@link ErrorFrameWarnings}).
 */
class DriverWarningsOnErrorsTest {

  private static final String BIG = "x".repeat(3000);

  private static CqlSession connect(RingletCluster cluster, ErrorFrameWarnings frames, DefaultProtocolVersion version) {
    ProgrammaticDriverConfigLoaderBuilder config = DriverConfigLoader.programmaticBuilder()
        // the first CREATE FUNCTION of a JVM loads the compiler
        .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(30))
        .withBoolean(DefaultDriverOption.REQUEST_LOG_WARNINGS, false);
    if (version != null) {
      config = config.withString(DefaultDriverOption.PROTOCOL_VERSION, version.name());
    }
    return frames.sessionBuilder()
        .addContactPoints(cluster.contactPoints())
        .withLocalDatacenter(cluster.localDatacenter())
        .withConfigLoader(config.build())
        .build();
  }

  /** Runs {@code cql} at QUORUM, expects it to fail, and answers the warnings of its ERROR frame. */
  private static List<String> failingAtQuorum(CqlSession session, ErrorFrameWarnings frames, String cql) {
    frames.clear();
    Throwable error = org.assertj.core.api.Assertions.catchThrowable(() -> session.execute(
        SimpleStatement.newInstance(cql).setConsistencyLevel(DefaultConsistencyLevel.QUORUM)));
    assertThat(error).isInstanceOf(DriverException.class)
        .hasMessageContaining("Not enough replicas available for query at consistency QUORUM (2 required but only 1 alive)");
    return frames.lastError();
  }

  private static void keyspaces(CqlSession session) {
    session.execute("CREATE KEYSPACE rf3 WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 3}");
    session.execute("CREATE TABLE rf3.t (k int, c int, v text, PRIMARY KEY (k, c))");
    session.execute("CREATE TABLE rf3.u (k int PRIMARY KEY, v text)");
  }

  @Test
  void should_send_the_batch_and_aggregation_warnings_with_an_unavailable_error() {
    ErrorFrameWarnings frames = new ErrorFrameWarnings();
    try (RingletCluster cluster = Ringlet.start(ClusterSpec.defaults());
        CqlSession session = connect(cluster, frames, null)) {
      keyspaces(session);

      String batch = "BEGIN UNLOGGED BATCH INSERT INTO rf3.u (k, v) VALUES (1, '" + BIG + "');"
          + " INSERT INTO rf3.u (k, v) VALUES (2, '" + BIG + "'); APPLY BATCH";
      assertThat(failingAtQuorum(session, frames, batch)).containsExactly(
          "Batch for [rf3.u] is of size 6140, exceeding specified threshold of 5120 by 1020.");
      assertThat(failingAtQuorum(session, frames, "SELECT count(*) FROM rf3.t"))
          .containsExactly("Aggregation query used without partition key");
      assertThat(failingAtQuorum(session, frames, "SELECT count(*) FROM rf3.t WHERE k IN (1, 2)"))
          .containsExactly("Aggregation query used on multiple partition keys (IN restriction)");
      // nothing warned before these failed
      assertThat(failingAtQuorum(session, frames, "SELECT count(*) FROM rf3.t WHERE k = 1")).isEmpty();
      assertThat(failingAtQuorum(session, frames, "INSERT INTO rf3.u (k, v) VALUES (1, 'a')")).isEmpty();

      // the driver itself shows none of them on its exception (as against Cassandra 5.0.9)
      assertThatThrownBy(() -> session.execute(SimpleStatement.newInstance("SELECT count(*) FROM rf3.t")
          .setConsistencyLevel(DefaultConsistencyLevel.QUORUM)))
          .satisfies(e -> assertThat(((DriverException) e).getExecutionInfo().getWarnings()).isEmpty());
    }
  }

  @Test
  void should_send_no_warning_with_an_error_raised_before_any_warning() {
    ErrorFrameWarnings frames = new ErrorFrameWarnings();
    try (RingletCluster cluster = Ringlet.start(ClusterSpec.defaults());
        CqlSession session = connect(cluster, frames, null)) {
      keyspaces(session);
      String tooLarge = "BEGIN BATCH INSERT INTO rf3.u (k, v) VALUES (1, '" + BIG.repeat(18) + "');"
          + " INSERT INTO rf3.u (k, v) VALUES (2, '" + BIG + "'); APPLY BATCH";

      frames.clear();
      assertThatThrownBy(() -> session.execute(tooLarge))
          .isInstanceOf(InvalidQueryException.class).hasMessage("Batch too large");
      assertThat(frames.lastError()).isEmpty();
      assertThatThrownBy(() -> session.execute(
          "CREATE KEYSPACE rf3 WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 3}"))
          .isInstanceOf(com.datastax.oss.driver.api.core.servererrors.AlreadyExistsException.class);
      assertThat(frames.lastError()).isEmpty();
    }
  }

  @Test
  void should_send_no_warnings_with_errors_below_protocol_v4() {
    ErrorFrameWarnings frames = new ErrorFrameWarnings();
    try (RingletCluster cluster = Ringlet.start(ClusterSpec.defaults());
        CqlSession session = connect(cluster, frames, DefaultProtocolVersion.V3)) {
      keyspaces(session);

      assertThat(failingAtQuorum(session, frames, "SELECT count(*) FROM rf3.t")).isEmpty();
    }
  }

  @Test
  void should_send_the_warn_timeout_warnings_of_function_calls_with_the_fail_timeout_error() {
    ErrorFrameWarnings frames = new ErrorFrameWarnings();
    ClusterSpec spec = ClusterSpec.defaults().withUserDefinedFunctions(true)
        .withUserDefinedFunctionTimeouts(Duration.ofMillis(1), Duration.ofMillis(200))
        .withUserFunctionTimeoutPolicy(UserFunctionTimeoutPolicy.IGNORE);
    try (RingletCluster cluster = Ringlet.start(spec); CqlSession session = connect(cluster, frames, null)) {
      session.execute("CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
      session.execute("CREATE TABLE ks.t (k int, c int, v int, PRIMARY KEY (k, c))");
      session.execute("INSERT INTO ks.t (k, c, v) VALUES (1, 1, 10)");
      session.execute("INSERT INTO ks.t (k, c, v) VALUES (1, 2, 20)");
      // 10: ends after 20 ms (past the 1 ms warn timeout); anything else: never ends
      session.execute("CREATE FUNCTION ks.slow(x int) RETURNS NULL ON NULL INPUT RETURNS int LANGUAGE java"
          + " AS 'long t = System.currentTimeMillis(); while (x != 10 || System.currentTimeMillis() - t < 20) { } return x;'");

      frames.clear();
      assertThatThrownBy(() -> session.execute("SELECT ks.slow(v) FROM ks.t WHERE k = 1"))
          .isInstanceOf(FunctionFailureException.class)
          .hasMessage("java.util.concurrent.TimeoutException: User defined function ks.slow : (int) -> int"
              + " ran longer than 200ms");
      // the first call warned when it ended, the second when it passed the warn timeout (then failed)
      assertThat(frames.lastError()).containsExactly(
          "User defined function ks.slow : (int) -> int ran longer than 1ms",
          "User defined function ks.slow : (int) -> int ran longer than 1ms");
    }
  }
}
