package dev.ringlet.internal.types;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The timestamp text forms of Cassandra 5.0's TimestampSerializer. Accepted: milliseconds since
 * the epoch ({@code -?\d+}); {@code y-M-d H:m[:s][.fraction]} with a {@code T} or a space between
 * date and time, optionally followed by a zone ({@code " z"}, {@code " zzzz"}, {@code " X"},
 * {@code X}, {@code XXX}); {@code yyyy-MM-dd} with the same zones; ISO dates with an optional
 * offset. A form without a zone is read in the node's zone, which Ringlet fixes to UTC (a Cassandra
 * node uses its JVM's default zone). Fractions beyond milliseconds are truncated.
 */
final class TimestampText {

  private static final ZoneId NODE_ZONE = ZoneOffset.UTC;
  private static final Pattern MILLIS = Pattern.compile("^-?\\d+$");
  private static final List<DateTimeFormatter> FORMATS = formats();
  private static final DateTimeFormatter LITERAL =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSX").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter JSON =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSX").withZone(ZoneOffset.UTC);

  private TimestampText() {}

  private static List<DateTimeFormatter> formats() {
    String[] dateTimes = {"y-M-d'T'H:m[:s]", "y-M-d H:m[:s]"};
    String[] zones = {" z", " zzzz", " X", "X", "XXX"};
    List<DateTimeFormatter> out = new ArrayList<>();
    for (String dateTime : dateTimes) {
      out.add(withFraction(dateTime).toFormatter().withZone(NODE_ZONE));
      for (String zone : zones) {
        out.add(withFraction(dateTime).appendPattern(zone).toFormatter());
      }
    }
    for (String zone : zones) {
      out.add(new DateTimeFormatterBuilder().appendPattern("yyyy-MM-dd").appendPattern(zone)
          .parseDefaulting(ChronoField.NANO_OF_DAY, 0).toFormatter());
    }
    out.add(new DateTimeFormatterBuilder().append(DateTimeFormatter.ISO_DATE)
        .parseDefaulting(ChronoField.NANO_OF_DAY, 0).toFormatter().withZone(NODE_ZONE));
    return List.copyOf(out);
  }

  private static DateTimeFormatterBuilder withFraction(String pattern) {
    return new DateTimeFormatterBuilder().appendPattern(pattern)
        .appendFraction(ChronoField.MILLI_OF_SECOND, 0, 9, true);
  }

  /** Milliseconds since the epoch; {@code nowMillis} answers the literal {@code now}. */
  static long parse(String text, long nowMillis) {
    if (text.equalsIgnoreCase("now")) {
      return nowMillis;
    }
    if (MILLIS.matcher(text).matches()) {
      try {
        return Long.parseLong(text);
      } catch (NumberFormatException e) {
        throw new MarshalException(String.format("Unable to make long (for date) from: '%s'", text));
      }
    }
    for (DateTimeFormatter format : FORMATS) {
      try {
        return ZonedDateTime.parse(text, format).toInstant().toEpochMilli();
      } catch (DateTimeParseException | ArithmeticException e) {
        // try the next form
      }
    }
    throw new MarshalException(String.format("Unable to parse a date/time from '%s'", text));
  }

  /** {@code 2024-01-02T03:04:05.678Z}, as in CQL literals. */
  static String literal(long millis) {
    return LITERAL.format(Instant.ofEpochMilli(millis));
  }

  /** {@code 2024-01-02 03:04:05.678Z}, as in {@code SELECT JSON}. */
  static String json(long millis) {
    return JSON.format(Instant.ofEpochMilli(millis));
  }
}
