package dev.ringlet.internal.exec.modify;

import dev.ringlet.internal.cql.ast.Assignment;
import dev.ringlet.internal.cql.ast.Deletion;
import dev.ringlet.internal.cql.ast.Term;
import dev.ringlet.internal.error.CqlException;
import dev.ringlet.internal.exec.BoundTerm;
import dev.ringlet.internal.exec.ColumnSpec;
import dev.ringlet.internal.exec.TermCompiler;
import dev.ringlet.internal.exec.TermText;
import dev.ringlet.internal.schema.ColumnMetadata;
import dev.ringlet.internal.schema.TableMetadata;
import dev.ringlet.internal.types.CqlType;
import dev.ringlet.internal.types.CustomType;
import dev.ringlet.internal.types.ListType;
import dev.ringlet.internal.types.MapType;
import dev.ringlet.internal.types.NativeType;
import dev.ringlet.internal.types.SetType;
import dev.ringlet.internal.types.TupleType;
import dev.ringlet.internal.types.UserType;

/**
 * Analyses the collection and user-type operations of UPDATE and DELETE ({@code c = c + v},
 * {@code c = v + c}, {@code c = c - v}, {@code c[k] = v}, {@code u.f = v}, {@code DELETE c[k]},
 * {@code DELETE u.f}) with Cassandra's checks and messages.
 */
final class ComplexOperations {

  private final TableMetadata table;
  private final TermCompiler terms;

  ComplexOperations(TableMetadata table, TermCompiler terms) {
    this.table = table;
    this.terms = terms;
  }

  private BoundTerm compile(Term t, String name, CqlType type) {
    return terms.compile(t, new ColumnSpec(table.keyspace(), table.name(), name, type));
  }

  private static boolean isCollection(CqlType t) {
    return t instanceof ListType || t instanceof SetType || t instanceof MapType;
  }

  /** An UPDATE assignment other than a plain {@code c = v} or a counter change. */
  ColumnOperation assignment(ColumnMetadata c, Assignment a, String description) {
    CqlType type = c.type();
    if (a instanceof Assignment.SetElement e) {
      return setElement(c, e, description);
    }
    if (a instanceof Assignment.SetField f) {
      return setField(c, f, description);
    }
    if (a instanceof Assignment.Prepend p) {
      if (!(CustomType.unreversed(type) instanceof ListType) && p.value() instanceof Term.ListLiteral) {
        // Cassandra prepares a prepended literal as a list first.
        throw CqlException.invalid("Unexpected receiver type '" + type.cql() + "'; only list and vector are expected");
      }
      BoundTerm value = compile(p.value(), c.name(), type);
      if (!(type instanceof ListType)) {
        throw CqlException.invalid("Invalid operation (" + description + ") for non list column " + c.name());
      }
      if (!type.isMultiCell()) {
        throw CqlException.invalid("Invalid operation (" + description + ") for frozen list column " + c.name());
      }
      return new ColumnOperation(c, value, ColumnOperation.Kind.PREPEND);
    }
    if (!isCollection(type)) {
      if (type instanceof TupleType || type instanceof UserType) {
        throw CqlException.invalid("Invalid operation (" + description + ") for tuple column " + c.name());
      }
      throw CqlException.invalid("Invalid operation (" + description + ") for non counter column " + c.name());
    }
    if (!type.isMultiCell()) {
      throw CqlException.invalid("Invalid operation (" + description + ") for frozen collection column " + c.name());
    }
    if (a instanceof Assignment.Add add) {
      if (type instanceof MapType && (add.value() instanceof Term.ListLiteral || add.value() instanceof Term.SetLiteral)) {
        throw CqlException.invalid("Value for a map addition has to be a map, but was: '" + TermText.of(add.value()) + "'");
      }
      return new ColumnOperation(c, compile(add.value(), c.name(), type), ColumnOperation.Kind.ADD);
    }
    Term removed = ((Assignment.Subtract) a).value();
    CqlType removedType = type instanceof MapType m ? new SetType(m.key(), false) : type;
    return new ColumnOperation(c, compile(removed, c.name(), removedType), ColumnOperation.Kind.SUBTRACT);
  }

