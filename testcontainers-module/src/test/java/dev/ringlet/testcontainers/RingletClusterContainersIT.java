package dev.ringlet.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DriverException;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.metadata.Node;
import com.datastax.oss.driver.api.core.metadata.NodeState;
import dev.ringlet.testcontainers.internal.CqlProbe;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnorth.ducttape.ratelimits.RateLimiter;
import org.rnorth.ducttape.ratelimits.RateLimiterBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The container group, for real: three containers forming one cluster over the TCP transport, seen
 * by the driver through mapped ports; RF=3 QUORUM through a stopped container; its return; QUORUM
 * through a paused container. The single-node group proves pause/unpause on a real container.
 */
class RingletClusterContainersIT {

  private static final Logger LOG = LoggerFactory.getLogger(RingletClusterContainersIT.class);

  /**
   * Bound for what waits on failure detection: the coordinators convict a node that went silent
   * after about 18 s; until then a request may time out. (A stopped container's node shuts down
   * cleanly and tells its peers; a paused one just goes silent.)
   */
  private static final Duration CONVICTION = Duration.ofSeconds(60);

  @BeforeAll
  static void engine() {
    ContainerEngine.require();
  }

  @Test
  void should_form_a_three_node_cluster_that_keeps_quorum_through_a_stopped_node_which_then_rejoins() {
    try (RingletClusterContainers cluster = new RingletClusterContainers(ContainerEngine.image()).withNodes(3)) {
      long begin = System.nanoTime();
      cluster.start();
      LOG.info("3-container cluster started (every node ready and seeing 2 peers) in {} ms",
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin));
      assertThat(cluster.getContactPoints()).hasSize(3);
      assertThat(cluster.getAddressTranslation()).hasSize(3);

      try (CqlSession session = session(cluster)) {
        // the driver found every node from system.peers, reached through the mapped ports
        assertThat(session.getMetadata().getNodes()).hasSize(3);
        assertThat(endpoints(session.getMetadata().getNodes().values()))
            .containsExactlyInAnyOrderElementsOf(cluster.getContactPoints());
        assertThat(session.getMetadata().getNodes().values().stream()
            .map(n -> n.getBroadcastRpcAddress().orElseThrow().getAddress().getHostAddress()))
            .containsExactlyInAnyOrder(cluster.getNodeAddress(1), cluster.getNodeAddress(2), cluster.getNodeAddress(3));
        awaitUp(session, 3);

        session.execute("CREATE KEYSPACE shop WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 3}");
        session.execute("CREATE TABLE shop.orders (id int PRIMARY KEY, item text)");
        session.execute(quorum("INSERT INTO shop.orders (id, item) VALUES (1, 'lamp')"));
        assertThat(item(session, 1, ConsistencyLevel.ALL)).isEqualTo("lamp");

        cluster.stopNode(3);
        assertThat(cluster.getContactPoints()).hasSize(2);
        // until the coordinators convict node 3, a request may wait for it and time out
        await(CONVICTION, "QUORUM write and read with node 3 stopped", () -> {
          try {
            session.execute(quorum("INSERT INTO shop.orders (id, item) VALUES (2, 'desk')"));
            return "desk".equals(item(session, 2, ConsistencyLevel.QUORUM));
          } catch (DriverException e) {
            LOG.info("with node 3 stopped, not yet: {}", e.toString());
            return false;
          }
        });
        for (int id = 10; id < 20; id++) {
          session.execute(quorum("INSERT INTO shop.orders (id, item) VALUES (" + id + ", 'chair')"));
          assertThat(item(session, id, ConsistencyLevel.QUORUM)).isEqualTo("chair");
        }
        assertThat(item(session, 1, ConsistencyLevel.QUORUM)).isEqualTo("lamp");

        cluster.startNode(3);
        assertThat(cluster.getNodeAddress(3)).as("same address after the restart")
            .isEqualTo(addressSeenBy(cluster.getContactPoint(3)));
        awaitUp(session, 3);
        assertThat(session.getMetadata().getNodes()).as("the same three nodes, no newcomer").hasSize(3);
        Node third = session.getMetadata().getNodes().values().stream()
            .filter(n -> n.getEndPoint().resolve().equals(cluster.getContactPoint(3)))
            .findFirst().orElseThrow();
        // the node that came back coordinates, and ALL needs it as a replica
        await(CONVICTION, "an ALL write and read coordinated by the rejoined node", () -> {
          try {
            session.execute(SimpleStatement.newInstance("INSERT INTO shop.orders (id, item) VALUES (3, 'shelf')")
                .setConsistencyLevel(ConsistencyLevel.ALL).setNode(third));
            Row row = session.execute(SimpleStatement.newInstance("SELECT item FROM shop.orders WHERE id = 3")
                .setConsistencyLevel(ConsistencyLevel.ALL).setNode(third)).one();
            return row != null && "shelf".equals(row.getString(0));
          } catch (DriverException e) {
            LOG.info("with node 3 back, not yet: {}", e.toString());
            return false;
          }
        });
        assertThat(item(session, 2, ConsistencyLevel.QUORUM)).isEqualTo("desk");

        // a frozen node says nothing to anyone: QUORUM works again once failure detection convicts it
        cluster.pauseNode(2);
        await(CONVICTION, "QUORUM write and read with node 2 paused", () -> {
          try {
            session.execute(quorum("INSERT INTO shop.orders (id, item) VALUES (4, 'bench')"));
            return "bench".equals(item(session, 4, ConsistencyLevel.QUORUM));
          } catch (DriverException e) {
            LOG.info("with node 2 paused, not yet: {}", e.toString());
            return false;
          }
        });
        cluster.unpauseNode(2);
        awaitUp(session, 3);
      }
    }
  }

  @Test
  void should_bring_back_every_node_of_a_durable_cluster_configured_per_node(@TempDir Path parent) throws IOException {
    Path data = Files.createDirectory(parent.resolve("cluster-data"));
    // the containers' user is uid 999; the test runs as whoever runs the build
    Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxrwxrwx"));
    Set<String> hostIds;
    try (RingletClusterContainers cluster = new RingletClusterContainers(ContainerEngine.image()).withNodes(2)
        .withDataDirectory(data).withEachNode(node -> node.withReleaseVersion("5.0.4").withMaterializedViews())) {
      cluster.start();
      try (CqlSession session = session(cluster)) {
        awaitUp(session, 2);
        session.execute("CREATE KEYSPACE shop WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 2}");
        session.execute("CREATE TABLE shop.orders (id int PRIMARY KEY, item text)");
        session.execute("CREATE MATERIALIZED VIEW shop.by_item AS SELECT * FROM shop.orders"
            + " WHERE item IS NOT NULL AND id IS NOT NULL PRIMARY KEY (item, id)");
        for (int id = 0; id < 20; id++) {
          session.execute(SimpleStatement.newInstance("INSERT INTO shop.orders (id, item) VALUES (" + id + ", 'item"
              + (id % 4) + "')").setConsistencyLevel(ConsistencyLevel.ALL));
        }
        hostIds = hostIds(session);
      }
    }
    assertThat(data.resolve("node-1")).isNotEmptyDirectory();
    assertThat(data.resolve("node-2")).isNotEmptyDirectory();
    try (RingletClusterContainers cluster = new RingletClusterContainers(ContainerEngine.image()).withNodes(2)
        .withDataDirectory(data).withEachNode(node -> node.withReleaseVersion("5.0.4").withMaterializedViews())) {
      cluster.start();
      try (CqlSession session = session(cluster)) {
        awaitUp(session, 2);
        assertThat(hostIds(session)).as("the same nodes").isEqualTo(hostIds);
        for (int n = 1; n <= 2; n++) {
          Node node = nodeAt(session, cluster.getContactPoint(n));
          // each replica has every row (RF 2 on 2 nodes), and every node was configured by withEachNode
          assertThat(session.execute(SimpleStatement.newInstance("SELECT count(*) FROM shop.orders")
              .setConsistencyLevel(ConsistencyLevel.ONE).setNode(node)).one().getLong(0)).isEqualTo(20L);
          assertThat(session.execute(SimpleStatement.newInstance("SELECT release_version FROM system.local")
              .setNode(node)).one().getString(0)).isEqualTo("5.0.4");
          // and the view, which the restarted nodes did not rebuild (the first one came back alone)
          assertThat(session.execute(SimpleStatement.newInstance("SELECT id FROM shop.by_item WHERE item = 'item1'")
              .setConsistencyLevel(ConsistencyLevel.ONE).setNode(node)).all()).hasSize(5);
        }
      }
    }
  }

  private static Set<String> hostIds(CqlSession session) {
    return session.getMetadata().getNodes().values().stream()
        .map(n -> String.valueOf(n.getHostId())).collect(Collectors.toSet());
  }

  private static Node nodeAt(CqlSession session, InetSocketAddress contactPoint) {
    return session.getMetadata().getNodes().values().stream()
        .filter(n -> n.getEndPoint().resolve().equals(contactPoint))
        .findFirst().orElseThrow();
  }

  @Test
  void should_pause_and_unpause_a_single_node() {
    try (RingletClusterContainers cluster = new RingletClusterContainers(ContainerEngine.image())
        .withDatacenter("east", 1)) {
      cluster.start();
      assertThat(cluster.getLocalDatacenter()).isEqualTo("east");
      assertThat(cluster.getContactPoints()).hasSize(1);
      try (CqlSession session = session(cluster)) {
        assertThat(session.execute("SELECT data_center FROM system.local").one().getString(0)).isEqualTo("east");
      }

      cluster.pauseNode(1);
      assertThat(answers(cluster.getContactPoint(1), Duration.ofMillis(500))).as("answers while paused").isFalse();
      cluster.unpauseNode(1);
      assertThat(answers(cluster.getContactPoint(1), Duration.ofSeconds(10))).as("answers after unpause").isTrue();
    }
  }

  private static CqlSession session(RingletClusterContainers cluster) {
    return CqlSession.builder()
        .addContactPoints(cluster.getContactPoints())
        .withLocalDatacenter(cluster.getLocalDatacenter())
        .withConfigLoader(DriverConfigLoader.programmaticBuilder()
            .withClass(DefaultDriverOption.ADDRESS_TRANSLATOR_CLASS, MappedPortsTranslator.class)
            .withStringList(MappedPortsTranslator.MAPPING, MappedPortsTranslator.entries(cluster.getAddressTranslation()))
            // a node that comes back is tried again within a second, not after up to a minute
            .withDuration(DefaultDriverOption.RECONNECTION_BASE_DELAY, Duration.ofMillis(500))
            .withDuration(DefaultDriverOption.RECONNECTION_MAX_DELAY, Duration.ofSeconds(1))
            .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(5))
            .build())
        .build();
  }

  private static SimpleStatement quorum(String cql) {
    return SimpleStatement.newInstance(cql).setConsistencyLevel(ConsistencyLevel.QUORUM);
  }

  private static String item(CqlSession session, int id, ConsistencyLevel consistency) {
    Row row = session.execute(SimpleStatement.newInstance("SELECT item FROM shop.orders WHERE id = ?", id)
        .setConsistencyLevel(consistency)).one();
    return row == null ? null : row.getString(0);
  }

  private static Set<InetSocketAddress> endpoints(Collection<Node> nodes) {
    return nodes.stream().map(n -> (InetSocketAddress) n.getEndPoint().resolve()).collect(Collectors.toSet());
  }

  private static void awaitUp(CqlSession session, int count) {
    await(CONVICTION, count + " nodes up in the driver", () -> {
      Collection<Node> nodes = session.getMetadata().getNodes().values();
      return nodes.size() == count && nodes.stream().allMatch(n -> n.getState() == NodeState.UP);
    });
  }

  /** The address the node at {@code contactPoint} gives itself in system.local. */
  private static String addressSeenBy(InetSocketAddress contactPoint) {
    try (CqlProbe probe = CqlProbe.connect(contactPoint.getHostString(), contactPoint.getPort(), Duration.ofSeconds(5))) {
      probe.startup();
      return InetAddress.getByAddress(probe.query("SELECT broadcast_address FROM system.local").get(0).get(0))
          .getHostAddress();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** Polls {@code condition} (10 times a second) until it holds, failing after {@code timeout}. */
  private static void await(Duration timeout, String what, BooleanSupplier condition) {
    RateLimiter attempts = RateLimiterBuilder.newBuilder().withRate(10, TimeUnit.SECONDS).withConstantThroughput().build();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      boolean[] done = {false};
      attempts.doWhenReady(() -> done[0] = condition.getAsBoolean());
      if (done[0]) {
        return;
      }
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError(what + ": not reached within " + timeout);
      }
    }
  }

  private static boolean answers(InetSocketAddress node, Duration timeout) {
    try (CqlProbe probe = CqlProbe.connect(node.getHostString(), node.getPort(), timeout)) {
      probe.startup();
      return probe.query("SELECT release_version FROM system.local").size() == 1;
    } catch (IOException e) {
      return false;
    }
  }
}
