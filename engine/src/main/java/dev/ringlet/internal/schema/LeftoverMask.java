package dev.ringlet.internal.schema;

import java.util.HashMap;
import java.util.Map;

/**
 * Rows of {@code system_schema.column_masks} that Cassandra 5.0.9 leaves behind: dropping a table
 * or materialized view, or one of a table's masked columns, does not delete the column's mask row, which stays until the
 * keyspace is dropped or a column of that name is written again (a table created or altered with it:
 * masked, its new row replaces the old one; unmasked, the row is deleted). Ringlet keeps them in
 * the keyspace's metadata so the system table lists what 5.0 lists; they mask nothing.
 */
public final class LeftoverMask {

  /** A mask row's key within its keyspace. */
  public record Key(String table, String column) {}

  private LeftoverMask() {}

  /** After {@code written} replaced {@code previous} (null when created): masked columns it lost are left over. */
  static Map<Key, ColumnMask> afterWrite(Map<Key, ColumnMask> leftovers, TableMetadata previous, TableMetadata written) {
    if (leftovers.isEmpty() && (previous == null || !hasMasks(previous))) {
      return leftovers;
    }
    Map<Key, ColumnMask> out = new HashMap<>(leftovers);
    for (ColumnMetadata c : written.columns()) {
      out.remove(new Key(written.name(), c.name()));
    }
    if (previous != null) {
      for (ColumnMetadata c : previous.columns()) {
        if (c.mask() != null && written.column(c.name()) == null) {
          out.put(new Key(previous.name(), c.name()), c.mask());
        }
      }
    }
    return out;
  }

  /** After {@code dropped} (a table or view, or null) was dropped: its masked columns are left over. */
  static Map<Key, ColumnMask> afterDrop(Map<Key, ColumnMask> leftovers, TableMetadata dropped) {
    if (dropped == null || !hasMasks(dropped)) {
      return leftovers;
    }
    Map<Key, ColumnMask> out = new HashMap<>(leftovers);
    for (ColumnMetadata c : dropped.columns()) {
      if (c.mask() != null) {
        out.put(new Key(dropped.name(), c.name()), c.mask());
      }
    }
    return out;
  }

  private static boolean hasMasks(TableMetadata t) {
    for (ColumnMetadata c : t.columns()) {
      if (c.mask() != null) {
        return true;
      }
    }
    return false;
  }
}
