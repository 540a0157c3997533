package dev.ringlet.internal.schema;

import dev.ringlet.internal.error.CqlException;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Normalizes the {@code speculative_retry} and {@code additional_write_policy} options to the text
 * {@code system_schema.tables} shows: {@code 99PERCENTILE} and {@code 99.0p} become {@code 99p} (four decimals at most),
 * {@code NONE} becomes {@code NEVER}, {@code 1.5ms} becomes {@code 1ms} (whole milliseconds), and
 * {@code max(10ms, 99.9p)} becomes {@code MAX(99.9p,10ms)} (percentile first).
 */
final class SpeculativeRetry {

  private static final Pattern PERCENTILE = Pattern.compile("(?i)^(\\d+(?:\\.\\d+)?)\\s*(p|percentile)$");
  private static final Pattern MILLIS = Pattern.compile("(?i)^(\\d+(?:\\.\\d+)?)\\s*ms$");
  private static final Pattern HYBRID = Pattern.compile("(?i)^(min|max)\\s*\\(\\s*([^,]+?)\\s*,\\s*([^,]+?)\\s*\\)$");

  private SpeculativeRetry() {}

  /**
   * The normalized policy text. Cassandra names the option {@code speculative_retry} in its errors
   * even when {@code additional_write_policy} is wrong, so this does too.
   */
  static String normalize(String value) {
    String v = value.trim();
    String upper = v.toUpperCase(Locale.ROOT);
    if (upper.equals("ALWAYS")) return "ALWAYS";
    if (upper.equals("NEVER") || upper.equals("NONE")) return "NEVER";
    Matcher hybrid = HYBRID.matcher(v);
    if (hybrid.matches()) {
      String a = simple(hybrid.group(2), value);
      String b = simple(hybrid.group(3), value);
      boolean aPercentile = a.endsWith("p");
      boolean bPercentile = b.endsWith("p");
      if (aPercentile == bPercentile) throw invalid(value);
      String percentile = aPercentile ? a : b;
      String millis = aPercentile ? b : a;
      return hybrid.group(1).toUpperCase(Locale.ROOT) + "(" + percentile + "," + millis + ")";
    }
    return simple(v, value);
  }

  private static String simple(String v, String whole) {
    Matcher p = PERCENTILE.matcher(v);
    if (p.matches()) {
      double percentile = Double.parseDouble(p.group(1));
      if (percentile <= 0 || percentile >= 100) {
        throw CqlException.config("Invalid value " + whole
            + " for PERCENTILE option 'speculative_retry': must be between (0.0 and 100.0)");
      }
      return percentileText(percentile) + "p";
    }
    Matcher ms = MILLIS.matcher(v);
    if (ms.matches()) {
      return (long) Double.parseDouble(ms.group(1)) + "ms";
    }
    throw invalid(whole);
  }

  /** At most four decimals, no trailing zeros: {@code 99.0} is {@code 99}, {@code 99.99999} is {@code 100}. */
  private static String percentileText(double percentile) {
    return new DecimalFormat("#.####", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(percentile);
  }

  private static CqlException invalid(String value) {
    return CqlException.config("Invalid value " + value + " for option 'speculative_retry'");
  }
}
