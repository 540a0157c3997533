package dev.ringlet.bench.report;

import java.util.Arrays;
import java.util.List;

/** Order statistics of small samples. */
public final class Stats {

  private Stats() {}

  /** The median (mean of the two middle values for an even count); NaN when empty. */
  public static double median(List<Double> samples) {
    if (samples.isEmpty()) {
      return Double.NaN;
    }
    double[] s = samples.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }

  public static double millis(long nanos) {
    return nanos / 1e6;
  }
}
