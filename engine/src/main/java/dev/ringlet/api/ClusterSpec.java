package dev.ringlet.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A description of a cluster to start: immutable, built with {@code withX(...)}. A spec only
 * describes; {@link Ringlet#start} runs it and returns a {@link RingletCluster} handle.
 *
 * <p>Defaults: cluster name {@code "Ringlet Cluster"}, one datacenter {@code datacenter1} with one
 * node in rack {@code rack1}, 16 tokens per node, address {@code 127.0.0.1}, port 0 (a free port is
 * chosen), release version {@code 5.0.9}, data kept in memory.
 *
 * <p>Equal specs describe the same cluster ({@link #equals} compares every setting), so tools can
 * share one running cluster between users of equal specs.
 */
public final class ClusterSpec {

  public static final String DEFAULT_RELEASE_VERSION = "5.0.9";
  public static final String DEFAULT_CLUSTER_NAME = "Ringlet Cluster";
  public static final String DEFAULT_DATACENTER = "datacenter1";
  public static final String DEFAULT_RACK = "rack1";
  /** Cassandra 5.0's default {@code num_tokens}. */
  public static final int DEFAULT_NUM_TOKENS = 16;

  /** How the commit log makes writes durable, as Cassandra's {@code commitlog_sync}. */
  public enum CommitLogSync {
    /** Acknowledge at once; sync every period (at most the last period is lost on a crash). */
    PERIODIC,
    /** Acknowledge only after the write is synced. */
    BATCH,
    /** Like batch, but writes arriving within a window share one sync. */
    GROUP
  }

  private final String clusterName;
  private final String releaseVersion;
  private final List<DatacenterSpec> datacenters;
  private final int numTokens;
  private final String address;
  private final int port;
  private final Path dataDirectory;
  private final CommitLogSync commitLogSync;
  private final boolean userDefinedFunctions;

  private ClusterSpec(String clusterName, String releaseVersion, List<DatacenterSpec> datacenters, int numTokens,
      String address, int port, Path dataDirectory, CommitLogSync commitLogSync, boolean userDefinedFunctions) {
    requireName(clusterName, "clusterName");
    requireName(releaseVersion, "releaseVersion");
    if (!releaseVersion.matches("\\d+\\.\\d+(\\.\\d+)?.*")) {
      throw new IllegalArgumentException("releaseVersion: " + releaseVersion + " (expected: a version like 5.0.9)");
    }
    List<DatacenterSpec> dcs = List.copyOf(Objects.requireNonNull(datacenters, "datacenters"));
    if (dcs.isEmpty()) {
      throw new IllegalArgumentException("datacenters: empty (expected: at least one)");
    }
    if (dcs.stream().map(DatacenterSpec::name).distinct().count() != dcs.size()) {
      throw new IllegalArgumentException("datacenters: " + dcs.stream().map(DatacenterSpec::name).toList()
          + " (expected: distinct names)");
    }
    if (numTokens < 1 || numTokens > 256) {
      throw new IllegalArgumentException("numTokens: " + numTokens + " (expected: 1-256)");
    }
    requireName(address, "address");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port: " + port + " (expected: 0-65535)");
    }
    this.clusterName = clusterName;
    this.releaseVersion = releaseVersion;
    this.datacenters = dcs;
    this.numTokens = numTokens;
    this.address = address;
    this.port = port;
    this.dataDirectory = dataDirectory;
    this.commitLogSync = Objects.requireNonNull(commitLogSync, "commitLogSync");
    this.userDefinedFunctions = userDefinedFunctions;
  }

  static void requireName(String value, String what) {
    Objects.requireNonNull(value, what);
    if (value.isBlank()) {
      throw new IllegalArgumentException(what + ": blank (expected: a non-empty name)");
    }
  }

  /** The default spec: one node on 127.0.0.1 and a free port, data in memory. */
  public static ClusterSpec defaults() {
    return new ClusterSpec(DEFAULT_CLUSTER_NAME, DEFAULT_RELEASE_VERSION, List.of(DatacenterSpec.of(DEFAULT_DATACENTER, 1)),
        DEFAULT_NUM_TOKENS, "127.0.0.1", 0, null, CommitLogSync.PERIODIC, false);
  }

  /** The name reported in {@code system.local.cluster_name}. */
  public String clusterName() {
    return clusterName;
  }

  /** The Cassandra version advertised in {@code release_version}. */
  public String releaseVersion() {
    return releaseVersion;
  }

  /** The datacenters, in the order their nodes are started. */
  public List<DatacenterSpec> datacenters() {
    return datacenters;
  }

  /** The first datacenter's name: the one drivers should use as their local datacenter. */
  public String datacenter() {
    return datacenters.get(0).name();
  }

  /** The first datacenter's first rack. */
  public String rack() {
    return datacenters.get(0).racks().get(0);
  }

  /** How many nodes in all datacenters. */
  public int nodeCount() {
    return datacenters.stream().mapToInt(DatacenterSpec::nodes).sum();
  }

  /** Tokens (vnodes) per node. */
  public int numTokens() {
    return numTokens;
  }

  /** The address the first node listens on. */
  public String address() {
    return address;
  }

  /** The first node's CQL port; 0 picks a free one. */
  public int port() {
    return port;
  }

  /** Where nodes keep their data across restarts, or null when data is kept in memory. */
  public Path dataDirectory() {
    return dataDirectory;
  }

  /** The commit log's sync mode (only meaningful with a data directory). */
  public CommitLogSync commitLogSync() {
    return commitLogSync;
  }

  public ClusterSpec withClusterName(String name) {
    return new ClusterSpec(name, releaseVersion, datacenters, numTokens, address, port, dataDirectory, commitLogSync, userDefinedFunctions);
  }

  public ClusterSpec withReleaseVersion(String version) {
    return new ClusterSpec(clusterName, version, datacenters, numTokens, address, port, dataDirectory, commitLogSync, userDefinedFunctions);
  }

  /** Renames the only datacenter; refused when the spec has several. */
  public ClusterSpec withDatacenter(String name) {
    DatacenterSpec only = only("withDatacenter");
    return withDatacenters(new DatacenterSpec(name, only.nodes(), only.racks()));
  }

  /** Puts every node of the only datacenter in one rack; refused when the spec has several datacenters. */
  public ClusterSpec withRack(String name) {
    DatacenterSpec only = only("withRack");
    return withDatacenters(new DatacenterSpec(only.name(), only.nodes(), List.of(name)));
  }

  /** Sets the node count of the only datacenter; refused when the spec has several. */
  public ClusterSpec withNodes(int nodes) {
    DatacenterSpec only = only("withNodes");
    return withDatacenters(new DatacenterSpec(only.name(), nodes, only.racks()));
  }

  public ClusterSpec withDatacenters(DatacenterSpec... dcs) {
    return withDatacenters(List.of(dcs));
  }

  public ClusterSpec withDatacenters(List<DatacenterSpec> dcs) {
    return new ClusterSpec(clusterName, releaseVersion, dcs, numTokens, address, port, dataDirectory, commitLogSync, userDefinedFunctions);
  }

  public ClusterSpec withNumTokens(int tokens) {
    return new ClusterSpec(clusterName, releaseVersion, datacenters, tokens, address, port, dataDirectory, commitLogSync, userDefinedFunctions);
  }

  public ClusterSpec withAddress(String newAddress) {
    return new ClusterSpec(clusterName, releaseVersion, datacenters, numTokens, newAddress, port, dataDirectory, commitLogSync, userDefinedFunctions);
  }

  public ClusterSpec withPort(int newPort) {
    return new ClusterSpec(clusterName, releaseVersion, datacenters, numTokens, address, newPort, dataDirectory, commitLogSync, userDefinedFunctions);
  }

  /** Keeps data in {@code directory} (one subdirectory per node) so it survives restarts; null keeps it in memory. */
  public ClusterSpec withDataDirectory(Path directory) {
    return new ClusterSpec(clusterName, releaseVersion, datacenters, numTokens, address, port, directory, commitLogSync, userDefinedFunctions);
  }

  public ClusterSpec withCommitLogSync(CommitLogSync sync) {
    return new ClusterSpec(clusterName, releaseVersion, datacenters, numTokens, address, port, dataDirectory, sync, userDefinedFunctions);
  }

  /**
   * Whether {@code CREATE FUNCTION} is allowed (Cassandra's {@code user_defined_functions_enabled}).
   * Off by default, as in Cassandra 5.0.
   */
  public boolean userDefinedFunctions() {
    return userDefinedFunctions;
  }

  /**
   * Allows or refuses user-defined functions (Cassandra's {@code user_defined_functions_enabled},
   * off by default). When off, {@code CREATE FUNCTION} fails with Cassandra's message, so no
   * user-defined aggregate can be built either. When on, Java bodies are compiled at run time,
   * which needs a JDK (not a JRE).
   */
  public ClusterSpec withUserDefinedFunctions(boolean enabled) {
    return new ClusterSpec(clusterName, releaseVersion, datacenters, numTokens, address, port, dataDirectory,
        commitLogSync, enabled);
  }

  private DatacenterSpec only(String what) {
    if (datacenters.size() != 1) {
      throw new IllegalStateException(what + ": the spec has " + datacenters.size()
          + " datacenters (expected: one; use withDatacenters)");
    }
    return datacenters.get(0);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ClusterSpec s && clusterName.equals(s.clusterName) && releaseVersion.equals(s.releaseVersion)
        && datacenters.equals(s.datacenters) && numTokens == s.numTokens && address.equals(s.address) && port == s.port
        && Objects.equals(dataDirectory, s.dataDirectory) && commitLogSync == s.commitLogSync
        && userDefinedFunctions == s.userDefinedFunctions;
  }

  @Override
  public int hashCode() {
    return Objects.hash(clusterName, releaseVersion, datacenters, numTokens, address, port, dataDirectory, commitLogSync,
        userDefinedFunctions);
  }

  @Override
  public String toString() {
    return "ClusterSpec[clusterName=" + clusterName + ", releaseVersion=" + releaseVersion + ", datacenters=" + datacenters
        + ", numTokens=" + numTokens + ", address=" + address + ", port=" + port
        + (dataDirectory == null ? ", in memory" : ", dataDirectory=" + dataDirectory + ", commitLogSync=" + commitLogSync)
        + (userDefinedFunctions ? ", userDefinedFunctions" : "") + "]";
  }
}
