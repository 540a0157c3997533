package dev.ringlet.api;

import java.net.InetSocketAddress;
import java.util.List;

/** A running cluster. Closing it stops every node and releases their ports and threads. */
public interface RingletCluster extends AutoCloseable {

  String clusterName();

  /** Where drivers connect: every node's native address. */
  List<InetSocketAddress> contactPoints();

  /** The datacenter drivers should use as their local one. */
  String localDatacenter();

  List<RingletNode> nodes();

  /**
   * The statements the cluster's nodes received from clients, with consistency, coordinator,
   * bound values and outcome: what the application really sent. One log for the whole cluster,
   * recording from the start, bounded (see {@link QueryLog}).
   */
  QueryLog queryLog();

  /**
   * Empties every table of the given keyspaces on every node, as TRUNCATE does but without a
   * client round trip: the fast reset between tests. Unknown keyspaces are ignored; system
   * keyspaces are refused.
   *
   * @return the number of tables emptied
   * @throws IllegalArgumentException when a keyspace is a system keyspace
   */
  int truncate(java.util.Set<String> keyspaces);

  /**
   * Splits the network: nodes in different groups can no longer exchange messages (clients still
   * reach every node). Replaces any previous partition; {@link #heal} ends it.
   */
  void partition(List<List<RingletNode>> groups);

  /** Cuts one node off from all the others. */
  default void isolate(RingletNode node) {
    List<RingletNode> others = new java.util.ArrayList<>(nodes());
    others.remove(node);
    partition(List.of(List.of(node), others));
  }

  /**
   * Ends partitions and removes every message rule; a gossip round runs at once, so nodes that had
   * marked each other down see each other up again without the clock moving.
   */
  void heal();

  /** Drops or delays the inter-node messages the rule matches, until {@link #heal}. */
  void addRule(MessageRule rule);

  /**
   * Moves the cluster clock forward (only with {@link ClusterSpec#withManualClock}), one second at a
   * time: each second runs a gossip round on every running node (failure detection), delivers
   * delayed messages that are due and lets requests waiting for replicas time out; durable nodes in
   * {@code PERIODIC} commit-log mode sync their commit log each time its 10-second period has passed.
   *
   * @throws IllegalStateException when the cluster runs on the system clock
   */
  void advanceClock(java.time.Duration by);

  /**
   * Undoes every fault: heals the network, resumes paused nodes, clears injected disk failures and
   * starts stopped or killed ones (a durable node recovers from its commit log and SSTables).
   * Test integrations call it between tests.
   */
  void resetFaults();

  /** The node at that index (0-based, in start order). */
  default RingletNode node(int index) {
    return nodes().get(index);
  }

  @Override
  void close();
}
