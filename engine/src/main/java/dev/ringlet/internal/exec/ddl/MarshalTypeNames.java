package dev.ringlet.internal.exec.ddl;

import dev.ringlet.internal.types.CqlType;
import dev.ringlet.internal.types.ListType;
import dev.ringlet.internal.types.MapType;
import dev.ringlet.internal.types.NativeType;
import dev.ringlet.internal.types.SetType;

/**
 * A type as Cassandra's internal {@code AbstractType.toString()} writes it
 * ({@code org.apache.cassandra.db.marshal.ListType(org.apache.cassandra.db.marshal.Int32Type)}),
 * which a few of 5.0's messages quote verbatim (a non-frozen collection in a view's key).
 */
final class MarshalTypeNames {

  private static final String PREFIX = "org.apache.cassandra.db.marshal.";

  private MarshalTypeNames() {}

  static String of(CqlType type) {
    if (type instanceof ListType l) {
      return PREFIX + "ListType(" + of(l.element()) + ")";
    }
    if (type instanceof SetType s) {
      return PREFIX + "SetType(" + of(s.element()) + ")";
    }
    if (type instanceof MapType m) {
      return PREFIX + "MapType(" + of(m.key()) + "," + of(m.value()) + ")";
    }
    if (type instanceof NativeType n) {
      return PREFIX + n.marshalName();
    }
    return type.cql();
  }

}
