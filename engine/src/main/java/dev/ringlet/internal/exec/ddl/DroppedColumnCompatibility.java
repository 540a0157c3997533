package dev.ringlet.internal.exec.ddl;

import dev.ringlet.internal.types.CqlType;
import dev.ringlet.internal.types.ListType;
import dev.ringlet.internal.types.MapType;
import dev.ringlet.internal.types.NativeType;
import dev.ringlet.internal.types.SetType;
import dev.ringlet.internal.types.TupleType;

/**
 * Whether a column added under a dropped column's name can read the data the dropped column left
 * behind: Cassandra 5.0's {@code AbstractType.isSerializationCompatibleWith} (value-compatible, the
 * same fixed length or both variable, both multi-cell or both not). Types are compared with user
 * types expanded to tuples, as the dropped type is recorded.
 */
final class DroppedColumnCompatibility {

  private DroppedColumnCompatibility() {}

  static boolean canReadDroppedData(CqlType added, CqlType dropped) {
    if (isTimestamp(added) && isTimestamp(dropped)) {
      return true; // 5.0's DateType and TimestampType read each other's values
    }
    if (added.equals(dropped)) {
      return true;
    }
    if (added.isMultiCell() != dropped.isMultiCell()) {
      return false;
    }
    return valueCompatible(added, dropped);
  }

  /** {@code isValueCompatibleWith}: every value of {@code previous} is a valid value of {@code t}, with the same length rule. */
  private static boolean valueCompatible(CqlType t, CqlType previous) {
    if (t.equals(previous)) {
      return true;
    }
    if (t == NativeType.BLOB) {
      return !(previous instanceof NativeType p) || fixedLength(p) < 0; // blob reads anything of variable length
    }
    if (t instanceof NativeType n && previous instanceof NativeType p) {
      return nativeValueCompatible(n, p);
    }
    if (t instanceof ListType l && previous instanceof ListType pl) {
      return valueCompatible(l.element(), pl.element());
    }
    if (t instanceof SetType s && previous instanceof SetType ps) {
      return orderCompatible(s.element(), ps.element());
    }
    if (t instanceof MapType m && previous instanceof MapType pm) {
      return orderCompatible(m.key(), pm.key()) && valueCompatible(m.value(), pm.value());
    }
    if (t instanceof TupleType tt && previous instanceof TupleType pt) {
      if (pt.elements().size() > tt.elements().size()) {
        return false;
      }
      for (int i = 0; i < pt.elements().size(); i++) {
        if (!valueCompatible(tt.elements().get(i), pt.elements().get(i))) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  /** {@code isCompatibleWith} for set elements and map keys: the same sort order as well. */
  private static boolean orderCompatible(CqlType t, CqlType previous) {
    if (t.equals(previous)) {
      return true;
    }
    return (t == NativeType.BLOB || t == NativeType.TEXT) && (previous == NativeType.ASCII || previous == NativeType.TEXT);
  }

  private static boolean nativeValueCompatible(NativeType t, NativeType previous) {
    if (t == NativeType.TEXT) {
      return previous == NativeType.ASCII;
    }
    if (t == NativeType.BIGINT) {
      return previous == NativeType.TIMESTAMP;
    }
    if (t == NativeType.TIMESTAMP) {
      return previous == NativeType.BIGINT;
    }
    if (t == NativeType.UUID) {
      return previous == NativeType.TIMEUUID;
    }
    return false;
  }

  private static int fixedLength(NativeType t) {
    switch (t) {
      case BOOLEAN:
      case TINYINT:
        return 1;
      case SMALLINT:
        return 2;
      case INT:
      case FLOAT:
      case DATE:
        return 4;
      case BIGINT:
      case DOUBLE:
      case TIMESTAMP:
      case TIME:
      case COUNTER:
        return 8;
      case UUID:
      case TIMEUUID:
        return 16;
      default:
        return -1;
    }
  }

  private static boolean isTimestamp(CqlType t) {
    return t == NativeType.TIMESTAMP || t == dev.ringlet.internal.types.CustomType.DATE;
  }
}
