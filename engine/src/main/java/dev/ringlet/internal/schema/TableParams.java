package dev.ringlet.internal.schema;

import java.util.Map;

/**
 * A table's options ({@code WITH ...}) with Cassandra 5.0's defaults. STUB: the schema-options work
 * replaces this with the full set (comment, caching, compaction, compression, ...).
 */
public record TableParams(int defaultTimeToLive, int gcGraceSeconds) {

  /** Cassandra 5.0's defaults. */
  public static TableParams defaults() {
    return new TableParams(0, 864000);
  }

  /**
   * These params with the given options applied, validated as Cassandra does (CONFIG_ERROR or
   * SYNTAX_ERROR with Cassandra's messages). Values are {@code String} (constants as written) or
   * {@code Map<String,String>} (map literals).
   */
  public TableParams withOptions(Map<String, Object> options) {
    return this;
  }
}
