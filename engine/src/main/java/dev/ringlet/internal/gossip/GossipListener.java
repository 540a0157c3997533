package dev.ringlet.internal.gossip;

import java.util.UUID;

/** What a node does when its view of a peer changes. */
public interface GossipListener {

  void onUp(UUID peer);

  void onDown(UUID peer);

  /** A peer has a newer schema than this node ({@code epoch} is the peer's schema epoch). */
  void onNewerSchema(UUID peer, long epoch);
}
