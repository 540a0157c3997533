package dev.ringlet.bench.suite;

import dev.ringlet.bench.target.TargetKind;
import dev.ringlet.bench.target.TargetOptions;

/**
 * The test-suite workload.
 *
 * @param target where it runs (ringlet, jar or cassandra; noop makes no sense here)
 * @param tables tables created by the DDL-heavy set-up (default 50)
 * @param tests small tests run after it (default 200)
 * @param resetTables tables the tests use, emptied before each test (default 5)
 * @param rowsPerTest rows each test writes and reads back (default 3)
 * @param defaultSessionDdls DDL statements timed through an untuned session, to show the
 *     driver's debouncer cost (default 3)
 * @param schemaWindowMillis the tuned session's schema debouncer window (default 10 ms, as the
 *     JUnit extension's sessions)
 * @param schemaMaxEvents the tuned session's schema debouncer's most events per window (default
 *     2, as the JUnit extension's sessions: a DDL's response and its event start one refresh at
 *     once; the driver's default is 20; 1 flushes every event at once)
 * @param mapConfigLoader whether the tuned session is configured from the driver's built-in
 *     defaults without parsing its {@code reference.conf} (default true, as the JUnit extension
 *     does when the application has no driver configuration file), or by the driver's file-based
 *     loader
 * @param reset how the tables are emptied between tests (default {@link SuiteReset#AUTO}: as the
 *     JUnit extension does for in-JVM Ringlet, one TRUNCATE per table otherwise)
 * @param setup which session runs the set-up's DDL (default {@link SuiteSetup#TESTS})
 */
public record SuiteOptions(
    TargetKind target, int tables, int tests, int resetTables, int rowsPerTest, int defaultSessionDdls,
    int schemaWindowMillis, int schemaMaxEvents, boolean mapConfigLoader, SuiteReset reset, SuiteSetup setup, TargetOptions targetOptions) {

  public SuiteOptions {
    if (target == TargetKind.NOOP) {
      throw new IllegalArgumentException("--target: noop (expected: ringlet, jar or cassandra; the no-op server cannot run DDL)");
    }
    if (resetTables > tables) {
      throw new IllegalArgumentException("--reset-tables: " + resetTables + " (expected: <= --tables " + tables + ")");
    }
  }
}
