package dev.ringlet.spring;

import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.UserFunctionTimeoutPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code ringlet.*} properties: the cluster to start for the tests and how the application
 * uses it. Every property has a default, so {@code ringlet.enabled=true} alone gives one node in
 * {@code datacenter1}, the keyspace of {@code spring.cassandra.keyspace-name} created, and its tables
 * emptied after each test.
 */
@ConfigurationProperties("ringlet")
public class RingletProperties {

  /** Whether to start a Ringlet cluster and connect the application's Cassandra session to it. */
  private boolean enabled;

  /** The name reported in system.local.cluster_name. */
  private String clusterName = ClusterSpec.DEFAULT_CLUSTER_NAME;

  /** The Cassandra version the nodes advertise as release_version; drivers choose protocol and schema queries from it. */
  private String releaseVersion = ClusterSpec.DEFAULT_RELEASE_VERSION;

  /** Tokens (vnodes) per node. */
  private int numTokens = ClusterSpec.DEFAULT_NUM_TOKENS;

  /** The datacenter of a single-datacenter cluster; also the session's local datacenter. Ignored when 'datacenters' is set. */
  private String datacenter = ClusterSpec.DEFAULT_DATACENTER;

  /** Nodes in a single-datacenter cluster. Ignored when 'datacenters' is set. */
  private int nodes = 1;

  /** Racks the nodes of a single-datacenter cluster are spread over (rack1, rack2, ...). Ignored when 'datacenters' is set. */
  private int racks = 1;

  /** Several datacenters, in start order; the first is the session's local datacenter. Replaces datacenter/nodes/racks. */
  private List<Datacenter> datacenters = new ArrayList<>();

  /**
   * Whether clients must log in (Cassandra's PasswordAuthenticator and CassandraAuthorizer). The
   * application's session then logs in with spring.cassandra.username/password, each defaulting to
   * the superuser cassandra/cassandra.
   */
  private boolean authentication;

  /** Whether CREATE FUNCTION is allowed (Cassandra's user_defined_functions_enabled); Java bodies need a JDK. */
  private boolean userDefinedFunctions;

  /**
   * A user-defined function call running longer than this adds a client warning to its request
   * (Cassandra's user_defined_functions_warn_timeout); 0: never. At most the fail timeout.
   */
  private Duration userDefinedFunctionWarnTimeout = Duration.ofMillis(500);

  /**
   * A user-defined function call still running after this fails its request with FUNCTION_FAILURE
   * (Cassandra's user_defined_functions_fail_timeout); positive.
   */
  private Duration userDefinedFunctionFailTimeout = Duration.ofMillis(1500);

  /**
   * Cassandra's user_function_timeout_policy: DIE and DIE_IMMEDIATE end a timed-out call's message
   * with "- will stop Cassandra VM", IGNORE without it; the node never stops (the runaway body does).
   */
  private UserFunctionTimeoutPolicy userFunctionTimeoutPolicy = UserFunctionTimeoutPolicy.DIE;

  /**
   * A read that scans more tombstones than this on a replica adds a client warning (Cassandra's
   * tombstone_warn_threshold); positive.
   */
  private int tombstoneWarnThreshold = 1_000;

  /**
   * A read that scans more tombstones than this on a replica fails with READ_FAILURE (Cassandra's
   * tombstone_failure_threshold); positive.
   */
  private int tombstoneFailureThreshold = 100_000;

  /** Whether CREATE MATERIALIZED VIEW is allowed (Cassandra's materialized_views_enabled); off by default, as in Cassandra 5.0. */
  private boolean materializedViews;

  /**
   * Whether columns may be masked with MASKED WITH and masks apply to reads (Cassandra's
   * dynamic_data_masking_enabled); off by default, as in Cassandra 5.0.
   */
  private boolean dynamicDataMasking;

  /**
   * Whether the nodes serve CQL over TLS only (Cassandra's client_encryption_options), with a
   * certificate generated at start that names every node; the connection details then carry an
   * SslBundle that trusts it, so the application's session connects over TLS.
   */
  private boolean tls;

  private final Storage storage = new Storage();

  private final Keyspace keyspace = new Keyspace();

  private final Schema schema = new Schema();

  private final Reset reset = new Reset();

  private final Driver driver = new Driver();

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public String getClusterName() {
    return clusterName;
  }

  public void setClusterName(String clusterName) {
    this.clusterName = clusterName;
  }

  public String getReleaseVersion() {
    return releaseVersion;
  }

  public void setReleaseVersion(String releaseVersion) {
    this.releaseVersion = releaseVersion;
  }

