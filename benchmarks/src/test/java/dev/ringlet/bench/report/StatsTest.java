package dev.ringlet.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatsTest {

  @Test
  void should_take_the_middle_sample_of_an_odd_count() {
    assertThat(Stats.median(List.of(5.0, 1.0, 3.0))).isEqualTo(3.0);
  }

  @Test
  void should_average_the_two_middle_samples_of_an_even_count() {
    assertThat(Stats.median(List.of(4.0, 1.0, 3.0, 10.0))).isEqualTo(3.5);
  }

  @Test
  void should_return_nan_when_there_are_no_samples() {
    assertThat(Stats.median(List.of())).isNaN();
  }
}
