package dev.ringlet.internal.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlet.internal.time.ManualClock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The clock sequence and node are drawn on the first UUID (not at construction) and kept for every later one. */
class TimeUuidsTest {

  @Test
  void should_give_every_uuid_of_a_generator_the_same_clock_sequence_and_node() {
    ManualClock clock = new ManualClock(1_700_000_000_000_000L);
    TimeUuids ids = new TimeUuids(clock);
    List<UUID> made = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      made.add(ids.next());
      clock.advance(java.time.Duration.ofNanos(1000));
      made.add(ids.at(1_600_000_000_000_000L)); // an earlier event's time: still after the last one
    }
    UUID first = made.get(0);
    assertThat(first.version()).isEqualTo(1);
    assertThat(first.variant()).isEqualTo(2);
    assertThat(first.node() & 0x010000000000L).isNotZero(); // the multicast bit: not a MAC address
    for (int i = 1; i < made.size(); i++) {
      UUID u = made.get(i);
      assertThat(u.clockSequence()).isEqualTo(first.clockSequence());
      assertThat(u.node()).isEqualTo(first.node());
      assertThat(u.timestamp()).isGreaterThan(made.get(i - 1).timestamp());
    }
  }

  @Test
  void should_start_with_the_clocks_time() {
    ManualClock clock = new ManualClock(1_700_000_000_000_000L);
    UUID u = new TimeUuids(clock).next();
    assertThat((u.timestamp() - 0x01B21DD213814000L) / 10).isEqualTo(1_700_000_000_000_000L);
  }
}
