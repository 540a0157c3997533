package dev.ringlet.api;

import java.util.List;

/**
 * One table's storage figures on one node, as {@code nodetool tablestats} reports them.
 *
 * @param memtablePartitions partitions held in memtables (not yet flushed)
 * @param memtableHeapBytes the memtables' estimated heap use
 * @param sstableCount live SSTables
 * @param sstableBytesOnDisk their compressed size (data file and partition index; in memory mode, heap images)
 * @param sstableBytesUncompressed their data before compression
 * @param estimatedPartitions partitions in memtables and SSTables, counting a partition once per place it is in
 * @param tombstones tombstones in SSTables (partition, range, row, cell and collection deletions)
 * @param sstablesPerLevel SSTables in each level (leveled compaction; everything is level 0 otherwise)
 * @param compactionsCompleted compactions finished since the node started
 * @param bytesCompacted uncompressed bytes read by those compactions
 */
public record TableStatistics(
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

  public TableStatistics {
    sstablesPerLevel = List.copyOf(sstablesPerLevel);
  }
}
