package dev.ringlet.internal.system;

import dev.ringlet.internal.schema.Schema;
import dev.ringlet.internal.schema.TableMetadata;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code system.peers}: one row per other node, keyed by its broadcast address ({@code preferred_ip} unset). */
record PeersTable(TableMetadata metadata) implements SystemTable {

  @Override
  public List<Map<String, Object>> rows(Schema schema, NodeInfo local, List<NodeInfo> peers) {
    List<Map<String, Object>> rows = new ArrayList<>(peers.size());
    for (NodeInfo peer : peers) {
      Map<String, Object> row = new HashMap<>();
      row.put("peer", peer.broadcastAddress());
      row.put("data_center", peer.datacenter());
      row.put("host_id", peer.hostId());
      row.put("rack", peer.rack());
      row.put("release_version", peer.releaseVersion());
      row.put("rpc_address", peer.rpcAddress());
      row.put("schema_version", peer.schemaVersion());
      row.put("tokens", LocalTable.tokens(peer));
      rows.add(row);
    }
    return rows;
  }
}
