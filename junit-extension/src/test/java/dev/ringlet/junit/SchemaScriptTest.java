package dev.ringlet.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import java.util.List;
import org.junit.jupiter.api.Test;

@CassandraCluster(keyspace = "catalog", schema = {"classpath:schema/catalog.cql", "schema/second-keyspace.cql"},
    isolation = Isolation.NONE)
class SchemaScriptTest {

  @Test
  void should_create_the_keyspace_with_simple_strategy_rf_1(CqlSession session) {
    Row keyspace = session.execute(
        "SELECT replication FROM system_schema.keyspaces WHERE keyspace_name = 'catalog'").one();
    assertThat(keyspace.getMap("replication", String.class, String.class))
        .containsEntry("replication_factor", "1")
        .hasEntrySatisfying("class", c -> assertThat(c).endsWith("SimpleStrategy"));
  }

  @Test
  void should_bind_the_session_to_the_keyspace(CqlSession session) {
    assertThat(session.getKeyspace()).contains(CqlIdentifier.fromCql("catalog"));
  }

  @Test
  void should_run_every_statement_keeping_semicolons_in_strings_and_bodies(CqlSession session) {
    List<Row> products = session.execute("SELECT sku, name FROM products").all();
    assertThat(products).extracting(r -> r.getString("sku") + "=" + r.getString("name"))
        .containsExactlyInAnyOrder("p-1=semi;colon ' quote", "p-2=dollar; body -- not a comment");
    assertThat(session.execute("SELECT body FROM reviews WHERE sku = 'p-1'").one().getString("body")).isEqualTo("ok");
  }

  @Test
  void should_follow_use_statements_in_a_script(CqlSession session) {
    assertThat(session.execute(
        "SELECT table_name FROM system_schema.tables WHERE keyspace_name = 'audit'").all())
        .extracting(r -> r.getString(0)).containsExactly("events");
  }
}
