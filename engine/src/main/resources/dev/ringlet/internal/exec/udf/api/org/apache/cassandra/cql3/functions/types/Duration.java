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
