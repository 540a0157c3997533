package dev.ringlet.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.metadata.schema.ClusteringOrder;
import com.datastax.oss.driver.api.core.metadata.schema.TableMetadata;
import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;
import com.datastax.oss.driver.api.core.servererrors.ServerError;
import com.datastax.oss.driver.api.core.type.DataTypes;
import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.Ringlet;
import dev.ringlet.api.RingletCluster;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Columns typed {@code 'ReversedType(c)'} where {@code c} is a non-frozen collection, through the
 * driver: 5.0.9 shows them as {@code c} (schema metadata, result and bind metadata) but stores one
 * cell, so whole values are written and read while element operations are refused as on a scalar
 * column. Unlike 5.0.9, whose restarted node cannot read such a column back, a durable Ringlet node
 * keeps it across a restart.
 */
class DriverReversedCollectionsTest {

  private static final String KEYSPACE =
      "CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}";

  @TempDir
  Path data;

  @Test
  void should_show_the_collection_types_and_write_and_read_whole_values() {
    try (RingletCluster cluster = Ringlet.start(ClusterSpec.defaults()); CqlSession session = connect(cluster)) {
      session.execute(KEYSPACE);
      session.execute("CREATE TABLE ks.t (k int PRIMARY KEY, l 'ReversedType(ListType(Int32Type))',"
          + " s 'ReversedType(SetType(UTF8Type))', m 'ReversedType(MapType(Int32Type,UTF8Type))')");

      TableMetadata table = session.getMetadata().getKeyspace("ks").orElseThrow().getTable("t").orElseThrow();
      assertThat(table.getColumn("l").orElseThrow().getType()).isEqualTo(DataTypes.listOf(DataTypes.INT));
      assertThat(table.getColumn("m").orElseThrow().getType()).isEqualTo(DataTypes.mapOf(DataTypes.INT, DataTypes.TEXT));

      PreparedStatement insert = session.prepare("INSERT INTO ks.t (k, l, s, m) VALUES (?, ?, ?, ?)");
      assertThat(insert.getVariableDefinitions().get("s").getType()).isEqualTo(DataTypes.setOf(DataTypes.TEXT));
      Map<Integer, String> m = new LinkedHashMap<>();
      m.put(2, "two");
      m.put(1, "one");
      session.execute(insert.bind(1, List.of(3, 1, 2), new LinkedHashSet<>(List.of("b", "a")), m));
      session.execute("INSERT INTO ks.t (k, l, s) VALUES (2, [], {})");

      Row row = session.execute("SELECT l, s, m FROM ks.t WHERE k = 1").one();
      assertThat(row.getList("l", Integer.class)).containsExactly(3, 1, 2);
      // 5.0.9 keeps a bound value's bytes as they came, unsorted (a frozen set's are sorted)
      assertThat(row.getSet("s", String.class)).containsExactly("b", "a");
      assertThat(row.getMap("m", Integer.class, String.class)).containsExactly(Map.entry(2, "two"), Map.entry(1, "one"));
      assertThat(session.execute("SELECT s FROM ks.t WHERE k = 2").one().getSet("s", String.class)).isEmpty();
      // one cell: an empty collection is a value, not a deletion
      assertThat(session.execute("SELECT l FROM ks.t WHERE k = 2").one().isNull("l")).isFalse();
      assertThat(session.execute("UPDATE ks.t SET m = {1: 'x'} WHERE k = 1 IF l > [3]").wasApplied()).isTrue();
    }
  }

  @Test
  void should_refuse_element_operations_as_cassandra_5_0_does() {
    try (RingletCluster cluster = Ringlet.start(ClusterSpec.defaults()); CqlSession session = connect(cluster)) {
      session.execute(KEYSPACE);
      session.execute("CREATE TABLE ks.t (k int PRIMARY KEY, l 'ReversedType(ListType(Int32Type))',"
          + " m 'ReversedType(MapType(Int32Type,UTF8Type))')");

      assertThatThrownBy(() -> session.execute("UPDATE ks.t SET l = l + [4] WHERE k = 1"))
          .isInstanceOf(InvalidQueryException.class)
          .hasMessage("Invalid operation (l = l + [4]) for non counter column l");
      assertThatThrownBy(() -> session.execute("UPDATE ks.t SET l = [0] + l WHERE k = 1"))
          .isInstanceOf(InvalidQueryException.class)
          .hasMessage("Invalid operation (l = [0] - l) for non list column l");
      assertThatThrownBy(() -> session.execute("DELETE m[1] FROM ks.t WHERE k = 1"))
          .isInstanceOf(InvalidQueryException.class)
          .hasMessage("Invalid deletion operation for non collection column m");
      assertThatThrownBy(() -> session.execute("SELECT k FROM ks.t WHERE m CONTAINS 'a' ALLOW FILTERING"))
          .isInstanceOf(InvalidQueryException.class)
          .hasMessage("Cannot use CONTAINS on non-collection column m");
      // prepared with the map's key type, then failing every execution as 5.0.9's selector does
      PreparedStatement element = session.prepare("SELECT m[?] FROM ks.t WHERE k = 1");
      assertThat(element.getVariableDefinitions().get(0).getType()).isEqualTo(DataTypes.INT);
      assertThatThrownBy(() -> session.execute(element.bind(1)))
          .isInstanceOf(ServerError.class)
          .hasMessage("java.lang.AssertionError");
    }
  }

  @Test
  void should_keep_reversed_collections_readable_across_a_restart_of_a_durable_node() {
    ClusterSpec spec = ClusterSpec.defaults().withDataDirectory(data);
    try (RingletCluster cluster = Ringlet.start(spec); CqlSession session = connect(cluster)) {
      session.execute(KEYSPACE);
      session.execute("CREATE TABLE ks.c (k int, c 'ReversedType(ListType(Int32Type))',"
          + " d 'ReversedType(SetType(Int32Type))', v 'ReversedType(MapType(Int32Type,UTF8Type))', PRIMARY KEY (k, c, d))"
          + " WITH CLUSTERING ORDER BY (c ASC, d DESC)");
      session.execute("INSERT INTO ks.c (k, c, d, v) VALUES (1, [1], {1}, {1: 'a'})");
      session.execute("INSERT INTO ks.c (k, c, d, v) VALUES (1, [2], {1}, {2: 'b'})");
    }
    try (RingletCluster cluster = Ringlet.start(spec); CqlSession session = connect(cluster)) {
      List<Row> rows = session.execute("SELECT c, v FROM ks.c WHERE k = 1").all();
      // c's ReversedType makes it descending; the map still one cell, refused element updates
      assertThat(rows).extracting(r -> r.getList("c", Integer.class)).containsExactly(List.of(2), List.of(1));
      assertThat(rows.get(0).getMap("v", Integer.class, String.class)).containsExactly(Map.entry(2, "b"));
      assertThat(session.getMetadata().getKeyspace("ks").orElseThrow().getTable("c").orElseThrow()
          .getClusteringColumns().values()).containsExactly(ClusteringOrder.DESC, ClusteringOrder.DESC);
      assertThatThrownBy(() -> session.execute("UPDATE ks.c SET v[3] = 'c' WHERE k = 1 AND c = [1] AND d = {1}"))
          .isInstanceOf(InvalidQueryException.class)
          .hasMessage("Invalid operation (v[3] = 'c') for non collection column v");
    }
  }

  private static CqlSession connect(RingletCluster cluster) {
    return CqlSession.builder().addContactPoints(cluster.contactPoints()).withLocalDatacenter(cluster.localDatacenter()).build();
  }
}
