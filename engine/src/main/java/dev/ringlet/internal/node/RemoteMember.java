package dev.ringlet.internal.node;

import dev.ringlet.api.RingletNode;
import dev.ringlet.internal.gossip.MemberInfo;
import dev.ringlet.internal.messaging.Verb;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Another member of a multi-process cluster, as this process's handle shows it: named in partitions
 * and message rules, stopped, started, paused, resumed or decommissioned by asking its process
 * ({@link Verb#ADMIN}); its storage and repair are operated only from its own process.
 */
final class RemoteMember implements RingletNode {

  /** How long stopping, starting, pausing or resuming another process's node may take. */
  static final Duration CONTROL_TIMEOUT = Duration.ofSeconds(30);
  /** How long a decommission waits for the members to stream what they gain. */
  static final Duration STREAM_TIMEOUT = Duration.ofMinutes(10);

  /** Runs an operator command on a member's process; its answer, or an exception with its error. */
  @FunctionalInterface
  interface Commands {
    String run(UUID member, String command, Duration timeout);
  }

  private final MemberInfo info;
  private final Predicate<UUID> alive;
  private final Commands commands;

  /**
   * @param alive whether this process's failure detector believes a member up
   * @param commands how to reach the member's process
   */
  RemoteMember(MemberInfo info, Predicate<UUID> alive, Commands commands) {
    this.info = info;
    this.alive = alive;
    this.commands = commands;
  }

  @Override
  public InetSocketAddress nativeAddress() {
    return new InetSocketAddress(info.nativeAddress(), info.nativePort());
  }

  @Override
  public String datacenter() {
    return info.datacenter();
  }

  @Override
  public String rack() {
    return info.rack();
  }

  @Override
  public UUID hostId() {
    return info.hostId();
  }

  /** Whether this node's failure detector believes the member is up. */
  @Override
  public boolean isRunning() {
    return alive.test(info.hostId());
  }

  @Override
  public void flush() {
    throw remote("flush");
  }

  @Override
  public void compact() {
    throw remote("compact");
  }

  @Override
  public int snapshot(String tag) {
    throw remote("snapshot");
  }

  @Override
  public int restoreSnapshot(String tag) {
    throw remote("restoreSnapshot");
  }

  @Override
  public dev.ringlet.api.TableStatistics tableStats(String keyspace, String table) {
    throw remote("tableStats");
  }

  /** Asks the member's process to stop its node (an operator command over the internode port). */
  @Override
  public void stop() {
    commands.run(info.hostId(), "stop", CONTROL_TIMEOUT);
  }

  /** Asks the member's process to kill its node (an operator command over the internode port). */
  @Override
  public void kill() {
    commands.run(info.hostId(), "kill", CONTROL_TIMEOUT);
  }

  /** Asks the member's process to start its node (an operator command over the internode port). */
  @Override
  public void start() {
    commands.run(info.hostId(), "start", CONTROL_TIMEOUT);
  }

  /** Asks the member's process to pause its node (an operator command over the internode port). */
  @Override
  public void pause() {
    commands.run(info.hostId(), "pause", CONTROL_TIMEOUT);
  }

  /** Asks the member's process to resume its node (an operator command over the internode port). */
  @Override
  public void resume() {
    commands.run(info.hostId(), "resume", CONTROL_TIMEOUT);
  }

  /** Asks the member's process to decommission its node (as {@code nodetool decommission} there); returns once it left. */
  @Override
  public void decommission() {
    commands.run(info.hostId(), "decommission", STREAM_TIMEOUT);
  }

  @Override
  public void failCommitLogWrites(String message) {
    throw remote("failCommitLogWrites");
  }

  @Override
  public void failDataWrites(String message) {
    throw remote("failDataWrites");
  }

  @Override
  public void clearDiskFailures() {
    throw remote("clearDiskFailures");
  }

  @Override
  public int repair(String keyspace, String... tables) {
    throw remote("repair");
  }

  private UnsupportedOperationException remote(String what) {
    return new UnsupportedOperationException(what + ": node " + info.hostId() + " runs in another process"
        + " (expected: a node of this process, or the handle of the process that runs it)");
  }

  @Override
  public String toString() {
    return "RingletNode[" + info.datacenter() + "/" + info.rack() + " " + nativeAddress() + ", another process]";
  }
}
