package dev.ringlet.internal.exec.functions;

import dev.ringlet.internal.cql.ast.Term;
import dev.ringlet.internal.cql.ast.TypeExpr;
import dev.ringlet.internal.types.LiteralKind;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** A term as Cassandra prints it in column names and messages: {@code 'a'}, {@code ?}, {@code (int)1}. */
final class TermText {

  private TermText() {}

  static String of(Term term) {
    if (term instanceof Term.Constant c) {
      return c.kind() == LiteralKind.STRING ? "'" + c.text().replace("'", "''") + "'"
          : c.kind() == LiteralKind.HEX ? "0x" + c.text() : c.text();
    }
    if (term instanceof Term.Null) {
      return "NULL";
    }
    if (term instanceof Term.BindMarker) {
      return "?"; // 5.0 prints a named marker as ? too (AbstractMarker.Raw.getText)
    }
    if (term instanceof Term.ListLiteral l) {
      return "[" + join(l.elements()) + "]";
    }
    if (term instanceof Term.SetLiteral s) {
      return "{" + join(s.elements()) + "}";
    }
    if (term instanceof Term.MapLiteral m) {
      List<String> entries = new ArrayList<>();
      for (int i = 0; i < m.keys().size(); i++) {
        entries.add(of(m.keys().get(i)) + ": " + of(m.values().get(i)));
      }
      return "{" + String.join(", ", entries) + "}";
    }
    if (term instanceof Term.TupleLiteral t) {
      return "(" + join(t.elements()) + ")";
    }
    if (term instanceof Term.UdtLiteral u) {
      List<String> fields = new ArrayList<>();
      for (int i = 0; i < u.fields().size(); i++) {
        fields.add(u.fields().get(i) + ": " + of(u.values().get(i)));
      }
      return "{" + String.join(", ", fields) + "}";
    }
    if (term instanceof Term.FunctionCall f) {
      return "system." + f.function().name() + "(" + join(f.arguments()) + ")";
    }
    if (term instanceof Term.TypeHint h) {
      return "(" + type(h.type()) + ")" + of(h.term());
    }
    if (term instanceof Term.Arithmetic a) {
      return of(a.left()) + " " + a.operator() + " " + of(a.right());
    }
    return term.toString();
  }

  static String type(TypeExpr t) {
    if (t instanceof TypeExpr.Native n) {
      return n.name();
    }
    if (t instanceof TypeExpr.Collection c) {
      return c.kind() + "<" + type(c.element()) + ">";
    }
    if (t instanceof TypeExpr.MapOf m) {
      return "map<" + type(m.key()) + ", " + type(m.value()) + ">";
    }
    if (t instanceof TypeExpr.Frozen f) {
      return "frozen<" + type(f.inner()) + ">";
    }
    if (t instanceof TypeExpr.Vector v) {
      return "vector<" + type(v.element()) + ", " + v.dimension() + ">";
    }
    if (t instanceof TypeExpr.Tuple tu) {
      return "tuple<" + tu.elements().stream().map(TermText::type).collect(Collectors.joining(", ")) + ">";
    }
    if (t instanceof TypeExpr.UserDefined u) {
      return u.name().toString();
    }
    return ((TypeExpr.Custom) t).className();
  }

  static String join(List<Term> terms) {
    return terms.stream().map(TermText::of).collect(Collectors.joining(", "));
  }

  /** The argument view of an untyped term; a hinted term is typed by its hint. */
  static FunctionArg.Untyped untypedKind(Term term) {
    if (term instanceof Term.BindMarker) {
      return FunctionArg.Untyped.MARKER;
    }
    if (term instanceof Term.Null) {
      return FunctionArg.Untyped.NULL;
    }
    if (term instanceof Term.ListLiteral || term instanceof Term.SetLiteral || term instanceof Term.MapLiteral) {
      return FunctionArg.Untyped.COLLECTION;
    }
    if (term instanceof Term.TupleLiteral || term instanceof Term.UdtLiteral) {
      return FunctionArg.Untyped.TUPLE;
    }
    return null;
  }
}
