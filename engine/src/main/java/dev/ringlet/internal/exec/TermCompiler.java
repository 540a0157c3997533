package dev.ringlet.internal.exec;

import dev.ringlet.internal.cql.ast.Term;
import dev.ringlet.internal.error.CqlException;
import dev.ringlet.internal.types.CqlType;
import dev.ringlet.internal.types.CustomType;
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

  /**
   * A value assigned to a column (INSERT values, UPDATE's {@code SET c = v}): as 5.0's collection
   * setters bind it ({@code Term.bind}: {@code Lists/Sets/Maps.Value.fromSerialized}), a function's
   * collection result is read and written again, so its sets and maps, nested ones too, are sorted
   * and their duplicates dropped. Everywhere else (restrictions, conditions on frozen columns,
   * arguments, elements of literals, tuple and user type values) 5.0 takes a function's bytes as
   * returned ({@code FunctionCall.bindAndGet}), so a set a body returned unsorted equals no stored set.
   */
  public BoundTerm compileAssigned(Term term, ColumnSpec receiver) {
    BoundTerm compiled = compile(term, receiver);
    CqlType type = receiver.type();
    if (term instanceof Term.FunctionCall && (type instanceof ListType || type instanceof SetType || type instanceof MapType)) {
      return values -> rewritten(type, compiled.bind(values));
    }
    return compiled;
  }

  /**
   * The value of an LWT condition on a whole column: 5.0 binds it as a column's assignment on a
   * non-frozen collection or user type ({@code bindTerms}), as returned on any other column
   * ({@code bindAndGetTerms}).
   */
  public BoundTerm compileCondition(Term term, ColumnSpec receiver) {
    return receiver.type().isMultiCell() ? compileAssigned(term, receiver) : compile(term, receiver);
  }

  private static ByteBuffer rewritten(CqlType type, ByteBuffer value) {
    if (value == null || !value.hasRemaining()) {
      return value;
    }
    try {
      return type.encode(type.decode(value.duplicate()));
    } catch (RuntimeException e) {
      return value;
    }
  }

  private BoundTerm marker(Term.BindMarker m, ColumnSpec receiver) {
    variables.set(m.index(), receiver);
    int index = m.index();
    CqlType type = receiver.type();
    if (type instanceof SetType || type instanceof MapType) {
      return values -> sorted(type, values.get(index));
    }
    return values -> values.get(index);
  }

  /**
   * A bound frozen set or map as 5.0 binds it (reading it into a sorted collection): its elements or
   * keys sorted, duplicates dropped. Bytes that cannot be read are left to validation; a column's
   * {@code ReversedType} of a set or map is no set to 5.0, which keeps such a value's bytes as bound.
   */
  private static ByteBuffer sorted(CqlType type, ByteBuffer value) {
    if (value == null || value == QueryOptions.UNSET || !value.hasRemaining() || type.isMultiCell()) {
      return value;
    }
    try {
      return type instanceof SetType s ? s.pack(s.elements(value)) : ((MapType) type).pack(((MapType) type).entries(value));
    } catch (RuntimeException e) {
      return value;
    }
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
    CqlType type = CustomType.unreversed(receiver.type()); // 5.0 reads collection literals through ReversedTypes
    CqlType elementType;
    if (type instanceof ListType lt && kind.equals("list")) {
      elementType = lt.element();
    } else if (type instanceof SetType st && kind.equals("set")) {
      elementType = st.element();
    } else if (type instanceof VectorType vt && kind.equals("list")) {
      elementType = vt.element();
    } else if (kind.equals("list")) {
      // 5.0's [...] literal is a list or a vector, by its receiver
      throw CqlException.invalid("Unexpected receiver type '" + type.cql() + "'; only list and vector are expected");
    } else {
      throw CqlException.invalid("Invalid " + kind + " literal for " + receiver.name() + " of type " + type.cql());
    }
    ColumnSpec elementSpec = new ColumnSpec(receiver.keyspace(), receiver.table(), "value(" + receiver.name() + ")", elementType);
    boolean vector = type instanceof VectorType;
    if (vector) {
      checkVectorLiteral(elements, receiver, (VectorType) type);
    } else {
      for (Term e : elements) {
        checkAssignable(e, elementType, kind, receiver, "value");
      }
    }
    List<BoundTerm> compiled = new ArrayList<>();
    for (Term e : elements) {
      compiled.add(compile(e, elementSpec));
      if (!vector) {
        checkNoMarker(e, kind, receiver);
      }
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
    CqlType type = CustomType.unreversed(receiver.type());
    if (type instanceof SetType && m.keys().isEmpty()) {
      return listLike(List.of(), receiver, "set");
    }
    if (type instanceof MapType && m.keys().isEmpty() && type != receiver.type()) {
      // 5.0 parses {} as a set literal, a map only for a receiver that is a MapType without unwrapping it
      throw CqlException.serverError("java.lang.ClassCastException: class org.apache.cassandra.db.marshal.MapType cannot be"
          + " cast to class org.apache.cassandra.db.marshal.SetType (org.apache.cassandra.db.marshal.MapType and"
          + " org.apache.cassandra.db.marshal.SetType are in unnamed module of loader 'app')");
    }
    if (!(type instanceof MapType mt)) {
      throw CqlException.invalid("Invalid map literal for " + receiver.name() + " of type " + receiver.type().cql());
    }
    ColumnSpec keySpec = new ColumnSpec(receiver.keyspace(), receiver.table(), "key(" + receiver.name() + ")", mt.key());
    ColumnSpec valueSpec = new ColumnSpec(receiver.keyspace(), receiver.table(), "value(" + receiver.name() + ")", mt.value());
    for (int i = 0; i < m.keys().size(); i++) {
      checkAssignable(m.keys().get(i), mt.key(), "map", receiver, "key");
      checkAssignable(m.values().get(i), mt.value(), "map", receiver, "value");
    }
    List<BoundTerm> keys = new ArrayList<>();
    List<BoundTerm> vals = new ArrayList<>();
    for (int i = 0; i < m.keys().size(); i++) {
      keys.add(compile(m.keys().get(i), keySpec));
      vals.add(compile(m.values().get(i), valueSpec));
      checkNoMarker(m.keys().get(i), "map", receiver);
      checkNoMarker(m.values().get(i), "map", receiver);
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
    if (!(CustomType.unreversed(receiver.type()) instanceof TupleType tt)) {
      throw CqlException.invalid("Invalid tuple type literal for " + receiver.name() + " of type " + receiver.type().cql());
    }
    if (t.elements().size() > tt.elements().size()) {
      throw CqlException.invalid("Invalid tuple literal for " + receiver.name() + ": too many elements. Type "
          + tt.cql() + " expects " + tt.elements().size() + " but got " + t.elements().size());
    }
    List<BoundTerm> compiled = new ArrayList<>();
    for (int i = 0; i < t.elements().size(); i++) {
      compiled.add(compile(t.elements().get(i), new ColumnSpec(receiver.keyspace(), receiver.table(),
          receiver.name() + "[" + i + "]", tt.elements().get(i))));
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
    if (!(CustomType.unreversed(receiver.type()) instanceof UserType ut)) {
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

  /**
   * 5.0 tests each element of a collection literal against its type before preparing it: a constant of
   * a kind the type does not take is "not of type" there (other terms are checked when compiled).
   */
  private static void checkAssignable(Term element, CqlType type, String kind, ColumnSpec receiver, String part) {
    if (element instanceof Term.Constant c && !type.accepts(c.kind())) {
      throw CqlException.invalid("Invalid " + kind + " literal for " + receiver.name() + ": " + part + " "
          + TermText.of(element) + " is not of type " + type.cql());
    }
  }

  /** 5.0 prepares list, set and map literals only of terms without bind markers. */
  private static void checkNoMarker(Term element, String kind, ColumnSpec receiver) {
    if (containsMarker(element)) {
      throw CqlException.invalid("Invalid " + kind + " literal for " + receiver.name()
          + ": bind variables are not supported inside collection literals");
    }
  }

  private static boolean containsMarker(Term term) {
    if (term instanceof Term.BindMarker) {
      return true;
    }
    if (term instanceof Term.TypeHint h) {
      return containsMarker(h.term());
    }
    if (term instanceof Term.FunctionCall f) {
      return f.arguments().stream().anyMatch(TermCompiler::containsMarker);
    }
    if (term instanceof Term.ListLiteral l) {
      return l.elements().stream().anyMatch(TermCompiler::containsMarker);
    }
    if (term instanceof Term.SetLiteral st) {
      return st.elements().stream().anyMatch(TermCompiler::containsMarker);
    }
    if (term instanceof Term.MapLiteral m) {
      return m.keys().stream().anyMatch(TermCompiler::containsMarker) || m.values().stream().anyMatch(TermCompiler::containsMarker);
    }
    if (term instanceof Term.TupleLiteral t) {
      return t.elements().stream().anyMatch(TermCompiler::containsMarker);
    }
    if (term instanceof Term.UdtLiteral u) {
      return u.values().stream().anyMatch(TermCompiler::containsMarker);
    }
    return false;
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
