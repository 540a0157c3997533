package dev.ringlet.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.ColumnDefinition;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;
import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.Ringlet;
import dev.ringlet.api.RingletCluster;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a chat application's conditional writes get back when they do not apply, and the batch
 * refusals it meets, as 5.0.9 answers them (recorded in the app_messaging scenario): the columns of
 * the conditions in 5.0's order, the rows its CAS read returns (the partition's first row for
 * conditions on static columns, only fetched columns), and its batch checks in its order.
 */
class DriverConditionalAnswersTest {

  private static final String M0 = "30afe800-0799-11ef-9234-0a0b0c0d0e0f";
  private static final String M1 = "54732e00-0799-11ef-9234-0a0b0c0d0e0f";

  private static RingletCluster cluster;
  private static CqlSession session;

  @BeforeAll
  static void start() {
    cluster = Ringlet.start(ClusterSpec.defaults());
    session = CqlSession.builder().addContactPoints(cluster.contactPoints())
        .withLocalDatacenter(cluster.localDatacenter()).build();
    session.execute("CREATE KEYSPACE chat WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
    session.execute("CREATE TABLE chat.messages (cid int, mid timeuuid, body text, edited boolean, title text static,"
        + " last timeuuid static, PRIMARY KEY (cid, mid)) WITH CLUSTERING ORDER BY (mid DESC)");
    session.execute("CREATE TABLE chat.unread (u int, cid int, n counter, PRIMARY KEY (u, cid))");
  }

  @AfterAll
  static void stop() {
    session.close();
    cluster.close();
  }

  @BeforeEach
  void messages() {
    session.execute("TRUNCATE chat.messages");
    session.execute("INSERT INTO chat.messages (cid, mid, body, edited) VALUES (1, " + M0 + ", 'hi', false)");
    session.execute("INSERT INTO chat.messages (cid, mid, body, edited) VALUES (1, " + M1 + ", 'hey', false)");
    session.execute("UPDATE chat.messages SET title = 'chat' WHERE cid = 1");
  }

  @Test
  void should_list_regular_conditions_before_static_ones_in_the_order_written() {
    ResultSet rs = session.execute("UPDATE chat.messages SET body = 'x' WHERE cid = 1 AND mid = " + M0
        + " IF title = 'nope' AND edited = true AND body = 'hi'");

    assertThat(names(rs)).containsExactly("[applied]", "edited", "body", "title");
    Row row = rs.one();
    assertThat(row.getBoolean(0)).isFalse();
    assertThat(row.getString("title")).isEqualTo("chat");
  }

  @Test
  void should_answer_a_static_condition_with_the_first_row_of_the_partition() {
    ResultSet rs = session.execute("BEGIN BATCH UPDATE chat.messages SET last = " + M1 + " WHERE cid = 1 IF last = "
        + M0 + "; INSERT INTO chat.messages (cid, mid, body) VALUES (1, " + M0 + ", 'again'); APPLY BATCH");

    assertThat(names(rs)).containsExactly("[applied]", "cid", "mid", "last");
    Row row = rs.one();
    // the newest message comes first in a DESC partition, and the static column has no value
    assertThat(row.getUuid("mid")).isEqualTo(UUID.fromString(M1));
    assertThat(row.isNull("last")).isTrue();
    assertThat(rs.one()).isNull();
  }

  @Test
  void should_show_static_columns_as_null_when_the_insert_does_not_write_them() {
    Row row = session.execute("INSERT INTO chat.messages (cid, mid, body) VALUES (1, " + M0 + ", 'dup') IF NOT EXISTS")
        .one();

    assertThat(row.getBoolean("[applied]")).isFalse();
    assertThat(row.getString("body")).isEqualTo("hi");
    assertThat(row.isNull("title")).isTrue();
  }

  @Test
  void should_return_every_existing_row_a_batch_checks() {
    ResultSet rs = session.execute("BEGIN BATCH UPDATE chat.messages SET body = 'a' WHERE cid = 1 AND mid = " + M0
        + " IF EXISTS; UPDATE chat.messages SET body = 'b' WHERE cid = 1 AND mid = " + M1 + " IF body = 'nope'; APPLY BATCH");

    List<UUID> mids = new ArrayList<>();
    for (Row row : rs) {
      mids.add(row.getUuid("mid"));
    }
    assertThat(mids).containsExactly(UUID.fromString(M1), UUID.fromString(M0));
  }

  @Test
  void should_restamp_a_statement_timestamp_in_a_conditional_batch_with_the_ballot() {
    ResultSet rs = session.execute("BEGIN BATCH UPDATE chat.messages SET title = 'renamed' WHERE cid = 1 IF title = 'chat';"
        + " INSERT INTO chat.messages (cid, mid, body) VALUES (1, " + M0 + ", 'old') USING TIMESTAMP 5; APPLY BATCH");

    assertThat(rs.wasApplied()).isTrue();
    Row row = session.execute("SELECT body, title FROM chat.messages WHERE cid = 1 AND mid = " + M0).one();
    // USING TIMESTAMP 5 would lose to the existing 'hi'; the ballot's timestamp wins
    assertThat(row.getString("body")).isEqualTo("old");
    assertThat(row.getString("title")).isEqualTo("renamed");
  }

  @Test
  void should_refuse_batches_in_5_0_order() {
    assertThatThrownBy(() -> session.execute("BEGIN BATCH UPDATE chat.unread SET n = n + 1 WHERE u = 1 AND cid = 1;"
        + " INSERT INTO chat.messages (cid, mid) VALUES (1, " + M0 + "); APPLY BATCH"))
        .isInstanceOf(InvalidQueryException.class).hasMessage("Counter and non-counter mutations cannot exist in the same batch");
    assertThatThrownBy(() -> session.execute("BEGIN COUNTER BATCH USING TIMESTAMP 5"
        + " UPDATE chat.unread SET n = n + 1 WHERE u = 1 AND cid = 1; APPLY BATCH"))
        .isInstanceOf(InvalidQueryException.class).hasMessage("Cannot provide custom timestamp for counter BATCH");
    assertThatThrownBy(() -> session.execute("BEGIN UNLOGGED BATCH USING TIMESTAMP 5"
        + " UPDATE chat.unread SET n = n + 1 WHERE u = 1 AND cid = 1; APPLY BATCH"))
        .isInstanceOf(InvalidQueryException.class).hasMessage("Cannot provide custom timestamp for a BATCH containing counters");
  }

  @Test
  void should_refuse_a_conditional_range_delete() {
    assertThatThrownBy(() -> session.execute("DELETE FROM chat.messages WHERE cid = 1 AND mid < " + M1 + " IF EXISTS"))
        .isInstanceOf(InvalidQueryException.class).hasMessage("DELETE statements must restrict all PRIMARY KEY columns"
            + " with equality relations in order to delete non static columns");
    assertThatThrownBy(() -> session.execute("DELETE title FROM chat.messages WHERE cid = 1 IF body = 'x'"))
        .isInstanceOf(InvalidQueryException.class).hasMessage("DELETE statements must restrict all PRIMARY KEY columns"
            + " with equality relations in order to use IF condition on non static columns");
  }

  @Test
  void should_type_min_and_max_of_a_desc_timeuuid_column_as_timeuuid() {
    Row row = session.execute("SELECT min(mid), max(mid) FROM chat.messages WHERE cid = 1").one();

    assertThat(row.getColumnDefinitions().get(0).getType().toString()).isEqualTo("TIMEUUID");
    assertThat(row.getUuid(1)).isEqualTo(UUID.fromString(M1));
  }

  private static List<String> names(ResultSet rs) {
    List<String> names = new ArrayList<>();
    for (ColumnDefinition d : rs.getColumnDefinitions()) {
      names.add(d.getName().asInternal());
    }
    return names;
  }
}
