package dev.ringlet.internal.schema;

import dev.ringlet.internal.error.CqlException;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A table's options ({@code WITH ...}), each defaulting to what a table created on Cassandra 5.0
 * gets. The defaults are those {@code system_schema.tables} shows for a fresh table (see
 * {@code golden/system/system_schema.tables.txt}):
 *
 * <ul>
 *   <li>{@code additional_write_policy} '99p', {@code speculative_retry} '99p' (normalized text, see
 *       {@link SpeculativeRetry});
 *   <li>{@code allow_auto_snapshot} true, {@code incremental_backups} true, {@code cdc} false;
 *   <li>{@code bloom_filter_fp_chance} 0.01, {@code crc_check_chance} 1.0;
 *   <li>{@code caching} keys ALL, rows NONE; {@code compaction} size-tiered (4/32);
 *       {@code compression} LZ4 with 16 KiB chunks;
 *   <li>{@code comment} '', {@code default_time_to_live} 0, {@code gc_grace_seconds} 864000 (10 days);
 *   <li>{@code min_index_interval} 128, {@code max_index_interval} 2048, {@code memtable} 'default',
 *       {@code memtable_flush_period_in_ms} 0, {@code read_repair} 'BLOCKING', {@code extensions} {}.
 * </ul>
 */
public record TableParams(
    String comment,
    String additionalWritePolicy,
    boolean allowAutoSnapshot,
    double bloomFilterFpChance,
    CachingParams caching,
    boolean cdc,
    CompactionParams compaction,
    CompressionParams compression,
    double crcCheckChance,
    int defaultTimeToLive,
    Map<String, ByteBuffer> extensions,
    int gcGraceSeconds,
    boolean incrementalBackups,
    int maxIndexInterval,
    String memtable,
    int memtableFlushPeriodInMs,
    int minIndexInterval,
    String readRepair,
    String speculativeRetry) {

  /** The longest default TTL Cassandra accepts: 20 years in seconds. */
  public static final int MAX_TTL_SECONDS = 630720000;

  private static final double MIN_BLOOM_FILTER_FP_CHANCE = 6.71E-5;

  public TableParams {
    extensions = Map.copyOf(extensions);
  }

  /** Cassandra 5.0's defaults with the given default TTL and gc grace (kept for existing callers). */
  public TableParams(int defaultTimeToLive, int gcGraceSeconds) {
    this("", "99p", true, 0.01, CachingParams.DEFAULT, false, CompactionParams.DEFAULT, CompressionParams.DEFAULT,
        1.0, defaultTimeToLive, Map.of(), gcGraceSeconds, true, 2048, "default", 0, 128, "BLOCKING", "99p");
  }

  /** Cassandra 5.0's defaults. */
  public static TableParams defaults() {
    return new TableParams(0, 864000);
  }

  /**
   * These params with the given options applied, validated as Cassandra does (CONFIG_ERROR or
   * SYNTAX_ERROR with Cassandra's messages). Values are {@code String} (constants as written) or
   * {@code Map<String,String>} (map literals). A map option replaces the whole previous map, as in
   * Cassandra's ALTER TABLE. The {@code id} option is accepted here but not kept: see {@link #tableId}.
   * Repeated options ("Multiple definitions for property") are the parser's to reject.
   *
   * <p>On a new table (these params are {@link #defaults()}) with leveled compaction and no
   * {@code bloom_filter_fp_chance}, the chance is 0.1 rather than 0.01, as Cassandra picks it from
   * the strategy at CREATE. ALTER keeps whatever the table had: use {@link #altered} for ALTER TABLE.
   */
  public TableParams withOptions(Map<String, Object> options) {
    return apply(options, this.equals(defaults()));
  }

  /**
   * For ALTER TABLE: as {@link #withOptions} but never re-derives a default from the new options,
   * even on a table whose options all happen to be the defaults (Cassandra keeps a table's bloom
   * filter chance when ALTER switches it to leveled compaction).
   */
  public TableParams altered(Map<String, Object> options) {
    return apply(options, false);
  }

  private TableParams apply(Map<String, Object> options, boolean newTable) {
    TableParamsBuilder b = new TableParamsBuilder(this);
    for (Map.Entry<String, Object> e : options.entrySet()) {
      b.apply(e.getKey().toLowerCase(Locale.ROOT), e.getValue());
    }
    if (newTable && !containsIgnoreCase(options, "bloom_filter_fp_chance")) {
      b.defaultBloomFilterForCompaction();
    }
    TableParams params = b.build();
    params.validate();
    return params;
  }

  private static boolean containsIgnoreCase(Map<String, Object> options, String option) {
    return options.keySet().stream().anyMatch(k -> k.equalsIgnoreCase(option));
  }

  /**
   * The table id a {@code WITH id = '...'} option asks for, if any; CONFIG_ERROR "Invalid table id"
   * when it is not a uuid.
   */
  public static Optional<UUID> tableId(Map<String, Object> options) {
    Object id = options.get("id");
    if (id == null) return Optional.empty();
    try {
      return Optional.of(UUID.fromString(String.valueOf(id)));
    } catch (IllegalArgumentException e) {
      throw CqlException.config("Invalid table id");
    }
  }

  private void validate() {
    if (bloomFilterFpChance <= MIN_BLOOM_FILTER_FP_CHANCE || bloomFilterFpChance > 1.0) {
      throw CqlException.config("bloom_filter_fp_chance must be larger than " + MIN_BLOOM_FILTER_FP_CHANCE
          + " and less than or equal to 1.0 (got " + bloomFilterFpChance + ")");
    }
    if (crcCheckChance < 0 || crcCheckChance > 1.0) {
      throw CqlException.config("crc_check_chance must be larger than or equal to 0 and smaller than or equal to 1.0 (got "
          + crcCheckChance + ")");
    }
    atLeast("default_time_to_live", defaultTimeToLive, 0);
    if (defaultTimeToLive > MAX_TTL_SECONDS) {
      throw CqlException.config("default_time_to_live must be less than or equal to " + MAX_TTL_SECONDS
          + " (got " + defaultTimeToLive + ")");
    }
    atLeast("gc_grace_seconds", gcGraceSeconds, 0);
    atLeast("min_index_interval", minIndexInterval, 1);
    if (maxIndexInterval < minIndexInterval) {
      throw CqlException.config("max_index_interval must be greater than or equal to min_index_interval ("
          + minIndexInterval + ") (got " + maxIndexInterval + ")");
    }
    atLeast("memtable_flush_period_in_ms", memtableFlushPeriodInMs, 0);
  }

  private static void atLeast(String option, int value, int min) {
    if (value < min) {
      throw CqlException.config(option + " must be greater than or equal to " + min + " (got " + value + ")");
    }
  }

  public TableParams withComment(String newComment) {
    return new TableParams(newComment, additionalWritePolicy, allowAutoSnapshot, bloomFilterFpChance, caching, cdc,
        compaction, compression, crcCheckChance, defaultTimeToLive, extensions, gcGraceSeconds, incrementalBackups,
        maxIndexInterval, memtable, memtableFlushPeriodInMs, minIndexInterval, readRepair, speculativeRetry);
  }
}