  public int getNumTokens() {
    return numTokens;
  }

  public void setNumTokens(int numTokens) {
    this.numTokens = numTokens;
  }

  public String getDatacenter() {
    return datacenter;
  }

  public void setDatacenter(String datacenter) {
    this.datacenter = datacenter;
  }

  public int getNodes() {
    return nodes;
  }

  public void setNodes(int nodes) {
    this.nodes = nodes;
  }

  public int getRacks() {
    return racks;
  }

  public void setRacks(int racks) {
    this.racks = racks;
  }

  public List<Datacenter> getDatacenters() {
    return datacenters;
  }

  public void setDatacenters(List<Datacenter> datacenters) {
    this.datacenters = datacenters;
  }

  public boolean isAuthentication() {
    return authentication;
  }

  public void setAuthentication(boolean authentication) {
    this.authentication = authentication;
  }

  public boolean isUserDefinedFunctions() {
    return userDefinedFunctions;
  }

  public void setUserDefinedFunctions(boolean userDefinedFunctions) {
    this.userDefinedFunctions = userDefinedFunctions;
  }

  public Duration getUserDefinedFunctionWarnTimeout() {
    return userDefinedFunctionWarnTimeout;
  }

  public void setUserDefinedFunctionWarnTimeout(Duration userDefinedFunctionWarnTimeout) {
    this.userDefinedFunctionWarnTimeout = userDefinedFunctionWarnTimeout;
  }

  public Duration getUserDefinedFunctionFailTimeout() {
    return userDefinedFunctionFailTimeout;
  }

  public void setUserDefinedFunctionFailTimeout(Duration userDefinedFunctionFailTimeout) {
    this.userDefinedFunctionFailTimeout = userDefinedFunctionFailTimeout;
  }

  public UserFunctionTimeoutPolicy getUserFunctionTimeoutPolicy() {
    return userFunctionTimeoutPolicy;
  }

  public void setUserFunctionTimeoutPolicy(UserFunctionTimeoutPolicy userFunctionTimeoutPolicy) {
    this.userFunctionTimeoutPolicy = userFunctionTimeoutPolicy;
  }

  public int getTombstoneWarnThreshold() {
    return tombstoneWarnThreshold;
  }

  public void setTombstoneWarnThreshold(int tombstoneWarnThreshold) {
    this.tombstoneWarnThreshold = tombstoneWarnThreshold;
  }

  public int getTombstoneFailureThreshold() {
    return tombstoneFailureThreshold;
  }

  public void setTombstoneFailureThreshold(int tombstoneFailureThreshold) {
    this.tombstoneFailureThreshold = tombstoneFailureThreshold;
  }

  public boolean isMaterializedViews() {
    return materializedViews;
  }

  public void setMaterializedViews(boolean materializedViews) {
    this.materializedViews = materializedViews;
  }

  public boolean isDynamicDataMasking() {
    return dynamicDataMasking;
  }

  public void setDynamicDataMasking(boolean dynamicDataMasking) {
    this.dynamicDataMasking = dynamicDataMasking;
  }

  public boolean isTls() {
    return tls;
  }

  public void setTls(boolean tls) {
    this.tls = tls;
  }

  public Storage getStorage() {
    return storage;
  }

  public Keyspace getKeyspace() {
    return keyspace;
  }

  public Schema getSchema() {
    return schema;
  }

  public Reset getReset() {
    return reset;
  }

  public Driver getDriver() {
    return driver;
  }

  /** One datacenter of a multi-datacenter cluster. */
  public static class Datacenter {

    /** The datacenter's name. */
    private String name;

    /** Its node count. */
    private int nodes = 1;

    /** The racks its nodes are spread over (rack1, rack2, ...). */
    private int racks = 1;

    public String getName() {
      return name;
    }

    public void setName(String name) {
      this.name = name;
    }

    public int getNodes() {
      return nodes;
    }

    public void setNodes(int nodes) {
      this.nodes = nodes;
    }

    public int getRacks() {
      return racks;
    }

    public void setRacks(int racks) {
      this.racks = racks;
    }
  }

  /** Where the nodes keep their data. */
  public enum StorageMode {
    /** In memory: nothing is written to disk; a fresh cluster starts empty. */
    MEMORY,
    /** In 'ringlet.storage.data-directory' (one subdirectory per node), surviving restarts. */
    DIRECTORY
  }

  /** How the nodes store data. */
  public static class Storage {

    /** Where the nodes keep their data. */
    private StorageMode mode = StorageMode.MEMORY;

