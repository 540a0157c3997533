package dev.ringlet.bench.target;

import java.util.Locale;

/** The servers the load program can be pointed at. */
public enum TargetKind {
  /** {@code Ringlet.start(ClusterSpec.defaults())} inside the benchmark JVM. */
  RINGLET,
  /** {@code java -jar engine/target/ringlet.jar} in its own process. */
  JAR,
  /** Ringlet's protocol layer answering canned responses: the ceiling for Ringlet. */
  NOOP,
  /** Apache Cassandra 5.0 at 127.0.0.1:9142 (the reference scripts). */
  CASSANDRA;

  public static TargetKind parse(String s) {
    try {
      return valueOf(s.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("target: " + s + " (expected: ringlet, jar, noop or cassandra)", e);
    }
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
