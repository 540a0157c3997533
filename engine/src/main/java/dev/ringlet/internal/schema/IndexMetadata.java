package dev.ringlet.internal.schema;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A secondary index, as Cassandra 5.0 stores it in {@code system_schema.indexes}: its name, its
 * kind and its options. The options always hold {@code target} (the column, wrapped in
 * {@code keys(..)}, {@code values(..)}, {@code entries(..)} or {@code full(..)} for collections);
 * custom indexes also hold {@code class_name} exactly as the statement named it
 * ({@code StorageAttachedIndex}, {@code sai}, or the fully qualified class), plus their own options.
 */
public record IndexMetadata(String name, Kind kind, Map<String, String> options) {

  /** {@code system_schema.indexes.kind}. */
  public enum Kind { KEYS, CUSTOM, COMPOSITES }

  /** What part of the column the index holds. */
  public enum TargetType {
    SIMPLE, VALUES, KEYS, ENTRIES, FULL;

    /** The CQL function name wrapping the column in a target, or null for a simple target. */
    public String function() {
      return this == SIMPLE ? null : name().toLowerCase(Locale.ROOT);
    }
  }

  /** The SAI class as Cassandra 5.0 knows it; its short names are the other accepted spellings. */
  public static final String SAI_CLASS = "org.apache.cassandra.index.sai.StorageAttachedIndex";

  private static final Pattern WRAPPED = Pattern.compile("(keys|values|entries|full)\\((.+)\\)");
  private static final Pattern UNQUOTED = Pattern.compile("[a-z][a-z0-9_]*");

  public IndexMetadata {
    options = Collections.unmodifiableMap(new TreeMap<>(options));
  }

  /** The {@code target} option for an index on that column. */
  public static String target(String column, TargetType type) {
    String quoted = UNQUOTED.matcher(column).matches() ? column : "\"" + column.replace("\"", "\"\"") + "\"";
    return type == TargetType.SIMPLE ? quoted : type.function() + "(" + quoted + ")";
  }

  /** The indexed column's name. */
  public String column() {
    String t = options.getOrDefault("target", "");
    Matcher m = WRAPPED.matcher(t);
    String col = m.matches() ? m.group(2) : t;
    if (col.length() >= 2 && col.startsWith("\"") && col.endsWith("\"")) {
      return col.substring(1, col.length() - 1).replace("\"\"", "\"");
    }
    return col;
  }

  public TargetType targetType() {
    Matcher m = WRAPPED.matcher(options.getOrDefault("target", ""));
    return m.matches() ? TargetType.valueOf(m.group(1).toUpperCase(Locale.ROOT)) : TargetType.SIMPLE;
  }

  /** The {@code class_name} option, or null for a legacy (non-custom) index. */
  public String className() {
    return options.get("class_name");
  }

  /** A storage-attached index (SAI). */
  public boolean isSai() {
    return kind == Kind.CUSTOM && isSaiClass(className());
  }

  /** Whether a USING class names SAI: its short names are case-insensitive, the class name exact. */
  public static boolean isSaiClass(String className) {
    if (className == null) {
      return false;
    }
    return className.equalsIgnoreCase("sai") || className.equalsIgnoreCase("StorageAttachedIndex")
        || className.equals(SAI_CLASS);
  }

  /** The options a user gave (everything but {@code target} and {@code class_name}). */
  public Map<String, String> userOptions() {
    Map<String, String> m = new TreeMap<>(options);
    m.remove("target");
    m.remove("class_name");
    return Collections.unmodifiableMap(m);
  }

  /** An index option that is true ({@code 'true'}, any case); false when absent. */
  public boolean flag(String option) {
    return "true".equalsIgnoreCase(options.get(option));
  }
}
