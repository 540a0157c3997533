package dev.ringlet.internal.exec.functions;

import dev.ringlet.internal.error.CqlException;
import dev.ringlet.internal.exec.BoundTerm;
import dev.ringlet.internal.exec.BoundValues;
import dev.ringlet.internal.exec.QueryOptions;
import dev.ringlet.internal.types.CqlType;
import dev.ringlet.internal.types.CustomType;
import dev.ringlet.internal.types.ListType;
import dev.ringlet.internal.types.MapType;
import dev.ringlet.internal.types.SetType;
import dev.ringlet.internal.types.UserType;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Field ({@code u.street}), element ({@code m['a']}, {@code s[5]}) and slice ({@code m['a'..'c']}, bounds inclusive, either
 * open) selection on maps and sets; a slice of a frozen collection is a non-frozen one, and an
 * empty slice is null.
 */
final class ElementSelectors {

  private ElementSelectors() {}

  /** The type of the keys of {@code collection}, with Cassandra's refusals. */
  static CqlType keyType(String name, CqlType type) {
    return keyType(name, type, "Element");
  }

  /** {@link #keyType(String, CqlType)} of a slice, which 5.0's list refusal names as one. */
  static CqlType sliceKeyType(String name, CqlType type) {
    return keyType(name, type, "Slice");
  }

  private static CqlType keyType(String name, CqlType type, String selection) {
    CqlType collection = CustomType.unreversed(type); // a column's ReversedType of a collection too
    if (collection instanceof MapType m) {
      return m.key();
    }
    if (collection instanceof SetType s) {
      return s.element();
    }
    if (collection instanceof ListType) {
      throw CqlException.invalid(selection + " selection is only allowed on sets and maps, but " + name + " is a list");
    }
    throw CqlException.invalid("Invalid element selection: " + name + " is of type " + collection.cql()
        + " is not a collection");
  }

  static CompiledSelector element(CompiledSelector inner, String keyText, BoundTerm key) {
    CqlType type = CustomType.unreversed(inner.type());
    CqlType keyType = keyType(inner.name(), type);
    CqlType result = type instanceof MapType m ? m.value() : keyType;
    return derived(inner, inner.name() + "[" + keyText + "]", result, (value, values) -> {
      ByteBuffer k = bind(key, values);
      if (k == null) {
        return null;
      }
      if (type instanceof MapType m) {
        for (Map.Entry<ByteBuffer, ByteBuffer> e : m.entries(value)) {
          if (keyType.compare(e.getKey(), k) == 0) {
            return e.getValue();
          }
        }
        return null;
      }
      for (ByteBuffer e : ((SetType) type).elements(value)) {
        if (keyType.compare(e, k) == 0) {
          return e;
        }
      }
      return null;
    });
  }

  /**
   * {@code c[a..b]}: the elements of a set or the entries of a map between two keys; of a frozen
   * collection an empty one when none is there (5.0's {@code {}}), of a non-frozen one null.
   */
  static CompiledSelector slice(CompiledSelector inner, String fromText, BoundTerm from, String toText, BoundTerm to) {
    CqlType type = CustomType.unreversed(inner.type());
    CqlType keyType = keyType(inner.name(), type);
    CqlType result = type instanceof MapType m ? new MapType(m.key(), m.value(), false) : new SetType(keyType, false);
    String name = inner.name() + "[" + fromText + ".." + toText + "]";
    return derived(inner, name, result, (value, values) -> {
      ByteBuffer low = bind(from, values);
      ByteBuffer high = bind(to, values);
      if (type instanceof MapType m) {
        List<Map.Entry<ByteBuffer, ByteBuffer>> kept = new ArrayList<>();
        for (Map.Entry<ByteBuffer, ByteBuffer> e : m.entries(value)) {
          if (within(keyType, e.getKey(), low, high)) {
            kept.add(e);
          }
        }
        return kept.isEmpty() && type.isMultiCell() ? null : ((MapType) result).pack(kept);
      }
      List<ByteBuffer> kept = new ArrayList<>();
      for (ByteBuffer e : ((SetType) type).elements(value)) {
        if (within(keyType, e, low, high)) {
          kept.add(e);
        }
      }
      return kept.isEmpty() && type.isMultiCell() ? null : ((SetType) result).pack(kept);
    });
  }

  /** {@code u.field} of a user type value; null when the value has fewer fields. */
  static CompiledSelector field(CompiledSelector inner, String field) {
    if (!(CustomType.unreversed(inner.type()) instanceof UserType ut)) { // 5.0 selects a ReversedType's fields
      throw CqlException.invalid("Invalid field selection: " + inner.name() + " of type " + inner.type().cql()
          + " is not a user type");
    }
    int index = ut.fieldNames().indexOf(field);
    if (index < 0) {
      throw CqlException.invalid(inner.name() + " of type " + ut.name() + " has no field " + field);
    }
    return derived(inner, inner.name() + "." + field, ut.fieldTypes().get(index), (value, values) -> {
      List<ByteBuffer> fields = ut.split(value);
      return index < fields.size() ? fields.get(index) : null;
    });
  }

  private static boolean within(CqlType type, ByteBuffer key, ByteBuffer low, ByteBuffer high) {
    return (low == null || type.compare(key, low) >= 0) && (high == null || type.compare(key, high) <= 0);
  }

  private static ByteBuffer bind(BoundTerm term, BoundValues values) {
    if (term == null) {
      return null;
    }
    ByteBuffer b = term.bind(values == null ? BoundValues.NONE : values);
    return b == QueryOptions.UNSET ? null : b;
  }

  private interface Extract {
    ByteBuffer apply(ByteBuffer collection, BoundValues values);
  }

  /** A selector computed from the value of {@code inner}, null when that value is null. */
  private static CompiledSelector derived(CompiledSelector inner, String name, CqlType type, Extract extract) {
    return new CompiledSelector(name, type, inner.aggregate(), inner.usesStatic(), values -> {
      CompiledSelector.Evaluator e = inner.evaluator().apply(values);
      return new CompiledSelector.Evaluator() {
        @Override
        public void add(dev.ringlet.internal.exec.select.RowAccess row) {
          e.add(row);
        }

        @Override
        public ByteBuffer result() {
          ByteBuffer v = e.result();
          return v == null ? null : extract.apply(v, values);
        }
      };
    });
  }
}
