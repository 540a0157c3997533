package dev.ringlet.internal.exec.modify;

import dev.ringlet.internal.exec.ColumnSpec;
import dev.ringlet.internal.exec.PartitionKeys;
import dev.ringlet.internal.exec.PaxosTraces;
import dev.ringlet.internal.exec.Result;
import dev.ringlet.internal.exec.select.RowAccess;
import dev.ringlet.internal.schema.ColumnMetadata;
import dev.ringlet.internal.schema.TableMetadata;
import dev.ringlet.internal.storage.LivePartition;
import dev.ringlet.internal.storage.LiveRow;
import dev.ringlet.internal.types.NativeType;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The answer of a conditional write or batch that did not apply, built as 5.0's {@code
 * ModificationStatement.buildCasFailureResultSet} builds it: {@code [applied] = false}, then the
 * selected columns of every row the CAS read returned, or nothing more when it returned none.
 *
 * <p>The columns: a statement with {@code IF EXISTS} or {@code IF NOT EXISTS} (in a batch: any of
 * its statements) selects every column; otherwise the columns of the conditions, those on regular
 * columns in the order written and then those on static columns, and in a batch its primary key
 * columns before them.
 *
 * <p>The rows: the CAS read ({@link PaxosTraces.CasRead}) names the rows its conditions test; with
 * none (conditions on static columns only) it reads the partition's first row, {@code LIMIT 1}.
 * It fetches only its columns, so a row counts only with a row marker or a live fetched cell, and
 * other columns show as null. A partition without such rows still answers one row, of its static
 * columns alone, when the read fetched a live one.
 */
final class CasResults {

  private CasResults() {}

  /** The columns a not-applied answer selects, or null for every column ({@code IF [NOT] EXISTS}). */
  static List<ColumnMetadata> conditionColumns(List<ModificationStatement> statements, boolean batch) {
    Set<ColumnMetadata> columns = new LinkedHashSet<>();
    if (batch) {
      columns.addAll(statements.get(0).table().partitionKey());
      columns.addAll(statements.get(0).table().clustering());
    }
    for (ModificationStatement s : statements) {
      switch (s.condition()) {
        case IF_EXISTS:
        case IF_NOT_EXISTS:
          return null;
        case IF_CONDITIONS:
          for (ConditionCheck c : s.conditions()) {
            if (!c.column().isStatic()) {
              columns.add(c.column());
            }
          }
          for (ConditionCheck c : s.conditions()) {
            if (c.column().isStatic()) {
              columns.add(c.column());
            }
          }
          break;
        default:
          break;
      }
    }
    return new ArrayList<>(columns);
  }

  /** The rows 5.0's CAS read returns from {@code partition}, in clustering order. */
  static List<RowAccess> currentRows(TableMetadata table, LivePartition partition, PaxosTraces.CasRead read, long now) {
    List<ByteBuffer> key = PartitionKeys.split(table, partition.key().key());
    List<RowAccess> rows = new ArrayList<>();
    for (LiveRow row : partition.rows()) {
      if ((read.names().isEmpty() || read.names().contains(row.clustering())) && fetched(row, read, false)) {
        rows.add(new RowAccess(partition, key, row, now));
        if (read.names().isEmpty()) {
          break;
        }
      }
    }
    if (rows.isEmpty() && !table.clustering().isEmpty() && fetched(partition.staticRow(), read, true)) {
      rows.add(new RowAccess(partition, key, null, now));
    }
    return rows;
  }

  /** {@code [applied] = false} with {@code columns} (null: every column) of {@code rows}. */
  static Result.Rows notApplied(TableMetadata table, List<ColumnMetadata> columns, List<RowAccess> rows,
      PaxosTraces.CasRead read) {
    List<ColumnSpec> specs = new ArrayList<>();
    specs.add(new ColumnSpec(table.keyspace(), table.name(), "[applied]", NativeType.BOOLEAN));
    if (rows.isEmpty()) {
      return new Result.Rows(specs, List.of(List.of(NativeType.BOOLEAN.encode(false))), null, List.of());
    }
    List<ColumnMetadata> shown = columns == null ? table.columns() : columns;
    for (ColumnMetadata c : shown) {
      specs.add(new ColumnSpec(table.keyspace(), table.name(), c.name(), c.type()));
    }
    List<List<ByteBuffer>> out = new ArrayList<>();
    for (RowAccess r : rows) {
      List<ByteBuffer> row = new ArrayList<>();
      row.add(NativeType.BOOLEAN.encode(false));
      for (ColumnMetadata c : shown) {
        row.add(c.isPrimaryKey() || read.columns().contains(c) ? r.value(c) : null);
      }
      out.add(row);
    }
    return new Result.Rows(specs, out, null, List.of());
  }

  /** Whether the read returns {@code row}: its marker (not for the static row) or a live cell it fetches. */
  private static boolean fetched(LiveRow row, PaxosTraces.CasRead read, boolean isStatic) {
    if (!isStatic && !row.liveness().isEmpty()) {
      return true;
    }
    for (ColumnMetadata c : read.columns()) {
      if (c.isStatic() == isStatic && (row.cell(c.name()) != null || !row.elements(c.name()).isEmpty())) {
        return true;
      }
    }
    return false;
  }
}
