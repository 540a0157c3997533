package dev.ringlet.internal.system;

import dev.ringlet.internal.schema.Schema;
import dev.ringlet.internal.schema.TableMetadata;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code system.local}: one row, key {@code 'local'}, describing this node.
 *
 * <p>{@code gossip_generation} is, as on Cassandra, the second the node last started by its clock
 * (the injected one), one more than the previous start's when the clock has not moved on since
 * ({@code SystemKeyspace.incrementAndGetGeneration}). Ringlet's gossip heartbeats carry their own
 * finer generation (milliseconds, see {@code Gossiper}).
 * {@code truncated_at} is left empty: a durable table keeps its truncation record next to its
 * SSTables ({@code truncation.txt}, for commit-log replay), not in this table.
 */
record LocalTable(TableMetadata metadata) implements SystemTable {

  static final String CQL_VERSION = "3.4.7";
  static final String NATIVE_PROTOCOL_VERSION = "5";
  static final String PARTITIONER = "org.apache.cassandra.dht.Murmur3Partitioner";

  @Override
  public List<Map<String, Object>> rows(Schema schema, NodeInfo local, List<NodeInfo> peers) {
    Map<String, Object> row = new HashMap<>();
    row.put("key", "local");
    row.put("bootstrapped", "COMPLETED");
    row.put("broadcast_address", local.broadcastAddress());
    row.put("broadcast_port", local.broadcastPort());
    row.put("cluster_name", local.clusterName());
    row.put("cql_version", CQL_VERSION);
    row.put("data_center", local.datacenter());
    row.put("gossip_generation", local.gossipGeneration());
    row.put("host_id", local.hostId());
    row.put("listen_address", local.listenAddress());
    row.put("listen_port", local.listenPort());
    row.put("native_protocol_version", NATIVE_PROTOCOL_VERSION);
    row.put("partitioner", PARTITIONER);
    row.put("rack", local.rack());
    row.put("release_version", local.releaseVersion());
    row.put("rpc_address", local.rpcAddress());
    row.put("rpc_port", local.nativePort());
    row.put("schema_version", local.schemaVersion());
    row.put("tokens", tokens(local));
    return List.of(row);
  }

  /** Tokens as {@code set<text>} of decimal numbers, in text order as Cassandra returns them. */
  static Set<String> tokens(NodeInfo node) {
    Set<String> tokens = new TreeSet<>();
    for (Long token : node.tokens()) tokens.add(Long.toString(token));
    return tokens;
  }
}
