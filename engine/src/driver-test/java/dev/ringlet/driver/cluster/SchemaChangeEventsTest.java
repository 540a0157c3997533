package dev.ringlet.driver.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.CqlSessionBuilder;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.loadbalancing.NodeDistance;
import com.datastax.oss.driver.api.core.metadata.schema.KeyspaceMetadata;
import com.datastax.oss.driver.api.core.metadata.schema.SchemaChangeListenerBase;
import com.datastax.oss.driver.api.core.metadata.schema.TableMetadata;
import com.datastax.oss.driver.api.core.type.UserDefinedType;
import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.Ringlet;
import dev.ringlet.api.RingletCluster;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Every node tells its clients of a schema change, as Cassandra 5.0's do, not only the node that
 * coordinated it: a driver whose control connection is on another node learns of DDL made by
 * other clients (driver 4 refreshes its metadata only on such events).
 */
class SchemaChangeEventsTest {

  @Test
  void should_tell_a_driver_connected_to_another_node_of_schema_changes() throws Exception {
    try (RingletCluster cluster = Ringlet.start(ClusterSpec.defaults().withNodes(3))) {
      List<InetSocketAddress> nodes = cluster.contactPoints();
      Events seen = new Events();
      try (CqlSession writer = onlyTo(cluster, nodes.get(0), null); CqlSession watcher = onlyTo(cluster, nodes.get(1), seen)) {
        writer.execute("CREATE KEYSPACE shop WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 3}");
        assertThat(seen.keyspace.get(20, TimeUnit.SECONDS).getName().asInternal()).isEqualTo("shop");

        writer.execute("CREATE TYPE shop.address (street text)");
        writer.execute("CREATE TABLE shop.carts (id int PRIMARY KEY, owner text)");
        assertThat(seen.type.get(20, TimeUnit.SECONDS).getName().asInternal()).isEqualTo("address");
        assertThat(seen.table.get(20, TimeUnit.SECONDS).getName().asInternal()).isEqualTo("carts");
        writer.execute("ALTER TABLE shop.carts ADD total int");
        assertThat(seen.altered.get(20, TimeUnit.SECONDS).getColumn("total")).isPresent();
        writer.execute("DROP TABLE shop.carts");
        assertThat(seen.dropped.get(20, TimeUnit.SECONDS).getName().asInternal()).isEqualTo("carts");
        assertThat(watcher.getMetadata().getKeyspace("shop").orElseThrow().getTable("carts")).isEmpty();
        // the writer's own session learnt of them through its responses and its own node's events
        assertThat(writer.getMetadata().getKeyspace("shop").orElseThrow().getUserDefinedType("address")).isPresent();
      }
    }
  }

  /** A session that uses only {@code node}, its control connection included. */
  private static CqlSession onlyTo(RingletCluster cluster, InetSocketAddress node, Events listener) {
    CqlSessionBuilder builder = CqlSession.builder().addContactPoint(node).withLocalDatacenter(cluster.localDatacenter())
        .withNodeDistanceEvaluator((n, dc) -> n.getEndPoint().resolve().equals(node) ? null : NodeDistance.IGNORED);
    if (listener != null) {
      builder = builder.withSchemaChangeListener(listener);
    }
    return builder.withConfigLoader(DriverConfigLoader.programmaticBuilder()
            .withDuration(DefaultDriverOption.METADATA_SCHEMA_WINDOW, Duration.ofMillis(1))
            .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(10))
            .build())
        .build();
  }

  /** The first of each kind of change the watching session's metadata saw. */
  private static final class Events extends SchemaChangeListenerBase {
    final CompletableFuture<KeyspaceMetadata> keyspace = new CompletableFuture<>();
    final CompletableFuture<UserDefinedType> type = new CompletableFuture<>();
    final CompletableFuture<TableMetadata> table = new CompletableFuture<>();
    final CompletableFuture<TableMetadata> altered = new CompletableFuture<>();
    final CompletableFuture<TableMetadata> dropped = new CompletableFuture<>();

    @Override
    public void onKeyspaceCreated(KeyspaceMetadata created) {
      keyspace.complete(created);
    }

    @Override
    public void onUserDefinedTypeCreated(UserDefinedType created) {
      type.complete(created);
    }

    @Override
    public void onTableCreated(TableMetadata created) {
      table.complete(created);
    }

    @Override
    public void onTableUpdated(TableMetadata current, TableMetadata previous) {
      altered.complete(current);
    }

    @Override
    public void onTableDropped(TableMetadata gone) {
      dropped.complete(gone);
    }
  }
}
