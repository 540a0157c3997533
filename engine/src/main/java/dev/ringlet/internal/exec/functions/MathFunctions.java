package dev.ringlet.internal.exec.functions;

import dev.ringlet.internal.types.NativeType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;

/**
 * {@code abs}, {@code exp}, {@code log}, {@code log10}, {@code round} for each numeric type, the
 * result of the argument's type: integers truncate the double result, decimals and varints are
 * computed to 32 significant digits, {@code abs} of the smallest integer stays negative.
 */
final class MathFunctions {

  /** The order Cassandra 5.0 lists the overloads in its messages. */
  static final List<NativeType> ORDER = List.of(NativeType.DECIMAL, NativeType.BIGINT, NativeType.FLOAT,
      NativeType.COUNTER, NativeType.VARINT, NativeType.SMALLINT, NativeType.INT, NativeType.DOUBLE, NativeType.TINYINT);

  private static final MathContext DIGITS_32 = new MathContext(32, RoundingMode.HALF_EVEN);

  private MathFunctions() {}

  static List<NativeFunction> all() {
    List<NativeFunction> out = new ArrayList<>();
    for (NativeType t : ORDER) {
      out.add(NativeFunction.unary("abs", t, t, v -> abs(t, v)));
    }
    for (NativeType t : ORDER) {
      out.add(NativeFunction.unary("exp", t, t, v -> apply(t, v, Math::exp, d -> DecimalMath.exp(d, DIGITS_32))));
    }
    for (NativeType t : ORDER) {
      out.add(NativeFunction.unary("log", t, t, v -> apply(t, v, Math::log, d -> DecimalMath.ln(d, DIGITS_32))));
    }
    for (NativeType t : ORDER) {
      out.add(NativeFunction.unary("log10", t, t, v -> apply(t, v, Math::log10, d -> DecimalMath.log10(d, DIGITS_32))));
    }
    for (NativeType t : ORDER) {
      out.add(NativeFunction.unary("round", t, t, v -> round(t, v)));
    }
    return out;
  }

  private static Object abs(NativeType t, Object v) {
    return switch (t) {
      case TINYINT -> (byte) Math.abs((Byte) v);
      case SMALLINT -> (short) Math.abs((Short) v);
      case INT -> Math.abs((Integer) v);
      case BIGINT, COUNTER -> Math.abs((Long) v);
      case FLOAT -> Math.abs((Float) v);
      case DOUBLE -> Math.abs((Double) v);
      case DECIMAL -> ((BigDecimal) v).abs();
      case VARINT -> ((BigInteger) v).abs();
      default -> throw new IllegalArgumentException("not numeric: " + t);
    };
  }

  private static Object apply(NativeType t, Object v, DoubleUnaryOperator onDouble, UnaryOperator<BigDecimal> onDecimal) {
    return switch (t) {
      case TINYINT -> (byte) onDouble.applyAsDouble((Byte) v);
      case SMALLINT -> (short) onDouble.applyAsDouble((Short) v);
      case INT -> (int) onDouble.applyAsDouble((Integer) v);
      case BIGINT, COUNTER -> (long) onDouble.applyAsDouble((Long) v);
      case FLOAT -> (float) onDouble.applyAsDouble((Float) v);
      case DOUBLE -> onDouble.applyAsDouble((Double) v);
      case DECIMAL -> onDecimal.apply((BigDecimal) v);
      case VARINT -> onDecimal.apply(new BigDecimal((BigInteger) v)).toBigInteger();
      default -> throw new IllegalArgumentException("not numeric: " + t);
    };
  }

  private static Object round(NativeType t, Object v) {
    return switch (t) {
      case FLOAT -> (float) Math.round((Float) v);
      case DOUBLE -> (double) Math.round((Double) v);
      case DECIMAL -> ((BigDecimal) v).setScale(0, RoundingMode.HALF_UP);
      default -> v;
    };
  }
}
