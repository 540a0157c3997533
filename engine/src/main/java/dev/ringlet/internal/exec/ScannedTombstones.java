package dev.ringlet.internal.exec;

import dev.ringlet.internal.storage.DecoratedKey;

/**
 * A request's table source that counts what its reads scan on the coordinator's own replica, one
 * read command at a time, for the warning Cassandra attaches to the answer past
 * {@code tombstone_warn_threshold}. The executor says where each command ends (a named partition
 * is one command, a scan another) and where it stopped reading a partition early, as Cassandra's
 * read stops right after the row that fills its limit.
 */
public interface ScannedTombstones {

  /**
   * The request's single-partition reads read only these rows (in clustering order; null: the
   * slices they are given), as Cassandra's names filter does when every clustering column is
   * restricted by {@code =} or {@code IN}.
   */
  void readOnly(java.util.List<dev.ringlet.internal.storage.Clustering> names);

  /**
   * The request's scan resumes a page inside the partition {@code key}, after its row
   * {@code clustering}: as 5.0's paged range command, it reads that partition only from there, so
   * the rows before are not scanned again ({@code clustering} null: the page starts after that
   * partition, which is not read at all).
   */
  default void resumesAfter(DecoratedKey key, dev.ringlet.internal.storage.Clustering clustering) {
  }

  /**
   * The request's scan stops after {@code limit} live rows, at most {@code perPartitionLimit} of
   * each partition (told only when every row the scan reads is returned: no row filter), so its
   * replicas stop counting there as 5.0's range command stops reading.
   */
  default void scanLimits(int limit, int perPartitionLimit) {
  }

  /**
   * The request's read commands filter rows with {@code filter} (told only when every filter of
   * the statement has a {@link dev.ringlet.internal.exec.select.RowFilter} form): its replicas
   * apply it, so their counts stop at the row that fills the command's limit of matching rows, and
   * a scan does not count the partitions outside its token restrictions. The limits then come
   * from {@link #scanLimits}, told before each read of a named partition as well.
   */
  default void rowFilter(dev.ringlet.internal.exec.select.RowFilter filter) {
  }

  /** The executor used only the first {@code liveRows} live rows of the partition it read last. */
  void stoppedAfter(DecoratedKey key, int liveRows);

  /** Ends the current read command: what it scanned when that is over the warning threshold, else null. */
  Scanned endCommand();

  /**
   * Ends the current read command, which failed past {@code tombstone_failure_threshold}: what the
   * coordinator's own replica scanned until it gave up (5.0 adds that count to the failing
   * request's warnings, as its read's {@code ReadCommand} warns on closing), or null when the own
   * replica did not give the command up (a remote replica did, or the read failed otherwise).
   */
  default Scanned failedCommand() {
    return null;
  }

  /**
   * The failure 5.0's replicas answer when a read command throws on a row it reads (a
   * {@code GROUP BY} function failing: groups are computed where the rows are read): no response
   * and each replica's failure; null when this source does not model it (the caller then answers
   * the function's own error).
   */
  default dev.ringlet.internal.cluster.ReadFailureException commandFailed() {
    return null;
  }

  /**
   * Whether the node tracks its replicas' warnings ({@code read_thresholds_enabled}): commands then
   * end with {@link Scanned#nodes()} set, and a read its replicas gave up fails with 5.0's
   * {@code N nodes scanned over M tombstones and aborted the query ...} message.
   */
  default boolean tracksWarnings() {
    return false;
  }

  /**
   * What one read command scanned: live rows, tombstones, and the token of the last partition
   * read, as one replica's warning says; or, when the node tracks warnings ({@code nodes} above
   * 0), how many replicas scanned past the warning threshold and the most tombstones one of them
   * scanned ({@code tombstones}).
   */
  record Scanned(int liveRows, int tombstones, long lastToken, int nodes) {
    public Scanned(int liveRows, int tombstones, long lastToken) {
      this(liveRows, tombstones, lastToken, 0);
    }

    /** {@code nodes} replicas scanned past the warning threshold, at most {@code maxTombstones} each. */
    public static Scanned tracked(int nodes, int maxTombstones) {
      return new Scanned(0, maxTombstones, 0, nodes);
    }
  }
}
