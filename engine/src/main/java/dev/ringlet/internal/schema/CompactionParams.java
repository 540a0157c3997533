package dev.ringlet.internal.schema;

import dev.ringlet.internal.error.CqlException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The {@code compaction} table option: the strategy's full class name and its sub-options as the
 * user gave them, validated against what that strategy understands.
 *
 * <p>{@code system_schema.tables.compaction} shows the sub-options sorted by name with {@code class}
 * and, for the strategies that use them, {@code min_threshold} (default 4) and {@code max_threshold}
 * (default 32) added. The unified strategy takes neither.
 */
public record CompactionParams(String className, Map<String, String> options) {

  private static final String PACKAGE = "org.apache.cassandra.db.compaction.";
  private static final int DEFAULT_MIN_THRESHOLD = 4;
  private static final int DEFAULT_MAX_THRESHOLD = 32;

  public CompactionParams {
    options = java.util.Collections.unmodifiableMap(new TreeMap<>(options));
  }

  /** Size-tiered compaction with the default thresholds. */
  public static final CompactionParams DEFAULT = new CompactionParams(PACKAGE + "SizeTieredCompactionStrategy", Map.of());

  /** The strategies Cassandra 5.0 ships, by simple name, with the sub-options each understands. */
  enum Strategy {
    SizeTieredCompactionStrategy(true, Set.of("min_sstable_size", "bucket_low", "bucket_high")),
    LeveledCompactionStrategy(true, Set.of("sstable_size_in_mb", "fanout_size", "single_sstable_uplevel",
        "min_sstable_size", "bucket_low", "bucket_high")),
    TimeWindowCompactionStrategy(true, Set.of("compaction_window_unit", "compaction_window_size",
        "timestamp_resolution", "expired_sstable_check_frequency_seconds", "unsafe_aggressive_sstable_expiration",
        "min_sstable_size", "bucket_low", "bucket_high")),
    UnifiedCompactionStrategy(false, Set.of("scaling_parameters", "target_sstable_size", "base_shard_count",
        "min_sstable_size", "sstable_growth", "flush_size_override", "max_sstables_to_compact",
        "expired_sstable_check_frequency_seconds", "unsafe_aggressive_sstable_expiration",
        "overlap_inclusion_method", "survival_factors", "static_scaling_factors", "reserved_threads",
        "parallelize_output_shards"));

    /** Sub-options every strategy understands. */
    private static final Set<String> COMMON = Set.of("enabled", "tombstone_threshold", "tombstone_compaction_interval",
        "unchecked_tombstone_compaction", "only_purge_repaired_tombstones", "log_all", "provide_overlapping_tombstones");

    final boolean usesThresholds;
    final Set<String> specific;

    Strategy(boolean usesThresholds, Set<String> specific) {
      this.usesThresholds = usesThresholds;
      this.specific = specific;
    }

    boolean understands(String option) {
      return COMMON.contains(option) || specific.contains(option)
          || (usesThresholds && (option.equals("min_threshold") || option.equals("max_threshold")));
    }
  }

  /** Parses and validates a {@code compaction} map literal; short class names are in Cassandra's compaction package. */
  public static CompactionParams fromMap(Map<String, String> map) {
    String cls = map.get("class");
    if (cls == null) {
      throw CqlException.config("Missing sub-option 'class' for the 'compaction' option");
    }
    String fullName = cls.contains(".") ? cls : PACKAGE + cls;
    Strategy strategy = strategyOf(fullName);
    if (strategy == null) {
      throw CqlException.config("Unable to find compaction strategy class '" + fullName + "'");
    }
    Map<String, String> options = new TreeMap<>(map);
    options.remove("class");
    TreeSet<String> unknown = new TreeSet<>();
    for (String option : options.keySet()) {
      if (!strategy.understands(option)) unknown.add(option);
    }
    if (!unknown.isEmpty()) {
      throw CqlException.config("Properties specified " + unknown + " are not understood by " + strategy.name());
    }
    CompactionParams params = new CompactionParams(fullName, options);
    params.validate(strategy);
    return params;
  }

  private static Strategy strategyOf(String fullName) {
    if (!fullName.startsWith(PACKAGE)) return null;
    String simple = fullName.substring(PACKAGE.length());
    for (Strategy s : Strategy.values()) {
      if (s.name().equals(simple)) return s;
    }
    return null;
  }

