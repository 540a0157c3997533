package dev.ringlet.spring.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.metadata.schema.KeyspaceMetadata;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** RECREATE_DROP_UNUSED: tables and types no entity maps are dropped, the entities' ones created. */
@SpringBootTest(properties = {"ringlet.enabled=true", "spring.cassandra.keyspace-name=dropunused",
    "ringlet.schema.locations=classpath:cql/leftover.cql", "spring.cassandra.schema-action=RECREATE_DROP_UNUSED"})
class RecreateDropUnusedTest {

  @Autowired
  CqlSession session;

  @Test
  void should_drop_what_no_entity_maps() {
    KeyspaceMetadata keyspace = session.getMetadata().getKeyspace("dropunused").orElseThrow();

    assertThat(keyspace.getTables().keySet()).extracting(c -> c.asInternal())
        .containsExactlyInAnyOrder("orders", "page_views");
    assertThat(keyspace.getUserDefinedTypes().keySet()).extracting(c -> c.asInternal()).containsExactly("address");
  }
}
