package dev.ringlet.internal.cql.ast;

/** One element of an UPDATE's SET clause. */
public sealed interface Assignment {

  String column();

  /** {@code col = value}. */
  record Set(String column, Term value) implements Assignment {}

  /** {@code col[key] = value}. */
  record SetElement(String column, Term key, Term value) implements Assignment {}

  /** {@code col.field = value}. */
  record SetField(String column, String field, Term value) implements Assignment {}

  /** {@code col = col + value} (also counters). */
  record Add(String column, Term value) implements Assignment {}

  /** {@code col = col - value} (also counters). */
  record Subtract(String column, Term value) implements Assignment {}

  /** {@code col = value + col} (list prepend). */
  record Prepend(String column, Term value) implements Assignment {}

}
