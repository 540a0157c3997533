package dev.ringlet.internal.exec.functions;

import dev.ringlet.internal.types.NativeType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.ByteBuffer;

/**
 * A running sum or average of numbers of one type, with Cassandra's arithmetic (shared by the
 * {@code sum}/{@code avg} aggregates and {@code collection_sum}/{@code collection_avg}): integer
 * sums wrap to the type, integer averages divide the exact sum and truncate, floating point sums
 * are compensated (Kahan), decimal averages are kept incrementally, each step rounded half-even
 * at the step's scale.
 */
final class Summation {

  private final NativeType type;
  private final boolean average;
  private long count;
  private BigInteger integerSum = BigInteger.ZERO;
  private double floatingSum;
  private double compensation;
  private BigDecimal decimalSum = BigDecimal.ZERO;
  private BigDecimal decimalAverage = BigDecimal.ZERO;

  Summation(NativeType type, boolean average) {
    this.type = type;
    this.average = average;
  }

  static boolean isNumeric(NativeType t) {
    return switch (t) {
      case TINYINT, SMALLINT, INT, BIGINT, COUNTER, VARINT, FLOAT, DOUBLE, DECIMAL -> true;
      default -> false;
    };
  }

  void add(ByteBuffer value) {
    Object v = type.decode(value);
    if (v == null) {
      return;
    }
    count++;
    switch (type) {
      case FLOAT, DOUBLE -> addFloating(((Number) v).doubleValue());
      case DECIMAL -> addDecimal((BigDecimal) v);
      case VARINT -> integerSum = integerSum.add((BigInteger) v);
      default -> integerSum = integerSum.add(BigInteger.valueOf(((Number) v).longValue()));
    }
  }

  private void addFloating(double x) {
    double y = x - compensation;
    double t = floatingSum + y;
    compensation = (t - floatingSum) - y;
    floatingSum = t;
  }

  private void addDecimal(BigDecimal x) {
    decimalSum = decimalSum.add(x);
    decimalAverage = decimalAverage.add(x.subtract(decimalAverage).divide(BigDecimal.valueOf(count), RoundingMode.HALF_EVEN));
  }

  ByteBuffer result() {
    return switch (type) {
      case FLOAT -> type.encode((float) floating());
      case DOUBLE -> type.encode(floating());
      case DECIMAL -> type.encode(average ? decimalAverage : decimalSum);
      case VARINT -> type.encode(integer());
      case TINYINT -> type.encode(integer().byteValue());
      case SMALLINT -> type.encode(integer().shortValue());
      case INT -> type.encode(integer().intValue());
      default -> type.encode(integer().longValue());
    };
  }

  private double floating() {
    return average ? (count == 0 ? 0 : floatingSum / count) : floatingSum;
  }

  private BigInteger integer() {
    return average ? (count == 0 ? BigInteger.ZERO : integerSum.divide(BigInteger.valueOf(count))) : integerSum;
  }
}
