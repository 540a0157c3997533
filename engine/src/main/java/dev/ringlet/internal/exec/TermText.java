package dev.ringlet.internal.exec;

import dev.ringlet.internal.cql.ast.Relation;
import dev.ringlet.internal.cql.ast.Term;
import dev.ringlet.internal.types.LiteralKind;
import java.util.List;
import java.util.stream.Collectors;

/** Terms and relations written back as CQL, the way Cassandra quotes them in error messages. */
public final class TermText {

  private TermText() {}

  public static String of(Term term) {
    if (term instanceof Term.Constant c) {
      return c.kind() == LiteralKind.STRING ? "'" + c.text().replace("'", "''") + "'"
          : c.kind() == LiteralKind.HEX ? "0x" + c.text() : c.text();
    }
    if (term instanceof Term.Null) {
      return "null";
    }
    if (term instanceof Term.BindMarker m) {
      return "?"; // 5.0 prints every marker so (AbstractMarker.Raw.getText), named or not
    }
    if (term instanceof Term.ListLiteral l) {
      return "[" + join(l.elements()) + "]";
    }
    if (term instanceof Term.SetLiteral s) {
      return "{" + join(s.elements()) + "}";
    }
    if (term instanceof Term.TupleLiteral t) {
      return "(" + join(t.elements()) + ")";
    }
    if (term instanceof Term.MapLiteral m) {
      StringBuilder b = new StringBuilder("{");
      for (int i = 0; i < m.keys().size(); i++) {
        b.append(i == 0 ? "" : ", ").append(of(m.keys().get(i))).append(": ").append(of(m.values().get(i)));
      }
      return b.append('}').toString();
    }
    if (term instanceof Term.UdtLiteral u) {
      StringBuilder b = new StringBuilder("{");
      for (int i = 0; i < u.fields().size(); i++) {
        b.append(i == 0 ? "" : ", ").append(u.fields().get(i)).append(": ").append(of(u.values().get(i)));
      }
      return b.append('}').toString();
    }
    if (term instanceof Term.FunctionCall f) {
      return f.function() + "(" + join(f.arguments()) + ")";
    }
    return term.toString();
  }

  public static String of(Relation.MultiColumn m) {
    String value = m.inValues() != null && !m.inValues().isEmpty() ? "(" + join(m.inValues()) + ")" : of(m.value());
    return "(" + String.join(", ", m.columns()) + ") " + m.operator() + " " + value;
  }

  private static String join(List<Term> terms) {
    return terms.stream().map(TermText::of).collect(Collectors.joining(", "));
  }
}
