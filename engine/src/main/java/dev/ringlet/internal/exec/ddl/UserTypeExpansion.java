package dev.ringlet.internal.exec.ddl;

import dev.ringlet.internal.types.CqlType;
import dev.ringlet.internal.types.ListType;
import dev.ringlet.internal.types.MapType;
import dev.ringlet.internal.types.SetType;
import dev.ringlet.internal.types.TupleType;
import dev.ringlet.internal.types.UserType;
import dev.ringlet.internal.types.VectorType;

/**
 * A dropped column's type as Cassandra 5.0 records it: every user type replaced by the tuple of its
 * field types (the type may be dropped or changed later, the dropped data must stay readable), so
 * {@code frozen<addr>} becomes {@code frozen<tuple<text, int>>}.
 */
final class UserTypeExpansion {

  private UserTypeExpansion() {}

  static CqlType expand(CqlType t) {
    if (t instanceof UserType u) {
      return new TupleType(u.fieldTypes().stream().map(UserTypeExpansion::expand).toList());
    }
    if (t instanceof ListType l) {
      return new ListType(expand(l.element()), l.frozen());
    }
    if (t instanceof SetType s) {
      return new SetType(expand(s.element()), s.frozen());
    }
    if (t instanceof MapType m) {
      return new MapType(expand(m.key()), expand(m.value()), m.frozen());
    }
    if (t instanceof TupleType tt) {
      return new TupleType(tt.elements().stream().map(UserTypeExpansion::expand).toList());
    }
    if (t instanceof VectorType v) {
      return new VectorType(expand(v.element()), v.dimension());
    }
    return t;
  }
}
