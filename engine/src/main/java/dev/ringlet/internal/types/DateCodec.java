package dev.ringlet.internal.types;

import static java.time.format.ResolverStyle.STRICT;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * {@code date}: days since the epoch plus 2^31, as an unsigned 4-byte int (the epoch sits at
 * 2^31 so that byte order is date order). Raw literals are that unsigned number.
 */
final class DateCodec extends NativeCodec {

  private static final long MIN_MILLIS = TimeUnit.DAYS.toMillis(Integer.MIN_VALUE);
  private static final long MAX_MILLIS = TimeUnit.DAYS.toMillis(Integer.MAX_VALUE);
  private static final long MAX_RAW = (1L << 32) - 1;

  /**
   * The text forms, made on the first date parsed or printed rather than with the codec: every node
   * makes its codecs at start, and {@code DateTimeFormatter}'s ISO constants load ~60 classes.
   */
  private static final class Text {
    static final DateTimeFormatter FORMAT = DateTimeFormatter.ISO_LOCAL_DATE.withResolverStyle(STRICT);
    static final Pattern RAW = Pattern.compile("^-?\\d+$");
  }

  DateCodec() {
    super(EnumSet.of(LiteralKind.STRING, LiteralKind.INTEGER));
  }

  @Override boolean quotedLiteral() {
    return true;
  }

  @Override void validate(ByteBuffer value) {
    Buffers.checkSize(value, "Expected 4 byte long for date (%d)", 4);
  }

  @Override Object decodeNonEmpty(ByteBuffer value) {
    return LocalDate.ofEpochDay(epochDay(value));
  }

  private static long epochDay(ByteBuffer value) {
    return (value.getInt(value.position()) & 0xffffffffL) - (1L << 31);
  }

  private static ByteBuffer ofEpochDay(long epochDay) {
    return ByteBuffer.allocate(4).putInt(0, (int) (epochDay + Integer.MIN_VALUE));
  }

  @Override ByteBuffer encodeNonNull(Object value) {
    long day = ((LocalDate) value).toEpochDay();
    if (day < Integer.MIN_VALUE || day > Integer.MAX_VALUE) {
      throw new MarshalException("Date out of the range of the date type: " + value);
    }
    return ofEpochDay(day);
  }

  @Override int compareNonEmpty(ByteBuffer a, ByteBuffer b) {
    return Integer.compareUnsigned(a.getInt(a.position()), b.getInt(b.position()));
  }

  @Override ByteBuffer fromString(String text) {
    if (text.isEmpty()) {
      return ByteBuffer.allocate(0);
    }
    if (Text.RAW.matcher(text).matches()) {
      return parseRaw(text);
    }
    try {
      LocalDate date = Text.FORMAT.parse(text, LocalDate::from);
      long millis = date.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
      if (millis < MIN_MILLIS) {
        throw new MarshalException(String.format("Input date %s is less than min supported date %s", text,
            ZonedDateTime.ofInstant(Instant.ofEpochMilli(MIN_MILLIS), ZoneOffset.UTC)));
      }
      if (millis > MAX_MILLIS) {
        throw new MarshalException(String.format("Input date %s is greater than max supported date %s", text,
            ZonedDateTime.ofInstant(Instant.ofEpochMilli(MAX_MILLIS), ZoneOffset.UTC)));
      }
      return ofEpochDay(date.toEpochDay());
    } catch (DateTimeParseException | ArithmeticException e) {
      throw new MarshalException(String.format("Unable to coerce '%s' to a formatted date (long)", text));
    }
  }

  private static ByteBuffer parseRaw(String text) {
    try {
      long raw = Long.parseLong(text);
      if (raw < 0 || raw > MAX_RAW) {
        throw new NumberFormatException(text);
      }
      return ByteBuffer.allocate(4).putInt(0, (int) raw);
    } catch (NumberFormatException e) {
      throw new MarshalException(String.format("Unable to make unsigned int (for date) from: '%s'", text));
    }
  }

  @Override String toText(ByteBuffer value) {
    return Text.FORMAT.format((LocalDate) decodeNonEmpty(value));
  }

  @Override String toJsonNonEmpty(ByteBuffer value) {
    return quoted(toText(value));
  }

  @Override ByteBuffer fromJsonNonNull(Object json) {
    if (json instanceof String s) {
      return fromString(s);
    }
    throw expected("a string representation of a date value", json);
  }
}
