package dev.ringlet.driver.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.metadata.Node;
import com.datastax.oss.driver.api.core.metadata.TokenMap;
import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.Ringlet;
import dev.ringlet.api.RingletCluster;
import dev.ringlet.api.RingletNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The driver's token map agrees with where data lives: at RF=1 each prepared write is sent to the
 * one node holding the key, every node coordinates the keys it owns, and that node alone, cut off
 * from the others, still has the row.
 */
class TokenAwareRoutingTest {

  @Test
  void should_route_each_key_to_its_only_replica() {
    try (RingletCluster cluster = Ringlet.start(ClusterSpec.defaults().withNodes(4).withManualClock(true));
        CqlSession session = CqlSession.builder().addContactPoints(cluster.contactPoints()).withLocalDatacenter(cluster.localDatacenter())
            .withConfigLoader(DriverConfigLoader.programmaticBuilder()
                .withDuration(DefaultDriverOption.METADATA_SCHEMA_WINDOW, Duration.ofMillis(1)).build())
            .build()) {
      session.execute("CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
      session.execute("CREATE TABLE ks.t (k text PRIMARY KEY, v int)");
      PreparedStatement insert = session.prepare("INSERT INTO ks.t (k, v) VALUES (?, ?)");
      PreparedStatement select = session.prepare("SELECT v FROM ks.t WHERE k = ?");
      TokenMap tokens = session.getMetadata().getTokenMap().orElseThrow();
      Map<UUID, Integer> requestsPerNode = new HashMap<>();
      Map<UUID, Integer> keysPerOwner = new HashMap<>();
      for (int i = 0; i < 200; i++) {
        String key = "key-" + i;
        ResultSet rs = session.execute(insert.bind(key, i));
        Node coordinator = rs.getExecutionInfo().getCoordinator();
        requestsPerNode.merge(coordinator.getHostId(), 1, Integer::sum);
        Node owner = tokens.getReplicas("ks", tokens.newToken(com.datastax.oss.driver.api.core.type.codec.TypeCodecs.TEXT
            .encode(key, com.datastax.oss.driver.api.core.ProtocolVersion.DEFAULT))).iterator().next();
        keysPerOwner.merge(owner.getHostId(), 1, Integer::sum);
        assertThat(coordinator).isEqualTo(owner);
      }
      assertThat(requestsPerNode).isEqualTo(keysPerOwner);
      assertThat(requestsPerNode).hasSize(4);
      // The data is really on the owner: cut off from the others, it still answers.
      for (RingletNode n : cluster.nodes()) {
        cluster.isolate(n);
        for (int i = 0; i < 200; i += 7) {
          String key = "key-" + i;
          Node owner = tokens.getReplicas("ks", tokens.newToken(com.datastax.oss.driver.api.core.type.codec.TypeCodecs.TEXT
              .encode(key, com.datastax.oss.driver.api.core.ProtocolVersion.DEFAULT))).iterator().next();
          if (owner.getHostId().equals(n.hostId())) {
            assertThat(session.execute(select.bind(key).setNode(owner)).one().getInt(0)).isEqualTo(i);
          }
        }
        cluster.heal();
      }
    }
  }
}
