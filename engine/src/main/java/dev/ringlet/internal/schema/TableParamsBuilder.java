package dev.ringlet.internal.schema;

import dev.ringlet.internal.error.CqlException;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.Map;

/**
 * Applies {@code WITH} options one by one onto a copy of {@link TableParams}: parses each value
 * with Cassandra's messages for the wrong kind of value (SYNTAX_ERROR) and leaves the range checks
 * to {@code TableParams.validate}, which runs once every option is in.
 */
final class TableParamsBuilder {

  private String comment;
  private String additionalWritePolicy;
  private boolean allowAutoSnapshot;
  private double bloomFilterFpChance;
  private CachingParams caching;
  private boolean cdc;
  private CompactionParams compaction;
  private CompressionParams compression;
  private double crcCheckChance;
  private int defaultTimeToLive;
  private Map<String, ByteBuffer> extensions;
  private int gcGraceSeconds;
  private boolean incrementalBackups;
  private int maxIndexInterval;
  private String memtable;
  private int memtableFlushPeriodInMs;
  private int minIndexInterval;
  private String readRepair;
  private String speculativeRetry;

  TableParamsBuilder(TableParams p) {
    comment = p.comment();
    additionalWritePolicy = p.additionalWritePolicy();
    allowAutoSnapshot = p.allowAutoSnapshot();
    bloomFilterFpChance = p.bloomFilterFpChance();
    caching = p.caching();
    cdc = p.cdc();
    compaction = p.compaction();
    compression = p.compression();
    crcCheckChance = p.crcCheckChance();
    defaultTimeToLive = p.defaultTimeToLive();
    extensions = p.extensions();
    gcGraceSeconds = p.gcGraceSeconds();
    incrementalBackups = p.incrementalBackups();
    maxIndexInterval = p.maxIndexInterval();
    memtable = p.memtable();
    memtableFlushPeriodInMs = p.memtableFlushPeriodInMs();
    minIndexInterval = p.minIndexInterval();
    readRepair = p.readRepair();
    speculativeRetry = p.speculativeRetry();
  }

  TableParams build() {
    return new TableParams(comment, additionalWritePolicy, allowAutoSnapshot, bloomFilterFpChance, caching, cdc,
        compaction, compression, crcCheckChance, defaultTimeToLive, extensions, gcGraceSeconds, incrementalBackups,
        maxIndexInterval, memtable, memtableFlushPeriodInMs, minIndexInterval, readRepair, speculativeRetry);
  }

  /** Leveled compaction makes far fewer sstables per read, so Cassandra defaults its bloom filters to 10%. */
  void defaultBloomFilterForCompaction() {
    if (compaction.simpleClassName().equals("LeveledCompactionStrategy")) {
      bloomFilterFpChance = 0.1;
    }
  }

  void apply(String option, Object value) {
    switch (option) {
      case "comment" -> comment = string(option, value);
      case "additional_write_policy" -> additionalWritePolicy = SpeculativeRetry.normalize(string(option, value));
      case "speculative_retry" -> speculativeRetry = SpeculativeRetry.normalize(string(option, value));
      case "allow_auto_snapshot" -> allowAutoSnapshot = bool(option, value);
      case "cdc" -> cdc = bool(option, value);
      case "incremental_backups" -> incrementalBackups = bool(option, value);
      case "bloom_filter_fp_chance" -> bloomFilterFpChance = dbl(option, value);
      case "crc_check_chance" -> crcCheckChance = dbl(option, value);
      case "default_time_to_live" -> defaultTimeToLive = integer(option, value);
      case "gc_grace_seconds" -> gcGraceSeconds = integer(option, value);
      case "max_index_interval" -> maxIndexInterval = integer(option, value);
      case "min_index_interval" -> minIndexInterval = integer(option, value);
      case "memtable_flush_period_in_ms" -> memtableFlushPeriodInMs = integer(option, value);
      case "caching" -> caching = CachingParams.fromMap(map(option, value));
      case "compaction" -> compaction = CompactionParams.fromMap(map(option, value));
      case "compression" -> compression = CompressionParams.fromMap(map(option, value));
      case "extensions" -> { } // accepted in any form; Cassandra 5.0 keeps no CQL-given extensions
      case "memtable" -> memtable = memtable(string(option, value));
      case "read_repair" -> readRepair = readRepair(string(option, value));
      case "id" -> TableParams.tableId(Map.of("id", string(option, value)));
      default -> throw CqlException.syntax("Unknown property '" + option + "'");
    }
  }

  private static String string(String option, Object value) {
    if (value instanceof String s) return s;
    throw CqlException.syntax("Invalid value for property '" + option + "'. It should be a string");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> map(String option, Object value) {
    if (value instanceof Map<?, ?> m) return (Map<String, String>) m;
    throw CqlException.syntax("Invalid value for property '" + option + "'. It should be a map.");
  }

  private static int integer(String option, Object value) {
    String s = string(option, value);
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      throw CqlException.syntax("Invalid integer value " + s + " for '" + option + "'");
    }
  }

  private static double dbl(String option, Object value) {
    String s = string(option, value);
    try {
      return Double.parseDouble(s);
    } catch (NumberFormatException e) {
      throw CqlException.syntax("Invalid double value " + s + " for '" + option + "'");
    }
  }

  private static boolean bool(String option, Object value) {
    String s = string(option, value);
    switch (s.toLowerCase(Locale.ROOT)) {
      case "1", "true", "yes" -> { return true; }
      case "0", "false", "no" -> { return false; }
      default -> throw CqlException.syntax("Invalid boolean value " + s + " for '" + option
          + "'. Positive values can be '1', 'true' or 'yes'. Negative values can be '0', 'false' or 'no'.");
    }
  }

  private static String memtable(String value) {
    if (!value.equals("default")) {
      throw CqlException.config("Memtable configuration \"" + value + "\" not found.");
    }
    return value;
  }

  /** Cassandra answers an unknown strategy with a SERVER_ERROR naming its enum, word for word. */
  private static String readRepair(String value) {
    String upper = value.toUpperCase(Locale.ROOT);
    if (upper.equals("BLOCKING") || upper.equals("NONE")) return upper;
    throw CqlException.serverError("java.lang.IllegalArgumentException: No enum constant "
        + "org.apache.cassandra.service.reads.repair.ReadRepairStrategy." + upper);
  }
}
