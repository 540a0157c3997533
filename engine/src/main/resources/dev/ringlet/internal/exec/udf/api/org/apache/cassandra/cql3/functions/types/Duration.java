package org.apache.cassandra.cql3.functions.types;

/** A CQL {@code duration}: months, days and nanoseconds, all of one sign. */
public final class Duration {

  private static final long NANOS_PER_MICRO = 1000L;
  private static final long NANOS_PER_MILLI = 1000 * NANOS_PER_MICRO;
  private static final long NANOS_PER_SECOND = 1000 * NANOS_PER_MILLI;
  private static final long NANOS_PER_MINUTE = 60 * NANOS_PER_SECOND;
  private static final long NANOS_PER_HOUR = 60 * NANOS_PER_MINUTE;

  private final int months;
  private final int days;
  private final long nanoseconds;

  private Duration(int months, int days, long nanoseconds) {
    if (!((months >= 0 && days >= 0 && nanoseconds >= 0) || (months <= 0 && days <= 0 && nanoseconds <= 0))) {
      throw new IllegalArgumentException(String.format(
          "All values must be either negative or positive, got %d months, %d days, %d nanoseconds",
          months, days, nanoseconds));
    }
    this.months = months;
    this.days = days;
    this.nanoseconds = nanoseconds;
  }

  public static Duration newInstance(int months, int days, long nanoseconds) {
    return new Duration(months, days, nanoseconds);
  }

  private static final java.util.regex.Pattern STANDARD = java.util.regex.Pattern.compile(
      "\\G(\\d+)(y|Y|mo|MO|mO|Mo|w|W|d|D|h|H|s|S|ms|MS|mS|Ms|us|US|uS|Us|\u00b5s|\u00b5S|ns|NS|nS|Ns|m|M)");
  private static final java.util.regex.Pattern ISO = java.util.regex.Pattern.compile(
      "P(?:(\\d+)Y)?(?:(\\d+)M)?(?:(\\d+)D)?(?:T(?:(\\d+)H)?(?:(\\d+)M)?(?:(\\d+)S)?)?");
  private static final java.util.regex.Pattern ISO_WEEK = java.util.regex.Pattern.compile("P(\\d+)W");
  private static final java.util.regex.Pattern ISO_ALTERNATIVE = java.util.regex.Pattern.compile(
      "P(\\d{4})-(\\d{2})-(\\d{2})T(\\d{2}):(\\d{2}):(\\d{2})");

  /**
   * Parses a duration in CQL's three forms: {@code 1y2mo3w4d5h6m7s8ms9us10ns} (units in this order,
   * each once), ISO 8601 {@code P1Y2M3DT4H5M6S} or {@code P2W}, and ISO 8601's alternative
   * {@code P0001-02-03T04:05:06}; a leading {@code -} makes it negative.
   *
   * @throws IllegalArgumentException "Unable to convert '...' to a duration", or the unit order or
   *     overflow message of Cassandra's builder
   */
  public static Duration from(String input) {
    boolean negative = input.startsWith("-");
    String source = negative ? input.substring(1) : input;
    if (source.startsWith("P")) {
      if (source.endsWith("W")) {
        java.util.regex.Matcher m = matches(ISO_WEEK, source);
        return new Builder(negative).add(3, group(m, 1)).build();
      }
      if (source.contains("-")) {
        java.util.regex.Matcher m = matches(ISO_ALTERNATIVE, source);
        Builder b = new Builder(negative).add(1, group(m, 1)).add(2, group(m, 2)).add(4, group(m, 3));
        return b.add(5, group(m, 4)).add(6, group(m, 5)).add(7, group(m, 6)).build();
      }
      java.util.regex.Matcher m = matches(ISO, source);
      Builder b = new Builder(negative);
      int[] units = {1, 2, 4, 5, 6, 7};
      for (int i = 0; i < units.length; i++) {
        if (m.group(i + 1) != null) {
          b.add(units[i], group(m, i + 1));
        }
      }
      return b.build();
    }
    java.util.regex.Matcher m = STANDARD.matcher(source);
    if (!m.find()) {
      throw unableToConvert(source);
    }
    Builder b = new Builder(negative);
    boolean done;
    do {
      b.add(unitIndex(m.group(2).toLowerCase(java.util.Locale.ROOT)), group(m, 1));
      done = m.end() == source.length();
    } while (m.find());
    if (!done) {
      throw unableToConvert(source);
    }
    return b.build();
  }

