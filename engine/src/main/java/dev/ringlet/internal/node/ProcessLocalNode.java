package dev.ringlet.internal.node;

import dev.ringlet.api.RingletNode;
import dev.ringlet.internal.messaging.Verb;
import dev.ringlet.wire.WireResources;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * This process's node in a multi-process cluster and its handle: stopping, killing, starting,
 * pausing and resuming it as {@link RingletNode} does in one JVM (the process and its internode port
 * stay up, so it can be started again from this handle or another process's, through
 * {@link Verb#ADMIN}), and its decommission. Its methods hold this object's lock, so operator
 * commands and membership changes of this process run one at a time.
 */
final class ProcessLocalNode {

  private final Node node;
  private final TrafficGate gate;
  private final WireResources resources;
  private final ProcessMembership membership;
  private final ProcessRoster roster;
  private final ScheduledExecutorService gossip;
  private final AtomicBoolean closed;
  private final RingletNode handle = new Handle();
  /** What to do once this process's node left the ring (decommission); the standalone server exits. */
  private volatile Runnable onLeft = () -> { };

  /**
   * @param gossip the gossip rounds' scheduler, stopped when the node leaves the ring
   * @param closed whether the cluster handle was closed
   */
  ProcessLocalNode(Node node, TrafficGate gate, WireResources resources, ProcessMembership membership, ProcessRoster roster,
      ScheduledExecutorService gossip, AtomicBoolean closed) {
    this.node = node;
    this.gate = gate;
    this.resources = resources;
    this.membership = membership;
    this.roster = roster;
    this.gossip = gossip;
    this.closed = closed;
  }

  RingletNode handle() {
    return handle;
  }

  void onLeft(Runnable action) {
    this.onLeft = action;
  }

  Runnable onLeft() {
    return onLeft;
  }

  /**
   * Stops this process's node as {@link RingletNode#stop}/{@link RingletNode#kill} do in one JVM: it
   * stops serving clients and its messages are lost both ways (a graceful stop tells the peers
   * first, so they mark it DOWN at once); the process and its internode port stay up.
   */
  synchronized void stop(boolean graceful) {
    requireInRing("stop");
    if (!node.isRunning()) {
      return;
    }
    if (graceful) {
      node.stop(true); // the goodbye leaves before the gate closes
      gate.stop();
    } else {
      gate.stop();
      node.stop(false);
    }
  }

  synchronized void start() {
    requireInRing("start");
    gate.flow();
    if (!node.isRunning()) {
      node.start(resources);
    }
  }

  /** Pauses this process's node: messages to it wait and it sends none until {@link #resume} (peers see it DOWN meanwhile). */
  synchronized void pause() {
    requireInRing("pause");
    if (gate.state() == TrafficGate.State.FLOWING && node.isRunning()) {
      gate.pause();
    }
  }

  synchronized void resume() {
    requireInRing("resume");
    if (gate.state() == TrafficGate.State.PAUSED) {
      gate.flow();
    }
  }

  /** Runs {@code stop}, {@code kill}, {@code start}, {@code pause} or {@code resume}. */
  void control(String command) {
    switch (command) {
      case "stop":
        stop(true);
        break;
      case "kill":
        stop(false);
        break;
      case "start":
        start();
        break;
      case "pause":
        pause();
        break;
      default:
        resume();
        break;
    }
  }

  /** This process's node leaves the ring ({@code nodetool decommission}), then stops; see {@link #onLeft}. */
  synchronized void leaveRing() {
    if (closed.get() || !node.isRunning()) {
      throw new IllegalStateException("decommission: node " + node.config().hostId() + " is not running (expected: a running"
          + " node; RingletCluster.removeNode removes a dead one)");
    }
    membership.decommission();
    roster.selfLeft();
    gossip.shutdownNow();
    node.stop(true);
  }

  private void requireInRing(String what) {
    if (roster.hasLeft(node.config().hostId()) || closed.get()) {
      throw new IllegalStateException(what + ": node " + node.config().hostId() + " has left the ring or its handle is closed");
    }
  }

  private final class Handle implements NodeView {
    @Override
    public Node node() {
      return node;
    }

    /** Stops the node gracefully; the process keeps its internode port open (see {@link #start}). */
    @Override
    public void stop() {
      ProcessLocalNode.this.stop(true);
    }

    /** Stops the node without telling its peers (they detect it); its process stays up. */
    @Override
    public void kill() {
      ProcessLocalNode.this.stop(false);
    }

    @Override
    public void start() {
      ProcessLocalNode.this.start();
    }

    @Override
    public void pause() {
      ProcessLocalNode.this.pause();
    }

    @Override
    public void resume() {
      ProcessLocalNode.this.resume();
    }

    /** Leaves the ring as {@code nodetool decommission} does, then stops this process's node (see {@link #onLeft}). */
    @Override
    public void decommission() {
      leaveRing();
      onLeft.run();
    }

    /** Full repair of this node's ranges with the replicas in the other processes. */
    @Override
    public int repair(String keyspace, String... tables) {
      return node.repair(keyspace, List.of(tables));
    }

    @Override
    public String toString() {
      return "RingletNode[" + node.config().datacenter() + "/" + node.config().rack() + " " + nativeAddress() + "]";
    }
  }
}
