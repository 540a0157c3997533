package dev.ringlet.internal.node;

import dev.ringlet.internal.cluster.Endpoint;
import dev.ringlet.internal.cluster.Ring;
import dev.ringlet.internal.coordinator.Timeouts;
import dev.ringlet.internal.messaging.ClusterTime;
import dev.ringlet.internal.messaging.InJvmBus;
import dev.ringlet.internal.messaging.Transport;
import dev.ringlet.internal.time.TimestampGenerator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;

/**
 * What the nodes of one cluster share, or what one node of a multi-process cluster knows: the
 * transport (the in-JVM bus, or TCP), the clock, the members' descriptions and the ring, timeouts,
 * the threads requests run on, and the write-timestamp generator (in one JVM, one for every node:
 * strictly increasing across the cluster, so a write or Paxos ballot that follows another gets a
 * higher timestamp even when the manual clock has not moved).
 *
 * <p>In one JVM the members are fixed. Over TCP members are {@link #addMember added} as they are
 * learned; the ring is rebuilt each time, and readers see either the old or the new one whole. A
 * process bootstrapping into a running cluster starts {@link #bootstrapInto joining}; every process
 * takes the steps of a change (begin, complete, abort) as the process running it sends them.
 *
 * <p>Membership changes of an in-JVM cluster (bootstrap, decommission, removenode) go through two
 * steps: {@link #beginJoin}/{@link #beginLeave} make the change pending ({@link #futureRing} is the
 * ring after it, so coordinators add its pending replicas to writes, while reads and
 * {@code system.peers} still see {@link #ring}); {@link #completeJoin}/{@link #completeLeave} make it
 * the ring. A joining node is not a member (not in {@code system.peers}) until it completes.
 */
final class ClusterContext {

  private final InJvmBus bus;
  private final Transport transport;
  private final ClusterTime time;
  private final Timeouts timeouts;
  private final Executor requests;
  private final TimestampGenerator timestamps;
  private volatile List<NodeConfig> members;
  private volatile Ring ring;
  private volatile Ring futureRing;
  private volatile List<NodeConfig> joining = List.of();
  private volatile Set<UUID> leaving = Set.of();

  /** The nodes of an in-JVM cluster. */
  ClusterContext(InJvmBus bus, ClusterTime time, List<NodeConfig> members, Ring ring, Timeouts timeouts, Executor requests,
      TimestampGenerator timestamps) {
    this(bus, bus, time, members, ring, timeouts, requests, timestamps);
  }

  /** One node of a cluster over another transport, knowing only itself at first. */
  ClusterContext(Transport transport, ClusterTime time, NodeConfig self, Timeouts timeouts, Executor requests,
      TimestampGenerator timestamps) {
    this(null, transport, time, List.of(self), ringOf(List.of(self)), timeouts, requests, timestamps);
  }

  private ClusterContext(InJvmBus bus, Transport transport, ClusterTime time, List<NodeConfig> members, Ring ring, Timeouts timeouts,
      Executor requests, TimestampGenerator timestamps) {
    this.bus = bus;
    this.transport = transport;
    this.time = time;
    this.members = List.copyOf(members);
    this.ring = ring;
    this.futureRing = ring;
    this.timeouts = timeouts;
    this.requests = requests;
    this.timestamps = timestamps;
  }

  static Ring ringOf(List<NodeConfig> members) {
    Map<Endpoint, List<Long>> tokens = new LinkedHashMap<>();
    for (NodeConfig m : members) {
      tokens.put(new Endpoint(m.hostId(), m.datacenter(), m.rack()), m.tokens());
    }
    return new Ring(tokens);
  }

  /** The in-JVM bus, or null over TCP. */
  InJvmBus bus() {
    return bus;
  }

  Transport transport() {
    return transport;
  }

  ClusterTime time() {
    return time;
  }

  List<NodeConfig> members() {
    return members;
  }

  Ring ring() {
    return ring;
  }

  /** The ring once the pending membership changes complete: the same object as {@link #ring()} when none is pending. */
  Ring futureRing() {
    return futureRing;
  }

  /** Nodes bootstrapping: not members yet, but replicas of their future ranges for writes. */
  List<NodeConfig> joining() {
    return joining;
  }

  /** Whether the node is a member of the ring (normal or leaving, not joining). */
  boolean isMember(UUID node) {
    for (NodeConfig m : members) {
      if (m.hostId().equals(node)) {
        return true;
      }
    }
    return false;
  }

  /** A member or joining node by host id, or null. */
  NodeConfig config(UUID node) {
    for (NodeConfig m : members) {
      if (m.hostId().equals(node)) {
        return m;
      }
    }
    for (NodeConfig m : joining) {
      if (m.hostId().equals(node)) {
        return m;
      }
    }
    return null;
  }

  /**
   * Starts a bootstrap: the node's future ranges become pending.
   *
   * @throws IllegalStateException when another membership change is under way
   * @throws IllegalArgumentException when one of its tokens is already taken, with Cassandra's message
   */
  synchronized void beginJoin(NodeConfig node) {
    requireNoChangeUnderWay();
    for (NodeConfig m : members) {
      for (Long t : node.tokens()) {
        if (m.tokens().contains(t)) {
          throw new IllegalArgumentException("Bootstrapping to existing token " + t
              + " is not allowed (decommission/removenode the old node first).");
        }
      }
    }
    joining = List.of(node);
    futureRing = ringOf(future());
  }

