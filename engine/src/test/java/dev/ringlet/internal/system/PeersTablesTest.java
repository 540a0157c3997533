package dev.ringlet.internal.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code system.peers} and {@code system.peers_v2}: one row per peer with every column the driver
 * needs to accept it (rpc or native address and port, host id, datacenter, rack, tokens, schema version).
 */
class PeersTablesTest {

  private static NodeInfo peer(String address, long token) throws Exception {
    InetAddress a = InetAddress.getByName(address);
    return new NodeInfo("Test Cluster", "dc2", "rack9", "5.0.9", UUID.randomUUID(), List.of(token), a, 7001, a, 7001,
        a, 9043, UUID.randomUUID());
  }

  @Test
  void should_show_one_peers_v2_row_per_peer() throws Exception {
    NodeInfo peer = peer("127.0.0.2", -42L);

    List<Map<String, Object>> rows = SystemKeyspaces.table("system", "peers_v2")
        .rows(SystemSchemaGoldenTest.systemSchema(), SystemSchemaGoldenTest.NODE, List.of(peer));

    assertThat(rows).singleElement().satisfies(row -> assertThat(row)
        .containsEntry("peer", peer.broadcastAddress()).containsEntry("peer_port", 7001)
        .containsEntry("native_address", peer.rpcAddress()).containsEntry("native_port", 9043)
        .containsEntry("host_id", peer.hostId()).containsEntry("data_center", "dc2").containsEntry("rack", "rack9")
        .containsEntry("release_version", "5.0.9").containsEntry("schema_version", peer.schemaVersion())
        .containsEntry("tokens", Set.of("-42")));
  }

  @Test
  void should_show_one_peers_row_per_peer() throws Exception {
    NodeInfo first = peer("127.0.0.2", 1L);
    NodeInfo second = peer("127.0.0.3", 2L);

    List<Map<String, Object>> rows = SystemKeyspaces.table("system", "peers")
        .rows(SystemSchemaGoldenTest.systemSchema(), SystemSchemaGoldenTest.NODE, List.of(first, second));

    assertThat(rows).hasSize(2);
    assertThat(rows.get(1)).containsEntry("peer", second.broadcastAddress()).containsEntry("rpc_address", second.rpcAddress())
        .containsEntry("host_id", second.hostId()).containsEntry("tokens", Set.of("2"));
  }

  @Test
  void should_have_no_peers_on_a_single_node() {
    assertThat(SystemKeyspaces.table("system", "peers_v2")
        .rows(SystemSchemaGoldenTest.systemSchema(), SystemSchemaGoldenTest.NODE, List.of())).isEmpty();
  }
}
