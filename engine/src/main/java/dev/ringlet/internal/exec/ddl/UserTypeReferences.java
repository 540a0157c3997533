package dev.ringlet.internal.exec.ddl;

import dev.ringlet.internal.schema.ColumnMetadata;
import dev.ringlet.internal.schema.TableMetadata;
import dev.ringlet.internal.types.CqlType;
import dev.ringlet.internal.types.ListType;
import dev.ringlet.internal.types.MapType;
import dev.ringlet.internal.types.SetType;
import dev.ringlet.internal.types.TupleType;
import dev.ringlet.internal.types.UserType;
import dev.ringlet.internal.types.VectorType;
import java.util.ArrayList;
import java.util.List;

/** Where a user type is used inside other types, and replacing it everywhere after ALTER TYPE. */
final class UserTypeReferences {

  private UserTypeReferences() {}

  static boolean uses(CqlType type, String name) {
    if (type instanceof UserType u) {
      return u.name().equals(name) || u.fieldTypes().stream().anyMatch(f -> uses(f, name));
    }
    if (type instanceof ListType l) {
      return uses(l.element(), name);
    }
    if (type instanceof SetType s) {
      return uses(s.element(), name);
    }
    if (type instanceof MapType m) {
      return uses(m.key(), name) || uses(m.value(), name);
    }
    if (type instanceof TupleType t) {
      return t.elements().stream().anyMatch(e -> uses(e, name));
    }
    if (type instanceof VectorType v) {
      return uses(v.element(), name);
    }
    return false;
  }

  /** The type with every use of {@code updated}'s name replaced by it (keeping each use's frozenness). */
  static CqlType replace(CqlType type, UserType updated) {
    if (type instanceof UserType u) {
      if (u.name().equals(updated.name())) {
        return new UserType(updated.keyspace(), updated.name(), updated.fieldNames(), updated.fieldTypes(), u.frozen());
      }
      return new UserType(u.keyspace(), u.name(), u.fieldNames(), replaceAll(u.fieldTypes(), updated), u.frozen());
    }
    if (type instanceof ListType l) {
      return new ListType(replace(l.element(), updated), l.frozen());
    }
    if (type instanceof SetType s) {
      return new SetType(replace(s.element(), updated), s.frozen());
    }
    if (type instanceof MapType m) {
      return new MapType(replace(m.key(), updated), replace(m.value(), updated), m.frozen());
    }
    if (type instanceof TupleType t) {
      return new TupleType(replaceAll(t.elements(), updated));
    }
    if (type instanceof VectorType v) {
      return new VectorType(replace(v.element(), updated), v.dimension());
    }
    return type;
  }

  static List<CqlType> replaceAll(List<CqlType> types, UserType updated) {
    List<CqlType> out = new ArrayList<>();
    for (CqlType t : types) {
      out.add(replace(t, updated));
    }
    return out;
  }

  static TableMetadata replace(TableMetadata t, UserType updated) {
    return new TableMetadata(t.keyspace(), t.name(), t.id(), columns(t.partitionKey(), updated), columns(t.clustering(), updated),
        columns(t.others(), updated), t.params(), t.counter(), t.virtual(), t.droppedColumns(), t.indexes(), t.view());
  }

  private static List<ColumnMetadata> columns(List<ColumnMetadata> columns, UserType updated) {
    List<ColumnMetadata> out = new ArrayList<>();
    for (ColumnMetadata c : columns) {
      out.add(new ColumnMetadata(c.name(), replace(c.type(), updated), c.kind(), c.position(), c.reversed(), c.mask()));
    }
    return out;
  }
}
