package dev.ringlet.internal.storage.compaction;

import dev.ringlet.internal.storage.sstable.SSTableReader;
import java.util.List;

/**
 * SSTables to merge, the level their output goes to (leveled compaction; 0 otherwise) and the size
 * at which an output SSTable is closed and the next one started (uncompressed bytes).
 */
public record CompactionTask(List<SSTableReader> inputs, int outputLevel, long maxOutputBytes) {

  public CompactionTask {
    inputs = List.copyOf(inputs);
  }
}