    /** The data directory when the mode is DIRECTORY. */
    private Path dataDirectory;

    /** The commit log's sync mode when the mode is DIRECTORY. */
    private ClusterSpec.CommitLogSync commitLogSync = ClusterSpec.CommitLogSync.PERIODIC;

    public StorageMode getMode() {
      return mode;
    }

    public void setMode(StorageMode mode) {
      this.mode = mode;
    }

    public Path getDataDirectory() {
      return dataDirectory;
    }

    public void setDataDirectory(Path dataDirectory) {
      this.dataDirectory = dataDirectory;
    }

    public ClusterSpec.CommitLogSync getCommitLogSync() {
      return commitLogSync;
    }

    public void setCommitLogSync(ClusterSpec.CommitLogSync commitLogSync) {
      this.commitLogSync = commitLogSync;
    }
  }

  /** The application's keyspace, named by spring.cassandra.keyspace-name. */
  public static class Keyspace {

    /** Whether to create the keyspace of spring.cassandra.keyspace-name (if absent) before the session connects. */
    private boolean create = true;

    /**
     * Replicas per datacenter for the created keyspace. Unset: min(3, nodes of the datacenter).
     * One datacenter gets SimpleStrategy, several get NetworkTopologyStrategy.
     */
    private Integer replicationFactor;

    public boolean isCreate() {
      return create;
    }

    public void setCreate(boolean create) {
      this.create = create;
    }

    public Integer getReplicationFactor() {
      return replicationFactor;
    }

    public void setReplicationFactor(Integer replicationFactor) {
      this.replicationFactor = replicationFactor;
    }
  }

  /** CQL scripts run against the cluster before the application connects. */
  public static class Schema {

    /**
     * CQL scripts (classpath: or file: resource locations), run in order once per cluster, after the
     * keyspace is created. Statements end with ';'; '--', '//' and block comments are allowed.
     */
    private List<String> locations = new ArrayList<>();

    public List<String> getLocations() {
      return locations;
    }

    public void setLocations(List<String> locations) {
      this.locations = locations;
    }
  }

  /** What happens to the data between tests. */
  public enum ResetMode {
    /** Empty every table of the reset keyspaces after each test method. */
    TRUNCATE,
    /** Keep the data; tests see each other's writes. */
    NONE
  }

  /** Isolation between test methods. */
  public static class Reset {

    /** What happens to the data after each test method. */
    private ResetMode mode = ResetMode.TRUNCATE;

    /** Keyspaces emptied after each test besides the one of spring.cassandra.keyspace-name. */
    private List<String> keyspaces = new ArrayList<>();

    public ResetMode getMode() {
      return mode;
    }

    public void setMode(ResetMode mode) {
      this.mode = mode;
    }

    public List<String> getKeyspaces() {
      return keyspaces;
    }

    public void setKeyspaces(List<String> keyspaces) {
      this.keyspaces = keyspaces;
    }
  }

  /**
   * Driver settings for tests, applied to Spring Boot's driver configuration. With the driver's
   * defaults every DDL statement costs about a second (schema events debounced for 1 s, agreement
   * polled every 200 ms) and closing a session waits 2 s for Netty's quiet period.
   */
  public static class Driver {

    /** Whether to apply the settings below to the application's session. */
    private boolean tune = true;

    /** How long schema and topology events are debounced (driver default: 1s). */
    private Duration debounceWindow = Duration.ofMillis(1);

    /** How often schema agreement is polled after DDL (driver default: 200ms). */
    private Duration schemaAgreementInterval = Duration.ofMillis(5);

    /** Netty's quiet period when the session closes (driver default: 2s). */
    private Duration shutdownQuietPeriod = Duration.ofMillis(10);

    public boolean isTune() {
      return tune;
    }

    public void setTune(boolean tune) {
      this.tune = tune;
    }

    public Duration getDebounceWindow() {
      return debounceWindow;
    }

    public void setDebounceWindow(Duration debounceWindow) {
      this.debounceWindow = debounceWindow;
    }

    public Duration getSchemaAgreementInterval() {
      return schemaAgreementInterval;
    }

    public void setSchemaAgreementInterval(Duration schemaAgreementInterval) {
      this.schemaAgreementInterval = schemaAgreementInterval;
    }

    public Duration getShutdownQuietPeriod() {
      return shutdownQuietPeriod;
    }

    public void setShutdownQuietPeriod(Duration shutdownQuietPeriod) {
      this.shutdownQuietPeriod = shutdownQuietPeriod;
    }
  }
}
