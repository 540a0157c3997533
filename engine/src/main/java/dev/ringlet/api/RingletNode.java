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

  /**
   * Writes every table's memtable to an SSTable, as {@code nodetool flush}. With a data directory
   * the commit log then no longer needs what was flushed.
   */
  void flush();

  /**
   * Flushes, then runs a major compaction of every table ({@code nodetool compact}): each table's
   * SSTables are merged into as few as its compaction strategy allows, dropping tombstones and
   * expired data older than the table's {@code gc_grace_seconds} where that is safe.
   */
  void compact();

  /**
   * Flushes, then hard-links every table's SSTables into {@code snapshots/<tag>/} beside them
   * ({@code nodetool snapshot -t tag}); returns the number of tables snapshotted.
   *
   * @throws UnsupportedOperationException when the node keeps its data in memory (no data directory)
   * @throws IllegalArgumentException when the tag is not a plain file name or is already taken
   */
  int snapshot(String tag);

  /**
   * Replaces the data of every table that has snapshot {@code tag} with the snapshot's; returns the
   * number of tables restored. Writes made since the snapshot are gone from those tables.
   *
   * @throws UnsupportedOperationException when the node keeps its data in memory
   */
  int restoreSnapshot(String tag);

  /**
   * The table's storage figures on this node.
   *
   * @throws IllegalArgumentException when the table does not exist
   */
  TableStatistics tableStats(String keyspace, String table);

  /**
   * Makes every later write of this node to its commit log fail with an I/O error carrying
   * {@code message} (for example {@code "No space left on device"}), as a full or failing disk
   * would. The node then does what Cassandra 5.0's default {@code commit_failure_policy: stop}
   * does: the write that failed gets no answer, and the node stops its client transport (clients see
   * their connections close and cannot reconnect) and gossip (its peers see it DOWN), keeping what it
   * has on disk. {@link #stop}/{@link #kill} then {@link #start} bring it back (clear the failure
   * first with {@link RingletCluster#resetFaults} or {@link #clearDiskFailures}).
   *
   * @throws UnsupportedOperationException when the node keeps its data in memory (no data directory)
   */
  void failCommitLogWrites(String message);

  /**
   * Makes every later SSTable write of this node (flush, compaction) fail with an I/O error carrying
   * {@code message}. The node then does what Cassandra 5.0's default {@code disk_failure_policy: stop}
   * does (see {@link #failCommitLogWrites}); a {@link #flush} that fails throws.
   *
   * @throws UnsupportedOperationException when the node keeps its data in memory (no data directory)
   */
  void failDataWrites(String message);

  /** Undoes {@link #failCommitLogWrites} and {@link #failDataWrites}: the disk works again. */
  void clearDiskFailures();

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

  /**
   * Decommissions the node, as {@code nodetool decommission}: it announces LEAVING (coordinators
   * then also write its ranges to the nodes that will take them over), those nodes stream the data
   * of the ranges they gain, the node leaves the ring (LEFT; every node's {@code system.peers} and
   * token map drop it, drivers get {@code TOPOLOGY_CHANGE REMOVED_NODE}) and stops. The handle is
   * then no longer in {@link RingletCluster#nodes()}. In a multi-process (TCP) cluster this works on
   * the handle of the process's own node, the other processes streaming over TCP.
   *
   * @throws UnsupportedOperationException with Cassandra's message when a keyspace's replication
   *     factor in the node's datacenter is not below its node count, when it is the last node, or on
   *     the handle of a member that runs in another process ({@code java -jar ringlet.jar nodetool
   *     decommission} operates it)
   * @throws IllegalStateException when the node is not running or another membership change is
   *     under way
   */
  void decommission();

  /**
   * Full repair of the ranges this node replicates, as {@code nodetool repair -full keyspace tables...}
   * run on it: every replica of each range reports a digest per partition, ranges whose hashes differ
   * are compared partition by partition, and differing partitions are reconciled by timestamp and
   * written to the replicas that lacked them. Afterwards a CL=ONE read on any replica of those ranges
   * sees the same data. With no table named, every table of the keyspace is repaired.
   *
   * @return how many partition copies were written to replicas that differed
   * @throws IllegalArgumentException for an unknown keyspace or table
   * @throws IllegalStateException when a replica of one of the ranges is down ({@code Endpoint not alive: ...})
   * @throws UnsupportedOperationException on the handle of a member of a multi-process (TCP) cluster
   *     that runs in another process (the process's own node repairs with the others over TCP)
   */
  int repair(String keyspace, String... tables);
}
