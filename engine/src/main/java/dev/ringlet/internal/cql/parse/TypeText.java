package dev.ringlet.internal.cql.parse;

import dev.ringlet.internal.cql.ast.TypeExpr;
import java.util.stream.Collectors;

/** Renders a {@link TypeExpr} back to CQL text, for resource names such as "functions/ks/f(int)". */
final class TypeText {

  private TypeText() {}

  static String render(TypeExpr type) {
    if (type instanceof TypeExpr.Native n) return n.name().equals("varchar") ? "text" : n.name();
    if (type instanceof TypeExpr.Collection c) return c.kind() + "<" + render(c.element()) + ">";
    if (type instanceof TypeExpr.MapOf m) return "map<" + render(m.key()) + ", " + render(m.value()) + ">";
    if (type instanceof TypeExpr.Tuple t) {
      return t.elements().stream().map(TypeText::render).collect(Collectors.joining(", ", "tuple<", ">"));
    }
    if (type instanceof TypeExpr.Vector v) return "vector<" + render(v.element()) + ", " + v.dimension() + ">";
    if (type instanceof TypeExpr.Frozen f) return "frozen<" + render(f.inner()) + ">";
    if (type instanceof TypeExpr.UserDefined u) return u.name().toString();
    return "'" + ((TypeExpr.Custom) type).className() + "'";
  }
}
