package dev.ringlet.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import org.junit.jupiter.api.Test;

/** Surefire runs in the module directory, so a relative {@code file:} path starts there. */
@CassandraCluster(keyspace = "from_file", schema = "file:src/test/resources/schema/fresh.cql")
class FileSchemaScriptTest {

  @Test
  void should_run_a_script_from_a_file(CqlSession session) {
    session.execute("INSERT INTO notes (id, body) VALUES (1, 'x')");
    assertThat(session.execute("SELECT body FROM notes WHERE id = 1").one().getString(0)).isEqualTo("x");
  }
}
