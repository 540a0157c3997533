package dev.ringlet.internal.storage.compaction;

import dev.ringlet.internal.storage.sstable.SSTableReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Size-tiered compaction: SSTables of similar size (within {@code bucket_low}..{@code bucket_high}
 * of a bucket's average, everything under {@code min_sstable_size} in one bucket) are merged once a
 * bucket holds {@code min_threshold} of them, at most {@code max_threshold} at a time; the bucket of
 * smallest SSTables goes first (it is the cheapest and the hottest).
 */
public final class SizeTieredStrategy implements CompactionStrategy {

  private final int minThreshold;
  private final int maxThreshold;
  private final double bucketLow;
  private final double bucketHigh;
  private final long minSSTableSize;

  public SizeTieredStrategy(Map<String, String> options) {
    this.minThreshold = CompactionStrategy.intOption(options, "min_threshold", 4);
    this.maxThreshold = CompactionStrategy.intOption(options, "max_threshold", 32);
    this.bucketLow = CompactionStrategy.doubleOption(options, "bucket_low", 0.5);
    this.bucketHigh = CompactionStrategy.doubleOption(options, "bucket_high", 1.5);
    this.minSSTableSize = (long) CompactionStrategy.doubleOption(options, "min_sstable_size", 50L * 1024 * 1024);
  }

  @Override
  public CompactionTask next(List<SSTableReader> sstables, long nowMicros) {
    List<SSTableReader> bucket = pick(sstables, minThreshold, maxThreshold);
    return bucket == null ? null : new CompactionTask(bucket, 0, Long.MAX_VALUE);
  }

  /** The bucket to compact among {@code sstables}, or null. */
  List<SSTableReader> pick(List<SSTableReader> sstables, int min, int max) {
    List<List<SSTableReader>> buckets = buckets(sstables);
    for (List<SSTableReader> b : buckets) {
      if (b.size() >= min) {
        return b.subList(0, Math.min(max, b.size()));
      }
    }
    return null;
  }

  List<List<SSTableReader>> buckets(List<SSTableReader> sstables) {
    List<SSTableReader> sorted = new ArrayList<>(sstables);
    sorted.sort(Comparator.comparingLong(SSTableReader::onDiskLength));
    List<List<SSTableReader>> buckets = new ArrayList<>();
    List<SSTableReader> current = null;
    double average = 0;
    for (SSTableReader s : sorted) {
      long size = s.onDiskLength();
      boolean fits = current != null && ((size >= average * bucketLow && size <= average * bucketHigh)
          || (size < minSSTableSize && average < minSSTableSize));
      if (!fits) {
        current = new ArrayList<>();
        buckets.add(current);
        average = 0;
      }
      current.add(s);
      average = (average * (current.size() - 1) + size) / current.size();
    }
    return buckets;
  }

  @Override
  public CompactionTask major(List<SSTableReader> sstables) {
    return sstables.isEmpty() ? null : new CompactionTask(sstables, 0, Long.MAX_VALUE);
  }
}
