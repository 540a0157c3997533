package dev.ringlet.junit.internal;

/**
 * Whether the Cassandra Java driver 4.x is on the test classpath. The driver is the user's
 * dependency; only code that needs a session touches {@link DriverSessions}, after this check.
 */
public final class DriverCheck {

  public static final String SESSION_CLASS = "com.datastax.oss.driver.api.core.CqlSession";

  private DriverCheck() {}

  public static boolean isPresent(ClassLoader loader) {
    try {
      Class.forName(SESSION_CLASS, false, loader);
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /** Fails, naming what needed the driver and how to add it, when the driver is missing. */
  public static void require(String purpose, ClassLoader loader) {
    if (!isPresent(loader)) {
      throw new IllegalStateException(missingMessage(purpose));
    }
  }

  public static String missingMessage(String purpose) {
    return purpose + " needs the Apache Cassandra Java driver 4.x, but " + SESSION_CLASS
        + " is not on the test classpath (expected: a test dependency on org.apache.cassandra:java-driver-core"
        + " 4.18+ or com.datastax.oss:java-driver-core 4.14-4.17)";
  }
}
