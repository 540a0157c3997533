package dev.ringlet.junit;

/** How the tests of one class are kept from seeing each other's data. */
public enum Isolation {

  /**
   * After each test, every table of the class's keyspaces is emptied: the keyspace given by
   * {@link CassandraCluster#keyspace()} and those its schema scripts created; when there are neither,
   * every user keyspace that no other class sharing the cluster declared. Tables and types stay.
   * A reset waits until no test on the cluster is running. The default.
   */
  TRUNCATE_TABLES,

  /** Nothing is reset: tests see what earlier tests wrote. For read-only tests or shared fixtures. */
  NONE,

  /**
   * Each test gets a keyspace of its own, created before the test (with the schema scripts run in
   * it) and dropped after it. The injected session is bound to it, so scripts and tests should use
   * unqualified table names.
   */
  FRESH_KEYSPACE
}
