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

  /** Whether the node is serving (not stopped or killed; a paused node is running). */
  boolean isRunning();

  /**
   * Stops the node gracefully: it tells its peers it is going away (they mark it DOWN at once and
   * tell their drivers), then closes its connections. Its data is kept for {@link #start}.
   */
  void stop();

  /**
   * Kills the node: its connections close and it stops answering, without a word to its peers,
   * which notice through failure detection (advance a manual clock by about 20 seconds).
   */
  void kill();

  /**
   * Starts a stopped or killed node on the same address with its data: peers see it UP at once,
   * replay their hints to it, and it catches up on schema changes it missed.
   */
  void start();

  /**
   * Pauses the node: messages to and from it are held (so it answers no replica request and sends
   * no heartbeat) until {@link #resume}; its client connections stay open.
   */
  void pause();

  /** Resumes a paused node; held messages are delivered. */
  void resume();
}
