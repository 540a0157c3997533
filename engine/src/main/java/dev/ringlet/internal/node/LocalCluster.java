package dev.ringlet.internal.node;

import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.RingletCluster;

/** STUB until the node is wired. */
public final class LocalCluster {
  public static RingletCluster start(ClusterSpec spec) {
    throw new UnsupportedOperationException("TODO node");
  }
}
