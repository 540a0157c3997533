package dev.ringlet.junit.internal;

import dev.ringlet.api.ClusterSpec;
import dev.ringlet.junit.Isolation;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Everything one test class asked for, validated once: the cluster (the engine's spec), the keyspace
 * and schema scripts, the isolation and whether the cluster is shared. What the engine cannot run
 * yet is refused by the engine when the cluster starts, with its own message; never shrunk here.
 *
 * @param spec what the engine is asked to start (without a data directory when {@code temporaryDirectory})
 * @param temporaryDirectory whether each start gets a fresh temporary data directory, deleted at close
 * @param keyspace the keyspace to create and bind sessions to, or {@code ""}
 * @param schema script locations, run in order once per cluster
 * @param isolation how tests are kept apart
 * @param shared whether classes asking for the same cluster share one
 * @param session the protocol version and compression of the sessions handed to tests
 */
public record ClusterSettings(
    ClusterSpec spec, boolean temporaryDirectory, String keyspace, List<String> schema,
    Isolation isolation, boolean shared, SessionOptions session) {

  private static final Pattern KEYSPACE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,47}");

  public ClusterSettings {
    Objects.requireNonNull(spec, "spec");
    if (temporaryDirectory && spec.dataDirectory() != null) {
      throw new IllegalArgumentException("dataDirectory: both " + spec.dataDirectory() + " and a temporary one"
          + " (expected: one)");
    }
    Objects.requireNonNull(keyspace, "keyspace");
    if (!keyspace.isEmpty() && !KEYSPACE_NAME.matcher(keyspace).matches()) {
      throw new IllegalArgumentException("keyspace: " + keyspace
          + " (expected: a letter then up to 47 letters, digits or underscores)");
    }
    schema = List.copyOf(schema);
    Objects.requireNonNull(isolation, "isolation");
    Objects.requireNonNull(session, "session");
  }

  /** Settings for a spec the engine runs as given. */
  public static ClusterSettings of(ClusterSpec spec) {
    return new ClusterSettings(spec, false, "", List.of(), Isolation.TRUNCATE_TABLES, true, SessionOptions.DEFAULTS);
  }

  public ClusterSettings withKeyspace(String name) {
    return new ClusterSettings(spec, temporaryDirectory, name, schema, isolation, shared, session);
  }

  public ClusterSettings withSchema(List<String> locations) {
    return new ClusterSettings(spec, temporaryDirectory, keyspace, locations, isolation, shared, session);
  }

  public ClusterSettings withIsolation(Isolation mode) {
    return new ClusterSettings(spec, temporaryDirectory, keyspace, schema, mode, shared, session);
  }

  public ClusterSettings withShared(boolean share) {
    return new ClusterSettings(spec, temporaryDirectory, keyspace, schema, isolation, share, session);
  }

  public ClusterSettings withSession(SessionOptions options) {
    return new ClusterSettings(spec, temporaryDirectory, keyspace, schema, isolation, shared, options);
  }

  public ClusterSettings withSpec(ClusterSpec newSpec) {
    return new ClusterSettings(newSpec, temporaryDirectory, keyspace, schema, isolation, shared, session);
  }

  public boolean hasKeyspace() {
    return !keyspace.isEmpty();
  }

  /** What makes two classes' clusters the same one. */
  public ClusterKey clusterKey() {
    return new ClusterKey(spec, temporaryDirectory);
  }

  /** What makes two classes' schema set-up the same one (run once per cluster). */
  public SchemaKey schemaKey() {
    return new SchemaKey(keyspace, schema);
  }

  /** Total nodes asked for. */
  public int nodeCount() {
    return spec.nodeCount();
  }

  /** Key of a shared cluster in the root store. */
  public record ClusterKey(ClusterSpec spec, boolean temporaryDirectory) {}

  /** Key of one schema set-up on one cluster. */
  public record SchemaKey(String keyspace, List<String> schema) {}
}
