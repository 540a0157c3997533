package dev.ringlet.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;
import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.LoggedQuery;
import dev.ringlet.api.QueryLog;
import dev.ringlet.api.Ringlet;
import dev.ringlet.api.RingletCluster;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The query log as a test sees it: what the driver sent, recorded by the node that received it. */
class DriverQueryLogTest {

  private static RingletCluster cluster;
  private static CqlSession session;
  private static QueryLog log;

  @BeforeAll
  static void start() {
    cluster = Ringlet.start(ClusterSpec.defaults());
    session = CqlSession.builder().addContactPoints(cluster.contactPoints()).withLocalDatacenter(cluster.localDatacenter()).build();
    session.execute("CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
    session.execute("CREATE TABLE ks.t (k int, c int, v text, tags set<text>, d duration, b blob, PRIMARY KEY (k, c))");
    log = cluster.queryLog();
  }

  @AfterAll
  static void stop() {
    session.close();
    cluster.close();
  }

  @BeforeEach
  void clear() {
    log.setCapacity(QueryLog.DEFAULT_CAPACITY);
    log.clear();
  }

  private static List<LoggedQuery> onTable() {
    return log.queries(q -> q.queryContains("ks.t") || q.kind() == LoggedQuery.Kind.BATCH);
  }

  @Test
  void records_a_query_with_its_consistency_page_size_coordinator_and_rows() {
    session.execute(SimpleStatement.newInstance("INSERT INTO ks.t (k, c, v) VALUES (1, 1, 'a')"));
    session.execute(SimpleStatement.newInstance("SELECT * FROM ks.t WHERE k = 1")
        .setConsistencyLevel(ConsistencyLevel.LOCAL_QUORUM).setSerialConsistencyLevel(ConsistencyLevel.LOCAL_SERIAL)
        .setPageSize(7));

    List<LoggedQuery> queries = onTable();
    assertThat(queries).extracting(LoggedQuery::query)
        .containsExactly("INSERT INTO ks.t (k, c, v) VALUES (1, 1, 'a')", "SELECT * FROM ks.t WHERE k = 1");
    LoggedQuery insert = queries.get(0);
    assertThat(insert.kind()).isEqualTo(LoggedQuery.Kind.QUERY);
    assertThat(insert.outcome()).isEqualTo(LoggedQuery.Outcome.VOID);
    assertThat(insert.consistency()).isEqualTo("LOCAL_ONE"); // the driver's default
    LoggedQuery select = queries.get(1);
    assertThat(select.consistency()).isEqualTo("LOCAL_QUORUM");
    assertThat(select.serialConsistency()).isEqualTo("LOCAL_SERIAL");
    assertThat(select.pageSize()).isEqualTo(7);
    assertThat(select.outcome()).isEqualTo(LoggedQuery.Outcome.ROWS);
    assertThat(select.rowCount()).isEqualTo(1);
    assertThat(select.coordinator()).isEqualTo(cluster.node(0).nativeAddress());
    assertThat(select.coordinatorHostId()).isEqualTo(cluster.node(0).hostId());
    assertThat(select.sequence()).isGreaterThan(insert.sequence());
    assertThat(select.timestampMicros()).isGreaterThanOrEqualTo(insert.timestampMicros());
  }

  @Test
  void a_failed_prepare_is_recorded_with_its_error() {
    assertThatThrownBy(() -> session.prepare("INSERT INTO t (k, c) VALUES (?, ?)")).isInstanceOf(InvalidQueryException.class);
    LoggedQuery q = log.queries(x -> x.queryContains("INSERT INTO t ")).get(0);
    assertThat(q.kind()).isEqualTo(LoggedQuery.Kind.PREPARE);
    assertThat(q.outcome()).isEqualTo(LoggedQuery.Outcome.ERROR);
    assertThat(q.errorMessage()).isEqualTo("No keyspace has been specified. USE a keyspace, or explicitly specify keyspace.tablename");
    assertThat(q.keyspace()).isNull();
    assertThat(q.consistency()).isNull();
  }

  @Test
  void execute_shows_the_prepared_keyspace_and_values_decoded_by_their_types() {
    try (CqlSession ks = CqlSession.builder().addContactPoints(cluster.contactPoints())
        .withLocalDatacenter(cluster.localDatacenter()).withKeyspace("ks").build()) {
      log.clear();
      PreparedStatement insert = ks.prepare("INSERT INTO t (k, c, v, tags, d) VALUES (?, ?, ?, ?, ?)");
      ks.execute(insert.bind(2, 3, "two", java.util.Set.of("y", "x"),
          com.datastax.oss.driver.api.core.data.CqlDuration.from("1h30m")).setConsistencyLevel(ConsistencyLevel.QUORUM));
      ks.execute(insert.bind(2, 4, null, null).setConsistencyLevel(ConsistencyLevel.ONE)); // d left unset

      List<LoggedQuery> queries = log.queries(q -> q.queryContains("INSERT INTO t "));
      assertThat(queries).extracting(LoggedQuery::kind)
          .containsExactly(LoggedQuery.Kind.PREPARE, LoggedQuery.Kind.EXECUTE, LoggedQuery.Kind.EXECUTE);
      assertThat(queries.get(0).outcome()).isEqualTo(LoggedQuery.Outcome.PREPARED);
      LoggedQuery first = queries.get(1);
      assertThat(first.query()).isEqualTo("INSERT INTO t (k, c, v, tags, d) VALUES (?, ?, ?, ?, ?)");
      assertThat(first.keyspace()).isEqualTo("ks");
      assertThat(first.consistency()).isEqualTo("QUORUM");
      assertThat(first.values()).containsExactly(2, 3, "two", java.util.Set.of("x", "y"), "1h30m");
      assertThat(first.outcome()).isEqualTo(LoggedQuery.Outcome.VOID);
      LoggedQuery second = queries.get(2);
      assertThat(second.consistency()).isEqualTo("ONE");
      assertThat(second.values()).containsExactly(2, 4, null, null, LoggedQuery.UNSET);
      assertThat(log.statements()).extracting(LoggedQuery::kind).doesNotContain(LoggedQuery.Kind.PREPARE);
    }
  }

  @Test
  void query_values_come_raw_because_they_carry_no_types() {
    session.execute(SimpleStatement.newInstance("INSERT INTO ks.t (k, c, v) VALUES (?, ?, ?)", 5, 6, "six"));
    LoggedQuery q = onTable().get(0);
    assertThat(q.values()).hasSize(3);
    assertThat(q.values().get(0)).isEqualTo(ByteBuffer.wrap(new byte[] {0, 0, 0, 5}));
    assertThat(((ByteBuffer) q.values().get(0)).isReadOnly()).isTrue();
  }

  @Test
  void named_values_keep_their_names() {
    session.execute(SimpleStatement.newInstance("INSERT INTO ks.t (k, c, v) VALUES (:k, :c, :v)",
        Map.of("k", 7, "c", 8, "v", "eight")));
    LoggedQuery q = onTable().get(0);
    assertThat(q.valueNames()).containsExactlyInAnyOrder("k", "c", "v");
  }

  @Test
  void records_batch_children_with_their_values() {
    PreparedStatement insert = session.prepare("INSERT INTO ks.t (k, c, v) VALUES (?, ?, ?)");
    log.clear();
    session.execute(BatchStatement.newInstance(DefaultBatchType.LOGGED)
        .add(insert.bind(9, 1, "a"))
        .add(SimpleStatement.newInstance("DELETE FROM ks.t WHERE k = 9 AND c = 2"))
        .setConsistencyLevel(ConsistencyLevel.QUORUM));

    LoggedQuery batch = log.queries().get(0);
    assertThat(batch.kind()).isEqualTo(LoggedQuery.Kind.BATCH);
    assertThat(batch.query()).isNull();
    assertThat(batch.consistency()).isEqualTo("QUORUM");
    assertThat(batch.outcome()).isEqualTo(LoggedQuery.Outcome.VOID);
    assertThat(batch.children()).extracting(LoggedQuery::kind).containsExactly(LoggedQuery.Kind.EXECUTE, LoggedQuery.Kind.QUERY);
    assertThat(batch.children().get(0).query()).isEqualTo("INSERT INTO ks.t (k, c, v) VALUES (?, ?, ?)");
    assertThat(batch.children().get(0).values()).containsExactly(9, 1, "a");
    assertThat(batch.children().get(1).query()).isEqualTo("DELETE FROM ks.t WHERE k = 9 AND c = 2");
    assertThat(log.statements()).extracting(LoggedQuery::query)
        .containsExactly("INSERT INTO ks.t (k, c, v) VALUES (?, ?, ?)", "DELETE FROM ks.t WHERE k = 9 AND c = 2");
    assertThat(batch.toString()).contains("BATCH QUORUM", "INSERT INTO ks.t (k, c, v) VALUES (?, ?, ?) values [9, 1, 'a']");
  }

  @Test
  void records_errors_with_code_and_message() {
    assertThatThrownBy(() -> session.execute("SELECT * FROM ks.nope")).isInstanceOf(InvalidQueryException.class);
    LoggedQuery q = log.queries(x -> x.queryContains("ks.nope")).get(0);
    assertThat(q.outcome()).isEqualTo(LoggedQuery.Outcome.ERROR);
    assertThat(q.errorCode()).isEqualTo(0x2200);
    assertThat(q.errorMessage()).isEqualTo("table nope does not exist");
    assertThat(q.toString()).contains("ERROR 0x2200 table nope does not exist");
  }

  @Test
  void large_values_are_not_kept() {
    PreparedStatement insert = session.prepare("INSERT INTO ks.t (k, c, b) VALUES (?, ?, ?)");
    session.execute(insert.bind(10, 1, ByteBuffer.allocate(QueryLog.MAX_RETAINED_VALUE_BYTES + 1)));
    session.execute(insert.bind(10, 2, ByteBuffer.wrap(new byte[] {1, 2})));
    List<LoggedQuery> executes = log.queries(q -> q.kind() == LoggedQuery.Kind.EXECUTE);
    assertThat(executes.get(0).values().get(2)).isEqualTo(new LoggedQuery.OmittedValue(QueryLog.MAX_RETAINED_VALUE_BYTES + 1));
    assertThat(executes.get(1).values().get(2)).isEqualTo(ByteBuffer.wrap(new byte[] {1, 2}));
  }

  @Test
  void is_bounded_clearable_and_can_be_turned_off() {
    log.setCapacity(3);
    for (int i = 0; i < 5; i++) {
      session.execute("SELECT v FROM ks.t WHERE k = " + i);
    }
    assertThat(log.queries()).extracting(LoggedQuery::query)
        .containsExactly("SELECT v FROM ks.t WHERE k = 2", "SELECT v FROM ks.t WHERE k = 3", "SELECT v FROM ks.t WHERE k = 4");
    assertThat(log.last(2)).extracting(LoggedQuery::query)
        .containsExactly("SELECT v FROM ks.t WHERE k = 3", "SELECT v FROM ks.t WHERE k = 4");
    assertThat(log.recorded()).isEqualTo(5);
    log.clear();
    assertThat(log.queries()).isEmpty();
    assertThat(log.recorded()).isZero();
    log.setCapacity(0);
    session.execute("SELECT v FROM ks.t WHERE k = 1");
    assertThat(log.queries()).isEmpty();
    assertThat(log.recorded()).isZero();
    assertThatThrownBy(() -> log.setCapacity(-1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("capacity: -1 (expected: 0-1000000)");
  }

  @Test
  void timestamps_come_from_the_nodes_clock() {
    long before = Instant.now().toEpochMilli() * 1000;
    session.execute("SELECT v FROM ks.t WHERE k = 1");
    LoggedQuery q = log.last(1).get(0);
    assertThat(q.timestampMicros()).isGreaterThanOrEqualTo(before);
    assertThat(q.timestamp().toEpochMilli()).isEqualTo(q.timestampMicros() / 1000);
    assertThat(q.coordinatorHostId()).isInstanceOf(UUID.class);
  }

  @Test
  void timestamps_follow_a_manual_clock_moved_ahead_of_the_system_clock() {
    // Given a cluster on a manual clock (which starts at the system time), moved a day ahead
    long dayAfterStart = (Instant.now().toEpochMilli() + java.time.Duration.ofDays(1).toMillis()) * 1000;
    try (RingletCluster manual = Ringlet.start(ClusterSpec.defaults().withManualClock(true));
        CqlSession s = CqlSession.builder().addContactPoints(manual.contactPoints())
            .withLocalDatacenter(manual.localDatacenter()).build()) {
      manual.advanceClock(java.time.Duration.ofDays(1));

      // When a query arrives
      s.execute("SELECT release_version FROM system.local WHERE key = 'local'");

      // Then its entry is stamped with the node's clock, a day ahead of the system's
      LoggedQuery q = manual.queryLog().queries(e -> e.queryContains("release_version")).get(0);
      assertThat(q.timestampMicros()).isGreaterThanOrEqualTo(dayAfterStart);
    }
  }
}
