package dev.ringlet.internal.exec.functions;

import dev.ringlet.internal.error.CqlException;
import dev.ringlet.internal.types.CqlDuration;
import dev.ringlet.internal.types.CqlType;
import dev.ringlet.internal.types.NativeType;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;

/**
 * 5.0's time-window function {@code floor(t, duration[, start])} ({@code TimeFcts}' floor
 * functions and {@code Duration.floorTimestamp}/{@code floorTime}): the largest
 * {@code start + n * duration} not after {@code t}, {@code start} being 1970-01-01 when absent.
 *
 * <p>Timestamps, timeuuids (floored as timestamps) and dates are floored in milliseconds: a duration
 * without months by the remainder of the distance to the start, one with months on a UTC
 * {@link java.util.GregorianCalendar} as 5.0 does (so before 1582-10-15 in the Julian calendar, and
 * a day of month the month lacks is clamped: from January 31 one month is February 29). Times
 * (nanoseconds of the day) take a duration of at most a day and no start.
 */
final class FloorFunctions {

  private static final long MILLIS_PER_DAY = 86_400_000L;
  private static final long NANOS_PER_MILLI = 1_000_000L;
  private static final long NANOS_PER_DAY = 86_400_000_000_000L;
  /** Microseconds between 1582-10-15 (the uuid epoch) and 1970-01-01, as 5.0's {@code TimeUUID} counts them. */
  private static final long UUID_EPOCH_MICROS = 12_219_292_800_000_000L;

  private FloorFunctions() {}

  /** The seven overloads, in the order 5.0's registry lists them in its messages. */
  static List<NativeFunction> all() {
    NativeType ts = NativeType.TIMESTAMP;
    NativeType uuid = NativeType.TIMEUUID;
    NativeType date = NativeType.DATE;
    NativeType dur = NativeType.DURATION;
    List<NativeFunction> out = new ArrayList<>();
    out.add(floor(ts, List.of(uuid, dur, ts)));
    out.add(floor(date, List.of(date, dur)));
    out.add(floor(date, List.of(date, dur, date)));
    out.add(floor(ts, List.of(ts, dur)));
    out.add(NativeFunction.scalar("floor", NativeType.TIME, List.of(NativeType.TIME, dur), FloorFunctions::floorTime));
    out.add(floor(ts, List.of(ts, dur, ts)));
    out.add(floor(ts, List.of(uuid, dur)));
    return out;
  }

  /**
   * Whether a call of {@code fn} with the arguments marked {@code constant} is monotonic in its
   * other arguments, as GROUP BY requires (5.0's {@code isPartialApplicationMonotonic}): floor with
   * its first argument a column and the others constants, and the monotonic time conversions.
   */
  static boolean monotonic(NativeFunction fn, List<Boolean> constant) {
    switch (fn.name()) {
      case "floor":
        for (int i = 0; i < constant.size(); i++) {
          if (constant.get(i) != (i > 0)) {
            return false;
          }
        }
        return true;
      case "todate":
      case "to_date":
      case "totimestamp":
      case "to_timestamp":
      case "tounixtimestamp":
      case "to_unix_timestamp":
        return true;
      default:
        return false;
    }
  }

  private static NativeFunction floor(NativeType returnType, List<CqlType> args) {
    NativeType valueType = (NativeType) args.get(0);
    return NativeFunction.scalar("floor", returnType, args, values -> {
      ByteBuffer value = values.get(0);
      ByteBuffer start = values.size() == 3 ? values.get(2) : null;
      if (!value.hasRemaining() || start != null && !start.hasRemaining() || !values.get(1).hasRemaining()) {
        return null; // 5.0 reads an empty time value as null
      }
      long time = millis(valueType, value);
      CqlDuration duration = (CqlDuration) NativeType.DURATION.decode(values.get(1));
      long startMillis = start == null ? 0 : millis((NativeType) args.get(2), start);
      if (valueType == NativeType.DATE) {
        if (duration.nanoseconds() != 0) {
          throw CqlException.invalid("The floor on date values cannot be computed for the "
              + NativeType.DURATION.toCqlLiteral(values.get(1)) + " duration as precision is below 1 day");
        }
      } else if (duration.nanoseconds() % NANOS_PER_MILLI != 0) {
        throw CqlException.invalid("The floor cannot be computed for the " + NativeType.DURATION.toCqlLiteral(values.get(1))
            + " duration as precision is below 1 millisecond");
      }
      long floor = floorMillis(time, duration, startMillis);
      if (returnType == NativeType.DATE) {
        // SimpleDateSerializer.timeInMillisToDay: java.time's whole days of whole seconds
        return ByteBuffer.allocate(4).putInt(0, (int) (Math.floorDiv(floor, 1000L) / 86_400 - Integer.MIN_VALUE));
      }
      return ByteBuffer.allocate(8).putLong(0, floor);
    });
  }

