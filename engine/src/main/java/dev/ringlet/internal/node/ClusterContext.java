package dev.ringlet.internal.node;

import dev.ringlet.internal.cluster.Ring;
import dev.ringlet.internal.coordinator.Timeouts;
import dev.ringlet.internal.messaging.ClusterTime;
import dev.ringlet.internal.messaging.InJvmBus;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * What the nodes of one in-JVM cluster share: the message bus, the clock, the members' static
 * descriptions, the ring, timeouts, and the threads requests run on.
 */
record ClusterContext(InJvmBus bus, ClusterTime time, List<NodeConfig> members, Ring ring, Timeouts timeouts, Executor requests) {}
