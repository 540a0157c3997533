package dev.ringlet.junit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DriverCheckTest {

  /** A class loader that cannot see the driver, like a test classpath without it. */
  private static final ClassLoader WITHOUT_DRIVER = new ClassLoader(DriverCheckTest.class.getClassLoader()) {
    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (name.startsWith("com.datastax.oss.driver.")) {
        throw new ClassNotFoundException(name);
      }
      return super.loadClass(name, resolve);
    }
  };

  @Test
  void should_find_the_driver_on_this_classpath() {
    assertThat(DriverCheck.isPresent(DriverCheckTest.class.getClassLoader())).isTrue();
  }

  @Test
  void should_say_which_driver_to_add_when_none_is_on_the_classpath() {
    assertThat(DriverCheck.isPresent(WITHOUT_DRIVER)).isFalse();
    assertThatThrownBy(() -> DriverCheck.require("A CqlSession parameter", WITHOUT_DRIVER))
        .hasMessage("A CqlSession parameter needs the Apache Cassandra Java driver 4.x, but"
            + " com.datastax.oss.driver.api.core.CqlSession is not on the test classpath (expected: a test dependency"
            + " on org.apache.cassandra:java-driver-core 4.18+ or com.datastax.oss:java-driver-core 4.14-4.17)");
  }
}
