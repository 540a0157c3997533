package dev.ringlet.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@CassandraCluster(keyspace = "kept", schema = "classpath:schema/fresh.cql", isolation = Isolation.NONE)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NoIsolationTest {

  @Test
  @Order(1)
  void given_a_test_that_writes(CqlSession session) {
    session.execute("INSERT INTO notes (id, body) VALUES (1, 'first')");
  }

  @Test
  @Order(2)
  void then_the_next_test_sees_its_rows(CqlSession session) {
    assertThat(session.execute("SELECT body FROM notes WHERE id = 1").one().getString(0)).isEqualTo("first");
  }
}
