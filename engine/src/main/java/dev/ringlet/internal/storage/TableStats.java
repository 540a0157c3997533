package dev.ringlet.internal.storage;

import java.util.List;

/**
 * One table's storage figures: memtable, SSTables (count, sizes, partitions, tombstones, per level)
 * and compactions done.
 */
public record TableStats(
    long memtablePartitions,
    long memtableHeapBytes,
    int sstableCount,
    long sstableBytesOnDisk,
    long sstableBytesUncompressed,
    long estimatedPartitions,
    long tombstones,
    List<Integer> sstablesPerLevel,
    long compactionsCompleted,
    long bytesCompacted) {

  public TableStats {
    sstablesPerLevel = List.copyOf(sstablesPerLevel);
  }
}
