package dev.ringlet.api;

import java.net.InetSocketAddress;
import java.util.UUID;

/** One running node of a {@link RingletCluster}. */
public interface RingletNode {

  /** The address and port drivers connect to. */
  InetSocketAddress nativeAddress();

  String datacenter();

  String rack();

  /** The node's stable host id, as in {@code system.local.host_id}. */
  UUID hostId();
}
