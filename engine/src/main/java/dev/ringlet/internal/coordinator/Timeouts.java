package dev.ringlet.internal.coordinator;

import java.time.Duration;

/**
 * How long a coordinator waits for replicas, Cassandra's {@code *_request_timeout} settings
 * (defaults: read 5 s, range 10 s, write 2 s, counter write 5 s, truncate 60 s), and
 * {@code max_hint_window} (3 h): hints are stored only for a replica down for less.
 */
public record Timeouts(Duration read, Duration range, Duration write, Duration counterWrite, Duration truncate,
    Duration maxHintWindow) {

  public static Timeouts defaults() {
    return new Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(2), Duration.ofSeconds(5),
        Duration.ofSeconds(60), Duration.ofHours(3));
  }
}
