package dev.ringlet.internal.node;

import dev.ringlet.internal.time.Clock;
import java.net.InetAddress;
import java.util.List;
import java.util.UUID;

/**
 * Everything one node needs to start, validated by whoever builds it (the cluster from its spec).
 *
 * @param tokens the node's Murmur3 tokens, sorted
 * @param storagePort the inter-node port the node advertises ({@code peer_port}): 7000, or distinct
 *     per node when nodes share an address
 * @param authentication PasswordAuthenticator + CassandraAuthorizer when true; no login when false
 * @param userDefinedFunctions whether CREATE FUNCTION/AGGREGATE are allowed
 * @param materializedViews whether CREATE MATERIALIZED VIEW is allowed (Cassandra's {@code materialized_views_enabled})
 * @param dynamicDataMasking whether columns may be masked and masks apply (Cassandra's {@code dynamic_data_masking_enabled})
 * @param readThresholds {@code tombstone_warn_threshold} and {@code tombstone_failure_threshold}
 * @param udfTimeouts {@code user_defined_functions_warn_timeout}, {@code _fail_timeout} and
 *     {@code user_function_timeout_policy}
 */
public record NodeConfig(
    String clusterName,
    String datacenter,
    String rack,
    InetAddress address,
    int port,
    String releaseVersion,
    UUID hostId,
    List<Long> tokens,
    Clock clock,
    int storagePort,
    boolean authentication,
    boolean userDefinedFunctions,
    boolean materializedViews,
    boolean dynamicDataMasking,
    dev.ringlet.internal.coordinator.ReadThresholds readThresholds,
    dev.ringlet.internal.exec.udf.UdfTimeouts udfTimeouts) {

  /** A node with Cassandra's default user-defined function timeouts. */
  public NodeConfig(String clusterName, String datacenter, String rack, InetAddress address, int port, String releaseVersion,
      UUID hostId, List<Long> tokens, Clock clock, int storagePort, boolean authentication, boolean userDefinedFunctions,
      boolean materializedViews, boolean dynamicDataMasking, dev.ringlet.internal.coordinator.ReadThresholds readThresholds) {
    this(clusterName, datacenter, rack, address, port, releaseVersion, hostId, tokens, clock, storagePort, authentication,
        userDefinedFunctions, materializedViews, dynamicDataMasking, readThresholds, null);
  }

  /** A node without dynamic data masking (Cassandra's default) and with Cassandra's default tombstone thresholds. */
  public NodeConfig(String clusterName, String datacenter, String rack, InetAddress address, int port, String releaseVersion,
      UUID hostId, List<Long> tokens, Clock clock, int storagePort, boolean authentication, boolean userDefinedFunctions,
      boolean materializedViews) {
    this(clusterName, datacenter, rack, address, port, releaseVersion, hostId, tokens, clock, storagePort, authentication,
        userDefinedFunctions, materializedViews, false, dev.ringlet.internal.coordinator.ReadThresholds.DEFAULTS);
  }

  /** A node with the standard storage port, no login, user-defined functions and views disabled (Cassandra's defaults). */
  public NodeConfig(String clusterName, String datacenter, String rack, InetAddress address, int port, String releaseVersion,
      UUID hostId, List<Long> tokens, Clock clock) {
    this(clusterName, datacenter, rack, address, port, releaseVersion, hostId, tokens, clock, 7000, false, false, false);
  }

  public NodeConfig {
    tokens = List.copyOf(tokens);
    readThresholds = readThresholds == null ? dev.ringlet.internal.coordinator.ReadThresholds.DEFAULTS : readThresholds;
    udfTimeouts = udfTimeouts == null ? dev.ringlet.internal.exec.udf.UdfTimeouts.DEFAULTS : udfTimeouts;
  }
}
