package dev.ringlet.internal.cql.ast;

import java.util.List;

/** One restriction of a WHERE clause. */
public sealed interface Relation {

  /**
   * {@code col op value}; for IN, {@code inValues} holds the list (or {@code value} is a single
   * bind marker for {@code IN ?}). {@code IS NOT NULL} has a {@link Term.Null} value.
   */
  record Single(String column, Operator operator, Term value, List<Term> inValues) implements Relation {}

  /** {@code col[key] op value} on a map element. */
  record Element(String column, Term key, Operator operator, Term value) implements Relation {}

  /**
   * {@code (a, b) op (1, 2)}, {@code (a, b) IN ((1, 2), (3, 4))}, {@code (a, b) op ?}. {@code value}
   * is a tuple literal or bind marker; for IN, {@code inValues} or a single marker in {@code value}.
   */
  record MultiColumn(List<String> columns, Operator operator, Term value, List<Term> inValues)
      implements Relation {}

  /** {@code token(a, b) op value}. */
  record Token(List<String> columns, Operator operator, Term value) implements Relation {}
}
