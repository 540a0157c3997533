package dev.ringlet.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@CassandraCluster(keyspace = "truncated", schema = "classpath:schema/fresh.cql")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TruncateIsolationTest {

  @Test
  @Order(1)
  void given_a_test_that_writes(CqlSession session) {
    session.execute("INSERT INTO notes (id, body) VALUES (1, 'first')");
    assertThat(session.execute("SELECT * FROM notes").all()).hasSize(1);
  }

  @Test
  @Order(2)
  void then_the_next_test_finds_the_tables_empty_but_present(CqlSession session) {
    assertThat(session.execute("SELECT * FROM notes").all()).isEmpty();
    session.execute("INSERT INTO notes (id, body) VALUES (2, 'second')");
  }
}
