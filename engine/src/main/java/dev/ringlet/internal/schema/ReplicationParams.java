package dev.ringlet.internal.schema;

import dev.ringlet.internal.error.CqlException;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A keyspace's replication: the strategy's full class name and its options, as stored in
 * {@code system_schema.keyspaces.replication} (which adds the {@code class} entry). Option values
 * are kept as the user wrote them ({@code '01'} stays {@code '01'}), as Cassandra does.
 */
public record ReplicationParams(String strategyClass, Map<String, String> options) {

  private static final String PACKAGE = "org.apache.cassandra.locator.";
  public static final String SIMPLE = PACKAGE + "SimpleStrategy";
  public static final String NETWORK_TOPOLOGY = PACKAGE + "NetworkTopologyStrategy";
  public static final String LOCAL = PACKAGE + "LocalStrategy";

  /** The factor a strategy gets when {@code replication_factor} is left out (Cassandra's {@code default_keyspace_rf}). */
  private static final String DEFAULT_RF = "1";

  public ReplicationParams {
    options = java.util.Collections.unmodifiableMap(new TreeMap<>(options));
  }

  /** {@code LocalStrategy}: the node's own data only ({@code system}, {@code system_schema}). */
  public static ReplicationParams local() {
    return new ReplicationParams(LOCAL, Map.of());
  }

  public static ReplicationParams simple(int replicationFactor) {
    return new ReplicationParams(SIMPLE, Map.of("replication_factor", Integer.toString(replicationFactor)));
  }

  /**
   * Parses and validates the {@code replication} map of CREATE/ALTER KEYSPACE with Cassandra 5.0's
   * rules and messages: a missing {@code class}, an unknown strategy, a bad {@code replication_factor},
   * options the strategy does not know, an NTS datacenter that does not exist. {@code LocalStrategy}
   * is for system keyspaces only; 5.0 has no {@code EverywhereStrategy}. For NTS,
   * {@code replication_factor} stands for every datacenter in {@code datacenters} not named
   * explicitly, and datacenters with a factor of 0 are left out.
   */
  public static ReplicationParams fromOptions(String keyspace, Map<String, String> replication, Set<String> datacenters) {
    return fromOptions(keyspace, replication, datacenters, null);
  }

  /**
   * As {@link #fromOptions(String, Map, Set)}, for ALTER KEYSPACE over the keyspace's current
   * replication: with NTS, the {@code replication_factor} shorthand leaves the datacenters the
   * keyspace already replicates to at their factor (5.0 answers
   * {@code ALTER ... {'class': 'NetworkTopologyStrategy', 'replication_factor': 3}} on a keyspace
   * with {@code datacenter1: 2} by keeping 2).
   */
  public static ReplicationParams fromOptions(String keyspace, Map<String, String> replication, Set<String> datacenters,
      ReplicationParams previous) {
    String cls = replication.get("class");
    if (cls == null) {
      throw CqlException.config("Missing replication strategy class");
    }
    String fullName = cls.contains(".") ? cls : PACKAGE + cls;
    Map<String, String> rest = new TreeMap<>(replication);
    rest.remove("class");
    switch (fullName) {
      case SIMPLE:
        return simpleFromOptions(keyspace, rest);
      case NETWORK_TOPOLOGY:
        return networkTopologyFromOptions(keyspace, rest, datacenters,
            previous != null && previous.strategyClass.equals(NETWORK_TOPOLOGY) ? previous.options : Map.of());
      case LOCAL:
        throw CqlException.invalid("Unable to use given strategy class: LocalStrategy is reserved for internal use.");
      case PACKAGE + "OldNetworkTopologyStrategy":
        throw CqlException.config("The support for the OldNetworkTopologyStrategy has been removed in C* version 4.0. "
            + "The keyspace strategy should be switch to NetworkTopologyStrategy");
      default:
        throw CqlException.config("Unable to find replication strategy class '" + fullName + "'");
    }
  }

  private static ReplicationParams simpleFromOptions(String keyspace, Map<String, String> options) {
    String rf = options.getOrDefault("replication_factor", DEFAULT_RF);
    parseFactor(rf);
    Set<String> unknown = new LinkedHashSet<>(options.keySet());
    unknown.remove("replication_factor");
    rejectUnknown(unknown, "SimpleStrategy", keyspace);
    return new ReplicationParams(SIMPLE, Map.of("replication_factor", rf));
  }

  private static ReplicationParams networkTopologyFromOptions(String keyspace, Map<String, String> options,
      Set<String> datacenters, Map<String, String> previous) {
    Map<String, String> factors = new TreeMap<>(options);
    String shorthand = factors.remove("replication_factor");
    if (options.isEmpty()) {
      shorthand = DEFAULT_RF;
    }
    Set<String> unknown = new LinkedHashSet<>();
    for (Map.Entry<String, String> e : factors.entrySet()) {
      parseFactor(e.getValue());
      if (!datacenters.contains(e.getKey())) unknown.add(e.getKey());
    }
    rejectUnknown(unknown, "NetworkTopologyStrategy", keyspace);
    if (shorthand != null && isFactor(shorthand)) {
      previous.forEach(factors::putIfAbsent);
      for (String dc : datacenters) {
        factors.putIfAbsent(dc, shorthand);
      }
    }
    factors.values().removeIf(v -> parseFactor(v) == 0);
    if (factors.isEmpty()) {
      throw CqlException.config("Configuration for at least one datacenter must be present");
    }
    return new ReplicationParams(NETWORK_TOPOLOGY, factors);
  }

  /** Cassandra names only the first unknown option, in name order. */
  private static void rejectUnknown(Set<String> unknown, String strategy, String keyspace) {
    if (!unknown.isEmpty()) {
      throw CqlException.config("Unrecognized strategy option {" + new java.util.TreeSet<>(unknown).first()
          + "} passed to " + strategy + " for keyspace " + keyspace);
    }
  }

  private static boolean isFactor(String value) {
    try {
      return Integer.parseInt(value) >= 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** A full replica count; {@code 3/1} (transient replicas) is refused as on a node without them. */
  private static int parseFactor(String value) {
    if (value.contains("/")) {
      throw CqlException.config("Transient replication is not enabled on this node");
    }
    int rf;
    try {
      rf = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw CqlException.config("For input string: \"" + value + "\"");
    }
    if (rf < 0) {
      throw CqlException.config("Replication factor must be non-negative, found " + rf);
    }
    return rf;
  }

  /** The map {@code system_schema.keyspaces.replication} shows, {@code class} included. */
  public Map<String, String> asMap() {
    Map<String, String> m = new TreeMap<>(options);
    m.put("class", strategyClass);
    return m;
  }

  /** Replicas of each partition in that datacenter: SimpleStrategy ignores datacenters, LocalStrategy keeps one. */
  public int replicationFactor(String datacenter) {
    return switch (strategyClass) {
      case LOCAL -> 1;
      case SIMPLE -> Integer.parseInt(options.get("replication_factor"));
      case NETWORK_TOPOLOGY -> options.containsKey(datacenter) ? Integer.parseInt(options.get(datacenter)) : 0;
      default -> 0;
    };
  }

  /** Replicas of each partition in the whole cluster. */
  public int totalReplicationFactor() {
    return switch (strategyClass) {
      case LOCAL -> 1;
      case SIMPLE -> Integer.parseInt(options.get("replication_factor"));
      case NETWORK_TOPOLOGY -> options.values().stream().mapToInt(Integer::parseInt).sum();
      default -> 0;
    };
  }
}
