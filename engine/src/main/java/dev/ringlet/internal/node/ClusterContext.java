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
 * learned; the ring is rebuilt each time, and readers see either the old or the new one whole.
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
    this.timeouts = timeouts;
    this.requests = requests;
    this.timestamps = timestamps;
  }

  private static Ring ringOf(List<NodeConfig> members) {
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
    Ring r = ringOf(next);
    members = List.copyOf(next);
    ring = r;
    return true;
  }
}
