package dev.ringlet.internal.exec.describe;

import dev.ringlet.internal.cluster.Endpoint;
import dev.ringlet.internal.cluster.ReplicaPlacement;
import dev.ringlet.internal.cluster.Ring;
import dev.ringlet.internal.error.CqlException;
import dev.ringlet.internal.exec.ColumnSpec;
import dev.ringlet.internal.exec.Result;
import dev.ringlet.internal.exec.ddl.SystemNames;
import dev.ringlet.internal.schema.KeyspaceMetadata;
import dev.ringlet.internal.schema.ReplicationParams;
import dev.ringlet.internal.system.NodeInfo;
import dev.ringlet.internal.types.ListType;
import dev.ringlet.internal.types.MapType;
import dev.ringlet.internal.types.NativeType;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * DESCRIBE CLUSTER as Cassandra 5.0 answers it: the cluster name, the partitioner and the snitch
 * (class names without their package; Cassandra's default dynamic snitch wraps whatever snitch is
 * configured, and Ringlet behaves as that default), and, with a non-system keyspace in use, its
 * range ownership: for each range of the ring, by its end token, the replicas' endpoints as
 * Cassandra prints them ({@code /127.0.0.1:7000}).
 */
final class ClusterDescription {

  private static final String SNITCH = "DynamicEndpointSnitch";
  private static final String PARTITIONER = "Murmur3Partitioner";

  private ClusterDescription() {}

  /** @param nodes every node of the cluster as this node knows it (itself included); empty without one */
  static Result describe(List<NodeInfo> nodes, KeyspaceMetadata sessionKeyspace) {
    if (nodes.isEmpty()) {
      throw CqlException.invalid("DESCRIBE CLUSTER needs a running node");
    }
    boolean ownership = sessionKeyspace != null && !SystemNames.isSystem(sessionKeyspace.name());
    List<ColumnSpec> columns = new ArrayList<>();
    columns.add(new ColumnSpec("system", "describe", "cluster", NativeType.TEXT));
    columns.add(new ColumnSpec("system", "describe", "partitioner", NativeType.TEXT));
    columns.add(new ColumnSpec("system", "describe", "snitch", NativeType.TEXT));
    List<ByteBuffer> row = new ArrayList<>();
    row.add(NativeType.TEXT.encode(nodes.get(0).clusterName()));
    row.add(NativeType.TEXT.encode(PARTITIONER));
    row.add(NativeType.TEXT.encode(SNITCH));
    if (ownership) {
      MapType type = new MapType(NativeType.TEXT, new ListType(NativeType.TEXT, true), true);
      columns.add(new ColumnSpec("system", "describe", "range_ownership", type));
      row.add(type.encode(rangeOwnership(nodes, sessionKeyspace.replication())));
    }
    return new Result.Rows(columns, List.of(row), null, List.of());
  }

  /** End token of each range (as text) to its replicas' endpoints, primary first; by token text. */
  static Map<Object, Object> rangeOwnership(List<NodeInfo> nodes, ReplicationParams replication) {
    Map<Endpoint, List<Long>> tokens = new LinkedHashMap<>();
    Map<UUID, NodeInfo> byId = new HashMap<>();
    for (NodeInfo n : nodes) {
      tokens.put(new Endpoint(n.hostId(), n.datacenter(), n.rack()), n.tokens());
      byId.put(n.hostId(), n);
    }
    Ring ring = new Ring(tokens);
    Map<String, Integer> factors = new HashMap<>();
    if (replication.strategyClass().equals(ReplicationParams.SIMPLE)) {
      factors.put("", replication.totalReplicationFactor());
    } else {
      for (String dc : replication.options().keySet()) {
        factors.put(dc, replication.replicationFactor(dc));
      }
    }
    Map<Object, Object> out = new TreeMap<>();
    for (int i = 0; i < ring.size(); i++) {
      long token = ring.tokenAt(i);
      List<Object> endpoints = new ArrayList<>();
      for (Endpoint e : ReplicaPlacement.replicas(ring, replication.strategyClass(), factors, token)) {
        NodeInfo n = byId.get(e.hostId());
        endpoints.add("/" + n.broadcastAddress().getHostAddress() + ":" + n.broadcastPort());
      }
      out.put(Long.toString(token), endpoints);
    }
    return out;
  }
}
