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
}
