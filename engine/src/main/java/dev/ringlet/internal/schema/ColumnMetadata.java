package dev.ringlet.internal.schema;

import dev.ringlet.internal.types.CqlType;

/**
 * One column of a table. {@code position} is the index within the partition key or clustering
 * columns, -1 for regular and static columns (as {@code system_schema.columns} has it).
 * {@code reversed} is true for a clustering column ordered DESC. {@code mask} is the column's
 * dynamic data mask ({@code MASKED WITH}), or null.
 */
public record ColumnMetadata(String name, CqlType type, Kind kind, int position, boolean reversed, ColumnMask mask) {

  /** A column without a mask. */
  public ColumnMetadata(String name, CqlType type, Kind kind, int position, boolean reversed) {
    this(name, type, kind, position, reversed, null);
  }

  /** This column with that mask (null: none). */
  public ColumnMetadata withMask(ColumnMask newMask) {
    return new ColumnMetadata(name, type, kind, position, reversed, newMask);
  }

  public boolean isMasked() {
    return mask != null;
  }

  /**
   * Written out rather than the record's generated one, whose first call bootstraps method handles
   * for every component (a third of the samples of the default role's INSERT in profiles of the first start). Equal
   * columns have equal names, kinds and positions.
   */
  @Override
  public int hashCode() {
    return (31 * name.hashCode() + kind.ordinal()) * 31 + position;
  }

  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof ColumnMetadata c && position == c.position && reversed == c.reversed && kind == c.kind
        && name.equals(c.name) && type.equals(c.type) && java.util.Objects.equals(mask, c.mask);
  }

  public enum Kind {
    PARTITION_KEY,
    CLUSTERING,
    REGULAR,
    STATIC;

    /** The name {@code system_schema.columns.kind} uses. */
    public String schemaName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public boolean isPrimaryKey() {
    return kind == Kind.PARTITION_KEY || kind == Kind.CLUSTERING;
  }

  public boolean isStatic() {
    return kind == Kind.STATIC;
  }
}
