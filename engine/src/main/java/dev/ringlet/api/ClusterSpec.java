package dev.ringlet.api;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A description of a cluster to start: immutable, built with {@code withX(...)}. A spec only
 * describes; {@link Ringlet#start} runs it and returns a {@link RingletCluster} handle.
 *
 * <p>Defaults: cluster name {@code "Ringlet Cluster"}, one datacenter {@code datacenter1} with one
 * node in rack {@code rack1}, 16 tokens per node, address {@code 127.0.0.1}, port 0 (a free port is
 * chosen), release version {@code 5.0.9}, data kept in memory, no authentication, the system clock,
 * Cassandra's request timeouts, plain (unencrypted) client connections.
 *
 * <p>Equal specs describe the same cluster ({@link #equals} compares every setting), so tools can
 * share one running cluster between users of equal specs.
 */
public final class ClusterSpec {

  public static final String DEFAULT_RELEASE_VERSION = "5.0.9";
  public static final String DEFAULT_CLUSTER_NAME = "Ringlet Cluster";
  public static final String DEFAULT_DATACENTER = "datacenter1";
  public static final String DEFAULT_RACK = "rack1";
  /** The superuser of a fresh cluster with {@link #withAuthentication authentication}, as Cassandra's. */
  public static final String DEFAULT_SUPERUSER = "cassandra";
  /** The password of {@link #DEFAULT_SUPERUSER} until someone changes it. */
  public static final String DEFAULT_SUPERUSER_PASSWORD = "cassandra";
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

  /** How the nodes of a multi-node cluster get their addresses (a single node uses {@link #address()} and {@link #port()}). */
  public enum Addressing {
    /** {@link #DISTINCT_ADDRESSES} where the OS allows binding 127.0.0.2 (Linux), else {@link #SHARED_ADDRESS}. */
    AUTO,
    /**
     * Each node on its own loopback address {@code 127.x.y.z} (a free block, chosen so clusters in
     * this or other JVMs never collide) on the port (9042 when the spec's port is 0).
     */
    DISTINCT_ADDRESSES,
    /** Every node on the spec's address, each on its own port (free ones when the spec's port is 0, else consecutive). */
    SHARED_ADDRESS
  }

  /** Every setting, mutable only while a new spec is being made from an old one. */
  private static final class Settings implements Cloneable {
    String clusterName = DEFAULT_CLUSTER_NAME;
    String releaseVersion = DEFAULT_RELEASE_VERSION;
    List<DatacenterSpec> datacenters = List.of(DatacenterSpec.of(DEFAULT_DATACENTER, 1));
    int numTokens = DEFAULT_NUM_TOKENS;
    String address = "127.0.0.1";
    int port;
    Path dataDirectory;
    CommitLogSync commitLogSync = CommitLogSync.PERIODIC;
    boolean authentication;
    Addressing addressing = Addressing.AUTO;
    boolean manualClock;
    Duration readTimeout = Duration.ofSeconds(5);
    Duration writeTimeout = Duration.ofSeconds(2);
    boolean userDefinedFunctions;
    boolean materializedViews;
    ClientEncryption clientEncryption;
    boolean dynamicDataMasking;
    int tombstoneWarnThreshold = 1_000;
    int tombstoneFailureThreshold = 100_000;
    boolean readThresholdsEnabled;
    Duration udfWarnTimeout = Duration.ofMillis(500);
    Duration udfFailTimeout = Duration.ofMillis(1500);
    UserFunctionTimeoutPolicy udfTimeoutPolicy = UserFunctionTimeoutPolicy.DIE;
    long fileCacheSize = -1;

    Settings copy() {
      try {
        return (Settings) clone();
      } catch (CloneNotSupportedException e) {
        throw new AssertionError(e);
      }
    }

    List<Object> values() {
      return java.util.Arrays.asList(clusterName, releaseVersion, datacenters, numTokens, address, port, dataDirectory,
          commitLogSync, authentication, addressing, manualClock, readTimeout, writeTimeout, userDefinedFunctions,
          materializedViews, clientEncryption, dynamicDataMasking, tombstoneWarnThreshold,
          tombstoneFailureThreshold, readThresholdsEnabled, udfWarnTimeout, udfFailTimeout, udfTimeoutPolicy, fileCacheSize);
    }
  }

  private final Settings s;

  private ClusterSpec(Settings settings) {
    requireName(settings.clusterName, "clusterName");
    requireName(settings.releaseVersion, "releaseVersion");
    if (!settings.releaseVersion.matches("\\d+\\.\\d+(\\.\\d+)?.*")) {
      throw new IllegalArgumentException("releaseVersion: " + settings.releaseVersion + " (expected: a version like 5.0.9)");
    }
    List<DatacenterSpec> dcs = List.copyOf(Objects.requireNonNull(settings.datacenters, "datacenters"));
    if (dcs.isEmpty()) {
      throw new IllegalArgumentException("datacenters: empty (expected: at least one)");
    }
    // loops, not streams: a first start in a fresh JVM would load the stream classes for these alone
    java.util.Set<String> names = new java.util.HashSet<>();
    for (DatacenterSpec dc : dcs) {
      names.add(dc.name());
    }
    if (names.size() != dcs.size()) {
      List<String> all = new java.util.ArrayList<>();
      for (DatacenterSpec dc : dcs) {
        all.add(dc.name());
      }
      throw new IllegalArgumentException("datacenters: " + all + " (expected: distinct names)");
    }
    settings.datacenters = dcs;
    if (settings.numTokens < 1 || settings.numTokens > 256) {
      throw new IllegalArgumentException("numTokens: " + settings.numTokens + " (expected: 1-256)");
    }
    requireName(settings.address, "address");
    if (settings.port < 0 || settings.port > 65535) {
      throw new IllegalArgumentException("port: " + settings.port + " (expected: 0-65535)");
    }
    Objects.requireNonNull(settings.commitLogSync, "commitLogSync");
    Objects.requireNonNull(settings.addressing, "addressing");
    positive(settings.readTimeout, "readTimeout");
    positive(settings.writeTimeout, "writeTimeout");
    if (settings.clientEncryption != null) {
      settings.clientEncryption.validate();
    }
    if (settings.tombstoneWarnThreshold < 1 || settings.tombstoneFailureThreshold < 1) {
      throw new IllegalArgumentException("tombstone thresholds: warn " + settings.tombstoneWarnThreshold + ", fail "
          + settings.tombstoneFailureThreshold + " (expected: positive)");
    }
    Objects.requireNonNull(settings.udfTimeoutPolicy, "userFunctionTimeoutPolicy");
    if (settings.udfWarnTimeout.isNegative() || settings.udfFailTimeout.isNegative() || settings.udfFailTimeout.isZero()
        || settings.udfWarnTimeout.compareTo(settings.udfFailTimeout) > 0) {
      throw new IllegalArgumentException("user-defined function timeouts: warn " + settings.udfWarnTimeout + ", fail "
          + settings.udfFailTimeout + " (expected: 0 <= warn <= fail, fail positive)");
    }
    if (settings.fileCacheSize < -1) {
      throw new IllegalArgumentException("fileCacheSize: " + settings.fileCacheSize + " (expected: >= 0 bytes)");
    }
    this.s = settings;
  }

  private ClusterSpec with(Consumer<Settings> change) {
    Settings next = s.copy();
    change.accept(next);
    return new ClusterSpec(next);
  }

  private static void positive(Duration d, String what) {
    Objects.requireNonNull(d, what);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(what + ": " + d + " (expected: positive)");
    }
  }

  static void requireName(String value, String what) {
    Objects.requireNonNull(value, what);
    if (value.isBlank()) {
      throw new IllegalArgumentException(what + ": blank (expected: a non-empty name)");
    }
  }

  /** The default spec: one node on 127.0.0.1 and a free port, data in memory. */
  public static ClusterSpec defaults() {
    return new ClusterSpec(new Settings());
  }

  /** The name reported in {@code system.local.cluster_name}. */
  public String clusterName() {
    return s.clusterName;
  }

  /** The Cassandra version advertised in {@code release_version}. */
  public String releaseVersion() {
    return s.releaseVersion;
  }

  /** The datacenters, in the order their nodes are started. */
  public List<DatacenterSpec> datacenters() {
    return s.datacenters;
  }

  /** The first datacenter's name: the one drivers should use as their local datacenter. */
  public String datacenter() {
    return s.datacenters.get(0).name();
  }

  /** The first datacenter's first rack. */
  public String rack() {
    return s.datacenters.get(0).racks().get(0);
  }

  /** How many nodes in all datacenters. */
  public int nodeCount() {
    int nodes = 0;
    for (DatacenterSpec dc : s.datacenters) {
      nodes += dc.nodes();
    }
    return nodes;
  }

  /** Tokens (vnodes) per node. */
  public int numTokens() {
    return s.numTokens;
  }

  /** The address the first node listens on. */
  public String address() {
    return s.address;
  }

  /** The first node's CQL port; 0 picks a free one. */
  public int port() {
    return s.port;
  }

  /** Where nodes keep their data across restarts, or null when data is kept in memory. */
  public Path dataDirectory() {
    return s.dataDirectory;
  }

  /** The commit log's sync mode (only meaningful with a data directory). */
  public CommitLogSync commitLogSync() {
    return s.commitLogSync;
  }

  /** Whether clients must log in (see {@link #withAuthentication}). */
  public boolean authentication() {
    return s.authentication;
  }

  /** How nodes get addresses; default {@link Addressing#AUTO}. */
  public Addressing addressing() {
    return s.addressing;
  }

  /**
   * Whether the cluster runs on a manual clock that only {@link RingletCluster#advanceClock} moves
   * (write timestamps, TTLs, gossip rounds, failure detection, request timeouts); default false (the
   * system clock). A manual clock starts at the real time of {@link Ringlet#start}.
   */
  public boolean manualClock() {
    return s.manualClock;
  }

  /** How long a coordinator waits for replicas to answer a read ({@code read_request_timeout}, default 5 s). */
  public Duration readTimeout() {
    return s.readTimeout;
  }

  /** How long a coordinator waits for replicas to acknowledge a write ({@code write_request_timeout}, default 2 s). */
  public Duration writeTimeout() {
    return s.writeTimeout;
  }

  /**
   * Whether {@code CREATE FUNCTION} is allowed (Cassandra's {@code user_defined_functions_enabled}).
   * Off by default, as in Cassandra 5.0.
   */
  public boolean userDefinedFunctions() {
    return s.userDefinedFunctions;
  }

  /**
   * Whether {@code CREATE MATERIALIZED VIEW} is allowed (Cassandra's
   * {@code materialized_views_enabled}). Off by default, as in Cassandra 5.0.
   */
  public boolean materializedViews() {
    return s.materializedViews;
  }

  /**
   * Whether columns may be masked ({@code MASKED WITH}) and masks apply to reads (Cassandra's
   * {@code dynamic_data_masking_enabled}). Off by default, as in Cassandra 5.0.
   */
  public boolean dynamicDataMasking() {
    return s.dynamicDataMasking;
  }

  /** How clients connect over TLS ({@code client_encryption_options}), or null (the default) for plain connections. */
  public ClientEncryption clientEncryption() {
    return s.clientEncryption;
  }

  /**
   * Makes every node serve CQL over TLS as {@code encryption} says (see {@link ClientEncryption});
   * null (the default) serves plain connections only.
   */
  public ClusterSpec withClientEncryption(ClientEncryption encryption) {
    return with(x -> x.clientEncryption = encryption);
  }

  /** The name in {@code system.local.cluster_name} (default {@value #DEFAULT_CLUSTER_NAME}); not blank. */
  public ClusterSpec withClusterName(String name) {
    return with(x -> x.clusterName = name);
  }

  /**
   * The {@code release_version} every node advertises (default {@value #DEFAULT_RELEASE_VERSION}); drivers pick
   * their protocol and schema queries from it. A version like {@code 5.0.9}.
   */
  public ClusterSpec withReleaseVersion(String version) {
    return with(x -> x.releaseVersion = version);
  }

  /** Renames the only datacenter; refused when the spec has several. */
  public ClusterSpec withDatacenter(String name) {
    DatacenterSpec only = only("withDatacenter");
    return withDatacenters(new DatacenterSpec(name, only.nodes(), only.racks(), only.initialTokens()));
  }

  /** Puts every node of the only datacenter in one rack; refused when the spec has several datacenters. */
  public ClusterSpec withRack(String name) {
    DatacenterSpec only = only("withRack");
    return withDatacenters(new DatacenterSpec(only.name(), only.nodes(), List.of(name), only.initialTokens()));
  }

  /** Sets the node count of the only datacenter; refused when the spec has several. */
  public ClusterSpec withNodes(int nodes) {
    DatacenterSpec only = only("withNodes");
    return withDatacenters(new DatacenterSpec(only.name(), nodes, only.racks(), only.initialTokens()));
  }

  /** The datacenters, in start order, with their nodes and racks (the first is the local one); at least one, distinct names. */
  public ClusterSpec withDatacenters(DatacenterSpec... dcs) {
    return withDatacenters(List.of(dcs));
  }

  /** As {@link #withDatacenters(DatacenterSpec...)}. */
  public ClusterSpec withDatacenters(List<DatacenterSpec> dcs) {
    return with(x -> x.datacenters = dcs);
  }

  /** Vnodes per node, Cassandra's {@code num_tokens} (default 16); 1-256. */
  public ClusterSpec withNumTokens(int tokens) {
    return with(x -> x.numTokens = tokens);
  }

  /**
   * The address of a single node, of nodes sharing one address, or of this process's node (default
   * {@code 127.0.0.1}); unused with {@link Addressing#DISTINCT_ADDRESSES}, whose nodes get {@code 127.x.y.z}.
   */
  public ClusterSpec withAddress(String newAddress) {
    return with(x -> x.address = newAddress);
  }

  /**
   * The first node's CQL port, 0-65535 (default 0: free ports, or 9042 on each node's own address); nodes
   * sharing an address take consecutive ports from a non-zero one.
   */
  public ClusterSpec withPort(int newPort) {
    return with(x -> x.port = newPort);
  }

  /**
   * Keeps data in {@code directory} so it survives restarts; null keeps it in memory. Each node has
   * its own {@code node-<host id>} subdirectory (its host id and tokens, schema, commit log, SSTables,
   * hints and batchlog): starting the same spec on the same directory brings every node back as it
   * was, and a stopped or killed node recovers from its files when it starts.
   */
  public ClusterSpec withDataDirectory(Path directory) {
    return with(x -> x.dataDirectory = directory);
  }

  /** When a write is acknowledged relative to the commit log's sync, with a data directory (default {@code PERIODIC}). */
  public ClusterSpec withCommitLogSync(CommitLogSync sync) {
    return with(x -> x.commitLogSync = sync);
  }

  /**
   * Whether clients must log in. {@code false} (the default) is Cassandra's default
   * AllowAllAuthenticator/AllowAllAuthorizer: anyone connects, and role and permission statements
   * are refused. {@code true} is Cassandra with {@code authenticator: PasswordAuthenticator} and
   * {@code authorizer: CassandraAuthorizer}: drivers log in with a user name and password (SASL
   * PLAIN, e.g. the Java driver's {@code withAuthCredentials}); a fresh cluster has the superuser
   * {@link #DEFAULT_SUPERUSER} with password {@link #DEFAULT_SUPERUSER_PASSWORD}; roles and permissions are stored in
   * {@code system_auth} and every statement is checked against them.
   */
  public ClusterSpec withAuthentication(boolean enabled) {
    return with(x -> x.authentication = enabled);
  }

  /** How nodes get their addresses (default {@link Addressing#AUTO}). */
  public ClusterSpec withAddressing(Addressing newAddressing) {
    return with(x -> x.addressing = newAddressing);
  }

  /**
   * A read that scans more tombstones than this (on one replica) earns a warning to the client
   * (Cassandra's {@code tombstone_warn_threshold}, default 1,000).
   */
  public int tombstoneWarnThreshold() {
    return s.tombstoneWarnThreshold;
  }

  /**
   * A read that scans more tombstones than this on a replica fails there, and the client gets a
   * READ_FAILURE with reason {@code READ_TOO_MANY_TOMBSTONES} (Cassandra's
   * {@code tombstone_failure_threshold}, default 100,000).
   */
  public int tombstoneFailureThreshold() {
    return s.tombstoneFailureThreshold;
  }

  /**
   * Sets {@link #tombstoneWarnThreshold()} and {@link #tombstoneFailureThreshold()} (both positive),
   * so tests can reach them with a few tombstones instead of thousands.
   */
  public ClusterSpec withTombstoneThresholds(int warn, int failure) {
    return with(x -> {
      x.tombstoneWarnThreshold = warn;
      x.tombstoneFailureThreshold = failure;
    });
  }

  /**
   * Whether the coordinators track their replicas' tombstone warnings (Cassandra's
   * {@code read_thresholds_enabled}; default false, as in the reference Cassandra's yaml).
   */
  public boolean readThresholdsEnabled() {
    return s.readThresholdsEnabled;
  }

  /**
   * Sets {@link #readThresholdsEnabled()}. With it, each replica a read contacts reports its
   * tombstone count past {@link #tombstoneWarnThreshold()} to the coordinator, which answers one
   * warning per read command, {@code 2 nodes scanned up to 12 tombstones and issued tombstone
   * warnings for query SELECT ... (see tombstone_warn_threshold)}, instead of its own replica's
   * {@code Read N live rows and M tombstone cells ...}; a read that replicas give up fails with
   * READ_FAILURE whose message is {@code N nodes scanned over M tombstones and aborted the query
   * SELECT ... (see tombstone_failure_threshold)}. Applies to in-JVM nodes (multi-process nodes
   * keep the default).
   */
  public ClusterSpec withReadThresholdsEnabled(boolean enabled) {
    return with(x -> x.readThresholdsEnabled = enabled);
  }

  /**
   * A user-defined function call running longer than this adds a client warning to its request,
   * "User defined function ks.f : (int) -> int ran longer than 500ms" (Cassandra's {@code
   * user_defined_functions_warn_timeout}, default 500 ms; zero: never).
   */
  public Duration userDefinedFunctionWarnTimeout() {
    return s.udfWarnTimeout;
  }

  /**
   * A user-defined function call still running after this (and, as in Cassandra, after a last wait
   * of this minus the CPU time the call used) fails its request with a {@code FUNCTION_FAILURE},
   * "... ran longer than 1500ms - will stop Cassandra VM" (Cassandra's {@code
   * user_defined_functions_fail_timeout}, default 1500 ms), and the body is stopped at its next
   * loop iteration (see {@link UserFunctionTimeoutPolicy}).
   */
  public Duration userDefinedFunctionFailTimeout() {
    return s.udfFailTimeout;
  }

  /** Cassandra's {@code user_function_timeout_policy}, default {@link UserFunctionTimeoutPolicy#DIE}. */
  public UserFunctionTimeoutPolicy userFunctionTimeoutPolicy() {
    return s.udfTimeoutPolicy;
  }

  /**
   * Sets {@link #userDefinedFunctionWarnTimeout()} (zero or more) and {@link
   * #userDefinedFunctionFailTimeout()} (positive, not below the warn timeout), e.g. a short fail
   * timeout so a test of a runaway function ends quickly.
   */
  public ClusterSpec withUserDefinedFunctionTimeouts(Duration warn, Duration fail) {
    Objects.requireNonNull(warn, "warn");
    Objects.requireNonNull(fail, "fail");
    return with(x -> {
      x.udfWarnTimeout = warn;
      x.udfFailTimeout = fail;
    });
  }

  /** Sets {@link #userFunctionTimeoutPolicy()}. */
  public ClusterSpec withUserFunctionTimeoutPolicy(UserFunctionTimeoutPolicy policy) {
    return with(x -> x.udfTimeoutPolicy = policy);
  }

  /**
   * The byte budget of each node's cache of decompressed SSTable chunks (Cassandra's
   * {@code file_cache_size}), which reads of flushed data use instead of decompressing a chunk
   * again; -1 (the default) means a thirty-second of the JVM's maximum heap, at most 64 MiB.
   */
  public long fileCacheSize() {
    return s.fileCacheSize;
  }

  /** Sets {@link #fileCacheSize()} in bytes; 0 turns the cache off. */
  public ClusterSpec withFileCacheSize(long bytes) {
    if (bytes < 0) {
      throw new IllegalArgumentException("fileCacheSize: " + bytes + " (expected: >= 0 bytes)");
    }
    return with(x -> x.fileCacheSize = bytes);
  }

  /** Runs the cluster on a manual clock (see {@link #manualClock()}). */
  public ClusterSpec withManualClock(boolean manual) {
    return with(x -> x.manualClock = manual);
  }

  /** See {@link #readTimeout()} (default 5 s); positive. */
  public ClusterSpec withReadTimeout(Duration timeout) {
    return with(x -> x.readTimeout = timeout);
  }

  /** See {@link #writeTimeout()} (default 2 s); positive. */
  public ClusterSpec withWriteTimeout(Duration timeout) {
    return with(x -> x.writeTimeout = timeout);
  }

  /**
   * Allows or refuses user-defined functions (Cassandra's {@code user_defined_functions_enabled},
   * off by default). When off, {@code CREATE FUNCTION} fails with Cassandra's message, so no
   * user-defined aggregate can be built either. When on, Java bodies are compiled at run time,
   * as Cassandra 5.0 compiles them, by a compiler embedded in the engine (a JRE is enough).
   */
  public ClusterSpec withUserDefinedFunctions(boolean enabled) {
    return with(x -> x.userDefinedFunctions = enabled);
  }

  /**
   * Allows or refuses materialized views (Cassandra's {@code materialized_views_enabled}, off by
   * default). When off, {@code CREATE MATERIALIZED VIEW} fails with Cassandra's message; when on,
   * it answers Cassandra's "experimental" warning, fills the view from the base table's data before
   * it returns (Cassandra builds it in the background), and every base write keeps the view in step.
   */
  public ClusterSpec withMaterializedViews(boolean enabled) {
    return with(x -> x.materializedViews = enabled);
  }

  /**
   * Allows or refuses dynamic data masking (Cassandra's {@code dynamic_data_masking_enabled}, off
   * by default). When off, {@code CREATE TABLE} and {@code ALTER TABLE ... ALTER} with
   * {@code MASKED WITH} fail with Cassandra's message and no mask applies; when on, a masked
   * column's values reach users without the {@code UNMASK} permission through its masking function
   * (with authentication off, every user holds every permission, so nothing is masked, as in 5.0).
   */
  public ClusterSpec withDynamicDataMasking(boolean enabled) {
    return with(x -> x.dynamicDataMasking = enabled);
  }

  private DatacenterSpec only(String what) {
    if (s.datacenters.size() != 1) {
      throw new IllegalStateException(what + ": the spec has " + s.datacenters.size()
          + " datacenters (expected: one; use withDatacenters)");
    }
    return s.datacenters.get(0);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ClusterSpec other && s.values().equals(other.s.values());
  }

  @Override
  public int hashCode() {
    return s.values().hashCode();
  }

  @Override
  public String toString() {
    return "ClusterSpec[clusterName=" + s.clusterName + ", releaseVersion=" + s.releaseVersion + ", datacenters=" + s.datacenters
        + ", numTokens=" + s.numTokens + ", address=" + s.address + ", port=" + s.port
        + (s.dataDirectory == null ? ", in memory" : ", dataDirectory=" + s.dataDirectory + ", commitLogSync=" + s.commitLogSync)
        + ", authentication=" + (s.authentication ? "PasswordAuthenticator" : "none")
        + ", addressing=" + s.addressing + (s.manualClock ? ", manual clock" : "") + ", readTimeout=" + s.readTimeout
        + ", writeTimeout=" + s.writeTimeout + (s.userDefinedFunctions ? ", userDefinedFunctions" : "")
        + (s.materializedViews ? ", materializedViews" : "") + (s.dynamicDataMasking ? ", dynamicDataMasking" : "")
        + (s.tombstoneWarnThreshold == 1_000 && s.tombstoneFailureThreshold == 100_000 ? ""
            : ", tombstoneThresholds=" + s.tombstoneWarnThreshold + "/" + s.tombstoneFailureThreshold)
        + (s.readThresholdsEnabled ? ", readThresholdsEnabled" : "")
        + (s.udfWarnTimeout.toMillis() == 500 && s.udfFailTimeout.toMillis() == 1500 ? ""
            : ", userDefinedFunctionTimeouts=" + s.udfWarnTimeout.toMillis() + "/" + s.udfFailTimeout.toMillis() + "ms")
        + (s.udfTimeoutPolicy == UserFunctionTimeoutPolicy.DIE ? "" : ", userFunctionTimeoutPolicy=" + s.udfTimeoutPolicy)
        + (s.fileCacheSize < 0 ? "" : ", fileCacheSize=" + s.fileCacheSize)
        + (s.clientEncryption == null ? "" : ", " + s.clientEncryption) + "]";
  }
}
