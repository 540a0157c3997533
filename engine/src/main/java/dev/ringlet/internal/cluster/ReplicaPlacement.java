package dev.ringlet.internal.cluster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which nodes hold a token's replicas, as Cassandra's replication strategies place them. Pure
 * functions of the ring and the keyspace's replication.
 *
 * <ul>
 *   <li>SimpleStrategy: the owner of the first ring token at or after the key's token, then the next
 *       distinct nodes clockwise, ignoring datacenters and racks.
 *   <li>NetworkTopologyStrategy: per datacenter, walk clockwise taking nodes of racks not yet used;
 *       nodes of an already used rack are set aside and used, in the order met, only once every rack
 *       of the datacenter has a replica (Cassandra's {@code NetworkTopologyStrategy.DatacenterEndpoints}).
 *   <li>LocalStrategy and anything else: no placement here (the coordinator serves those locally).
 * </ul>
 */
public final class ReplicaPlacement {

  public static final String SIMPLE = "org.apache.cassandra.locator.SimpleStrategy";
  public static final String NETWORK_TOPOLOGY = "org.apache.cassandra.locator.NetworkTopologyStrategy";

  private ReplicaPlacement() {}

  /**
   * @param strategyClass the strategy's full class name
   * @param factors replication factor per datacenter for NTS; for SimpleStrategy the single entry
   *     under any key is the factor
   */
  public static List<Endpoint> replicas(Ring ring, String strategyClass, Map<String, Integer> factors, long token) {
    if (ring.size() == 0) {
      return List.of();
    }
    if (strategyClass.equals(SIMPLE)) {
      int rf = factors.values().stream().mapToInt(Integer::intValue).sum();
      return simple(ring, rf, token);
    }
    if (strategyClass.equals(NETWORK_TOPOLOGY)) {
      return networkTopology(ring, factors, token);
    }
    return List.of();
  }

  static List<Endpoint> simple(Ring ring, int rf, long token) {
    Set<Endpoint> out = new LinkedHashSet<>();
    int start = ring.firstIndex(token);
    int limit = Math.min(rf, ring.endpoints().size());
    for (int i = 0; i < ring.size() && out.size() < limit; i++) {
      out.add(ring.ownerAt(start + i));
    }
    return new ArrayList<>(out);
  }

  static List<Endpoint> networkTopology(Ring ring, Map<String, Integer> factors, long token) {
    Map<String, Integer> dcSizes = ring.datacenterSizes();
    Map<String, List<String>> racks = ring.racks();
    Map<String, DatacenterPicker> pickers = new HashMap<>();
    for (Map.Entry<String, Integer> f : factors.entrySet()) {
      int nodes = dcSizes.getOrDefault(f.getKey(), 0);
      if (f.getValue() > 0 && nodes > 0) {
        pickers.put(f.getKey(), new DatacenterPicker(Math.min(f.getValue(), nodes),
            racks.getOrDefault(f.getKey(), List.of()).size()));
      }
    }
    List<Endpoint> out = new ArrayList<>();
    int start = ring.firstIndex(token);
    for (int i = 0; i < ring.size() && !allDone(pickers); i++) {
      Endpoint e = ring.ownerAt(start + i);
      DatacenterPicker p = pickers.get(e.datacenter());
      if (p != null) {
        p.offer(e, out);
      }
    }
    // Racks exhausted before the factor: the set-aside nodes fill in, in ring order.
    for (DatacenterPicker p : pickers.values()) {
      p.drainSkipped(out);
    }
    return out;
  }

  private static boolean allDone(Map<String, DatacenterPicker> pickers) {
    for (DatacenterPicker p : pickers.values()) {
      if (!p.done()) {
        return false;
      }
    }
    return true;
  }

  /** One datacenter's share of a placement walk. */
  private static final class DatacenterPicker {
    private final int rf;
    private final int rackCount;
    private final Set<Endpoint> chosen = new LinkedHashSet<>();
    private final Set<String> seenRacks = new HashSet<>();
    private final Set<Endpoint> skipped = new LinkedHashSet<>();

    DatacenterPicker(int rf, int rackCount) {
      this.rf = rf;
      this.rackCount = rackCount;
    }

    boolean done() {
      return chosen.size() >= rf;
    }

    void offer(Endpoint e, List<Endpoint> out) {
      if (done() || chosen.contains(e)) {
        return;
      }
      if (seenRacks.size() >= rackCount) {
        // Every rack has a replica: take nodes in ring order, skipped ones first.
        drainSkipped(out);
        if (!done() && chosen.add(e)) {
          out.add(e);
        }
        return;
      }
      if (seenRacks.add(e.rack())) {
        chosen.add(e);
        out.add(e);
        if (seenRacks.size() == rackCount) {
          drainSkipped(out);
        }
      } else {
        skipped.add(e);
      }
    }

    void drainSkipped(List<Endpoint> out) {
      for (Endpoint s : skipped) {
        if (done()) {
          break;
        }
        if (chosen.add(s)) {
          out.add(s);
        }
      }
      skipped.clear();
    }
  }
}