  private static java.util.regex.Matcher matches(java.util.regex.Pattern p, String source) {
    java.util.regex.Matcher m = p.matcher(source);
    if (!m.matches()) {
      throw unableToConvert(source);
    }
    return m;
  }

  private static IllegalArgumentException unableToConvert(String source) {
    return new IllegalArgumentException(String.format("Unable to convert '%s' to a duration", source));
  }

  private static long group(java.util.regex.Matcher m, int i) {
    return Long.parseLong(m.group(i));
  }

  private static int unitIndex(String symbol) {
    switch (symbol) {
      case "y": return 1;
      case "mo": return 2;
      case "w": return 3;
      case "d": return 4;
      case "h": return 5;
      case "m": return 6;
      case "s": return 7;
      case "ms": return 8;
      case "us": case "\u00b5s": return 9;
      default: return 10; // ns
    }
  }

  /** Adds units in order (1 years ... 10 nanoseconds), each at most once, as Cassandra's builder does. */
  private static final class Builder {
    private static final String[] UNITS = {"", "years", "months", "weeks", "days", "hours", "minutes", "seconds",
        "milliseconds", "microseconds", "nanoseconds"};
    private static final long[] NANOS = {0, 0, 0, 0, 0, NANOS_PER_HOUR, NANOS_PER_MINUTE, NANOS_PER_SECOND,
        NANOS_PER_MILLI, NANOS_PER_MICRO, 1};

    private final boolean negative;
    private int current = -1;
    private long months;
    private long days;
    private long nanoseconds;

    Builder(boolean negative) {
      this.negative = negative;
    }

    Builder add(int unit, long n) {
      if (unit == current) {
        throw new IllegalArgumentException(String.format("Invalid duration. The %s are specified multiple times",
            UNITS[unit]));
      }
      if (unit <= current) {
        throw new IllegalArgumentException(String.format("Invalid duration. The %s should be after %s",
            UNITS[current], UNITS[unit]));
      }
      current = unit;
      if (unit <= 2) {
        long per = unit == 1 ? 12 : 1;
        check(n, (Integer.MAX_VALUE - months) / per, "months", Integer.MAX_VALUE);
        months += n * per;
      } else if (unit <= 4) {
        long per = unit == 3 ? 7 : 1;
        check(n, (Integer.MAX_VALUE - days) / per, "days", Integer.MAX_VALUE);
        days += n * per;
      } else {
        check(n, (Long.MAX_VALUE - nanoseconds) / NANOS[unit], "nanoseconds", Long.MAX_VALUE);
        nanoseconds += n * NANOS[unit];
      }
      return this;
    }

    private static void check(long n, long limit, String unitName, long max) {
      if (n > limit) {
        throw new IllegalArgumentException(String.format(
            "Invalid duration. The total number of %s must be less or equal to %s", unitName, max));
      }
    }

    Duration build() {
      return negative ? new Duration((int) -months, (int) -days, -nanoseconds)
          : new Duration((int) months, (int) days, nanoseconds);
    }
  }

  public int getMonths() {
    return months;
  }

  public int getDays() {
    return days;
  }

  public long getNanoseconds() {
    return nanoseconds;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Duration)) {
      return false;
    }
    Duration d = (Duration) o;
    return d.months == months && d.days == days && d.nanoseconds == nanoseconds;
  }

  @Override
  public int hashCode() {
    return (months * 31 + days) * 31 + Long.hashCode(nanoseconds);
  }

  /** The CQL form: {@code 1y2mo3d4h5m6s7ms8us9ns}, only the non-zero units. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    if (months < 0 || days < 0 || nanoseconds < 0) {
      sb.append('-');
    }
    long m = Math.abs((long) months);
    long remainder = append(sb, m, 12, "y");
    append(sb, remainder, 1, "mo");
    append(sb, Math.abs((long) days), 1, "d");
    long n = Math.abs(nanoseconds);
    n = append(sb, n, NANOS_PER_HOUR, "h");
    n = append(sb, n, NANOS_PER_MINUTE, "m");
    n = append(sb, n, NANOS_PER_SECOND, "s");
    n = append(sb, n, NANOS_PER_MILLI, "ms");
    n = append(sb, n, NANOS_PER_MICRO, "us");
    append(sb, n, 1, "ns");
    return sb.toString();
  }

  private static long append(StringBuilder sb, long value, long unit, String symbol) {
    if (value >= unit) {
      sb.append(value / unit).append(symbol);
      return value % unit;
    }
    return value;
  }
}
