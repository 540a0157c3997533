package dev.ringlet.internal.exec.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringlet.internal.error.CqlException;
import dev.ringlet.internal.types.CqlDuration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The window arithmetic of {@code floor}, on values Cassandra 5.0.9 was recorded answering (functions_floor). */
class FloorFunctionsTest {

  private static final long HOUR_NANOS = 3_600_000_000_000L;

  private static long millis(String instant) {
    return Instant.parse(instant).toEpochMilli();
  }

  private static String floor(String time, CqlDuration duration, String start) {
    return Instant.ofEpochMilli(FloorFunctions.floorMillis(millis(time), duration, millis(start))).toString();
  }

  @Test
  void should_floor_by_the_remainder_of_the_distance_to_the_start_without_months() {
    assertThat(floor("2016-09-27T16:10:23.456Z", new CqlDuration(0, 0, HOUR_NANOS), "1970-01-01T00:00:00Z"))
        .isEqualTo("2016-09-27T16:00:00Z");
    assertThat(floor("2016-09-27T16:10:23.456Z", new CqlDuration(0, 7, 0), "1970-01-01T00:00:00Z"))
        .isEqualTo("2016-09-22T00:00:00Z");
    assertThat(floor("1969-12-31T22:30:00Z", new CqlDuration(0, 0, 3 * HOUR_NANOS), "1969-12-31T00:00:00Z"))
        .isEqualTo("1969-12-31T21:00:00Z");
    // a zero duration leaves the time as it is
    assertThat(floor("2016-09-27T16:10:23.456Z", new CqlDuration(0, 0, 0), "1970-01-01T00:00:00Z"))
        .isEqualTo("2016-09-27T16:10:23.456Z");
  }

  @Test
  void should_floor_months_on_the_calendar_and_clamp_the_day_of_the_month() {
    assertThat(floor("2016-09-27T16:10:23.456Z", new CqlDuration(12, 0, 0), "1970-01-01T00:00:00Z"))
        .isEqualTo("2016-01-01T00:00:00Z");
    // from January 31 the months end on their last day, and stay there once clamped
    assertThat(floor("2016-09-27T16:10:23.456Z", new CqlDuration(1, 0, 0), "2016-01-31T00:00:00Z"))
        .isEqualTo("2016-09-30T00:00:00Z");
    // months with days or nanoseconds step back a whole duration while they overshoot
    assertThat(floor("2016-09-27T16:10:23.456Z", new CqlDuration(1, 2, 0), "1970-01-01T00:00:00Z"))
        .isEqualTo("2016-09-18T00:00:00Z");
    assertThat(floor("2016-09-27T16:10:23.456Z", new CqlDuration(1, 0, 90 * 60_000_000_000L), "1970-01-01T00:00:00Z"))
        .isEqualTo("2016-09-04T22:30:00Z");
    // the Julian calendar before 1582-10-15, as java.util.GregorianCalendar counts it
    assertThat(floor("1582-10-20T12:00:00Z", new CqlDuration(1, 0, 0), "1400-01-01T00:00:00Z"))
        .isEqualTo("1582-10-24T00:00:00Z");
  }

  @Test
  void should_refuse_a_start_after_the_time_before_a_negative_duration() {
    assertThatThrownBy(() -> floor("1969-12-31T22:30:00Z", new CqlDuration(0, 0, -HOUR_NANOS), "1970-01-01T00:00:00Z"))
        .isInstanceOf(CqlException.class).hasMessage("The floor function starting time is greater than the provided time");
    assertThatThrownBy(() -> floor("2016-09-27T16:10:23.456Z", new CqlDuration(0, 0, -HOUR_NANOS), "1970-01-01T00:00:00Z"))
        .isInstanceOf(CqlException.class).hasMessage("Negative durations are not supported by the floor function");
  }

  @Test
  void should_list_the_overloads_in_the_order_of_5_0_messages() {
    assertThat(FloorFunctions.all()).extracting(NativeFunction::signature).containsExactly(
        "system.floor : (timeuuid, duration, timestamp) -> timestamp",
        "system.floor : (date, duration) -> date",
        "system.floor : (date, duration, date) -> date",
        "system.floor : (timestamp, duration) -> timestamp",
        "system.floor : (time, duration) -> time",
        "system.floor : (timestamp, duration, timestamp) -> timestamp",
        "system.floor : (timeuuid, duration) -> timestamp");
  }

  @Test
  void should_call_floor_monotonic_only_with_constant_windows() {
    NativeFunction floor = FloorFunctions.all().get(3);

    assertThat(FloorFunctions.monotonic(floor, List.of(false, true))).isTrue();
    assertThat(FloorFunctions.monotonic(floor, List.of(false, false))).isFalse();
    assertThat(FloorFunctions.monotonic(floor, List.of(true, true))).isFalse();
  }
}
