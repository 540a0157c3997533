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

  /**
   * Bootstraps a new node into the running cluster, as a new Cassandra node joining: it chooses
   * {@code num_tokens} tokens balancing its datacenter's replicated load as Cassandra 5.0's
   * allocator does (see ADR 0005), starts and
   * announces itself JOINING (coordinators then also send it the writes of the ranges it will own,
   * waiting for one more acknowledgement per pending replica, as Cassandra does), streams the data
   * of those ranges from their current replicas, and becomes NORMAL: every node's
   * {@code system.peers}/{@code peers_v2} and ring include it and drivers get
   * {@code TOPOLOGY_CHANGE NEW_NODE} and {@code STATUS_CHANGE UP}. Returns once it is NORMAL; its
   * handle is then the last of {@link #nodes()}. A datacenter or rack not yet in the cluster is fine.
   *
   * @throws UnsupportedOperationException for a single node started without a network (use
   *     {@link ClusterSpec#withManualClock} or several nodes) or a multi-process cluster (start
   *     another process with {@code --seeds}: it bootstraps)
   * @throws IllegalStateException when another membership change is under way, or streaming fails
   */
  RingletNode addNode(String datacenter, String rack);

  /**
   * Removes a dead node from the ring, as {@code nodetool removenode <host id>}: the nodes that take
   * over its ranges stream them from the surviving replicas, restoring the replication factor; then
   * it leaves every node's {@code system.peers} and ring and drivers get
   * {@code TOPOLOGY_CHANGE REMOVED_NODE}. A stopped or killed node is dead once the others have
   * marked it DOWN (at once after {@link RingletNode#stop}; after failure detection, about 20 s of
   * cluster clock, after {@link RingletNode#kill}). In a multi-process (TCP) cluster, the node is the
   * handle of another process's member that this process's node considers DOWN.
   *
   * @throws UnsupportedOperationException with Cassandra's message ({@code Node /... is alive and owns
   *     this ID. Use decommission command to remove it from the ring}) when the node is alive, or
   *     {@code Cannot remove self} for a multi-process cluster's own node
   * @throws IllegalArgumentException when the node is not a member of this cluster
   */
  void removeNode(RingletNode node);

  /**
   * A client TLS context for a cluster serving {@link ClientEncryption#selfSigned()}: it trusts the
   * generated certificate (whose names cover every node's address, so hostname validation passes)
   * and presents it as the client certificate when the nodes require one. For the Java driver with
   * hostname validation: {@code CqlSession.builder().withSslEngineFactory(new
   * ProgrammaticSslEngineFactory(cluster.clientSslContext(), null, true))} (its
   * {@code withSslContext(...)} does not validate host names).
   *
   * @throws IllegalStateException when the cluster does not serve TLS, or serves a keystore you gave
   *     (build the client's context from your own truststore then)
   */
  javax.net.ssl.SSLContext clientSslContext();

  /** The node at that index (0-based, in start order). */
  default RingletNode node(int index) {
    return nodes().get(index);
  }

  @Override
  void close();
}
