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

  /** {@code hh:mm:ss.nnnnnnnnn}, always with nine fraction digits. */
  static String format(long nanosOfDay) {
    long seconds = nanosOfDay / 1_000_000_000L;
    return String.format("%02d:%02d:%02d.%09d",
        seconds / 3600, (seconds / 60) % 60, seconds % 60, nanosOfDay % 1_000_000_000L);
  }
}
