package dev.ringlet.internal.exec.modify;

import dev.ringlet.internal.exec.ColumnSpec;
import dev.ringlet.internal.exec.PartitionKeys;
import dev.ringlet.internal.exec.Result;
import dev.ringlet.internal.exec.TableComparators;
import dev.ringlet.internal.exec.select.RowAccess;
import dev.ringlet.internal.schema.ColumnMetadata;
import dev.ringlet.internal.schema.TableMetadata;
import dev.ringlet.internal.storage.Clustering;
import dev.ringlet.internal.storage.LivePartition;
import dev.ringlet.internal.storage.LiveRow;
import dev.ringlet.internal.types.NativeType;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The answer of a conditional write that did not apply, shaped as 5.0's
 * {@code buildCasFailureResultSet} shapes it from its read of the current values.
 *
 * <p>Columns: {@code [applied]}, then (a batch only) the primary key columns, then each statement's
 * condition columns, regular ones in condition order before static ones, each once; every column
 * when a statement has {@code IF EXISTS} or {@code IF NOT EXISTS}. Rows: the existing rows among
 * those the conditions name, in clustering order; when the conditions name none (only static
 * conditions), 5.0 reads the partition's first live row; with neither, the static row alone when
 * a static column is read and it has data.
 */
final class CasFailure {

  private CasFailure() {}

  static Result.Rows of(TableMetadata table, List<CasConditions.Entry> entries, LivePartition partition, long now,
      boolean batch) {
    List<ColumnMetadata> shown = columns(table, entries, batch);
    List<ColumnSpec> specs = new ArrayList<>();
    specs.add(new ColumnSpec(table.keyspace(), table.name(), "[applied]", NativeType.BOOLEAN));
    for (ColumnMetadata c : shown) {
      specs.add(new ColumnSpec(table.keyspace(), table.name(), c.name(), c.type()));
    }
    List<List<ByteBuffer>> rows = new ArrayList<>();
    for (RowAccess r : rows(table, entries, partition, now)) {
      List<ByteBuffer> row = new ArrayList<>();
      row.add(NativeType.BOOLEAN.encode(false));
      for (ColumnMetadata c : shown) {
        row.add(r.value(c));
      }
      rows.add(row);
    }
    if (rows.isEmpty()) {
      return new Result.Rows(specs.subList(0, 1), List.of(List.of(NativeType.BOOLEAN.encode(false))), null, List.of());
    }
    return new Result.Rows(specs, rows, null, List.of());
  }

  private static List<ColumnMetadata> columns(TableMetadata table, List<CasConditions.Entry> entries, boolean batch) {
    for (CasConditions.Entry e : entries) {
      ModificationStatement.ConditionKind kind = e.statement().condition();
      if (kind == ModificationStatement.ConditionKind.IF_EXISTS || kind == ModificationStatement.ConditionKind.IF_NOT_EXISTS) {
        return table.columns();
      }
    }
    Set<ColumnMetadata> out = new LinkedHashSet<>();
    if (batch) {
      out.addAll(table.partitionKey());
      out.addAll(table.clustering());
    }
    for (CasConditions.Entry e : entries) {
      if (e.statement().condition() != ModificationStatement.ConditionKind.IF_CONDITIONS) {
        continue;
      }
      for (ConditionCheck c : e.statement().conditions()) {
        if (!c.column().isStatic()) {
          out.add(c.column());
        }
      }
      for (ConditionCheck c : e.statement().conditions()) {
        if (c.column().isStatic()) {
          out.add(c.column());
        }
      }
    }
    return new ArrayList<>(out);
  }

  private static List<RowAccess> rows(TableMetadata table, List<CasConditions.Entry> entries, LivePartition partition,
      long now) {
    List<ByteBuffer> components = PartitionKeys.split(table, partition.key().key());
    Set<Clustering> named = new TreeSet<>(TableComparators.clustering(table));
    boolean staticRead = false;
    boolean staticExists = false;
    for (CasConditions.Entry e : entries) {
      switch (e.statement().condition()) {
        case IF_EXISTS:
        case IF_NOT_EXISTS:
          if (e.clustering().size() == 0 && !table.clustering().isEmpty()) {
            staticRead = true;
            staticExists = true;
          } else {
            named.add(e.clustering());
          }
          break;
        case IF_CONDITIONS:
          for (ConditionCheck c : e.statement().conditions()) {
            if (c.column().isStatic()) {
              staticRead = true;
            } else {
              named.add(e.clustering());
            }
          }
          break;
        default:
          break;
      }
    }
    List<RowAccess> out = new ArrayList<>();
    if (named.isEmpty() && !staticExists && !partition.rows().isEmpty()) {
      // only static conditions: 5.0 reads the first live row to tell an empty partition from one without statics
      out.add(new RowAccess(partition, components, partition.rows().get(0), now));
      return out;
    }
    for (LiveRow row : partition.rows()) {
      if (named.contains(row.clustering())) {
        out.add(new RowAccess(partition, components, row, now));
      }
    }
    if (out.isEmpty() && staticRead && !partition.staticRow().isEmpty()) {
      out.add(new RowAccess(partition, components, null, now));
    }
    return out;
  }
}
