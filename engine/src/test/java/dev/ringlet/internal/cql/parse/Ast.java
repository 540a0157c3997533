package dev.ringlet.internal.cql.parse;

import dev.ringlet.internal.cql.ast.QualifiedName;
import dev.ringlet.internal.cql.ast.Term;
import dev.ringlet.internal.cql.ast.TypeExpr;
import dev.ringlet.internal.types.LiteralKind;

/** Short builders for expected syntax trees in parser tests. */
final class Ast {

  private Ast() {}

  static QualifiedName name(String name) {
    return new QualifiedName(null, name);
  }

  static QualifiedName name(String keyspace, String name) {
    return new QualifiedName(keyspace, name);
  }

  static Term.Constant str(String text) {
    return new Term.Constant(LiteralKind.STRING, text);
  }

  static Term.Constant integer(String text) {
    return new Term.Constant(LiteralKind.INTEGER, text);
  }

  static Term.Constant flt(String text) {
    return new Term.Constant(LiteralKind.FLOAT, text);
  }

  static Term.Constant bool(String text) {
    return new Term.Constant(LiteralKind.BOOLEAN, text);
  }

  static Term.BindMarker marker(int index) {
    return new Term.BindMarker(index, null);
  }

  static Term.BindMarker marker(int index, String name) {
    return new Term.BindMarker(index, name);
  }

  static TypeExpr.Native type(String name) {
    return new TypeExpr.Native(name);
  }
}
