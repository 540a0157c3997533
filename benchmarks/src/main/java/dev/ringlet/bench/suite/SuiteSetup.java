package dev.ringlet.bench.suite;

/** Which session runs the suite's set-up (CREATE KEYSPACE and the CREATE TABLEs). */
public enum SuiteSetup {
  /**
   * The tests' own session, tuned for tests with full schema metadata: each DDL statement waits
   * for schema agreement and then for the driver's refresh of its metadata (every row of
   * {@code system_schema} and {@code system_virtual_schema} read again). What a suite that creates
   * its tables from its own code (or Spring Data's schema actions) pays.
   */
  TESTS,
  /**
   * As the JUnit extension runs a class's {@code schema} scripts: a set-up session with schema
   * metadata off (each DDL statement waits for schema agreement only), then the tests' session,
   * opened after the script, which reads the whole schema once.
   */
  SCRIPT;

  /** Parses {@code tests} or {@code script}. */
  public static SuiteSetup parse(String value) {
    for (SuiteSetup s : values()) {
      if (s.name().equalsIgnoreCase(value)) {
        return s;
      }
    }
    throw new IllegalArgumentException("--setup: " + value + " (expected: tests or script)");
  }
}