  private void validate(Strategy strategy) {
    if (strategy.usesThresholds) {
      int min = threshold("min_threshold", DEFAULT_MIN_THRESHOLD);
      int max = threshold("max_threshold", DEFAULT_MAX_THRESHOLD);
      if (min < 2) {
        throw CqlException.config("Min compaction threshold cannot be less than 2 (got " + min + ")");
      }
      if (min > max) {
        throw CqlException.config("Min compaction threshold (got " + min
            + ") cannot be greater than max compaction threshold (got " + max + ")");
      }
    }
    for (String intOption : new String[] {"tombstone_threshold", "tombstone_compaction_interval"}) {
      String v = options.get(intOption);
      if (v != null) {
        try {
          Double.parseDouble(v);
        } catch (NumberFormatException e) {
          throw CqlException.config(v + " is not a parsable int (base10) for " + intOption);
        }
      }
    }
    switch (strategy) {
      case LeveledCompactionStrategy -> validateLeveled();
      case TimeWindowCompactionStrategy -> validateTimeWindow();
      default -> { }
    }
  }

  private int threshold(String option, int defaultValue) {
    String v = options.get(option);
    if (v == null) return defaultValue;
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw CqlException.config("Invalid value " + v + " for '" + option + "' compaction sub-option - must be an integer");
    }
  }

  private void validateLeveled() {
    Long mb = parsed("sstable_size_in_mb", true);
    if (mb != null) {
      if (mb <= 0) {
        throw CqlException.config("sstable_size_in_mb must be larger than 0, but was " + mb);
      }
    }
  }

  private void validateTimeWindow() {
    String resolution = options.get("timestamp_resolution");
    if (resolution != null && !Set.of("SECONDS", "MILLISECONDS", "MICROSECONDS", "NANOSECONDS").contains(resolution)) {
      throw CqlException.config(resolution + " is not valid for timestamp_resolution");
    }
    String unit = options.get("compaction_window_unit");
    if (unit != null && !Set.of("MINUTES", "HOURS", "DAYS").contains(unit)) {
      throw CqlException.config(unit + " is not valid for compaction_window_unit");
    }
    Long n = parsed("compaction_window_size", true);
    if (n != null) {
      if (n < 1) {
        throw CqlException.config(n + " must be greater than 1 for compaction_window_size");
      }
    }
    Long seconds = parsed("expired_sstable_check_frequency_seconds", false);
    if (seconds != null) {
      if (seconds < 0) {
        throw CqlException.config("expired_sstable_check_frequency_seconds must not be negative, but was " + seconds);
      }
    }
    String aggressive = options.get("unsafe_aggressive_sstable_expiration");
    if (aggressive != null) {
      if (!aggressive.equalsIgnoreCase("true") && !aggressive.equalsIgnoreCase("false")) {
        throw CqlException.config("unsafe_aggressive_sstable_expiration is not 'true' or 'false' (" + aggressive + ")");
      }
      // 5.0 allows it only when started with the system property, which a Ringlet node never is
      if (aggressive.equalsIgnoreCase("true")) {
        throw CqlException.config("unsafe_aggressive_sstable_expiration is requested but not allowed, restart cassandra"
            + " with -Dcassandra.allow_unsafe_aggressive_sstable_expiration=true to allow it");
      }
    }
  }

  /** A numeric sub-option (an int, or a long), null when absent, refused with 5.0's message when not a number. */
  private Long parsed(String option, boolean asInt) {
    String value = options.get(option);
    if (value == null) {
      return null;
    }
    try {
      return asInt ? Integer.parseInt(value) : Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw CqlException.config(value + " is not a parsable int (base10) for " + option);
    }
  }

  /** The strategy's simple class name, e.g. {@code SizeTieredCompactionStrategy}. */
  public String simpleClassName() {
    return className.substring(className.lastIndexOf('.') + 1);
  }

  /** Whether compaction runs ({@code 'enabled'} is not false). */
  public boolean enabled() {
    return !"false".equalsIgnoreCase(options.getOrDefault("enabled", "true"));
  }

  /** The map {@code system_schema.tables.compaction} shows, sorted by key. */
  public Map<String, String> asMap() {
    Map<String, String> m = new TreeMap<>(options);
    m.put("class", className);
    Strategy strategy = strategyOf(className);
    if (strategy == null || strategy.usesThresholds) {
      m.putIfAbsent("min_threshold", Integer.toString(DEFAULT_MIN_THRESHOLD));
      m.putIfAbsent("max_threshold", Integer.toString(DEFAULT_MAX_THRESHOLD));
    }
    return m;
  }
}
