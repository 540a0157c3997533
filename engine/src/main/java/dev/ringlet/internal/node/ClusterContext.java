package dev.ringlet.internal.node;

import dev.ringlet.internal.cluster.Ring;
import dev.ringlet.internal.coordinator.Timeouts;
import dev.ringlet.internal.messaging.ClusterTime;
import dev.ringlet.internal.messaging.InJvmBus;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * What the nodes of one in-JVM cluster share: the message bus, the clock, the members' static
 * descriptions, the ring, timeouts, the threads requests run on, and one write-timestamp generator
 * (strictly increasing across the cluster, so a write or Paxos ballot that follows another gets a
 * higher timestamp even when the manual clock has not moved).
 */
record ClusterContext(InJvmBus bus, ClusterTime time, List<NodeConfig> members, Ring ring, Timeouts timeouts, Executor requests,
    dev.ringlet.internal.time.TimestampGenerator timestamps) {}
