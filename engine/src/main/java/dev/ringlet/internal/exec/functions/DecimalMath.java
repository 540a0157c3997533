package dev.ringlet.internal.exec.functions;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * {@code exp}, {@code ln} and {@code log10} of decimals to a given precision (Cassandra gives 32
 * significant digits). Computed with 30 guard digits: exp by halving the argument into the
 * Taylor series' fast range and squaring back; ln by Newton's iteration on exp, started from the
 * double estimate (so arguments stay within the double range).
 */
final class DecimalMath {

  private static final int GUARD = 30;

  private DecimalMath() {}

  static BigDecimal exp(BigDecimal x, MathContext mc) {
    MathContext work = new MathContext(mc.getPrecision() + GUARD, RoundingMode.HALF_EVEN);
    return expWork(x, work).round(mc);
  }

  static BigDecimal ln(BigDecimal x, MathContext mc) {
    if (x.signum() <= 0) {
      throw new ArithmeticException("logarithm of a non-positive value: " + x);
    }
    MathContext work = new MathContext(mc.getPrecision() + GUARD, RoundingMode.HALF_EVEN);
    return lnWork(x, work).round(mc);
  }

  static BigDecimal log10(BigDecimal x, MathContext mc) {
    if (x.signum() <= 0) {
      throw new ArithmeticException("logarithm of a non-positive value: " + x);
    }
    MathContext work = new MathContext(mc.getPrecision() + GUARD, RoundingMode.HALF_EVEN);
    return lnWork(x, work).divide(lnWork(BigDecimal.TEN, work), work).round(mc);
  }

  private static BigDecimal expWork(BigDecimal x, MathContext work) {
    int halvings = 0;
    BigDecimal reduced = x;
    while (reduced.abs().compareTo(BigDecimal.ONE) > 0) {
      reduced = reduced.divide(BigDecimal.valueOf(2), work);
      halvings++;
    }
    BigDecimal term = BigDecimal.ONE;
    BigDecimal sum = BigDecimal.ONE;
    BigDecimal epsilon = BigDecimal.ONE.movePointLeft(work.getPrecision() + 2);
    for (int n = 1; n < 1000; n++) {
      term = term.multiply(reduced, work).divide(BigDecimal.valueOf(n), work);
      sum = sum.add(term, work);
      if (term.abs().compareTo(epsilon) < 0) {
        break;
      }
    }
    for (int i = 0; i < halvings; i++) {
      sum = sum.multiply(sum, work);
    }
    return sum;
  }

  private static BigDecimal lnWork(BigDecimal x, MathContext work) {
    BigDecimal y = BigDecimal.valueOf(Math.log(x.doubleValue()));
    BigDecimal two = BigDecimal.valueOf(2);
    for (int i = 0; i < 6; i++) {
      BigDecimal e = expWork(y, work);
      y = y.add(two.multiply(x.subtract(e, work), work).divide(x.add(e, work), work), work);
    }
    return y;
  }
}
