package dev.ringlet.internal.storage.compaction;

import dev.ringlet.internal.storage.sstable.SSTableReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Time-window compaction: SSTables are grouped by the window ({@code compaction_window_size}
 * {@code compaction_window_unit}, 1 DAYS by default) of their newest write timestamp. The current
 * window is compacted size-tiered; an older window, which no longer receives writes, is merged
 * into one SSTable as soon as it holds two.
 */
public final class TimeWindowStrategy implements CompactionStrategy {

  private final long windowMicros;
  private final SizeTieredStrategy sizeTiered;
  private final int minThreshold;
  private final int maxThreshold;

  public TimeWindowStrategy(Map<String, String> options) {
    String unit = options.getOrDefault("compaction_window_unit", "DAYS");
    int size = CompactionStrategy.intOption(options, "compaction_window_size", 1);
    long unitMicros;
    switch (unit) {
      case "MINUTES":
        unitMicros = 60L * 1_000_000;
        break;
      case "HOURS":
        unitMicros = 3600L * 1_000_000;
        break;
      default:
        unitMicros = 86_400L * 1_000_000;
    }
    this.windowMicros = unitMicros * size;
    this.sizeTiered = new SizeTieredStrategy(options);
    this.minThreshold = CompactionStrategy.intOption(options, "min_threshold", 4);
    this.maxThreshold = CompactionStrategy.intOption(options, "max_threshold", 32);
  }

  long windowOf(long timestampMicros) {
    return Math.floorDiv(timestampMicros, windowMicros);
  }

  @Override
  public CompactionTask next(List<SSTableReader> sstables, long nowMicros) {
    TreeMap<Long, List<SSTableReader>> windows = new TreeMap<>();
    for (SSTableReader s : sstables) {
      windows.computeIfAbsent(windowOf(s.stats().maxTimestamp()), k -> new ArrayList<>()).add(s);
    }
    long current = windowOf(nowMicros);
    for (Map.Entry<Long, List<SSTableReader>> w : windows.descendingMap().entrySet()) {
      List<SSTableReader> in = w.getValue();
      if (w.getKey() >= current) {
        List<SSTableReader> bucket = sizeTiered.pick(in, minThreshold, maxThreshold);
        if (bucket != null) {
          return new CompactionTask(bucket, 0, Long.MAX_VALUE);
        }
      } else if (in.size() >= 2) {
        return new CompactionTask(in.subList(0, Math.min(maxThreshold, in.size())), 0, Long.MAX_VALUE);
      }
    }
    return null;
  }

  @Override
  public CompactionTask major(List<SSTableReader> sstables) {
    return sstables.isEmpty() ? null : new CompactionTask(sstables, 0, Long.MAX_VALUE);
  }
}
