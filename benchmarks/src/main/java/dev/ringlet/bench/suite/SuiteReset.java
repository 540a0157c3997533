package dev.ringlet.bench.suite;

/**
 * How the suite empties the tables between two tests: as a user of each server resets them.
 *
 * <p>A test suite on Ringlet's JUnit extension (isolation {@code TRUNCATE_TABLES}, its default) has
 * the engine empty every table of the keyspace itself ({@code RingletCluster.truncate}), without a
 * client round trip; a suite on Cassandra (or on Ringlet in its own process) has no such call and
 * sends one TRUNCATE per table through its session.
 */
public enum SuiteReset {
  /** {@link #CLUSTER} where the server runs in this JVM (the JUnit extension's reset), else {@link #TRUNCATE}. */
  AUTO,
  /** One {@code TRUNCATE} per table the tests use, through the driver, one after another. */
  TRUNCATE,
  /**
   * One {@code TRUNCATE} per table the tests use, through the driver, all in flight at once, as the
   * JUnit extension sends them when it resets through a driver: the fastest reset a suite on a
   * server without {@link #CLUSTER} can make, to check the comparison is fair to that server.
   */
  TRUNCATE_CONCURRENT,
  /**
   * {@code RingletCluster.truncate(keyspace)}: every table of the suite's keyspace (not only those
   * the tests use) emptied by the engine, as the JUnit extension resets; in-JVM Ringlet only.
   */
  CLUSTER;

  /** Parses {@code auto}, {@code truncate}, {@code truncate-concurrent} or {@code cluster}. */
  public static SuiteReset parse(String value) {
    for (SuiteReset r : values()) {
      if (r.name().replace('_', '-').equalsIgnoreCase(value)) {
        return r;
      }
    }
    throw new IllegalArgumentException("--reset: " + value + " (expected: auto, truncate, truncate-concurrent or cluster)");
  }

  /** What {@link #AUTO} means for a target: {@link #CLUSTER} when it can empty tables itself. */
  SuiteReset resolve(boolean targetTruncates) {
    if (this == AUTO) {
      return targetTruncates ? CLUSTER : TRUNCATE;
    }
    return this;
  }
}
