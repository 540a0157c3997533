package dev.ringlet.internal.exec.modify;

import dev.ringlet.internal.cql.ast.Condition;
import dev.ringlet.internal.cql.ast.Operator;
import dev.ringlet.internal.cql.ast.Term;
import dev.ringlet.internal.error.CqlException;
import dev.ringlet.internal.exec.BoundTerm;
import dev.ringlet.internal.exec.ColumnSpec;
import dev.ringlet.internal.exec.TermCompiler;
import dev.ringlet.internal.types.CqlType;
import dev.ringlet.internal.types.CqlTypes;
import dev.ringlet.internal.types.ListType;
import dev.ringlet.internal.types.TupleType;
import dev.ringlet.internal.types.UserType;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The compared values of an LWT condition as 5.0's {@code ColumnCondition.Raw.prepare} builds them:
 * one term, an IN list of terms, or an {@code IN ?} marker named {@code in(receiver)}.
 */
final class ConditionValues {

  private ConditionValues() {}

  /** {@code receiver} is what one compared value is assigned to (the column, element or field). */
  static ConditionCheck.Values compile(TermCompiler terms, Condition c, ColumnSpec receiver) {
    if (c.operator() != Operator.IN) {
      BoundTerm term = terms.compileCondition(c.value(), receiver);
      return values -> ConditionCheck.single(term.bind(values));
    }
    if (c.inValues() == null) {
      ListType listType = new ListType(receiver.type().freeze(), false);
      BoundTerm marker = terms.compile(c.value(),
          new ColumnSpec(receiver.keyspace(), receiver.table(), "in(" + receiver.name() + ")", listType));
      return values -> ConditionCheck.inList(listType, marker.bind(values));
    }
    List<BoundTerm> ins = new ArrayList<>();
    for (Term t : c.inValues()) {
      ins.add(terms.compileCondition(t, receiver));
    }
    return values -> {
      List<ByteBuffer> out = new ArrayList<>(ins.size());
      for (BoundTerm t : ins) {
        out.add(t.bind(values));
      }
      return ConditionCheck.withoutUnset(out);
    };
  }

  /** 5.0's {@code validateOperationOnDurations}: no slice on a duration or on a type containing one. */
  static void checkDurations(Operator op, CqlType type) {
    boolean slice = op == Operator.LT || op == Operator.LTE || op == Operator.GT || op == Operator.GTE;
    if (!slice || !CqlTypes.referencesDuration(type)) {
      return;
    }
    if (type instanceof ListType || type instanceof dev.ringlet.internal.types.SetType
        || type instanceof dev.ringlet.internal.types.MapType) {
      throw CqlException.invalid("Slice conditions are not supported on collections containing durations");
    }
    if (type instanceof TupleType) {
      throw CqlException.invalid("Slice conditions are not supported on tuples containing durations");
    }
    if (type instanceof UserType) {
      throw CqlException.invalid("Slice conditions are not supported on UDTs containing durations");
    }
    throw CqlException.invalid("Slice conditions ( " + op + " ) are not supported on durations");
  }
}
