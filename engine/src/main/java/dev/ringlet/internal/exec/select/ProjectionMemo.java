package dev.ringlet.internal.exec.select;

import dev.ringlet.internal.storage.LiveRow;
import dev.ringlet.wire.EncodedRow;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The projected values of rows one SELECT already returned, by row object, for the generated
 * {@code system_schema}/{@code system_virtual_schema} tables.
 *
 * <p>Why: after every DDL a driver re-reads the whole schema (~1,100 rows for a 50-table keyspace),
 * and most of those rows (the system keyspaces', {@code system_virtual_schema}'s, a changed
 * keyspace's unchanged tables) are the very {@link LiveRow} objects of the previous refresh: the
 * generated-table source keeps them as long as what they describe does not change
 * ({@code GeneratedKeyspaceRows}). Projecting them again was the largest part of the server's
 * CPU per refresh.
 *
 * <p>Only for selections of plain columns of a table without static columns: a row's values are
 * then a function of the row and of its partition key alone (no functions, no bind markers, no
 * {@code now}, no TTL), so an entry is kept with the key it was projected under and used only for
 * the same row under the same key. The values' list is handed out as it is, an {@link EncodedRow}:
 * the rows are also kept as a ROWS body carries them, so the server writes each in one copy
 * instead of encoding its values again for every refresh (the encoding was the largest part of a
 * refresh's server CPU left once the projections were kept). Rows that left the schema stay until the memo holds
 * {@link #CAPACITY} rows, when it starts again empty. One memo per analysed statement, shared by
 * the threads that execute it.
 */
final class ProjectionMemo {

  /** Rows kept at most (a 200-table keyspace's schema is ~2,000 column rows). */
  static final int CAPACITY = 20_000;

  private record Projected(ByteBuffer partitionKey, List<ByteBuffer> values) {}

  private final Map<LiveRow, Projected> rows = new IdentityHashMap<>();

  /** A memo for {@code plan}'s statement, or null when its rows' values may depend on more than the row. */
  static ProjectionMemo of(SelectPlan plan, boolean generatedSchemaTable) {
    boolean plain = generatedSchemaTable && plan.selection().plainColumns() && !plan.selection().isAggregate()
        && plan.grouping() == null && plan.ann() == null && !plan.table().hasStatics();
    return plain ? new ProjectionMemo() : null;
  }

  /** The values of each row of {@code page} through {@code outputs} (per-row outputs), projected once per row. */
  synchronized List<List<ByteBuffer>> project(List<RowAccess> page, List<Output> outputs) {
    if (rows.size() > CAPACITY) {
      rows.clear();
    }
    List<List<ByteBuffer>> out = new ArrayList<>(page.size());
    for (RowAccess r : page) {
      ByteBuffer key = r.partition().key().key();
      Projected known = r.row() == null ? null : rows.get(r.row());
      if (known == null || !known.partitionKey().equals(key)) {
        List<ByteBuffer> values = new ArrayList<>(outputs.size());
        for (Output o : outputs) {
          values.add(((Output.PerRow) o).value().apply(r));
        }
        // shared by every answer that returns the row, which the server writes in one copy
        known = new Projected(key, EncodedRow.of(values));
        if (r.row() != null) {
          rows.put(r.row(), known);
        }
      }
      out.add(known.values());
    }
    return out;
  }

  /** How many rows are kept (tests). */
  synchronized int size() {
    return rows.size();
  }
}
