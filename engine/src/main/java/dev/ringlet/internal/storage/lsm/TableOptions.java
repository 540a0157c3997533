package dev.ringlet.internal.storage.lsm;

import dev.ringlet.internal.schema.CompactionParams;
import dev.ringlet.internal.schema.TableParams;
import dev.ringlet.internal.storage.sstable.ChunkCompressor;
import dev.ringlet.internal.storage.sstable.SSTableOptions;

/** What the store needs from a table's options, read again at every flush and compaction (ALTER applies). */
public record TableOptions(SSTableOptions sstable, int gcGraceSeconds, CompactionParams compaction) {

  public static TableOptions of(TableParams p) {
    SSTableOptions s = new SSTableOptions(ChunkCompressor.forClassName(p.compression().className()),
        p.compression().chunkLengthInKb() * 1024, p.bloomFilterFpChance(), Math.max(1, p.minIndexInterval()),
        SSTableOptions.DEFAULT_BLOCK_SIZE);
    return new TableOptions(s, p.gcGraceSeconds(), p.compaction());
  }

  public static TableOptions defaults() {
    return of(TableParams.defaults());
  }
}
