package dev.ringlet.internal.cql.ast;

/**
 * A column in CREATE TABLE / ALTER TABLE ADD; {@code primaryKey} for {@code k int PRIMARY KEY};
 * {@code mask} its {@code MASKED WITH} clause, or null.
 */
public record ColumnDefinition(String name, TypeExpr type, boolean isStatic, boolean primaryKey, MaskExpr mask) {

  /** A column without a mask. */
  public ColumnDefinition(String name, TypeExpr type, boolean isStatic, boolean primaryKey) {
    this(name, type, isStatic, primaryKey, null);
  }
}
