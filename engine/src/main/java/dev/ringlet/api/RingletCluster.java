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

  /** The node at that index (0-based, in start order). */
  default RingletNode node(int index) {
    return nodes().get(index);
  }

  @Override
  void close();
}
