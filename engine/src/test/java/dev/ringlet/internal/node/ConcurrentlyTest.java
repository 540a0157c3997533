package dev.ringlet.internal.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ConcurrentlyTest {

  @Test
  void should_make_the_piece_on_a_thread_of_its_own_and_hand_it_over_on_join() {
    Concurrently<String> piece = Concurrently.start("ringlet-test-piece", () -> Thread.currentThread().getName());

    assertThat(piece.join()).isEqualTo("ringlet-test-piece");
    assertThat(piece.join()).as("a second join").isEqualTo("ringlet-test-piece");
  }

  @Test
  void should_throw_the_pieces_own_failure_on_the_joining_thread() {
    Concurrently<String> piece = Concurrently.start("ringlet-test-piece", () -> {
      throw new java.io.UncheckedIOException("Cannot bind 127.0.0.1:9042", new java.io.IOException("in use"));
    });

    assertThatThrownBy(piece::join).isInstanceOf(java.io.UncheckedIOException.class)
        .hasMessage("Cannot bind 127.0.0.1:9042");
  }

  @Test
  void should_close_what_the_piece_made_when_the_start_failed_elsewhere() {
    AtomicBoolean closed = new AtomicBoolean();
    Concurrently<AutoCloseable> piece = Concurrently.start("ringlet-test-piece", () -> () -> closed.set(true));
    IllegalStateException failure = new IllegalStateException("the node could not be built");

    Concurrently.closeAfterFailure(piece, failure);

    assertThat(closed).isTrue();
    assertThat(failure.getSuppressed()).isEmpty();
  }

  @Test
  void should_add_a_failure_of_the_piece_to_the_starts_failure() {
    Concurrently<AutoCloseable> piece = Concurrently.start("ringlet-test-piece", () -> {
      throw new IllegalStateException("no I/O threads");
    });
    IllegalStateException failure = new IllegalStateException("the node could not be built");

    Concurrently.closeAfterFailure(piece, failure);

    assertThat(failure.getSuppressed()).singleElement().satisfies(e -> assertThat(e).hasMessage("no I/O threads"));
  }
}
