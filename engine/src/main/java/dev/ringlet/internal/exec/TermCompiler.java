package dev.ringlet.internal.exec;

import dev.ringlet.internal.cql.ast.Term;
import dev.ringlet.internal.error.CqlException;
import dev.ringlet.internal.types.CqlType;
import dev.ringlet.internal.types.ListType;
import dev.ringlet.internal.types.MapType;
import dev.ringlet.internal.types.SetType;
import dev.ringlet.internal.types.TupleType;
import dev.ringlet.internal.types.UserType;
import dev.ringlet.internal.types.VectorType;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles terms against their receiver: checks a literal fits the receiver's type (with
 * Cassandra's messages), records what each bind marker receives, and parses constants once.
 */
public final class TermCompiler {

  private final Variables variables;
  private final TermFunctions functions;

  public TermCompiler(Variables variables, TermFunctions functions) {
    this.variables = variables;
    this.functions = functions;
  }

  public Variables variables() {
    return variables;
  }

  /** The function calls this compiler resolves (and their registry, for selectors). */
  public TermFunctions functions() {
    return functions;
  }

  public BoundTerm compile(Term term, ColumnSpec receiver) {
    if (term instanceof Term.Constant c) {
      return constant(c, receiver);
    } else if (term instanceof Term.Null) {
      return BoundTerm.constant(null);
    } else if (term instanceof Term.BindMarker m) {
      return marker(m, receiver);
    } else if (term instanceof Term.ListLiteral l) {
      return listLike(l.elements(), receiver, "list");
    } else if (term instanceof Term.SetLiteral s) {
      return listLike(s.elements(), receiver, "set");
    } else if (term instanceof Term.MapLiteral m) {
      return map(m, receiver);
    } else if (term instanceof Term.TupleLiteral t) {
      return tuple(t, receiver);
    } else if (term instanceof Term.UdtLiteral u) {
      return udt(u, receiver);
    } else if (term instanceof Term.FunctionCall f) {
      return functions.compile(f, receiver, this);
    } else if (term instanceof Term.TypeHint h) {
      return compile(h.term(), receiver);
    }
    throw CqlException.invalid("Arithmetic operations on terms are not supported for " + receiver.name());
  }

  private BoundTerm marker(Term.BindMarker m, ColumnSpec receiver) {
    variables.set(m.index(), receiver);
    int index = m.index();
    return values -> values.get(index);
  }

  private static BoundTerm constant(Term.Constant c, ColumnSpec receiver) {
    CqlType type = receiver.type();
    if (!type.accepts(c.kind())) {
      String shown = c.kind() == dev.ringlet.internal.types.LiteralKind.HEX ? "0x" + c.text() : c.text();
      throw CqlException.invalid("Invalid " + c.kind() + " constant (" + shown + ") for \""
          + receiver.name() + "\" of type " + type.cql());
    }
    if (c.kind() == dev.ringlet.internal.types.LiteralKind.FLOAT && overflows(c.text())) {
      // Cassandra's parser turns such a literal into "Infinity" and then fails to read it back.
      throw new FailedParsingException("NumberFormatException Character I is neither a decimal digit number,"
          + " decimal point, nor \"e\" notation exponential mark.");
    }
    return BoundTerm.constant(type.parse(c.kind(), c.text()));
  }

