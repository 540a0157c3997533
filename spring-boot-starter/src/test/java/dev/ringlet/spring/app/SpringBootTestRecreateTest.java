package dev.ringlet.spring.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.metadata.schema.TableMetadata;
import dev.ringlet.api.RingletCluster;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole application with {@code ringlet.enabled=true} (no annotation) and Spring Data's RECREATE:
 * a table left by a script in an older shape is dropped and created again from the entity.
 */
@SpringBootTest(properties = {"ringlet.enabled=true", "spring.cassandra.keyspace-name=recreated",
    "ringlet.schema.locations=classpath:cql/legacy-orders.cql", "spring.cassandra.schema-action=RECREATE"})
class SpringBootTestRecreateTest {

  @Autowired
  OrderRepository orders;

  @Autowired
  CqlSession session;

  @Autowired
  RingletCluster cluster;

  @Test
  void should_recreate_the_tables_of_the_entities() {
    TableMetadata table = session.getMetadata().getKeyspace("recreated").orElseThrow().getTable("orders").orElseThrow();
    assertThat(table.getColumns().keySet()).extracting(c -> c.asInternal())
        .containsExactlyInAnyOrder("id", "customer", "items", "tags", "quantities", "shipping");
    assertThat(orders.count()).isZero();

    orders.save(DataCassandraSliceTest.order("fay"));

    assertThat(orders.findByCustomer("fay")).hasSize(1);
  }

  @Test
  void should_expose_the_cluster_the_session_is_connected_to() {
    assertThat(session.getMetadata().getNodes().values()).singleElement()
        .satisfies(node -> assertThat(node.getEndPoint().resolve()).isEqualTo(cluster.contactPoints().get(0)));
    assertThat(session.getMetadata().getClusterName()).hasValue(cluster.clusterName());
  }
}
