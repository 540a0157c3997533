package dev.ringlet.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import dev.ringlet.api.RingletCluster;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@CassandraCluster(keyspace = "nesting", schema = "classpath:schema/fresh.cql")
class NestedAndParameterizedTest {

  static RingletCluster outerCluster;

  @BeforeAll
  static void remember(RingletCluster cluster, CqlSession session) {
    outerCluster = cluster;
    assertThat(session.getKeyspace()).contains(CqlIdentifier.fromCql("nesting"));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3})
  void should_inject_into_each_invocation_and_reset_between_them(int id, CqlSession session) {
    assertThat(session.execute("SELECT * FROM notes").all()).isEmpty();
    session.execute("INSERT INTO notes (id, body) VALUES (?, 'p')", id);
    assertThat(session.execute("SELECT * FROM notes").all()).hasSize(1);
  }

  @Nested
  @CassandraCluster(keyspace = "nested_own", schema = "classpath:schema/fresh.cql", isolation = Isolation.NONE)
  class WithItsOwnAnnotation {

    @Test
    void should_use_its_own_settings_on_the_shared_cluster(RingletCluster cluster, CqlSession session) {
      assertThat(cluster).isSameAs(outerCluster);
      assertThat(session.getKeyspace()).contains(CqlIdentifier.fromCql("nested_own"));
    }
  }

  @Nested
  class WhenNested {

    @Test
    void should_use_the_enclosing_class_cluster_and_keyspace(RingletCluster cluster, CqlSession session) {
      assertThat(cluster).isSameAs(outerCluster);
      assertThat(session.getKeyspace()).contains(CqlIdentifier.fromCql("nesting"));
      assertThat(session.execute("SELECT * FROM notes").all()).isEmpty();
      session.execute("INSERT INTO notes (id, body) VALUES (9, 'nested')");
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class AndPerClassLifecycle {

      private final CqlSession session;

      AndPerClassLifecycle(CqlSession session) {
        this.session = session;
      }

      @Test
      void should_inject_into_the_constructor() {
        assertThat(session.execute("SELECT * FROM notes").all()).isEmpty();
      }
    }
  }
}