  private ColumnOperation setElement(ColumnMetadata c, Assignment.SetElement e, String description) {
    CqlType type = c.type();
    if (!isCollection(type)) {
      throw CqlException.invalid("Invalid operation (" + description + ") for non collection column " + c.name());
    }
    if (!type.isMultiCell()) {
      throw CqlException.invalid("Invalid operation (" + description + ") for frozen collection column " + c.name());
    }
    if (type instanceof SetType) {
      throw CqlException.invalid("Invalid operation (" + description + ") for set column " + c.name());
    }
    BoundTerm key;
    BoundTerm value;
    if (type instanceof ListType l) {
      key = compile(e.key(), "idx(" + c.name() + ")", NativeType.INT);
      value = compile(e.value(), "value(" + c.name() + ")", l.element());
    } else {
      MapType m = (MapType) type;
      key = compile(e.key(), "key(" + c.name() + ")", m.key());
      value = compile(e.value(), "value(" + c.name() + ")", m.value());
    }
    return new ColumnOperation(c, value, ColumnOperation.Kind.SET_ELEMENT, key, -1);
  }

  private ColumnOperation setField(ColumnMetadata c, Assignment.SetField f, String description) {
    if (!(c.type() instanceof UserType u)) {
      throw CqlException.invalid("Invalid operation (" + description + ") for non-UDT column " + c.name());
    }
    if (!u.isMultiCell()) {
      throw CqlException.invalid("Invalid operation (" + description + ") for frozen UDT column " + c.name());
    }
    int field = field(c, u, f.field());
    BoundTerm value = compile(f.value(), c.name() + "." + f.field(), u.fieldTypes().get(field));
    return new ColumnOperation(c, value, ColumnOperation.Kind.SET_FIELD, null, field);
  }

  private static int field(ColumnMetadata c, UserType u, String name) {
    int field = u.fieldNames().indexOf(name);
    if (field < 0) {
      throw CqlException.invalid("UDT column " + c.name() + " does not have a field named " + name);
    }
    return field;
  }

  /** {@code DELETE c[k]} or {@code DELETE u.f}. */
  ColumnOperation deletion(ColumnMetadata c, Deletion d) {
    CqlType type = c.type();
    if (d.element() != null) {
      if (!isCollection(type)) {
        throw CqlException.invalid("Invalid deletion operation for non collection column " + c.name());
      }
      if (!type.isMultiCell()) {
        throw CqlException.invalid("Invalid deletion operation for frozen collection column " + c.name());
      }
      BoundTerm key;
      if (type instanceof ListType) {
        key = compile(d.element(), "idx(" + c.name() + ")", NativeType.INT);
      } else if (type instanceof SetType s) {
        key = compile(d.element(), c.name(), s.element());
      } else {
        key = compile(d.element(), "key(" + c.name() + ")", ((MapType) type).key());
      }
      return new ColumnOperation(c, null, ColumnOperation.Kind.DELETE_ELEMENT, key, -1);
    }
    if (!(type instanceof UserType u)) {
      throw CqlException.invalid("Invalid field deletion operation for non-UDT column " + c.name());
    }
    if (!u.isMultiCell()) {
      throw CqlException.invalid("Frozen UDT column " + c.name() + " does not support field deletions");
    }
    return new ColumnOperation(c, null, ColumnOperation.Kind.DELETE_FIELD, null, field(c, u, d.field()));
  }

  static String describe(Assignment a) {
    if (a instanceof Assignment.Add add) {
      return a.column() + " = " + a.column() + " + " + TermText.of(add.value());
    }
    if (a instanceof Assignment.Subtract sub) {
      return a.column() + " = " + a.column() + " - " + TermText.of(sub.value());
    }
    if (a instanceof Assignment.Prepend p) {
      // Cassandra writes a prepend with a minus sign in its messages.
      return a.column() + " = " + TermText.of(p.value()) + " - " + a.column();
    }
    if (a instanceof Assignment.SetElement e) {
      return a.column() + "[" + TermText.of(e.key()) + "] = " + TermText.of(e.value());
    }
    if (a instanceof Assignment.SetField f) {
      return a.column() + "." + f.field() + " = " + TermText.of(f.value());
    }
    return a.column();
  }
}
