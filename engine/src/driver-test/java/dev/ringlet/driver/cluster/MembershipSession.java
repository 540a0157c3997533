package dev.ringlet.driver.cluster;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.ProtocolVersion;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.metadata.Node;
import com.datastax.oss.driver.api.core.metadata.NodeStateListenerBase;
import com.datastax.oss.driver.api.core.metadata.TokenMap;
import com.datastax.oss.driver.api.core.type.codec.TypeCodecs;
import dev.ringlet.api.RingletNode;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The driver session of the membership tests (in one JVM and across processes): tuned so topology
 * and schema changes show at once, recording the nodes the driver added and removed on
 * {@code TOPOLOGY_CHANGE} events, with the reads and writes those tests make on table {@code ks.t
 * (k int PRIMARY KEY, v text)}.
 */
final class MembershipSession implements AutoCloseable {

  private final List<UUID> added = new CopyOnWriteArrayList<>();
  private final List<UUID> removed = new CopyOnWriteArrayList<>();
  private final CqlSession session;

  private MembershipSession(Collection<InetSocketAddress> contactPoints, String datacenter) {
    this.session = CqlSession.builder()
        .addNodeStateListener(new NodeStateListenerBase() {
          @Override
          public void onAdd(Node node) {
            added.add(node.getHostId());
          }

          @Override
          public void onRemove(Node node) {
            removed.add(node.getHostId());
          }
        })
        .addContactPoints(contactPoints).withLocalDatacenter(datacenter)
        .withConfigLoader(DriverConfigLoader.programmaticBuilder()
            .withDuration(DefaultDriverOption.METADATA_SCHEMA_WINDOW, Duration.ofMillis(1))
            .withDuration(DefaultDriverOption.METADATA_TOPOLOGY_WINDOW, Duration.ofMillis(1))
            .withDuration(DefaultDriverOption.RECONNECTION_BASE_DELAY, Duration.ofMillis(50))
            .withDuration(DefaultDriverOption.RECONNECTION_MAX_DELAY, Duration.ofMillis(100))
            .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(10))
            .build())
        .build();
  }

  static MembershipSession connect(Collection<InetSocketAddress> contactPoints, String datacenter) {
    return new MembershipSession(contactPoints, datacenter);
  }

  CqlSession session() {
    return session;
  }

  /** Host ids of the nodes the driver added on NEW_NODE events, in order. */
  List<UUID> added() {
    return added;
  }

  /** Host ids of the nodes the driver removed on REMOVED_NODE events, in order. */
  List<UUID> removed() {
    return removed;
  }

  /** Writes {@code k -> 'v' + k} for keys {@code from..to-1}, through {@code coordinator} (null: any node). */
  void insert(int from, int to, ConsistencyLevel level, RingletNode coordinator) {
    for (int k = from; k < to; k++) {
      SimpleStatement s = at("INSERT INTO ks.t (k, v) VALUES (" + k + ", 'v" + k + "')", level);
      session.execute(coordinator == null ? s : s.setNode(driverNode(coordinator)));
    }
  }

  /** The value of key {@code k} read at ONE through {@code coordinator}, or null. */
  String readOne(RingletNode coordinator, int k) {
    Row row = session.execute(at("SELECT v FROM ks.t WHERE k = " + k, ConsistencyLevel.ONE).setNode(driverNode(coordinator))).one();
    return row == null ? null : row.getString(0);
  }

  /** The keys below {@code keys} whose replicas, in the driver's token map, include the node. */
  List<Integer> ownedBy(RingletNode node, int keys) {
    TokenMap map = session.getMetadata().getTokenMap().orElseThrow();
    Node target = driverNode(node);
    List<Integer> out = new ArrayList<>();
    for (int k = 0; k < keys; k++) {
      ByteBuffer key = TypeCodecs.INT.encode(k, ProtocolVersion.DEFAULT);
      if (map.getReplicas("ks", key).contains(target)) {
        out.add(k);
      }
    }
    return out;
  }

  /** Whether the session's pool to the node answers (the driver opens it after NEW_NODE and UP). */
  boolean connected(RingletNode n) {
    try {
      session.execute(SimpleStatement.newInstance("SELECT key FROM system.local").setNode(driverNode(n)));
      return true;
    } catch (com.datastax.oss.driver.api.core.AllNodesFailedException e) {
      return false;
    }
  }

  /** The node's internode port, as its {@code system.local.listen_port} says. */
  int storagePort(RingletNode n) {
    return session.execute(SimpleStatement.newInstance("SELECT listen_port FROM system.local").setNode(driverNode(n))).one().getInt(0);
  }

  Node driverNode(RingletNode n) {
    return session.getMetadata().getNodes().get(n.hostId());
  }

  static SimpleStatement at(String cql, ConsistencyLevel level) {
    return SimpleStatement.newInstance(cql).setConsistencyLevel(level);
  }

  @Override
  public void close() {
    session.close();
  }
}
