package dev.ringlet.internal.storage.sstable;

import dev.ringlet.internal.storage.Clustering;
import dev.ringlet.internal.storage.DecoratedKey;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * What an SSTable holds, for skipping it on reads, choosing compactions and reporting: write
 * timestamp bounds (microseconds), the earliest local deletion time of any tombstone or expiring
 * value (seconds; {@code Long.MAX_VALUE} when none), clustering bounds of regular rows (empty when
 * none), counts, sizes, the compaction level, and the commit-log position its data is covered up to.
 * {@code partitionLevelEntries} counts partitions with a partition deletion, range tombstones or a
 * static row: when it is 0, a clustering slice outside {@code [minClustering, maxClustering]} can
 * skip the SSTable altogether.
 */
public record SSTableStatistics(
    DecoratedKey first,
    DecoratedKey last,
    long minTimestamp,
    long maxTimestamp,
    long minLocalDeletionTime,
    long maxLocalDeletionTime,
    Clustering minClustering,
    Clustering maxClustering,
    long partitions,
    long rows,
    long cells,
    long tombstones,
    long partitionLevelEntries,
    long uncompressedLength,
    long compressedLength,
    int level,
    CommitLogBound commitLogUpper) {

  /** A commit-log position: segment id and offset in it; {@link #NONE} when no log applies. */
  public record CommitLogBound(long segment, long position) implements Comparable<CommitLogBound> {
    public static final CommitLogBound NONE = new CommitLogBound(-1, 0);

    @Override
    public int compareTo(CommitLogBound o) {
      int c = Long.compare(segment, o.segment);
      return c != 0 ? c : Long.compare(position, o.position);
    }

    public static CommitLogBound max(CommitLogBound a, CommitLogBound b) {
      return a.compareTo(b) >= 0 ? a : b;
    }
  }

  public SSTableStatistics withLevel(int newLevel) {
    return new SSTableStatistics(first, last, minTimestamp, maxTimestamp, minLocalDeletionTime, maxLocalDeletionTime,
        minClustering, maxClustering, partitions, rows, cells, tombstones, partitionLevelEntries, uncompressedLength,
        compressedLength, newLevel,
        commitLogUpper);
  }

  void write(DataOutput out) throws IOException {
    Serialization.writeKey(first, out);
    Serialization.writeKey(last, out);
    out.writeLong(minTimestamp);
    out.writeLong(maxTimestamp);
    out.writeLong(minLocalDeletionTime);
    out.writeLong(maxLocalDeletionTime);
    Serialization.writeClustering(minClustering, out);
    Serialization.writeClustering(maxClustering, out);
    out.writeLong(partitions);
    out.writeLong(rows);
    out.writeLong(cells);
    out.writeLong(tombstones);
    out.writeLong(partitionLevelEntries);
    out.writeLong(uncompressedLength);
    out.writeLong(compressedLength);
    out.writeInt(level);
    out.writeLong(commitLogUpper.segment());
    out.writeLong(commitLogUpper.position());
  }

  static SSTableStatistics read(ByteBuffer in) {
    DecoratedKey first = Serialization.readKey(in);
    DecoratedKey last = Serialization.readKey(in);
    long minTs = in.getLong();
    long maxTs = in.getLong();
    long minLdt = in.getLong();
    long maxLdt = in.getLong();
    Clustering minC = Serialization.readClustering(in);
    Clustering maxC = Serialization.readClustering(in);
    long partitions = in.getLong();
    long rows = in.getLong();
    long cells = in.getLong();
    long tombstones = in.getLong();
    long partitionLevel = in.getLong();
    long uncompressed = in.getLong();
    long compressed = in.getLong();
    int level = in.getInt();
    return new SSTableStatistics(first, last, minTs, maxTs, minLdt, maxLdt, minC, maxC, partitions, rows, cells, tombstones,
        partitionLevel, uncompressed, compressed, level, new CommitLogBound(in.getLong(), in.getLong()));
  }
}
