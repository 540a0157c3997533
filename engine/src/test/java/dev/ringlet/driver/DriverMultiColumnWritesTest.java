package dev.ringlet.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;
import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.Ringlet;
import dev.ringlet.api.RingletCluster;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Multi-column relations in writes as 5.0.9 applies them (checked against it while recording
 * app_iot): tuple slices in DELETE compare in value order column by column over clustering columns
 * of mixed orders, intersect with each other and with single-column slices; tuple equality names a
 * row in UPDATE and DELETE.
 */
class DriverMultiColumnWritesTest {

  private static RingletCluster cluster;
  private static CqlSession session;

  @BeforeAll
  static void start() {
    cluster = Ringlet.start(ClusterSpec.defaults());
    session = CqlSession.builder().addContactPoints(cluster.contactPoints())
        .withLocalDatacenter(cluster.localDatacenter()).build();
    session.execute("CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
    session.execute("CREATE TABLE ks.t (k int, a int, b int, c int, v int, PRIMARY KEY (k, a, b, c))"
        + " WITH CLUSTERING ORDER BY (a DESC, b ASC, c DESC)");
  }

  @AfterAll
  static void stop() {
    session.close();
    cluster.close();
  }

  @BeforeEach
  void fill() {
    session.execute("TRUNCATE ks.t");
    for (int a = 1; a <= 3; a++) {
      for (int b = 1; b <= 2; b++) {
        for (int c = 1; c <= 2; c++) {
          session.execute("INSERT INTO ks.t (k, a, b, c, v) VALUES (1, " + a + ", " + b + ", " + c + ", 0)");
        }
      }
    }
  }

  @Test
  void should_delete_a_tuple_range_in_value_order_over_mixed_clustering_orders() {
    session.execute("DELETE FROM ks.t WHERE k = 1 AND (a, b, c) >= (2, 1, 2) AND (a, b, c) < (3, 2, 2)");

    assertThat(rows()).containsExactly("322", "211", "112", "111", "122", "121");
  }

  @Test
  void should_intersect_a_tuple_slice_with_a_single_column_slice_and_an_equal_prefix() {
    session.execute("DELETE FROM ks.t WHERE k = 1 AND (a, b) > (1, 1) AND a < 3");
    session.execute("DELETE FROM ks.t WHERE k = 1 AND a = 3 AND (b, c) <= (1, 2)");

    assertThat(rows()).containsExactly("322", "321", "112", "111");
  }

  @Test
  void should_update_the_row_a_tuple_equality_names() {
    session.execute("UPDATE ks.t SET v = 5 WHERE k = 1 AND (a, b, c) = (2, 1, 2)");

    Row row = session.execute("SELECT v FROM ks.t WHERE k = 1 AND a = 2 AND b = 1 AND c = 2").one();
    assertThat(row.getInt("v")).isEqualTo(5);
    assertThatThrownBy(() -> session.execute("DELETE FROM ks.t WHERE k = 1 AND (a, b, c) > (1, 1)"))
        .isInstanceOf(InvalidQueryException.class).hasMessage("Expected 3 elements in value tuple, but got 2: (1, 1)");
  }

  private static List<String> rows() {
    List<String> out = new ArrayList<>();
    for (Row r : session.execute("SELECT a, b, c FROM ks.t WHERE k = 1")) {
      out.add("" + r.getInt("a") + r.getInt("b") + r.getInt("c"));
    }
    return out;
  }
}
