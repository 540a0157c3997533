package dev.ringlet.internal.exec.functions;

import dev.ringlet.internal.exec.TimeUuids;
import dev.ringlet.internal.time.Clock;
import dev.ringlet.internal.types.NativeType;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The time and uuid functions: the current time as each type (read from the node's clock), and
 * the conversions between timestamp, date, timeuuid and epoch milliseconds. Each has its 5.0
 * snake_case alias.
 */
final class TimeFunctions {

  /** 100-nanosecond intervals between 1582-10-15 (the uuid epoch) and 1970-01-01. */
  private static final long UUID_EPOCH_OFFSET = 0x01B21DD213814000L;

  private TimeFunctions() {}

  static List<NativeFunction> all(Clock clock) {
    TimeUuids uuids = new TimeUuids(clock);
    List<NativeFunction> out = new ArrayList<>();
    both(out, "now", null, () -> NativeType.TIMEUUID.encode(uuids.next()), NativeType.TIMEUUID);
    both(out, "currenttimeuuid", "current_timeuuid", () -> NativeType.TIMEUUID.encode(uuids.next()), NativeType.TIMEUUID);
    both(out, "currenttimestamp", "current_timestamp",
        () -> NativeType.TIMESTAMP.encode(Instant.ofEpochMilli(clock.currentTimeMillis())), NativeType.TIMESTAMP);
    both(out, "currentdate", "current_date", () -> NativeType.DATE.encode(today(clock)), NativeType.DATE);
    both(out, "currenttime", "current_time", () -> NativeType.TIME.encode(nanosOfDay(clock)), NativeType.TIME);
    both(out, "uuid", null, () -> NativeType.UUID.encode(UUID.randomUUID()), NativeType.UUID);
    for (String name : List.of("todate", "to_date")) {
      out.add(NativeFunction.unary(name, NativeType.TIMESTAMP, NativeType.DATE, v -> date((Instant) v)));
      out.add(NativeFunction.unary(name, NativeType.TIMEUUID, NativeType.DATE, v -> date(instant((UUID) v))));
    }
    for (String name : List.of("totimestamp", "to_timestamp")) {
      out.add(NativeFunction.unary(name, NativeType.DATE, NativeType.TIMESTAMP, v -> instant((LocalDate) v)));
      out.add(NativeFunction.unary(name, NativeType.TIMEUUID, NativeType.TIMESTAMP, v -> instant((UUID) v)));
    }
    for (String name : List.of("tounixtimestamp", "to_unix_timestamp")) {
      out.add(NativeFunction.unary(name, NativeType.DATE, NativeType.BIGINT, v -> instant((LocalDate) v).toEpochMilli()));
      out.add(NativeFunction.unary(name, NativeType.TIMESTAMP, NativeType.BIGINT, v -> ((Instant) v).toEpochMilli()));
      out.add(NativeFunction.unary(name, NativeType.TIMEUUID, NativeType.BIGINT, v -> instant((UUID) v).toEpochMilli()));
    }
    for (String name : List.of("mintimeuuid", "min_timeuuid")) {
      out.add(NativeFunction.unary(name, NativeType.TIMESTAMP, NativeType.TIMEUUID,
          v -> timeUuid(((Instant) v).toEpochMilli(), 0, 0x8080808080808080L)));
    }
    for (String name : List.of("maxtimeuuid", "max_timeuuid")) {
      out.add(NativeFunction.unary(name, NativeType.TIMESTAMP, NativeType.TIMEUUID,
          v -> timeUuid(((Instant) v).toEpochMilli(), 9999, 0x7f7f7f7f7f7f7f7fL)));
    }
    return out;
  }

  private static void both(List<NativeFunction> out, String name, String alias,
      java.util.function.Supplier<ByteBuffer> value, NativeType type) {
    out.add(NativeFunction.scalar(name, type, List.of(), args -> value.get()));
    if (alias != null) {
      out.add(NativeFunction.scalar(alias, type, List.of(), args -> value.get()));
    }
  }

  private static LocalDate today(Clock clock) {
    return Instant.ofEpochMilli(clock.currentTimeMillis()).atZone(ZoneOffset.UTC).toLocalDate();
  }

  private static long nanosOfDay(Clock clock) {
    long micros = Math.floorMod(clock.currentTimeMicros(), 86_400_000_000L);
    return micros * 1000;
  }

  /**
   * 5.0's day of a time in milliseconds ({@code SimpleDateSerializer.timeInMillisToDay}) divides by a
   * day's milliseconds, rounding toward zero: a time before 1970 less than a day before a midnight is
   * on the day after (-1000 ms is 1970-01-01).
   */
  static LocalDate date(Instant instant) {
    return LocalDate.ofEpochDay(instant.toEpochMilli() / 86_400_000L);
  }

  private static Instant instant(LocalDate date) {
    return date.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  /** The millisecond a version 1 uuid was made at. */
  static Instant instant(UUID uuid) {
    return Instant.ofEpochMilli((uuid.timestamp() - UUID_EPOCH_OFFSET) / 10_000);
  }

  /** A version 1 uuid at {@code millis} plus {@code extraTicks} 100ns ticks, with fixed low bits. */
  static UUID timeUuid(long millis, long extraTicks, long leastSignificantBits) {
    long ticks = millis * 10_000 + UUID_EPOCH_OFFSET + extraTicks;
    long msb = (ticks & 0xFFFFFFFFL) << 32 | ((ticks >>> 32) & 0xFFFFL) << 16 | 0x1000L | ((ticks >>> 48) & 0x0FFFL);
    return new UUID(msb, leastSignificantBits);
  }
}
