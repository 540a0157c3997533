package dev.ringlet.internal.types;

import java.util.regex.Pattern;

/**
 * The time-of-day text forms of Cassandra's TimeSerializer: nanoseconds since midnight
 * ({@code -?\d+}, in [0, 86400000000000)) or {@code hh:mm:ss[.fffffffff]}.
 */
final class TimeText {

  static final long NANOS_PER_DAY = 86_400_000_000_000L;
  private static final Pattern RAW = Pattern.compile("^-?\\d+$");
  private static final String FORMAT_ERROR = "Timestamp format must be hh:mm:ss[.fffffffff]";

  private TimeText() {}

  static long parse(String text) {
    if (RAW.matcher(text).matches()) {
      try {
        long nanos = Long.parseLong(text);
        if (nanos < 0 || nanos >= NANOS_PER_DAY) {
          throw new NumberFormatException(text);
        }
        return nanos;
      } catch (NumberFormatException e) {
        throw new MarshalException(String.format("Unable to make long (for time) from: '%s'", text));
      }
    }
    try {
      return parseClock(text.trim());
    } catch (IllegalArgumentException e) {
      throw new MarshalException(
          String.format("(TimeType) Unable to coerce '%s' to a formatted time (long)", text));
    }
  }

  private static long parseClock(String s) {
    int firstColon = s.indexOf(':');
    int secondColon = s.indexOf(':', firstColon + 1);
    if (firstColon <= 0 || secondColon <= 0 || secondColon >= s.length() - 1) {
      throw new IllegalArgumentException(FORMAT_ERROR);
    }
    long hours = bounded(s.substring(0, firstColon), 24);
    long minutes = bounded(s.substring(firstColon + 1, secondColon), 60);
    int period = s.indexOf('.', secondColon + 1);
    long seconds;
    long nanos = 0;
    if (period > 0 && period < s.length() - 1) {
      seconds = bounded(s.substring(secondColon + 1, period), 60);
      String fraction = s.substring(period + 1);
      if (fraction.length() > 9 || !Character.isDigit(fraction.charAt(0))) {
        throw new IllegalArgumentException(FORMAT_ERROR);
      }
      nanos = Integer.parseInt((fraction + "000000000").substring(0, 9));
    } else if (period > 0) {
      throw new IllegalArgumentException(FORMAT_ERROR);
    } else {
      seconds = bounded(s.substring(secondColon + 1), 60);
    }
    return ((hours * 60 + minutes) * 60 + seconds) * 1_000_000_000L + nanos;
  }

  private static long bounded(String digits, int limit) {
    int value = Integer.parseInt(digits);
    if (value < 0 || value >= limit) {
      throw new IllegalArgumentException("out of bounds: " + digits);
    }
    return value;
  }

  /**
   * {@code hh:mm:ss.nnnnnnnnn}, always with nine fraction digits. Out-of-range values (never valid,
   * but storable) come out with Cassandra's odd padding of negative parts, unchanged.
   */
  static String format(long nanosOfDay) {
    long v = nanosOfDay;
    long nano = v % 1000;
    v = (v - nano) / 1000;
    long micro = v % 1000;
    v = (v - micro) / 1000;
    long milli = v % 1000;
    v = (v - milli) / 1000;
    long seconds = v % 60;
    v = (v - seconds) / 60;
    long minutes = v % 60;
    v = (v - minutes) / 60;
    long hours = v % 24;
    StringBuilder sb = new StringBuilder();
    pad(sb, hours, 2).append(':');
    pad(sb, minutes, 2).append(':');
    pad(sb, seconds, 2).append('.');
    pad(sb, milli, 3);
    pad(sb, micro, 3);
    pad(sb, nano, 3);
    return sb.toString();
  }

  private static StringBuilder pad(StringBuilder sb, long value, int digits) {
    long limit = 10;
    for (int i = 1; i < digits; i++, limit *= 10) {
      if (value < limit) {
        sb.append('0');
      }
    }
    return sb.append(value);
  }
}