  private static boolean overflows(String text) {
    String t = text.startsWith("-") ? text.substring(1) : text;
    if (t.equalsIgnoreCase("nan") || t.equalsIgnoreCase("infinity")) {
      return false;
    }
    try {
      return Double.isInfinite(Double.parseDouble(text));
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private BoundTerm listLike(List<Term> elements, ColumnSpec receiver, String kind) {
    CqlType type = receiver.type();
    CqlType elementType;
    if (type instanceof ListType lt && kind.equals("list")) {
      elementType = lt.element();
    } else if (type instanceof SetType st && kind.equals("set")) {
      elementType = st.element();
    } else if (type instanceof VectorType vt && kind.equals("list")) {
      elementType = vt.element();
    } else {
      throw CqlException.invalid("Invalid " + kind + " literal for " + receiver.name() + " of type " + type.cql());
    }
    ColumnSpec elementSpec = new ColumnSpec(receiver.keyspace(), receiver.table(), "value(" + receiver.name() + ")", elementType);
    boolean vector = type instanceof VectorType;
    if (vector) {
      checkVectorLiteral(elements, receiver, (VectorType) type);
    }
    List<BoundTerm> compiled = new ArrayList<>();
    for (Term e : elements) {
      compiled.add(compile(e, elementSpec));
    }
    return values -> {
      List<Object> decoded = new ArrayList<>(compiled.size());
      for (BoundTerm t : compiled) {
        ByteBuffer element = t.bind(values);
        if (vector && element == null) {
          throw CqlException.invalid("null is not supported inside vectors");
        }
        decoded.add(decodeElement(element, elementType, receiver));
      }
      return type.encode(kind.equals("set") ? new java.util.LinkedHashSet<>(decoded) : decoded);
    };
  }

  /** 5.0's checks of a vector literal: its dimension, then each constant's type. */
  private static void checkVectorLiteral(List<Term> elements, ColumnSpec receiver, VectorType type) {
    if (elements.size() != type.dimension()) {
      throw CqlException.invalid("Invalid vector literal for " + receiver.name() + " of type " + type.cql() + "; expected "
          + type.dimension() + " elements, but given " + elements.size());
    }
    for (Term e : elements) {
      if (e instanceof Term.Constant c && !type.element().accepts(c.kind())) {
        throw CqlException.invalid("Invalid vector literal for " + receiver.name() + ": value " + TermText.of(e)
            + " is not of type " + type.element().cql());
      }
    }
  }

  private BoundTerm map(Term.MapLiteral m, ColumnSpec receiver) {
    if (receiver.type() instanceof SetType && m.keys().isEmpty()) {
      return listLike(List.of(), receiver, "set");
    }
    if (!(receiver.type() instanceof MapType mt)) {
      throw CqlException.invalid("Invalid map literal for " + receiver.name() + " of type " + receiver.type().cql());
    }
    ColumnSpec keySpec = new ColumnSpec(receiver.keyspace(), receiver.table(), "key(" + receiver.name() + ")", mt.key());
    ColumnSpec valueSpec = new ColumnSpec(receiver.keyspace(), receiver.table(), "value(" + receiver.name() + ")", mt.value());
    List<BoundTerm> keys = new ArrayList<>();
    List<BoundTerm> vals = new ArrayList<>();
    for (int i = 0; i < m.keys().size(); i++) {
      keys.add(compile(m.keys().get(i), keySpec));
      vals.add(compile(m.values().get(i), valueSpec));
    }
    return values -> {
      Map<Object, Object> decoded = new LinkedHashMap<>();
      for (int i = 0; i < keys.size(); i++) {
        decoded.put(decodeElement(keys.get(i).bind(values), mt.key(), receiver),
            decodeElement(vals.get(i).bind(values), mt.value(), receiver));
      }
      return mt.encode(decoded);
    };
  }

  private BoundTerm tuple(Term.TupleLiteral t, ColumnSpec receiver) {
    if (!(receiver.type() instanceof TupleType tt)) {
      throw CqlException.invalid("Invalid tuple literal for " + receiver.name() + " of type " + receiver.type().cql());
    }
    if (t.elements().size() > tt.elements().size()) {
      throw CqlException.invalid("Invalid tuple literal for " + receiver.name() + ": too many elements. Type "
          + tt.cql() + " expects " + tt.elements().size() + " but got " + t.elements().size());
    }
    List<BoundTerm> compiled = new ArrayList<>();
    for (int i = 0; i < t.elements().size(); i++) {
      compiled.add(compile(t.elements().get(i), new ColumnSpec(receiver.keyspace(), receiver.table(),
          "component(" + receiver.name() + ", " + i + ")", tt.elements().get(i))));
    }
    return values -> {
      List<Object> decoded = new ArrayList<>();
      for (int i = 0; i < compiled.size(); i++) {
        ByteBuffer b = compiled.get(i).bind(values);
        decoded.add(b == null || b == QueryOptions.UNSET ? null : tt.elements().get(i).decode(b));
      }
      return tt.encode(decoded);
    };
  }

  private BoundTerm udt(Term.UdtLiteral u, ColumnSpec receiver) {
    if (!(receiver.type() instanceof UserType ut)) {
      throw CqlException.invalid("Invalid user type literal for " + receiver.name() + " of type " + receiver.type().cql());
    }
    Map<String, BoundTerm> compiled = new LinkedHashMap<>();
    for (int i = 0; i < u.fields().size(); i++) {
      String f = u.fields().get(i);
      int idx = ut.fieldNames().indexOf(f);
      if (idx < 0) {
        throw CqlException.invalid("Unknown field '" + f + "' in value of user defined type " + ut.name());
      }
      compiled.put(f, compile(u.values().get(i), new ColumnSpec(receiver.keyspace(), receiver.table(), receiver.name() + "." + f, ut.fieldTypes().get(idx))));
    }
    return values -> {
      Map<String, Object> decoded = new LinkedHashMap<>();
      for (int i = 0; i < ut.fieldNames().size(); i++) {
        String f = ut.fieldNames().get(i);
        BoundTerm t = compiled.get(f);
        ByteBuffer b = t == null ? null : t.bind(values);
        decoded.put(f, b == null || b == QueryOptions.UNSET ? null : ut.fieldTypes().get(i).decode(b));
      }
      return ut.encode(decoded);
    };
  }

  private static Object decodeElement(ByteBuffer value, CqlType type, ColumnSpec receiver) {
    if (value == null) {
      throw CqlException.invalid("null is not supported inside collections");
    }
    if (value == QueryOptions.UNSET) {
      throw CqlException.invalid("unset value is not supported inside collections");
    }
    return type.decode(value);
  }
}
