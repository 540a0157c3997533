package dev.ringlet.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.ringlet.api.RingletCluster;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;

@CassandraCluster(keyspace = "fresh", schema = "classpath:schema/fresh.cql", isolation = Isolation.FRESH_KEYSPACE)
class FreshKeyspaceTest {

  private static final Set<String> KEYSPACES = ConcurrentHashMap.newKeySet();

  @BeforeEach
  void each_test_starts_with_empty_tables_of_its_own(CqlSession session) {
    assertThat(session.execute("SELECT * FROM notes").all()).isEmpty();
  }

  @RepeatedTest(3)
  void should_run_in_a_keyspace_of_its_own(CqlSession session) {
    String keyspace = session.getKeyspace().orElseThrow().asInternal();
    assertThat(keyspace).startsWith("fresh_");
    assertThat(KEYSPACES.add(keyspace)).as("a keyspace no other test used").isTrue();
    session.execute("INSERT INTO notes (id, body) VALUES (1, 'mine')");
  }

  @AfterAll
  static void the_fresh_keyspaces_are_dropped(RingletCluster cluster) {
    assertThat(KEYSPACES).hasSize(3);
    try (CqlSession session = CqlSession.builder().addContactPoints(cluster.contactPoints())
        .withLocalDatacenter(cluster.localDatacenter()).build()) {
      for (String keyspace : KEYSPACES) {
        assertThat(session.execute("SELECT keyspace_name FROM system_schema.keyspaces WHERE keyspace_name = '"
            + keyspace + "'").all()).isEmpty();
      }
    }
  }
}
