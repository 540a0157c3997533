package dev.ringlet.internal.cql.ast;

import java.util.List;

/** One element of a SELECT clause, before aliasing. */
public sealed interface Selector {

  record Column(String name) implements Selector {}

  /** {@code COUNT(*)} (also {@code COUNT(1)}). */
  record CountAll() implements Selector {}

  /** {@code WRITETIME(col)}, {@code MAXWRITETIME(col)}, {@code TTL(col)}; {@code column} may be an element selection. */
  record WriteTimeOrTtl(Kind kind, Selector column) implements Selector {
    public enum Kind {
      WRITETIME,
      MAXWRITETIME,
      TTL
    }
  }

  /** {@code fn(args)}, including {@code token(...)}, {@code toJson(...)}, aggregates. */
  record Function(QualifiedName function, List<Selector> arguments) implements Selector {}

  /** {@code CAST(selector AS type)}. */
  record Cast(Selector selector, TypeExpr type) implements Selector {}

  /** {@code selector.field} (UDT field). */
  record Field(Selector selector, String field) implements Selector {}

  /** {@code selector[key]} on a map/list/set. */
  record Element(Selector selector, Term key) implements Selector {}

  /** {@code selector[from..to]}; either bound may be null. */
  record Slice(Selector selector, Term from, Term to) implements Selector {}

  /** A literal or bind marker used as a selector. */
  record Value(Term term) implements Selector {}

  /** Arithmetic on selectors, {@code + - * / %}. */
  record Arithmetic(char operator, Selector left, Selector right) implements Selector {}

  /** A selector with its {@code AS alias} (alias null when none). */
  record Aliased(Selector selector, String alias) {}
}
