package dev.ringlet.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.ColumnDefinition;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;
import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.Ringlet;
import dev.ringlet.api.RingletCluster;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * LWT conditions {@code IF c CONTAINS v} / {@code IF m CONTAINS KEY k} through the driver, on one
 * node and across three replicas (Paxos): what applies, the not-applied answer 5.0.9 gives, bound
 * values, and 5.0's check order deciding between an error and "not applied".
 */
class DriverLwtConditionsTest {

  private static final String TABLE = "CREATE TABLE ks.t (k int, c int, l list<int>, s set<text>, m map<text, int>,"
      + " fm frozen<map<text, int>>, v int, sl list<int> static, PRIMARY KEY (k, c))";

  @Test
  void should_apply_contains_conditions_and_answer_the_condition_columns_when_not_applied() {
    try (RingletCluster cluster = Ringlet.start(ClusterSpec.defaults()); CqlSession session = connect(cluster)) {
      createSchema(session, 1);

      assertThat(session.execute("UPDATE ks.t SET v = 1 WHERE k = 1 AND c = 1 IF l CONTAINS 2 AND fm CONTAINS KEY 'a'")
          .wasApplied()).isTrue();
      ResultSet notApplied = session.execute(
          "UPDATE ks.t SET v = 2 WHERE k = 1 AND c = 1 IF v = 1 AND sl CONTAINS 7 AND m CONTAINS KEY 'z'");

      assertThat(notApplied.wasApplied()).isFalse();
      // regular condition columns in condition order, then static ones
      assertThat(names(notApplied)).containsExactly("[applied]", "v", "m", "sl");
      Row row = notApplied.one();
      assertThat(row.getInt("v")).isEqualTo(1);
      assertThat(row.getList("sl", Integer.class)).containsExactly(7);
    }
  }

  @Test
  void should_bind_contains_values_named_after_the_element() {
    try (RingletCluster cluster = Ringlet.start(ClusterSpec.defaults()); CqlSession session = connect(cluster)) {
      createSchema(session, 1);
      PreparedStatement update = session.prepare(
          "UPDATE ks.t SET v = :v WHERE k = 1 AND c = 1 IF s CONTAINS ? AND m CONTAINS KEY ? AND m CONTAINS :value");

      assertThat(update.getVariableDefinitions()).extracting(d -> d.getName().asInternal())
          .containsExactly("v", "value(s)", "key(m)", "value");
      assertThat(session.execute(update.bind(5, "b", "a", 1)).wasApplied()).isTrue();
      assertThat(session.execute(update.bind(6, "zz", "a", 1)).wasApplied()).isFalse();
      assertThatThrownBy(() -> session.execute(update.bind(7, null, "a", 1)))
          .isInstanceOf(InvalidQueryException.class)
          .hasMessage("Invalid comparison with null for operator \"CONTAINS\"");
    }
  }

  @Test
  void should_check_conditions_in_cassandras_order() {
    try (RingletCluster cluster = Ringlet.start(ClusterSpec.defaults()); CqlSession session = connect(cluster)) {
      createSchema(session, 1);

      // 5.0 checks l before v: the null fails first
      assertThatThrownBy(() -> session.execute("UPDATE ks.t SET v = 9 WHERE k = 1 AND c = 1 IF v = 99 AND l CONTAINS null"))
          .isInstanceOf(InvalidQueryException.class)
          .hasMessage("Invalid comparison with null for operator \"CONTAINS\"");
      // ... and m before l: the failed condition answers first
      assertThat(session.execute("UPDATE ks.t SET v = 9 WHERE k = 1 AND c = 1 IF l CONTAINS null AND m CONTAINS KEY 'z'")
          .wasApplied()).isFalse();
    }
  }

  @Test
  void should_answer_the_first_live_row_of_a_batch_with_only_static_conditions() {
    try (RingletCluster cluster = Ringlet.start(ClusterSpec.defaults()); CqlSession session = connect(cluster)) {
      createSchema(session, 1);
      BatchStatement batch = BatchStatement.newInstance(DefaultBatchType.LOGGED,
          SimpleStatement.newInstance("UPDATE ks.t SET v = 3 WHERE k = 1 AND c = 1 IF sl CONTAINS 99"),
          SimpleStatement.newInstance("INSERT INTO ks.t (k, c, v) VALUES (1, 5, 5)"));

      ResultSet rs = session.execute(batch);

      assertThat(rs.wasApplied()).isFalse();
      assertThat(names(rs)).containsExactly("[applied]", "k", "c", "sl");
      Row row = rs.one();
      assertThat(row.getInt("c")).isEqualTo(1);
      assertThat(row.getList("sl", Integer.class)).containsExactly(7);
    }
  }

  @Test
  void should_decide_contains_conditions_across_three_replicas() {
    try (RingletCluster cluster = Ringlet.start(ClusterSpec.defaults().withNodes(3)); CqlSession session = connect(cluster)) {
      createSchema(session, 3);

      assertThat(session.execute("UPDATE ks.t SET v = 1 WHERE k = 1 AND c = 1 IF s CONTAINS 'a'").wasApplied()).isTrue();
      ResultSet notApplied = session.execute("UPDATE ks.t SET v = 2 WHERE k = 1 AND c = 1 IF s CONTAINS 'z'");
      assertThat(notApplied.wasApplied()).isFalse();
      assertThat(notApplied.one().getSet("s", String.class)).containsExactlyInAnyOrder("a", "b");
      assertThat(session.execute("SELECT v FROM ks.t WHERE k = 1 AND c = 1").one().getInt("v")).isEqualTo(1);
    }
  }

  private static void createSchema(CqlSession session, int replicationFactor) {
    session.execute("CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': "
        + replicationFactor + "}");
    session.execute(TABLE);
    session.execute("INSERT INTO ks.t (k, c, l, s, m, fm, v, sl) VALUES (1, 1, [1, 2], {'a', 'b'}, {'a': 1}, {'a': 1}, 0, [7])");
  }

  private static List<String> names(ResultSet rs) {
    return StreamSupport.stream(rs.getColumnDefinitions().spliterator(), false)
        .map(ColumnDefinition::getName).map(n -> n.asInternal()).toList();
  }

  private static CqlSession connect(RingletCluster cluster) {
    return CqlSession.builder().addContactPoints(cluster.contactPoints()).withLocalDatacenter(cluster.localDatacenter()).build();
  }
}
