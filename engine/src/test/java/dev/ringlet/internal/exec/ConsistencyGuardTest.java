package dev.ringlet.internal.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlet.internal.cluster.ReplicaCounts;
import dev.ringlet.internal.cluster.Topology;
import dev.ringlet.internal.schema.KeyspaceMetadata;
import dev.ringlet.internal.schema.ReplicationParams;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The guard remembers its last replica counts; they must follow the keyspace and the topology. */
class ConsistencyGuardTest {

  private static KeyspaceMetadata keyspace(String name, ReplicationParams replication) {
    return new KeyspaceMetadata(name, true, replication, Map.of(), Map.of(), false);
  }

  @Test
  void should_count_again_when_the_keyspace_replication_changes() {
    // Given a one-node topology and a keyspace with RF 1
    ConsistencyGuard guard = new ConsistencyGuard(() -> Topology.singleNode("dc1"));
    KeyspaceMetadata rf1 = keyspace("ks", ReplicationParams.simple(1));
    assertThat(guard.counts(rf1).totalReplicas()).isEqualTo(1);

    // When the keyspace is altered to RF 3 (a new metadata object, as ALTER KEYSPACE makes)
    ReplicaCounts rf3 = guard.counts(keyspace("ks", ReplicationParams.simple(3)));

    // Then the counts are the new keyspace's, and the old one's are still right afterwards
    assertThat(rf3.totalReplicas()).isEqualTo(3);
    assertThat(rf3.totalAlive()).isEqualTo(1);
    assertThat(guard.counts(rf1).totalReplicas()).isEqualTo(1);
  }

  @Test
  void should_count_again_when_the_topology_changes() {
    // Given two nodes alive and a keyspace with RF 2
    AtomicReference<Topology> topology = new AtomicReference<>(
        new Topology("dc1", Map.of("dc1", 2), Map.of("dc1", 2)));
    ConsistencyGuard guard = new ConsistencyGuard(topology::get);
    KeyspaceMetadata ks = keyspace("ks", ReplicationParams.simple(2));
    assertThat(guard.counts(ks).totalAlive()).isEqualTo(2);

    // When one node goes down
    topology.set(new Topology("dc1", Map.of("dc1", 2), Map.of("dc1", 1)));

    // Then the same keyspace counts one live replica
    assertThat(guard.counts(ks).totalAlive()).isEqualTo(1);
    assertThat(guard.counts(ks)).isEqualTo(new ReplicaCounts(Map.of("dc1", 2), Map.of("dc1", 1), "dc1", false));
  }
}
