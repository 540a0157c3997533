package dev.ringlet.api;

/** Starts clusters. */
public final class Ringlet {

  private Ringlet() {}

  /** Starts the cluster the spec describes and returns once drivers can connect to every node. */
  public static RingletCluster start(ClusterSpec spec) {
    return dev.ringlet.internal.node.LocalCluster.start(spec);
  }
}
