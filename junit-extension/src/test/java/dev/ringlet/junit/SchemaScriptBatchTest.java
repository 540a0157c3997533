package dev.ringlet.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import org.junit.jupiter.api.Test;

/** A batch in a schema script is one statement, semicolons inside it included, as cqlsh reads it. */
@CassandraCluster(keyspace = "warehouse", schema = "classpath:schema/batched-seed.cql", isolation = Isolation.NONE)
class SchemaScriptBatchTest {

  @Test
  void should_run_a_batch_of_a_schema_script_as_one_statement(CqlSession session) {
    assertThat(session.execute("SELECT sku, units FROM stock").all())
        .extracting(r -> r.getString("sku") + "=" + r.getInt("units"))
        .containsExactlyInAnyOrder("s-1=4", "s-2=5");
  }
}
