package dev.ringlet.internal.exec.functions;

import dev.ringlet.internal.types.CqlType;
import dev.ringlet.internal.types.CustomType;
import dev.ringlet.internal.types.NativeType;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The native aggregates: {@code count}, {@code min}, {@code max} for every native type and
 * {@code sum}, {@code avg} for the numeric ones (result of the argument's type, see
 * {@link Summation}). {@code count(*)} and {@code count(1)} are the selection's row count.
 */
final class AggregateFunctions {

  /** The order Cassandra 5.0 lists the overloads in its messages. */
  private static final List<NativeType> SUM_ORDER = List.of(NativeType.TINYINT, NativeType.INT, NativeType.DOUBLE,
      NativeType.FLOAT, NativeType.COUNTER, NativeType.BIGINT, NativeType.DECIMAL, NativeType.SMALLINT, NativeType.VARINT);
  private static final List<NativeType> AVG_ORDER = List.of(NativeType.TINYINT, NativeType.INT, NativeType.DOUBLE,
      NativeType.FLOAT, NativeType.COUNTER, NativeType.VARINT, NativeType.BIGINT, NativeType.DECIMAL, NativeType.SMALLINT);

  private AggregateFunctions() {}

  static List<NativeFunction> all() {
    List<NativeFunction> out = new ArrayList<>();
    for (NativeType t : SUM_ORDER) {
      out.add(new NativeFunction.Aggregate("sum", List.of(t), t, () -> summing(t, false)));
    }
    for (NativeType t : AVG_ORDER) {
      out.add(new NativeFunction.Aggregate("avg", List.of(t), t, () -> summing(t, true)));
    }
    for (NativeType t : NativeType.values()) {
      out.add(new NativeFunction.Aggregate("count", List.of(t), NativeType.BIGINT, AggregateFunctions::counting));
    }
    for (NativeType t : NativeType.values()) {
      // 5.0's min and max come from a function factory, which types a timeuuid argument (and so
      // the result) as TimeUUIDType.udfType(), the custom LegacyTimeUUIDType
      CqlType result = t == NativeType.TIMEUUID ? CustomType.LEGACY_TIMEUUID : t;
      out.add(new NativeFunction.Aggregate("min", List.of(t), result, () -> best(t, false)));
      out.add(new NativeFunction.Aggregate("max", List.of(t), result, () -> best(t, true)));
    }
    return out;
  }

  /**
   * The aggregates over a non-native type (collections, tuples, UDTs, vectors) or a DESC clustering
   * column (5.0's {@code ReversedType}, which keeps a timeuuid one).
   */
  static NativeFunction forType(String name, CqlType type) {
    return switch (name) {
      case "count" -> new NativeFunction.Aggregate("count", List.of(type), NativeType.BIGINT, AggregateFunctions::counting);
      // 5.0 orders a ReversedType argument (and types the result) as the type it reverses
      case "min" -> new NativeFunction.Aggregate("min", List.of(type), CustomType.unreversed(type),
          () -> best(CustomType.unreversed(type), false));
      case "max" -> new NativeFunction.Aggregate("max", List.of(type), CustomType.unreversed(type),
          () -> best(CustomType.unreversed(type), true));
      default -> null;
    };
  }

  private static NativeFunction.Accumulator summing(NativeType t, boolean average) {
    Summation s = new Summation(t, average);
    return new NativeFunction.Accumulator() {
      @Override
      public void add(List<ByteBuffer> args) {
        if (args.get(0) != null) {
          s.add(args.get(0));
        }
      }

      @Override
      public ByteBuffer result() {
        return s.result();
      }
    };
  }

  private static NativeFunction.Accumulator counting() {
    return new NativeFunction.Accumulator() {
      long count;

      @Override
      public void add(List<ByteBuffer> args) {
        if (args.get(0) != null) {
          count++;
        }
      }

      @Override
      public ByteBuffer result() {
        return NativeType.BIGINT.encode(count);
      }
    };
  }

  private static NativeFunction.Accumulator best(CqlType type, boolean max) {
    return new NativeFunction.Accumulator() {
      ByteBuffer best;

      @Override
      public void add(List<ByteBuffer> args) {
        ByteBuffer v = args.get(0);
        if (v == null) {
          return;
        }
        int c = best == null ? 0 : type.compare(v, best);
        if (best == null || (max ? c > 0 : c < 0)) {
          best = v;
        }
      }

      @Override
      public ByteBuffer result() {
        return best;
      }
    };
  }
}
