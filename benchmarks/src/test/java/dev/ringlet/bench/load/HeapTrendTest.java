package dev.ringlet.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HeapTrendTest {

  @Test
  void should_fit_the_least_squares_slope() {
    // Given heap samples growing by 3 MB a minute, with noise that cancels out
    double[] minutes = {1, 2, 3, 4, 5};
    double[] heap = {10, 14, 16, 19, 22};

    // When / Then
    assertThat(HeapTrend.slope(minutes, heap)).isCloseTo(2.9, within(1e-9));
    assertThat(HeapTrend.slope(new double[] {1}, new double[] {5})).isZero();
  }

  @Test
  void should_call_a_flat_heap_bounded_and_a_steady_rise_growing() {
    // A 70 MB heap that rises 0.1 MB/min over 8 minutes (0.8 MB) is noise; 1 MB/min (8 MB > 7 MB) is growth
    assertThat(HeapTrend.bounded(0.1, 8, 70)).isTrue();
    assertThat(HeapTrend.bounded(1.0, 8, 70)).isFalse();
    // A small heap may always rise by 2 MB over the window
    assertThat(HeapTrend.bounded(0.2, 8, 5)).isTrue();
    assertThat(HeapTrend.bounded(-3, 8, 70)).isTrue();
  }
}
