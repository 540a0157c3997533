package dev.ringlet.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;
import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.Ringlet;
import dev.ringlet.api.RingletCluster;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A pure function whose arguments are all terminals is evaluated once per execution, before the
 * read, as 5.0's selection does when it instantiates its selectors (recorded in the
 * functions_terminal_calls scenario): a failing call fails with no row to read, a prepared one at
 * EXECUTE rather than PREPARE, and its value is the same for every row of the execution, while a
 * call of the current time stays per row.
 */
class DriverTerminalFunctionCallsTest {

  private static final String INVALID = "In call to function system.blobasint, value 0x00 is not a valid binary"
      + " representation for type int";

  private static CqlSession connect(RingletCluster cluster) {
    return CqlSession.builder().addContactPoints(cluster.contactPoints()).withLocalDatacenter(cluster.localDatacenter())
        .build();
  }

  @Test
  void should_refuse_a_failing_call_of_constants_before_reading_any_row() {
    try (RingletCluster cluster = Ringlet.start(ClusterSpec.defaults()); CqlSession session = connect(cluster)) {
      session.execute("CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
      session.execute("CREATE TABLE ks.t (k int, c int, v int, PRIMARY KEY (k, c))");

      assertThatThrownBy(() -> session.execute("SELECT count(*), blobAsInt(0x00) FROM ks.t"))
          .isInstanceOf(InvalidQueryException.class).hasMessage(INVALID);
      assertThatThrownBy(() -> session.execute("SELECT v, intAsBlob(blobAsInt(0x00)) FROM ks.t WHERE k = 1"))
          .isInstanceOf(InvalidQueryException.class).hasMessage(INVALID);
      // a call of a column is per row: nothing to evaluate without rows
      assertThat(session.execute("SELECT blobAsInt(intAsBlob(v)) FROM ks.t").all()).isEmpty();

      PreparedStatement prepared = session.prepare("SELECT blobAsInt(?) FROM ks.t");
      assertThatThrownBy(() -> session.execute(prepared.bind(ByteBuffer.wrap(new byte[] {0}))))
          .isInstanceOf(InvalidQueryException.class).hasMessage(INVALID);
      assertThat(session.execute(prepared.bind(ByteBuffer.wrap(new byte[] {0, 0, 0, 1}))).all()).isEmpty();
    }
  }

  @Test
  void should_give_a_pure_call_of_constants_one_value_per_execution() {
    try (RingletCluster cluster = Ringlet.start(ClusterSpec.defaults()); CqlSession session = connect(cluster)) {
      session.execute("CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
      session.execute("CREATE TABLE ks.t (k int, c int, v int, PRIMARY KEY (k, c))");
      for (int c = 1; c <= 3; c++) {
        session.execute("INSERT INTO ks.t (k, c, v) VALUES (1, " + c + ", " + c + ")");
      }

      List<Row> rows = session.execute("SELECT uuid(), now(), blobAsInt(0x00000007) FROM ks.t WHERE k = 1").all();

      assertThat(rows).hasSize(3);
      // uuid() is pure in 5.0 (evaluated once); now() is not (TimeFcts.NowFunction), so each row has its own
      assertThat(rows.stream().map(r -> r.getUuid(0)).distinct()).hasSize(1);
      assertThat(rows.stream().map(r -> r.getUuid(1)).distinct()).hasSize(3);
      assertThat(rows.stream().map(r -> r.getInt(2))).containsOnly(7);
      UUID first = rows.get(0).getUuid(0);
      assertThat(session.execute("SELECT uuid() FROM ks.t WHERE k = 1").one().getUuid(0)).isNotEqualTo(first);
    }
  }
}
