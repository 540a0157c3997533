package dev.ringlet.driver;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.metadata.schema.KeyspaceMetadata;
import com.datastax.oss.driver.api.core.metadata.schema.TableMetadata;
import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.Ringlet;
import dev.ringlet.api.RingletCluster;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * After each DDL the driver re-reads {@code system_schema} and {@code system_virtual_schema}; the
 * node keeps those reads' analysis and projected rows across schema versions. Whatever it keeps,
 * every answer must be byte for byte what a first-time analysis of the same query answers (the
 * query sent again with its text spaced differently, which the node analyses afresh), over pages,
 * column subsets and a keyspace restriction, and the driver's metadata must follow every change.
 */
class DriverSchemaRefreshAnswersTest {

  private static final List<String> QUERIES = List.of(
      "SELECT * FROM system_schema.columns",
      "SELECT * FROM system_schema.tables",
      "SELECT * FROM system_schema.keyspaces",
      "SELECT * FROM system_schema.types",
      "SELECT * FROM system_schema.dropped_columns",
      "SELECT keyspace_name, table_name, column_name, type FROM system_schema.columns",
      "SELECT column_name, kind FROM system_schema.columns WHERE keyspace_name = 'shop'",
      "SELECT * FROM system_schema.columns WHERE keyspace_name = 'shop' AND table_name = 'carts'",
      "SELECT * FROM system_virtual_schema.columns",
      "SELECT * FROM system_virtual_schema.tables");

  @Test
  void should_answer_schema_reads_after_each_ddl_as_a_first_analysis_does() {
    try (RingletCluster cluster = Ringlet.start(ClusterSpec.defaults());
        CqlSession session = CqlSession.builder().addContactPoints(cluster.contactPoints())
            .withLocalDatacenter(cluster.localDatacenter()).build()) {
      List<String> ddl = List.of(
          "CREATE KEYSPACE shop WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}",
          "CREATE TABLE shop.carts (id int, seq int, name text, PRIMARY KEY (id, seq))",
          "CREATE TABLE shop.items (id int PRIMARY KEY, tags set<text>)",
          "ALTER TABLE shop.carts ADD note text",
          "CREATE TYPE shop.address (street text, zip int)",
          "ALTER TABLE shop.carts DROP name",
          "DROP TABLE shop.items",
          "CREATE TABLE shop.aardvarks (id int PRIMARY KEY, home frozen<address>)",
          "DROP KEYSPACE shop");
      int step = 0;
      for (String statement : ddl) {
        session.execute(statement);
        step++;
        for (String query : QUERIES) {
          // the same text as before: analysed under an earlier schema, projections kept
          List<List<ByteBuffer>> kept = answer(session, query);
          // a text the node has never seen: analysed and projected now
          List<List<ByteBuffer>> fresh = answer(session, query.replace("SELECT ", "SELECT" + " ".repeat(step + 1)));
          assertThat(kept).as("%s after %s", query, statement).isEqualTo(fresh);
          assertThat(answer(session, query)).as("%s again after %s", query, statement).isEqualTo(fresh);
        }
        if (statement.startsWith("ALTER TABLE shop.carts ADD")) {
          assertThat(columnsOf(session, "carts")).containsExactly("id", "seq", "name", "note");
          assertThat(answer(session, "SELECT column_name FROM system_schema.columns WHERE keyspace_name = 'shop'"
              + " AND table_name = 'carts'")).hasSize(4);
        }
        if (statement.startsWith("CREATE TABLE shop.aardvarks")) {
          assertThat(columnsOf(session, "carts")).containsExactly("id", "seq", "note");
          assertThat(columnsOf(session, "aardvarks")).containsExactly("id", "home");
          KeyspaceMetadata shop = session.getMetadata().getKeyspace("shop").orElseThrow();
          assertThat(shop.getTables().keySet()).extracting(Object::toString).containsExactlyInAnyOrder("carts", "aardvarks");
          assertThat(shop.getUserDefinedTypes().keySet()).extracting(Object::toString).containsExactly("address");
        }
      }
      assertThat(session.getMetadata().getKeyspace("shop")).isEmpty();
      assertThat(answer(session, "SELECT * FROM system_schema.columns WHERE keyspace_name = 'shop'")).isEmpty();
    }
  }

  /** Every page of the query (7 rows a page), each row's values as sent. */
  private static List<List<ByteBuffer>> answer(CqlSession session, String query) {
    ResultSet rs = session.execute(SimpleStatement.newInstance(query).setPageSize(7));
    List<List<ByteBuffer>> rows = new ArrayList<>();
    for (Row row : rs) {
      List<ByteBuffer> values = new ArrayList<>();
      for (int i = 0; i < row.getColumnDefinitions().size(); i++) {
        values.add(row.getBytesUnsafe(i));
      }
      rows.add(values);
    }
    return rows;
  }

  private static List<String> columnsOf(CqlSession session, String table) {
    TableMetadata t = session.getMetadata().getKeyspace("shop").orElseThrow().getTable(table).orElseThrow();
    List<String> names = new ArrayList<>();
    t.getColumns().keySet().forEach(c -> names.add(c.asInternal()));
    return names;
  }
}
