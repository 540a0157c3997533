package dev.ringlet.internal.types;

import java.util.Locale;

/** Accumulates duration parts in decreasing unit order, checking overflow as Cassandra does. */
final class DurationBuilder {

  enum Unit {
    YEARS("years"), MONTHS("months"), WEEKS("weeks"), DAYS("days"), HOURS("hours"),
    MINUTES("minutes"), SECONDS("seconds"), MILLISECONDS("milliseconds"),
    MICROSECONDS("microseconds"), NANOSECONDS("nanoseconds");

    final String label;

    Unit(String label) {
      this.label = label;
    }

    static Unit ofSymbol(String symbol) {
      return switch (symbol.toLowerCase(Locale.ROOT)) {
        case "y" -> YEARS;
        case "mo" -> MONTHS;
        case "w" -> WEEKS;
        case "d" -> DAYS;
        case "h" -> HOURS;
        case "m" -> MINUTES;
        case "s" -> SECONDS;
        case "ms" -> MILLISECONDS;
        case "us", "µs" -> MICROSECONDS;
        case "ns" -> NANOSECONDS;
        default -> throw new MarshalException(String.format("Unknown duration symbol '%s'", symbol));
      };
    }
  }

  private final boolean negative;
  private int months;
  private int days;
  private long nanoseconds;
  private Unit last;

  DurationBuilder(boolean negative) {
    this.negative = negative;
  }

  DurationBuilder add(Unit unit, long amount) {
    checkOrder(unit);
    switch (unit) {
      case YEARS -> months += (int) check(amount, (Integer.MAX_VALUE - months) / 12, "months") * 12;
      case MONTHS -> months += (int) check(amount, Integer.MAX_VALUE - months, "months");
      case WEEKS -> days += (int) check(amount, (Integer.MAX_VALUE - days) / 7, "days") * 7;
      case DAYS -> days += (int) check(amount, Integer.MAX_VALUE - days, "days");
      case HOURS -> addNanos(amount, DurationText.NANOS_PER_HOUR);
      case MINUTES -> addNanos(amount, DurationText.NANOS_PER_MINUTE);
      case SECONDS -> addNanos(amount, DurationText.NANOS_PER_SECOND);
      case MILLISECONDS -> addNanos(amount, DurationText.NANOS_PER_MILLI);
      case MICROSECONDS -> addNanos(amount, DurationText.NANOS_PER_MICRO);
      case NANOSECONDS -> addNanos(amount, 1);
    }
    return this;
  }

  private void addNanos(long amount, long nanosPerUnit) {
    nanoseconds += check(amount, (Long.MAX_VALUE - nanoseconds) / nanosPerUnit, "nanoseconds") * nanosPerUnit;
  }

  /** Cassandra's message always names Integer.MAX_VALUE as the limit, nanoseconds included. */
  private static long check(long amount, long limit, String name) {
    if (amount > limit) {
      throw new MarshalException(String.format(
          "Invalid duration. The total number of %s must be less or equal to %s", name, Integer.MAX_VALUE));
    }
    return amount;
  }

  private void checkOrder(Unit unit) {
    if (unit == last) {
      throw new MarshalException(String.format("Invalid duration. The %s are specified multiple times", unit.label));
    }
    if (last != null && unit.ordinal() < last.ordinal()) {
      throw new MarshalException(
          String.format("Invalid duration. The %s should be after %s", last.label, unit.label));
    }
    last = unit;
  }

  CqlDuration build() {
    return negative ? new CqlDuration(-months, -days, -nanoseconds) : new CqlDuration(months, days, nanoseconds);
  }
}
