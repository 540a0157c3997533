package dev.ringlet.internal.storage.compaction;

import dev.ringlet.internal.storage.DecoratedKey;
import dev.ringlet.internal.storage.sstable.SSTableReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Leveled compaction: flushes enter L0; once L0 holds four SSTables they are merged with the L1
 * SSTables they overlap into L1. Level {@code n >= 1} holds at most {@code fanout_size^n} SSTables of
 * {@code sstable_size_in_mb}, each covering a disjoint key range; when it holds more, its oldest SSTable
 * is merged with the ones it overlaps in level {@code n + 1}. Outputs are cut at {@code sstable_size_in_mb}.
 */
public final class LeveledStrategy implements CompactionStrategy {

  private static final int L0_THRESHOLD = 4;
  private static final int MAX_L0_PER_TASK = 32;

  private final long sstableSize;
  private final int fanout;

  public LeveledStrategy(Map<String, String> options) {
    this.sstableSize = CompactionStrategy.intOption(options, "sstable_size_in_mb", 160) * 1024L * 1024L;
    this.fanout = CompactionStrategy.intOption(options, "fanout_size", 10);
  }

  @Override
  public CompactionTask next(List<SSTableReader> sstables, long nowMicros) {
    List<SSTableReader> l0 = level(sstables, 0);
    if (l0.size() >= L0_THRESHOLD) {
      List<SSTableReader> inputs = new ArrayList<>(l0.subList(0, Math.min(MAX_L0_PER_TASK, l0.size())));
      inputs.addAll(overlapping(inputs, level(sstables, 1)));
      return new CompactionTask(inputs, 1, sstableSize);
    }
    int maxLevel = sstables.stream().mapToInt(s -> s.stats().level()).max().orElse(0);
    for (int n = 1; n <= maxLevel; n++) {
      List<SSTableReader> level = level(sstables, n);
      long bytes = level.stream().mapToLong(s -> s.stats().uncompressedLength()).sum();
      if (bytes > Math.pow(fanout, n) * sstableSize) {
        SSTableReader oldest = level.stream().min(Comparator.comparingLong(SSTableReader::generation)).orElseThrow();
        List<SSTableReader> inputs = new ArrayList<>(List.of(oldest));
        inputs.addAll(overlapping(inputs, level(sstables, n + 1)));
        return new CompactionTask(inputs, n + 1, sstableSize);
      }
    }
    return null;
  }

  @Override
  public int flushLevel() {
    return 0;
  }

  @Override
  public CompactionTask major(List<SSTableReader> sstables) {
    return sstables.isEmpty() ? null : new CompactionTask(sstables, 1, sstableSize);
  }

  private static List<SSTableReader> level(List<SSTableReader> sstables, int n) {
    List<SSTableReader> l = new ArrayList<>();
    for (SSTableReader s : sstables) {
      if (s.stats().level() == n) {
        l.add(s);
      }
    }
    l.sort(Comparator.comparingLong(SSTableReader::generation));
    return l;
  }

  private static List<SSTableReader> overlapping(List<SSTableReader> inputs, List<SSTableReader> candidates) {
    DecoratedKey first = null;
    DecoratedKey last = null;
    for (SSTableReader s : inputs) {
      if (first == null || s.stats().first().compareTo(first) < 0) {
        first = s.stats().first();
      }
      if (last == null || s.stats().last().compareTo(last) > 0) {
        last = s.stats().last();
      }
    }
    List<SSTableReader> out = new ArrayList<>();
    for (SSTableReader c : candidates) {
      if (c.stats().last().compareTo(first) >= 0 && c.stats().first().compareTo(last) <= 0) {
        out.add(c);
      }
    }
    return out;
  }
}
