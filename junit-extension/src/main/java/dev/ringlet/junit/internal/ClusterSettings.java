package dev.ringlet.junit.internal;

import dev.ringlet.api.ClusterSpec;
import dev.ringlet.junit.Isolation;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Everything one test class asked for, validated once: the cluster (engine spec plus the topology it
 * asked for), the keyspace and schema scripts, the isolation and whether the cluster is shared.
 *
 * @param spec what the engine is asked to start
 * @param datacenters the requested topology; more than the engine can run today is rejected by
 *     {@link #requireRunnable()}, never silently shrunk
 * @param keyspace the keyspace to create and bind sessions to, or {@code ""}
 * @param schema script locations, run in order once per cluster
 * @param isolation how tests are kept apart
 * @param shared whether classes asking for the same cluster share one
 */
public record ClusterSettings(
    ClusterSpec spec, List<DatacenterLayout> datacenters, String keyspace, List<String> schema,
    Isolation isolation, boolean shared) {

  private static final Pattern KEYSPACE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,47}");

  public ClusterSettings {
    Objects.requireNonNull(spec, "spec");
    datacenters = List.copyOf(datacenters);
    if (datacenters.isEmpty()) {
      throw new IllegalArgumentException("datacenters: empty (expected: at least one)");
    }
    Objects.requireNonNull(keyspace, "keyspace");
    if (!keyspace.isEmpty() && !KEYSPACE_NAME.matcher(keyspace).matches()) {
      throw new IllegalArgumentException("keyspace: " + keyspace
          + " (expected: a letter then up to 47 letters, digits or underscores)");
    }
    schema = List.copyOf(schema);
    Objects.requireNonNull(isolation, "isolation");
  }

  /** Settings for a spec the engine runs as given: one datacenter with the spec's one node. */
  public static ClusterSettings of(ClusterSpec spec) {
    return new ClusterSettings(spec, List.of(new DatacenterLayout(spec.datacenter(), 1, 1)), "", List.of(),
        Isolation.TRUNCATE_TABLES, true);
  }

  public ClusterSettings withKeyspace(String name) {
    return new ClusterSettings(spec, datacenters, name, schema, isolation, shared);
  }

  public ClusterSettings withSchema(List<String> locations) {
    return new ClusterSettings(spec, datacenters, keyspace, locations, isolation, shared);
  }

  public ClusterSettings withIsolation(Isolation mode) {
    return new ClusterSettings(spec, datacenters, keyspace, schema, mode, shared);
  }

  public ClusterSettings withShared(boolean share) {
    return new ClusterSettings(spec, datacenters, keyspace, schema, isolation, share);
  }

  public boolean hasKeyspace() {
    return !keyspace.isEmpty();
  }

  /** What makes two classes' clusters the same one. */
  public ClusterKey clusterKey() {
    return new ClusterKey(spec, datacenters);
  }

  /** What makes two classes' schema set-up the same one (run once per cluster). */
  public SchemaKey schemaKey() {
    return new SchemaKey(keyspace, schema);
  }

  /** Total nodes asked for. */
  public int nodeCount() {
    return datacenters.stream().mapToInt(DatacenterLayout::nodes).sum();
  }

  /**
   * Fails with a message naming what cannot run yet, so a multi-node spec is never silently started
   * as one node.
   */
  public void requireRunnable() {
    if (datacenters.size() > 1) {
      throw new UnsupportedClusterException("datacenters: " + datacenters.size()
          + " " + datacenters.stream().map(DatacenterLayout::name).toList()
          + " (expected: 1; Ringlet starts single-datacenter clusters only so far)");
    }
    DatacenterLayout dc = datacenters.get(0);
    if (dc.nodes() != 1) {
      throw new UnsupportedClusterException("nodes in " + dc.name() + ": " + dc.nodes()
          + " (expected: 1; Ringlet starts single-node clusters only so far)");
    }
    if (dc.racks() != 1) {
      throw new UnsupportedClusterException("racks in " + dc.name() + ": " + dc.racks()
          + " (expected: 1; Ringlet starts single-node clusters only so far)");
    }
  }

  /** Key of a shared cluster in the root store. */
  public record ClusterKey(ClusterSpec spec, List<DatacenterLayout> datacenters) {}

  /** Key of one schema set-up on one cluster. */
  public record SchemaKey(String keyspace, List<String> schema) {}

  /** A spec the engine cannot run yet. */
  public static final class UnsupportedClusterException extends IllegalArgumentException {
    public UnsupportedClusterException(String message) {
      super(message);
    }
  }
}
