package dev.ringlet.internal.cluster;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The token ring: every token of every node, sorted, and who owns it. Immutable; replica placement
 * ({@link ReplicaPlacement}) walks it clockwise from a key's token.
 */
public final class Ring {

  private final long[] tokens;
  private final Endpoint[] owners;
  private final Map<UUID, Endpoint> endpoints;

  public Ring(Map<Endpoint, List<Long>> tokensByEndpoint) {
    TreeMap<Long, Endpoint> sorted = new TreeMap<>();
    Map<UUID, Endpoint> byId = new LinkedHashMap<>();
    for (Map.Entry<Endpoint, List<Long>> e : tokensByEndpoint.entrySet()) {
      byId.put(e.getKey().hostId(), e.getKey());
      for (Long t : e.getValue()) {
        Endpoint previous = sorted.put(t, e.getKey());
        if (previous != null) {
          throw new IllegalArgumentException("token " + t + " is owned by both " + previous.hostId() + " and "
              + e.getKey().hostId() + " (expected: distinct tokens)");
        }
      }
    }
    this.tokens = new long[sorted.size()];
    this.owners = new Endpoint[sorted.size()];
    int i = 0;
    for (Map.Entry<Long, Endpoint> e : sorted.entrySet()) {
      tokens[i] = e.getKey();
      owners[i] = e.getValue();
      i++;
    }
    this.endpoints = Collections.unmodifiableMap(byId);
  }

  public Map<UUID, Endpoint> endpoints() {
    return endpoints;
  }

  public int size() {
    return tokens.length;
  }

  /** Index of the first ring token {@code >= token}, wrapping to 0: the primary range's owner. */
  int firstIndex(long token) {
    int lo = 0;
    int hi = tokens.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (tokens[mid] < token) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo == tokens.length ? 0 : lo;
  }

  public long tokenAt(int index) {
    return tokens[index % tokens.length];
  }

  Endpoint ownerAt(int index) {
    return owners[index % owners.length];
  }

  /** Nodes per datacenter. */
  public Map<String, Integer> datacenterSizes() {
    Map<String, Integer> out = new HashMap<>();
    for (Endpoint e : endpoints.values()) {
      out.merge(e.datacenter(), 1, Integer::sum);
    }
    return out;
  }

  /** Racks per datacenter, in first-seen order. */
  Map<String, List<String>> racks() {
    Map<String, List<String>> out = new HashMap<>();
    for (Endpoint e : endpoints.values()) {
      List<String> r = out.computeIfAbsent(e.datacenter(), k -> new ArrayList<>());
      if (!r.contains(e.rack())) {
        r.add(e.rack());
      }
    }
    return out;
  }
}
