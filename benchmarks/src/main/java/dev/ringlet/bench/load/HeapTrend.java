package dev.ringlet.bench.load;

/** Whether a series of heap-after-GC samples keeps growing: a least-squares slope and a verdict on it. */
final class HeapTrend {

  /** Growth allowed over the window, as a share of the mean heap, before the heap counts as growing. */
  static final double ALLOWED_SHARE = 0.10;
  /** Growth always allowed over the window (noise of a collection's timing), in MB. */
  static final double ALLOWED_MB = 2.0;

  private HeapTrend() {}

  /** The slope of the least-squares line through {@code (x[i], y[i])}; 0 for fewer than two distinct x. */
  static double slope(double[] x, double[] y) {
    if (x.length != y.length) {
      throw new IllegalArgumentException("x: " + x.length + " values, y: " + y.length + " (expected: as many)");
    }
    int n = x.length;
    if (n < 2) {
      return 0;
    }
    double mx = 0;
    double my = 0;
    for (int i = 0; i < n; i++) {
      mx += x[i];
      my += y[i];
    }
    mx /= n;
    my /= n;
    double sxy = 0;
    double sxx = 0;
    for (int i = 0; i < n; i++) {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) * (x[i] - mx);
    }
    return sxx == 0 ? 0 : sxy / sxx;
  }

  /**
   * Bounded when the fitted line rises over the window ({@code slopePerMinute * spanMinutes}) by
   * less than {@link #ALLOWED_SHARE} of the mean heap or {@link #ALLOWED_MB}, whichever is larger.
   */
  static boolean bounded(double slopePerMinute, double spanMinutes, double meanMb) {
    double rise = slopePerMinute * spanMinutes;
    return rise < Math.max(ALLOWED_MB, ALLOWED_SHARE * meanMb);
  }
}
