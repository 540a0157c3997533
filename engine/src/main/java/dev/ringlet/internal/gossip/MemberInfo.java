package dev.ringlet.internal.gossip;

import java.net.InetAddress;
import java.util.List;
import java.util.UUID;

/**
 * What a node tells other processes about itself when it joins over TCP: enough for them to route
 * messages to it, place it on the ring and describe it in {@code system.peers}.
 *
 * @param tokens its Murmur3 tokens, sorted
 */
public record MemberInfo(
    String clusterName,
    UUID hostId,
    String datacenter,
    String rack,
    String releaseVersion,
    InetAddress nativeAddress,
    int nativePort,
    InetAddress internodeAddress,
    int internodePort,
    List<Long> tokens) {

  public MemberInfo {
    tokens = List.copyOf(tokens);
  }
}
