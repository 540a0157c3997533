package dev.ringlet.driver.cluster;

import static dev.ringlet.driver.cluster.LinearizabilityChecker.Outcome.APPLIED;
import static dev.ringlet.driver.cluster.LinearizabilityChecker.Outcome.NOT_APPLIED;
import static dev.ringlet.driver.cluster.LinearizabilityChecker.Outcome.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlet.driver.cluster.LinearizabilityChecker.Op;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinearizabilityCheckerTest {

  @Test
  void should_accept_overlapping_operations_in_an_order_that_explains_them() {
    List<Op> history = List.of(
        new Op(1, null, 1, 0, 10, APPLIED, null),
        new Op(2, 1, 2, 5, 20, APPLIED, null),
        new Op(3, 1, 3, 6, 25, NOT_APPLIED, 2),
        new Op(4, 2, 4, 30, 40, UNKNOWN, null),
        new Op(5, 4, 5, 50, 60, APPLIED, null));
    assertThat(LinearizabilityChecker.isLinearizable(history)).isTrue();
  }

  @Test
  void should_reject_two_sequential_writes_that_both_saw_the_initial_value() {
    List<Op> history = List.of(
        new Op(1, null, 1, 0, 10, APPLIED, null),
        new Op(2, 1, 2, 20, 30, APPLIED, null),
        new Op(3, 1, 3, 40, 50, APPLIED, null));
    assertThat(LinearizabilityChecker.isLinearizable(history)).isFalse();
  }

  @Test
  void should_reject_a_stale_observation_after_a_completed_write() {
    List<Op> history = List.of(
        new Op(1, null, 1, 0, 10, APPLIED, null),
        new Op(2, 1, 2, 20, 30, APPLIED, null),
        new Op(3, 9, 9, 40, 50, NOT_APPLIED, 1));
    assertThat(LinearizabilityChecker.isLinearizable(history)).isFalse();
  }

  @Test
  void should_let_an_unknown_write_explain_a_later_observation() {
    List<Op> history = List.of(
        new Op(1, null, 1, 0, 10, APPLIED, null),
        new Op(2, 1, 2, 20, 30, UNKNOWN, null),
        new Op(3, 9, 9, 40, 50, NOT_APPLIED, 2));
    assertThat(LinearizabilityChecker.isLinearizable(history)).isTrue();
  }
}