  /** A time value's milliseconds since 1970 as 5.0's {@code toTimeInMillis} reads it. */
  private static long millis(NativeType type, ByteBuffer value) {
    if (type == NativeType.DATE) {
      return (long) (value.getInt(value.position()) + Integer.MIN_VALUE) * MILLIS_PER_DAY;
    }
    if (type == NativeType.TIMEUUID) {
      long msb = value.getLong(value.position());
      long raw = (msb & 0x0FFFL) << 48 | ((msb >>> 16) & 0xFFFFL) << 32 | msb >>> 32;
      return (raw / 10 - UUID_EPOCH_MICROS) / 1000;
    }
    return value.getLong(value.position());
  }

  /** 5.0's {@code Duration.floorTimestamp}, with its checks in its order. */
  static long floorMillis(long time, CqlDuration duration, long start) {
    if (start > time) {
      throw CqlException.invalid("The floor function starting time is greater than the provided time");
    }
    if (isNegative(duration)) {
      throw CqlException.invalid("Negative durations are not supported by the floor function");
    }
    if (duration.months() == 0) {
      long step = durationMillis(duration);
      return step == 0 ? time : time - (time - start) % step;
    }
    Calendar calendar = Calendar.getInstance(TimeZone.getTimeZone("UTC"), Locale.US);
    calendar.setTimeInMillis(time);
    int year = calendar.get(Calendar.YEAR);
    int month = calendar.get(Calendar.MONTH);
    calendar.setTimeInMillis(start);
    int months = (year - calendar.get(Calendar.YEAR)) * 12 + (month - calendar.get(Calendar.MONTH));
    int multiplier = months / duration.months();
    calendar.add(Calendar.MONTH, multiplier * duration.months());
    if (duration.days() == 0 && duration.nanoseconds() == 0) {
      return calendar.getTimeInMillis();
    }
    long step = durationMillis(duration);
    long floor = calendar.getTimeInMillis() + multiplier * step;
    // the days and nanoseconds may overshoot: step back a whole duration at a time
    while (floor > time) {
      multiplier--;
      calendar.add(Calendar.MONTH, -duration.months());
      floor = calendar.getTimeInMillis() + multiplier * step;
    }
    return Math.max(start, floor);
  }

  /** 5.0's floor of a time (nanoseconds of the day): {@code Duration.floorTime}. */
  private static ByteBuffer floorTime(List<ByteBuffer> values) {
    if (!values.get(0).hasRemaining() || !values.get(1).hasRemaining()) {
      return null;
    }
    long time = values.get(0).getLong(values.get(0).position());
    CqlDuration duration = (CqlDuration) NativeType.DURATION.decode(values.get(1));
    if (isNegative(duration)) {
      throw CqlException.invalid("Negative durations are not supported by the floor function");
    }
    if (duration.months() != 0 || duration.days() != 0 || duration.nanoseconds() > NANOS_PER_DAY) {
      throw CqlException.invalid("For time values, the floor can only be computed for durations smaller that a day");
    }
    long floor = duration.nanoseconds() == 0 ? time : time - time % duration.nanoseconds();
    return ByteBuffer.allocate(8).putLong(0, floor);
  }

  private static boolean isNegative(CqlDuration d) {
    return d.nanoseconds() < 0 || d.days() < 0 || d.months() < 0;
  }

  private static long durationMillis(CqlDuration d) {
    return d.days() * MILLIS_PER_DAY + d.nanoseconds() / NANOS_PER_MILLI;
  }
}
