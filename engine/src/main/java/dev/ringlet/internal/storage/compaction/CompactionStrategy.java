package dev.ringlet.internal.storage.compaction;

import dev.ringlet.internal.schema.CompactionParams;
import dev.ringlet.internal.storage.sstable.SSTableReader;
import java.util.List;

/** Picks what to compact, from the table's {@code compaction} option. */
public interface CompactionStrategy {

  /** The next background compaction, or null when nothing needs compacting. */
  CompactionTask next(List<SSTableReader> sstables, long nowMicros);

  /** A major compaction: everything into as few SSTables as the strategy allows. */
  CompactionTask major(List<SSTableReader> sstables);

  /** The level a flushed SSTable enters. */
  default int flushLevel() {
    return 0;
  }

  /** The strategy a table's option names; options the strategy understands were validated by the schema. */
  static CompactionStrategy of(CompactionParams params) {
    String simple = params.className().substring(params.className().lastIndexOf('.') + 1);
    switch (simple) {
      case "LeveledCompactionStrategy":
        return new LeveledStrategy(params.options());
      case "TimeWindowCompactionStrategy":
        return new TimeWindowStrategy(params.options());
      default:
        // SizeTiered, and Unified (not built: it behaves as size-tiered here, see docs/compatibility.md)
        return new SizeTieredStrategy(params.options());
    }
  }

  static int intOption(java.util.Map<String, String> options, String name, int defaultValue) {
    String v = options.get(name);
    return v == null ? defaultValue : Integer.parseInt(v.trim());
  }

  static double doubleOption(java.util.Map<String, String> options, String name, double defaultValue) {
    String v = options.get(name);
    return v == null ? defaultValue : Double.parseDouble(v.trim());
  }
}
