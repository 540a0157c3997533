package dev.ringlet.internal.cluster;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a membership change moves, as pure functions of the ring before and after it: for every
 * range of the two rings together, the replicas it will gain (Cassandra's pending ranges, which
 * coordinators add to a write's targets while the change runs) and the current replicas that can
 * stream it to them.
 */
public final class RangeMovements {

  private RangeMovements() {}

  /**
   * One range whose replicas change.
   *
   * @param gainers the nodes that will replicate the range and do not yet
   * @param sources the current replicas, those losing the range first (they hold what the gainers
   *     take over, as Cassandra's consistent range movement prefers)
   */
  public record Movement(TokenRange range, List<Endpoint> gainers, List<Endpoint> sources) {
    public Movement {
      gainers = List.copyOf(gainers);
      sources = List.copyOf(sources);
    }
  }

  /** The replicas of {@code token} in {@code future} that are not replicas of it in {@code current}. */
  public static List<Endpoint> pending(Ring current, Ring future, String strategyClass, Map<String, Integer> factors, long token) {
    if (current == future) {
      return List.of();
    }
    List<Endpoint> now = ReplicaPlacement.replicas(current, strategyClass, factors, token);
    List<Endpoint> out = new ArrayList<>();
    for (Endpoint e : ReplicaPlacement.replicas(future, strategyClass, factors, token)) {
      if (!now.contains(e)) {
        out.add(e);
      }
    }
    return out;
  }

  /** Every range (between consecutive tokens of both rings) whose replicas gain a node. */
  public static List<Movement> movements(Ring current, Ring future, String strategyClass, Map<String, Integer> factors) {
    TreeSet<Long> bounds = new TreeSet<>();
    for (int i = 0; i < current.size(); i++) {
      bounds.add(current.tokenAt(i));
    }
    for (int i = 0; i < future.size(); i++) {
      bounds.add(future.tokenAt(i));
    }
    List<Movement> out = new ArrayList<>();
    if (bounds.isEmpty()) {
      return out;
    }
    Long previous = bounds.last();
    for (Long end : bounds) {
      List<Endpoint> now = ReplicaPlacement.replicas(current, strategyClass, factors, end);
      List<Endpoint> then = ReplicaPlacement.replicas(future, strategyClass, factors, end);
      List<Endpoint> gainers = new ArrayList<>();
      for (Endpoint e : then) {
        if (!now.contains(e)) {
          gainers.add(e);
        }
      }
      if (!gainers.isEmpty()) {
        Set<Endpoint> sources = new LinkedHashSet<>();
        for (Endpoint e : now) {
          if (!then.contains(e)) {
            sources.add(e);
          }
        }
        sources.addAll(now);
        out.add(new Movement(new TokenRange(previous, end), gainers, new ArrayList<>(sources)));
      }
      previous = end;
    }
    return out;
  }

  /** The ranges (between consecutive ring tokens) that {@code node} replicates in {@code ring}. */
  public static List<TokenRange> rangesOf(Ring ring, String strategyClass, Map<String, Integer> factors, Endpoint node) {
    List<TokenRange> out = new ArrayList<>();
    if (ring.size() == 0) {
      return out;
    }
    long previous = ring.tokenAt(ring.size() - 1);
    for (int i = 0; i < ring.size(); i++) {
      long end = ring.tokenAt(i);
      if (ReplicaPlacement.replicas(ring, strategyClass, factors, end).contains(node)) {
        out.add(new TokenRange(previous, end));
      }
      previous = end;
    }
    return out;
  }
}
