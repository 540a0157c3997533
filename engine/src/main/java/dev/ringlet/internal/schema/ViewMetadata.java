package dev.ringlet.internal.schema;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.UUID;

/**
 * What makes a table a materialized view: its base table, whether it selects every base column
 * ({@code SELECT *}, so columns later added to the base join it), its WHERE clause as
 * {@code system_schema.views.where_clause} shows it, and the restrictions of that clause on base
 * primary key columns that a base row must satisfy to appear in the view ({@code IS NOT NULL} ones
 * are implied by the view key and not listed).
 */
public record ViewMetadata(UUID baseTableId, String baseTableName, boolean includeAllColumns, String whereClause,
    List<Restriction> restrictions) {

  public ViewMetadata {
    restrictions = List.copyOf(restrictions);
  }

  /**
   * One restriction on a base primary key column: {@code operator} is {@code =}, {@code <},
   * {@code <=}, {@code >}, {@code >=} or {@code IN}; {@code values} are serialized in the column's type.
   */
  public record Restriction(String column, String operator, List<ByteBuffer> values) {

    public Restriction {
      values = List.copyOf(values);
    }
  }

  /** The same view of a renamed base table column (restrictions follow the column). */
  public ViewMetadata withRenamedColumn(String from, String to) {
    List<Restriction> renamed = restrictions.stream()
        .map(r -> r.column().equals(from) ? new Restriction(to, r.operator(), r.values()) : r).toList();
    return new ViewMetadata(baseTableId, baseTableName, includeAllColumns, whereClause, renamed);
  }
}
