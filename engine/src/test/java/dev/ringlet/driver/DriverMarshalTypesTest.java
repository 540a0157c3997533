package dev.ringlet.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.ColumnDefinitions;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;
import com.datastax.oss.driver.api.core.type.DataTypes;
import com.datastax.oss.driver.api.core.type.CustomType;
import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.Ringlet;
import dev.ringlet.api.RingletCluster;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Column types written as Cassandra marshal classes that 5.0 reads as CQL types, seen through the
 * driver: {@code DateType} (a timestamp), {@code ReversedType} (its base type, descending as a
 * clustering column), {@code EmptyType} (the {@code empty} type, sent as a custom type),
 * {@code CompositeType}/{@code DynamicCompositeType} (custom types with their parameters, ordered
 * component by component) and the marshal {@code UserType} (a user type of the keyspace and name it carries).
 */
class DriverMarshalTypesTest {

  @TempDir
  Path data;

  @Test
  void should_order_a_reversed_type_clustering_column_descending_and_read_date_type_as_timestamp() {
    try (RingletCluster cluster = Ringlet.start(ClusterSpec.defaults()); CqlSession session = connect(cluster)) {
      session.execute("CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
      session.execute("CREATE TABLE ks.r (k int, c 'ReversedType(Int32Type)', v 'DateType', PRIMARY KEY (k, c))");
      for (int c = 1; c <= 3; c++) {
        session.execute("INSERT INTO ks.r (k, c, v) VALUES (1, " + c + ", " + (1000 * c) + ")");
      }

      List<Row> rows = session.execute("SELECT c, v FROM ks.r WHERE k = 1").all();
      assertThat(rows).extracting(r -> r.getInt("c")).containsExactly(3, 2, 1);
      assertThat(rows.get(0).getInstant("v")).isEqualTo(Instant.ofEpochSecond(3));
      ColumnDefinitions columns = session.execute("SELECT c, v FROM ks.r WHERE k = 1").getColumnDefinitions();
      assertThat(columns.get("c").getType()).isEqualTo(DataTypes.INT);
      assertThat(columns.get("v").getType()).isEqualTo(DataTypes.TIMESTAMP);
      assertThat(session.getMetadata().getKeyspace("ks").orElseThrow().getTable("r").orElseThrow()
          .getClusteringColumns().values()).containsExactly(
              com.datastax.oss.driver.api.core.metadata.schema.ClusteringOrder.DESC);

    }
  }

  @Test
  void should_send_composite_columns_as_custom_types_ordered_component_by_component_across_a_restart() {
    String composite = "org.apache.cassandra.db.marshal.CompositeType(org.apache.cassandra.db.marshal.Int32Type,"
        + "org.apache.cassandra.db.marshal.ReversedType(org.apache.cassandra.db.marshal.UTF8Type))";
    ClusterSpec spec = ClusterSpec.defaults().withDataDirectory(data);
    try (RingletCluster cluster = Ringlet.start(spec); CqlSession session = connect(cluster)) {
      session.execute("CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
      session.execute("CREATE TABLE ks.c (k int, c 'CompositeType(Int32Type, ReversedType(UTF8Type))',"
          + " d 'DynamicCompositeType(s=>UTF8Type)', PRIMARY KEY (k, c))");
      session.execute("INSERT INTO ks.c (k, c, d) VALUES (1, '2:a', 's@x')");
      session.execute("INSERT INTO ks.c (k, c) VALUES (1, '1:a')");
      session.execute(session.prepare("INSERT INTO ks.c (k, c) VALUES (1, ?)")
          .bind(ByteBuffer.wrap(new byte[] {0, 4, 0, 0, 0, 1, 0, 0, 1, 'b', 0})));
      assertThatThrownBy(() -> session.execute(session.prepare("INSERT INTO ks.c (k, c) VALUES (1, ?)")
          .bind(ByteBuffer.wrap(new byte[] {0, 4, 0, 0, 0, 1}))))
          .isInstanceOf(InvalidQueryException.class)
          .hasMessage("Not enough bytes to read the end-of-component byte of component0");
      // bytes a comparison cannot read to their end (5.0 fails the write once it compares them)
      session.execute("INSERT INTO ks.c (k, c) VALUES (2, 0x0004000000010100016100)");
      assertThatThrownBy(() -> session.execute("INSERT INTO ks.c (k, c) VALUES (1, 0x0003000000)"))
          .isInstanceOf(com.datastax.oss.driver.api.core.servererrors.ServerError.class)
          .hasMessage("java.lang.IndexOutOfBoundsException");
      assertThatThrownBy(() -> session.execute("SELECT JSON * FROM ks.c"))
          .isInstanceOf(com.datastax.oss.driver.api.core.servererrors.ServerError.class)
          .hasMessage("java.lang.UnsupportedOperationException");
    }
    try (RingletCluster cluster = Ringlet.start(spec); CqlSession session = connect(cluster)) {
      assertThat(session.execute("SELECT c FROM ks.c WHERE k = 2").one().getByteBuffer("c"))
          .isEqualTo(ByteBuffer.wrap(new byte[] {0, 4, 0, 0, 0, 1, 1, 0, 1, 0x61, 0}));
      List<Row> rows = session.execute("SELECT c, d FROM ks.c WHERE k = 1").all();
      assertThat(rows).extracting(r -> hex(r.getByteBuffer("c")))
          .containsExactly("0004000000010000016200", "0004000000010000016100", "0004000000020000016100");
      assertThat(hex(rows.get(2).getByteBuffer("d"))).isEqualTo("8073000178" + "00");
      assertThat(rows.get(0).getColumnDefinitions().get("c").getType()).isInstanceOfSatisfying(CustomType.class,
          t -> assertThat(t.getClassName()).isEqualTo(composite));
      assertThat(session.getMetadata().getKeyspace("ks").orElseThrow().getTable("c").orElseThrow()
          .getColumn("d").orElseThrow().getType()).isInstanceOfSatisfying(CustomType.class,
              t -> assertThat(t.getClassName()).isEqualTo(
                  "org.apache.cassandra.db.marshal.DynamicCompositeType(s=>org.apache.cassandra.db.marshal.UTF8Type)"));
    }
  }

  @Test
  void should_read_a_marshal_user_type_as_the_user_type_it_names() {
    try (RingletCluster cluster = Ringlet.start(ClusterSpec.defaults()); CqlSession session = connect(cluster)) {
      session.execute("CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
      session.execute("CREATE TABLE ks.u (k int PRIMARY KEY,"
          + " v 'UserType(ks,61646472,737472656574:UTF8Type,6e756d:Int32Type)')");
      session.execute("INSERT INTO ks.u (k, v) VALUES (1, {street: 'x', num: 1})");
      session.execute("UPDATE ks.u SET v.num = 2 WHERE k = 1");

      Row row = session.execute("SELECT v FROM ks.u WHERE k = 1").one();
      com.datastax.oss.driver.api.core.data.UdtValue v = row.getUdtValue("v");
      assertThat(v.getType().getKeyspace().asInternal()).isEqualTo("ks");
      assertThat(v.getType().getName().asInternal()).isEqualTo("addr");
      assertThat(v.getString("street")).isEqualTo("x");
      assertThat(v.getInt("num")).isEqualTo(2);
      assertThat(session.getMetadata().getKeyspace("ks").orElseThrow().getUserDefinedTypes()).isEmpty();
    }
  }

  private static String hex(ByteBuffer b) {
    return com.datastax.oss.protocol.internal.util.Bytes.toHexString(b).substring(2);
  }

  @Test
  void should_keep_empty_type_columns_across_a_restart_of_a_durable_node() {
    ClusterSpec spec = ClusterSpec.defaults().withDataDirectory(data);
    try (RingletCluster cluster = Ringlet.start(spec); CqlSession session = connect(cluster)) {
      session.execute("CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
      session.execute("CREATE TABLE ks.e (k int, c 'EmptyType', v 'org.apache.cassandra.db.marshal.EmptyType',"
          + " l list<'EmptyType'>, PRIMARY KEY (k, c))");
      session.execute(session.prepare("INSERT INTO ks.e (k, c, v) VALUES (1, ?, ?)")
          .bind(ByteBuffer.allocate(0), ByteBuffer.allocate(0)));
      assertThatThrownBy(() -> session.execute("INSERT INTO ks.e (k, c, v) VALUES (2, 0x, 0x)"))
          .isInstanceOf(InvalidQueryException.class)
          .hasMessage("Invalid HEX constant (0x) for \"v\" of type empty");
      assertThatThrownBy(() -> session.execute(session.prepare("INSERT INTO ks.e (k, c, v) VALUES (2, ?, ?)")
          .bind(ByteBuffer.allocate(0), ByteBuffer.wrap(new byte[] {1}))))
          .isInstanceOf(InvalidQueryException.class)
          .hasMessage("EmptyType only accept empty values");
    }
    try (RingletCluster cluster = Ringlet.start(spec); CqlSession session = connect(cluster)) {
      Row row = session.execute("SELECT k, c, v, toJson(v) FROM ks.e").one();
      assertThat(row.getInt("k")).isEqualTo(1);
      assertThat(row.getColumnDefinitions().get("v").getType()).isInstanceOfSatisfying(CustomType.class,
          t -> assertThat(t.getClassName()).isEqualTo("org.apache.cassandra.db.marshal.EmptyType"));
      assertThat(row.getBytesUnsafe("v").remaining()).isZero();
      assertThat(row.getString(3)).isEqualTo("\"\"");
      assertThat(session.execute("SELECT column_name, type FROM system_schema.columns WHERE keyspace_name = 'ks'"
          + " AND table_name = 'e'").all()).extracting(r -> r.getString(0) + " " + r.getString(1))
          .containsExactly("c empty", "k int", "l list<empty>", "v empty");
    }
  }

  @Test
  void should_order_partitioner_defined_order_values_by_token_across_a_restart_of_a_durable_node() {
    String pdo = "org.apache.cassandra.db.marshal.PartitionerDefinedOrder(org.apache.cassandra.dht.Murmur3Partitioner)";
    ClusterSpec spec = ClusterSpec.defaults().withDataDirectory(data);
    try (RingletCluster cluster = Ringlet.start(spec); CqlSession session = connect(cluster)) {
      session.execute("CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
      session.execute("CREATE TABLE ks.p (k int, c 'PartitionerDefinedOrder', v int, PRIMARY KEY (k, c))");
      for (String c : List.of("0x0a", "0x0b", "0x", "0x0c")) {
        session.execute("INSERT INTO ks.p (k, c, v) VALUES (1, " + c + ", 1)");
      }
      assertThatThrownBy(() -> session.execute(session.prepare("INSERT INTO ks.p (k, c, v) VALUES (1, ?, 1)")
          .bind(ByteBuffer.wrap(new byte[] {1}))))
          .isInstanceOf(com.datastax.oss.driver.api.core.servererrors.ServerError.class)
          .hasMessage("java.lang.IllegalStateException: You shouldn't be validating this.");
      assertThatThrownBy(() -> session.execute("INSERT INTO ks.p (k, c, v) VALUES (1, 'x', 1)"))
          .isInstanceOf(com.datastax.oss.driver.api.core.servererrors.ServerError.class)
          .hasMessage("java.lang.UnsupportedOperationException");
    }
    try (RingletCluster cluster = Ringlet.start(spec); CqlSession session = connect(cluster)) {
      List<Row> rows = session.execute("SELECT c FROM ks.p WHERE k = 1").all();
      // Murmur3 token order, the empty value (minimum token) first, as 5.0.9 answers
      assertThat(rows).extracting(r -> hex(r.getByteBuffer("c"))).containsExactly("", "0b", "0c", "0a");
      assertThat(rows.get(0).getColumnDefinitions().get("c").getType()).isInstanceOfSatisfying(CustomType.class,
          t -> assertThat(t.getClassName()).isEqualTo(pdo));
      assertThat(session.execute("SELECT c FROM ks.p WHERE k = 1 AND c > 0x0b").all())
          .extracting(r -> hex(r.getByteBuffer("c"))).containsExactly("0c", "0a");
      assertThat(session.execute("SELECT type FROM system_schema.columns WHERE keyspace_name = 'ks' AND table_name = 'p'"
          + " AND column_name = 'c'").one().getString(0)).isEqualTo("'" + pdo + "'");
    }
  }

  @Test
  void should_reverse_a_reversed_type_clustering_column_declared_desc_twice_across_a_restart_of_a_durable_node() {
    String reversedInt = "org.apache.cassandra.db.marshal.ReversedType(org.apache.cassandra.db.marshal.Int32Type)";
    ClusterSpec spec = ClusterSpec.defaults().withDataDirectory(data);
    try (RingletCluster cluster = Ringlet.start(spec); CqlSession session = connect(cluster)) {
      session.execute("CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
      session.execute("CREATE TABLE ks.r (k int, c 'ReversedType(Int32Type)', v 'ReversedType(ReversedType(Int32Type))',"
          + " PRIMARY KEY (k, c)) WITH CLUSTERING ORDER BY (c DESC)");
      for (int c : new int[] {2, 3, 1}) {
        session.execute("INSERT INTO ks.r (k, c, v) VALUES (1, " + c + ", " + c + ")");
      }
      assertThat(ints(session.execute("SELECT c FROM ks.r WHERE k = 1").all(), "c")).containsExactly(1, 2, 3);
    }
    try (RingletCluster cluster = Ringlet.start(spec); CqlSession session = connect(cluster)) {
      List<Row> rows = session.execute("SELECT c, v FROM ks.r WHERE k = 1").all();
      // 5.0.9: ascending data, the custom ReversedType(Int32Type) in result metadata, blob values
      assertThat(ints(rows, "c")).containsExactly(1, 2, 3);
      assertThat(rows.get(0).getColumnDefinitions().get("c").getType()).isInstanceOfSatisfying(CustomType.class,
          t -> assertThat(t.getClassName()).isEqualTo(reversedInt));
      assertThat(rows.get(0).getColumnDefinitions().get("v").getType()).isInstanceOfSatisfying(CustomType.class,
          t -> assertThat(t.getClassName()).isEqualTo(reversedInt));
      // restrictions compare in the column's reversed order: c > 1 selects what precedes 1
      assertThat(ints(session.execute("SELECT c FROM ks.r WHERE k = 1 AND c >= 2").all(), "c")).containsExactly(1, 2);
      assertThat(ints(session.execute("SELECT c FROM ks.r WHERE k = 1 ORDER BY c ASC").all(), "c")).containsExactly(3, 2, 1);
      assertThat(session.execute("SELECT type, clustering_order FROM system_schema.columns WHERE keyspace_name = 'ks'"
          + " AND table_name = 'r' AND column_name = 'c'").one()).satisfies(r -> {
            assertThat(r.getString(0)).isEqualTo("int");
            assertThat(r.getString(1)).isEqualTo("desc");
          });
      assertThat(session.getMetadata().getKeyspace("ks").orElseThrow().getTable("r").orElseThrow()
          .getClusteringColumns().values()).containsExactly(
              com.datastax.oss.driver.api.core.metadata.schema.ClusteringOrder.DESC);
    }
  }

  @Test
  void should_order_date_type_values_by_their_unsigned_bytes_across_a_restart_of_a_durable_node() {
    ClusterSpec spec = ClusterSpec.defaults().withDataDirectory(data);
    try (RingletCluster cluster = Ringlet.start(spec); CqlSession session = connect(cluster)) {
      session.execute("CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
      session.execute("CREATE TABLE ks.d (k int, c 'DateType', v 'DateType', PRIMARY KEY (k, c))");
      for (String c : List.of("'1969-12-31 23:59:59+0000'", "'2020-01-01'", "'1900-01-01'", "0")) {
        session.execute("INSERT INTO ks.d (k, c, v) VALUES (1, " + c + ", " + c + ")");
      }
      assertThatThrownBy(() -> session.execute("SELECT CAST(v AS text) FROM ks.d"))
          .isInstanceOf(InvalidQueryException.class)
          .hasMessageStartingWith("Ambiguous call to function system.cast_as_text");
    }
    try (RingletCluster cluster = Ringlet.start(spec); CqlSession session = connect(cluster)) {
      ResultSetRows rows = new ResultSetRows(session.execute("SELECT c, max(v) FROM ks.d WHERE k = 1").all());
      assertThat(rows.first().getColumnDefinitions().get("c").getType()).isEqualTo(DataTypes.TIMESTAMP);
      // 5.0.9 compares DateType's bytes unsigned: 1970 onwards first, then the earlier dates
      assertThat(session.execute("SELECT c FROM ks.d WHERE k = 1").all()).extracting(r -> r.getInstant("c").toString())
          .containsExactly("1970-01-01T00:00:00Z", "2020-01-01T00:00:00Z", "1900-01-01T00:00:00Z", "1969-12-31T23:59:59Z");
      assertThat(rows.first().getInstant(1)).isEqualTo(Instant.parse("1969-12-31T23:59:59Z"));
      assertThat(session.execute("SELECT c FROM ks.d WHERE k = 1 AND c > '1960-01-01'").all())
          .extracting(r -> r.getInstant("c").toString()).containsExactly("1969-12-31T23:59:59Z");
    }
  }

  /** The rows of one result. */
  private record ResultSetRows(List<Row> rows) {
    Row first() {
      return rows.get(0);
    }
  }

  private static List<Integer> ints(List<Row> rows, String column) {
    return rows.stream().map(r -> r.getByteBuffer(column).getInt(0)).toList();
  }

  private static CqlSession connect(RingletCluster cluster) {
    return CqlSession.builder().addContactPoints(cluster.contactPoints()).withLocalDatacenter(cluster.localDatacenter()).build();
  }
}
