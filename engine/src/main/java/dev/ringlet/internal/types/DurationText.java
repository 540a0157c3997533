package dev.ringlet.internal.types;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The three text forms of a CQL duration, each optionally preceded by {@code -}: units
 * ({@code 1y2mo3w4d5h6m7s8ms9us10ns}, units case-insensitive, {@code µs} for micro), ISO 8601 with
 * designators ({@code P1Y2M3DT4H5M6S}, or {@code P3W}) and the ISO 8601 alternative
 * ({@code P0001-02-03T04:05:06}). Units must come in decreasing order, each at most once.
 */
final class DurationText {

  private static final Pattern UNITS = Pattern.compile(
      "\\G(\\d+)(y|Y|mo|MO|mO|Mo|w|W|d|D|h|H|s|S|ms|MS|mS|Ms|us|US|uS|Us|µs|µS|ns|NS|nS|Ns|m|M)");
  private static final Pattern ISO = Pattern.compile(
      "P((\\d+)Y)?((\\d+)M)?((\\d+)D)?(T((\\d+)H)?((\\d+)M)?((\\d+)S)?)?");
  private static final Pattern ISO_WEEKS = Pattern.compile("P(\\d+)W");
  private static final Pattern ISO_ALTERNATIVE = Pattern.compile(
      "P(\\d{4})-(\\d{2})-(\\d{2})T(\\d{2}):(\\d{2}):(\\d{2})");

  static final long NANOS_PER_MICRO = 1000L;
  static final long NANOS_PER_MILLI = 1000 * NANOS_PER_MICRO;
  static final long NANOS_PER_SECOND = 1000 * NANOS_PER_MILLI;
  static final long NANOS_PER_MINUTE = 60 * NANOS_PER_SECOND;
  static final long NANOS_PER_HOUR = 60 * NANOS_PER_MINUTE;

  private DurationText() {}

  static CqlDuration parse(String input) {
    boolean negative = input.startsWith("-");
    String source = negative ? input.substring(1) : input;
    try {
      DurationBuilder builder = new DurationBuilder(negative);
      if (!source.startsWith("P")) {
        return units(builder, source);
      }
      if (source.endsWith("W")) {
        return weeks(builder, source);
      }
      return source.contains("-") ? alternative(builder, source) : iso(builder, source);
    } catch (NumberFormatException e) {
      // Cassandra lets the NumberFormatException of an amount over Long.MAX_VALUE through
      throw new MarshalException(e.getMessage());
    }
  }

  private static MarshalException unable(String source) {
    return new MarshalException(String.format("Unable to convert '%s' to a duration", source));
  }

  private static CqlDuration units(DurationBuilder builder, String source) {
    Matcher m = UNITS.matcher(source);
    if (!m.find()) {
      throw unable(source);
    }
    boolean done;
    do {
      builder.add(DurationBuilder.Unit.ofSymbol(m.group(2)), Long.parseLong(m.group(1)));
      done = m.end() == source.length();
    } while (m.find());
    if (!done) {
      throw unable(source);
    }
    return builder.build();
  }

  private static CqlDuration weeks(DurationBuilder builder, String source) {
    Matcher m = ISO_WEEKS.matcher(source);
    if (!m.matches()) {
      throw unable(source);
    }
    return builder.add(DurationBuilder.Unit.WEEKS, Long.parseLong(m.group(1))).build();
  }

  private static CqlDuration alternative(DurationBuilder builder, String source) {
    Matcher m = ISO_ALTERNATIVE.matcher(source);
    if (!m.matches()) {
      throw unable(source);
    }
    DurationBuilder.Unit[] units = {DurationBuilder.Unit.YEARS, DurationBuilder.Unit.MONTHS,
        DurationBuilder.Unit.DAYS, DurationBuilder.Unit.HOURS, DurationBuilder.Unit.MINUTES,
        DurationBuilder.Unit.SECONDS};
    for (int i = 0; i < units.length; i++) {
      builder.add(units[i], Long.parseLong(m.group(i + 1)));
    }
    return builder.build();
  }

  private static CqlDuration iso(DurationBuilder builder, String source) {
    Matcher m = ISO.matcher(source);
    if (!m.matches()) {
      throw unable(source);
    }
    addIfPresent(builder, m, 2, DurationBuilder.Unit.YEARS);
    addIfPresent(builder, m, 4, DurationBuilder.Unit.MONTHS);
    addIfPresent(builder, m, 6, DurationBuilder.Unit.DAYS);
    if (m.group(7) != null) {
      addIfPresent(builder, m, 9, DurationBuilder.Unit.HOURS);
      addIfPresent(builder, m, 11, DurationBuilder.Unit.MINUTES);
      addIfPresent(builder, m, 13, DurationBuilder.Unit.SECONDS);
    }
    return builder.build();
  }

  private static void addIfPresent(DurationBuilder builder, Matcher m, int group, DurationBuilder.Unit unit) {
    if (m.group(group) != null) {
      builder.add(unit, Long.parseLong(m.group(group)));
    }
  }

  /** Cassandra's Duration.toString: {@code 1y2mo3d4h5m6s7ms8us9ns}, zero parts left out. */
  static String format(CqlDuration d) {
    StringBuilder sb = new StringBuilder();
    if (d.months() < 0 || d.days() < 0 || d.nanoseconds() < 0) {
      sb.append('-');
    }
    long remainder = append(sb, Math.abs((long) d.months()), 12, "y");
    append(sb, remainder, 1, "mo");
    append(sb, Math.abs((long) d.days()), 1, "d");
    if (d.nanoseconds() != 0) {
      remainder = append(sb, Math.abs(d.nanoseconds()), NANOS_PER_HOUR, "h");
      remainder = append(sb, remainder, NANOS_PER_MINUTE, "m");
      remainder = append(sb, remainder, NANOS_PER_SECOND, "s");
      remainder = append(sb, remainder, NANOS_PER_MILLI, "ms");
      remainder = append(sb, remainder, NANOS_PER_MICRO, "us");
      append(sb, remainder, 1, "ns");
    }
    return sb.toString();
  }

  private static long append(StringBuilder sb, long dividend, long divisor, String unit) {
    if (dividend == 0 || dividend < divisor) {
      return dividend;
    }
    sb.append(dividend / divisor).append(unit);
    return dividend % divisor;
  }
}
