package dev.ringlet.internal.storage.sstable;

/**
 * How an SSTable is written, from the table's options: the chunk compressor and chunk length
 * ({@code compression}), the bloom filter's false-positive chance ({@code bloom_filter_fp_chance}),
 * one summary entry per {@code indexInterval} index entries ({@code min_index_interval}), and the
 * size of the index blocks inside wide partitions.
 */
public record SSTableOptions(ChunkCompressor compressor, int chunkLength, double bloomFpChance, int indexInterval, int blockSize) {

  /** The index block size: Cassandra's {@code column_index_size} default, 4 KiB... rounded up to 16 KiB. */
  public static final int DEFAULT_BLOCK_SIZE = 16 * 1024;

  public static final SSTableOptions DEFAULT = new SSTableOptions(ChunkCompressor.LZ4, 16 * 1024, 0.01, 128, DEFAULT_BLOCK_SIZE);

  public SSTableOptions {
    if (chunkLength <= 0) {
      throw new IllegalArgumentException("chunkLength: " + chunkLength + " (expected: > 0)");
    }
    if (indexInterval <= 0) {
      throw new IllegalArgumentException("indexInterval: " + indexInterval + " (expected: > 0)");
    }
  }
}
