package dev.ringlet.internal.cql.ast;

import java.util.List;

/** A type as written in CQL, before it is resolved against the schema (UDT names). */
public sealed interface TypeExpr {

  /** {@code int}, {@code text}, {@code varchar}, ... as written, lower-cased. */
  record Native(String name) implements TypeExpr {}

  /** {@code list<e>}, {@code set<e>}: {@code kind} is "list" or "set". */
  record Collection(String kind, TypeExpr element) implements TypeExpr {}

  record MapOf(TypeExpr key, TypeExpr value) implements TypeExpr {}

  record Tuple(List<TypeExpr> elements) implements TypeExpr {}

  record Vector(TypeExpr element, int dimension) implements TypeExpr {}

  /** {@code frozen<inner>}. */
  record Frozen(TypeExpr inner) implements TypeExpr {}

  /** A user-defined type name (possibly keyspace-qualified). */
  record UserDefined(QualifiedName name) implements TypeExpr {}

  /** A custom type given as a string literal, e.g. {@code 'org.apache...'}. */
  record Custom(String className) implements TypeExpr {}
}
