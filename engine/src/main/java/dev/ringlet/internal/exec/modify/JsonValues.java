package dev.ringlet.internal.exec.modify;

import dev.ringlet.internal.error.CqlException;
import dev.ringlet.internal.exec.BoundTerm;
import dev.ringlet.internal.exec.BoundValues;
import dev.ringlet.internal.exec.QueryOptions;
import dev.ringlet.internal.schema.ColumnMetadata;
import dev.ringlet.internal.schema.TableMetadata;
import dev.ringlet.internal.types.Json;
import dev.ringlet.internal.types.MalformedJsonException;
import dev.ringlet.internal.types.MarshalException;
import dev.ringlet.internal.types.NativeType;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The values of an {@code INSERT ... JSON}: the JSON text (a literal or a marker) parsed once per
 * execution into a map of column values, each converted with its column type's JSON rules.
 */
final class JsonValues {

  private final TableMetadata table;
  private final BoundTerm json;
  private final boolean defaultUnset;
  private BoundValues lastValues;
  private Map<String, Object> lastParsed;

  JsonValues(TableMetadata table, BoundTerm json, boolean defaultUnset) {
    this.table = table;
    this.json = json;
    this.defaultUnset = defaultUnset;
  }

  /** The term giving one column's value: its JSON value, or null/unset when the map lacks it. */
  BoundTerm column(ColumnMetadata column) {
    return values -> {
      Map<String, Object> map = parsed(values);
      if (!map.containsKey(column.name())) {
        return defaultUnset ? QueryOptions.UNSET : null;
      }
      Object v = map.get(column.name());
      if (v == null) {
        return null;
      }
      try {
        return column.type().fromJson(v);
      } catch (MarshalException e) {
        // 5.0 wraps only MarshalExceptions; other failures (a duration's InvalidRequestException,
        // the UnsupportedOperationException of composite types) go through as they are
        throw CqlException.invalid("Error decoding JSON value for " + column.name() + ": " + e.getMessage());
      }
    };
  }

  private synchronized Map<String, Object> parsed(BoundValues values) {
    if (values == lastValues && lastParsed != null) {
      return lastParsed;
    }
    ByteBuffer text = json.bind(values);
    if (text == null || text == QueryOptions.UNSET) {
      throw CqlException.invalid("Got null for INSERT JSON values");
    }
    String s = (String) NativeType.TEXT.decode(text);
    Map<String, Object> raw;
    try {
      raw = Json.parseObject(s);
    } catch (MalformedJsonException e) {
      throw CqlException.invalid("Could not decode JSON string as a map: " + e.jacksonToString() + ". (String was: " + s + ")");
    }
    if (raw == null) {
      throw CqlException.invalid("Got null for INSERT JSON values");
    }
    Map<String, Object> byColumn = new HashMap<>();
    for (Map.Entry<String, Object> e : raw.entrySet()) {
      String key = e.getKey();
      String name = key.length() > 1 && key.startsWith("\"") && key.endsWith("\"")
          ? key.substring(1, key.length() - 1) : key.toLowerCase(Locale.ROOT);
      if (table.column(name) == null) {
        throw CqlException.invalid("JSON values map contains unrecognized column: " + name);
      }
      byColumn.put(name, e.getValue());
    }
    lastValues = values;
    lastParsed = byColumn;
    return byColumn;
  }
}
