package dev.ringlet.internal.schema;

import java.util.Map;
import java.util.Set;

/**
 * A keyspace's replication: the strategy's full class name and its options, as stored in
 * {@code system_schema.keyspaces.replication} (which adds the {@code class} entry).
 * STUB: the schema-options work adds validation and the replication factor arithmetic.
 */
public record ReplicationParams(String strategyClass, Map<String, String> options) {

  public ReplicationParams {
    options = Map.copyOf(options);
  }

  /**
   * Parses and validates the {@code replication} map of CREATE/ALTER KEYSPACE with Cassandra's
   * rules and messages (e.g. a missing {@code class}, an unknown strategy, a bad or missing
   * {@code replication_factor}, an NTS datacenter that does not exist).
   */
  public static ReplicationParams fromOptions(String keyspace, Map<String, String> replication, Set<String> datacenters) {
    String cls = replication.get("class");
    if (!cls.contains(".")) {
      cls = "org.apache.cassandra.locator." + cls;
    }
    Map<String, String> rest = new java.util.HashMap<>(replication);
    rest.remove("class");
    return new ReplicationParams(cls, rest);
  }

  /** The map {@code system_schema.keyspaces.replication} shows, {@code class} included. */
  public Map<String, String> asMap() {
    Map<String, String> m = new java.util.TreeMap<>(options);
    m.put("class", strategyClass);
    return m;
  }
}