  /** Ends a bootstrap: the node is a member and owns its ranges. */
  synchronized void completeJoin(UUID node) {
    List<NodeConfig> next = new ArrayList<>(members);
    for (NodeConfig j : joining) {
      if (j.hostId().equals(node)) {
        next.add(j);
      }
    }
    joining = List.of();
    members = List.copyOf(next);
    ring = ringOf(members);
    futureRing = ring;
  }

  /** Gives up a bootstrap that failed: nothing is pending any more. */
  synchronized void abortChange() {
    joining = List.of();
    leaving = Set.of();
    futureRing = ring;
  }

  /**
   * Starts a decommission or removenode: the ranges the node replicates become pending on the nodes
   * that take them over.
   *
   * @throws IllegalStateException when another membership change is under way
   */
  synchronized void beginLeave(UUID node) {
    requireNoChangeUnderWay();
    leaving = Set.of(node);
    futureRing = ringOf(future());
  }

  /** Ends a decommission or removenode: the node is no longer a member. */
  synchronized void completeLeave(UUID node) {
    List<NodeConfig> next = new ArrayList<>();
    for (NodeConfig m : members) {
      if (!m.hostId().equals(node)) {
        next.add(m);
      }
    }
    leaving = Set.of();
    members = List.copyOf(next);
    ring = ringOf(members);
    futureRing = ring;
  }

  private void requireNoChangeUnderWay() {
    if (!joining.isEmpty() || !leaving.isEmpty()) {
      throw new IllegalStateException("Other bootstrapping/leaving nodes detected, cannot bootstrap while"
          + " cassandra.consistent.rangemovement is true (a membership change is under way: joining "
          + joining.stream().map(NodeConfig::hostId).toList() + ", leaving " + leaving + ")");
    }
  }

  private List<NodeConfig> future() {
    List<NodeConfig> out = new ArrayList<>();
    for (NodeConfig m : members) {
      if (!leaving.contains(m.hostId())) {
        out.add(m);
      }
    }
    out.addAll(joining);
    return out;
  }

  Timeouts timeouts() {
    return timeouts;
  }

  Executor requests() {
    return requests;
  }

  TimestampGenerator timestamps() {
    return timestamps;
  }

  /** Whether messages to and from the node flow (only the in-JVM bus can stop a node's traffic). */
  void setRunning(UUID node, boolean up) {
    if (bus != null) {
      bus.setRunning(node, up);
    }
  }

  boolean paused(UUID node) {
    return bus != null && bus.paused(node);
  }

  /**
   * Adds a member learned over the network (or replaces what was known of it, e.g. after it
   * restarted elsewhere).
   *
   * @return whether anything changed
   * @throws IllegalArgumentException when one of its tokens is already another member's
   */
  synchronized boolean addMember(NodeConfig member) {
    List<NodeConfig> next = new ArrayList<>();
    Set<Long> taken = new HashSet<>();
    for (NodeConfig m : members) {
      if (m.hostId().equals(member.hostId())) {
        if (m.equals(member)) {
          return false;
        }
        continue;
      }
      next.add(m);
      taken.addAll(m.tokens());
    }
    for (Long t : member.tokens()) {
      if (taken.contains(t)) {
        throw new IllegalArgumentException("node " + member.hostId() + " claims token " + t
            + ", which another member already owns (expected: distinct tokens)");
      }
    }
    next.add(member);
    // a member learned from a list before its COMPLETE_JOIN arrived: its bootstrap is over
    joining = joining.stream().filter(j -> !j.hostId().equals(member.hostId())).toList();
    members = List.copyOf(next);
    ring = ringOf(next);
    futureRing = joining.isEmpty() && leaving.isEmpty() ? ring : ringOf(future());
    return true;
  }

  /**
   * Over TCP, a node that bootstraps into a running cluster: {@code normal} (the members it learned
   * from the seeds, itself excluded) are the ring, and it is the joining node whose future ranges are
   * pending, until {@link #completeJoin}.
   */
  synchronized void bootstrapInto(NodeConfig self, List<NodeConfig> normal) {
    List<NodeConfig> others = new ArrayList<>();
    for (NodeConfig m : normal) {
      if (!m.hostId().equals(self.hostId())) {
        others.add(m);
      }
    }
    members = List.copyOf(others);
    ring = ringOf(members);
    leaving = Set.of();
    joining = List.of(self);
    futureRing = ringOf(future());
  }

  /** Over TCP: the node that joins or leaves in the change under way (null when none is). */
  synchronized UUID changing() {
    if (!joining.isEmpty()) {
      return joining.get(0).hostId();
    }
    return leaving.isEmpty() ? null : leaving.iterator().next();
  }

  /** Over TCP: the ids of the nodes leaving now (decommission or removenode under way). */
  Set<UUID> leaving() {
    return leaving;
  }
}
