package dev.ringlet.internal.schema;

import dev.ringlet.internal.error.CqlException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The {@code caching} table option.
 *
 * @param keysCached whether partition keys are cached ({@code 'ALL'}) or not ({@code 'NONE'})
 * @param rowsPerPartition rows cached per partition: {@link #ALL_ROWS}, 0 for none, or a count
 */
public record CachingParams(boolean keysCached, int rowsPerPartition) {

  public static final int ALL_ROWS = Integer.MAX_VALUE;

  /** {@code {'keys': 'ALL', 'rows_per_partition': 'NONE'}}. */
  public static final CachingParams DEFAULT = new CachingParams(true, 0);

  /**
   * Parses a {@code caching} map literal. As in Cassandra, a sub-option left out of the map is
   * {@code NONE}, not the table default: {@code {'rows_per_partition': '10'}} stops key caching.
   */
  public static CachingParams fromMap(Map<String, String> map) {
    TreeSet<String> unknown = new TreeSet<>(map.keySet());
    unknown.remove("keys");
    unknown.remove("rows_per_partition");
    if (!unknown.isEmpty()) {
      throw CqlException.config("Invalid caching sub-options " + unknown
          + ": only 'keys' and 'rows_per_partition' are allowed");
    }
    return new CachingParams(parseKeys(map.getOrDefault("keys", "NONE")),
        parseRows(map.getOrDefault("rows_per_partition", "NONE")));
  }

  private static boolean parseKeys(String value) {
    String v = value.toUpperCase(Locale.ROOT);
    if (v.equals("ALL")) return true;
    if (v.equals("NONE")) return false;
    throw CqlException.config("Invalid value '" + value
        + "' for caching sub-option 'keys': only 'ALL' and 'NONE' are allowed");
  }

  private static int parseRows(String value) {
    String v = value.toUpperCase(Locale.ROOT);
    if (v.equals("ALL")) return ALL_ROWS;
    if (v.equals("NONE")) return 0;
    try {
      int rows = Integer.parseInt(value);
      if (rows >= 0) return rows;
    } catch (NumberFormatException e) {
      // falls through to the error below
    }
    throw CqlException.config("Invalid value '" + value
        + "' for caching sub-option 'rows_per_partition': only 'ALL', 'NONE', and integer values are allowed");
  }

  /** The map {@code system_schema.tables.caching} shows. */
  public Map<String, String> asMap() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("keys", keysCached ? "ALL" : "NONE");
    m.put("rows_per_partition", rowsPerPartition == ALL_ROWS ? "ALL" : rowsPerPartition == 0 ? "NONE" : Integer.toString(rowsPerPartition));
    return m;
  }
}
