package dev.ringlet.internal.cql.ast;

import dev.ringlet.internal.types.LiteralKind;
import java.util.List;

/** A value expression in a statement: literals, bind markers, function calls, casts, arithmetic. */
public sealed interface Term {

  /**
   * A constant: {@code text} is the literal's content (strings unquoted with {@code ''} un-doubled;
   * numbers, uuids, booleans, durations as written; hex without the {@code 0x}). A leading minus
   * of a number is part of {@code text}. {@code NaN}/{@code Infinity} are FLOAT constants.
   */
  record Constant(LiteralKind kind, String text) implements Term {}

  /** The {@code NULL} literal. */
  record Null() implements Term {}

  /**
   * A bind marker. {@code index} is its position among all bind markers of the statement (0-based,
   * in order of appearance, named ones included). {@code name} is null for {@code ?}.
   */
  record BindMarker(int index, String name) implements Term {}

  /** {@code [a, b]}. */
  record ListLiteral(List<Term> elements) implements Term {}

  /** {@code {a, b}}; an empty {@code {}} is a {@link MapLiteral}. */
  record SetLiteral(List<Term> elements) implements Term {}

  /** {@code {k: v, ...}}, also {@code {}}. */
  record MapLiteral(List<Term> keys, List<Term> values) implements Term {}

  /** {@code (a, b, ...)} with two or more elements where a tuple is expected. */
  record TupleLiteral(List<Term> elements) implements Term {}

  /** {@code {field: value, ...}} where the fields are identifiers (a UDT literal). */
  record UdtLiteral(List<String> fields, List<Term> values) implements Term {}

  /** {@code ks.fn(args)} or {@code fn(args)}. */
  record FunctionCall(QualifiedName function, List<Term> arguments) implements Term {}

  /** {@code (type) term}. */
  record TypeHint(TypeExpr type, Term term) implements Term {}

  /** {@code left op right} with op one of {@code + - * / %}; unary minus is {@code 0 - x}. */
  record Arithmetic(char operator, Term left, Term right) implements Term {}
}
