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

  /** The node at that index (0-based, in start order). */
  default RingletNode node(int index) {
    return nodes().get(index);
  }

  @Override
  void close();
}
