package dev.ringlet.internal.exec.udf;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UdfSandboxTest {

  @ParameterizedTest(name = "{0} visible: {1}")
  @CsvSource({
      "java.lang.String, true",
      "java.lang.Math, true",
      "java.lang.System, true",
      "java.util.List, true",
      "java.util.Map$Entry, true",
      "java.math.BigDecimal, true",
      "java.time.LocalDate, true",
      "java.nio.ByteBuffer, true",
      "java.net.InetAddress, true",
      "java.io.IOException, true",
      "org.apache.cassandra.cql3.functions.types.TupleValue, true",
      "java.lang.Thread, false",
      "java.lang.Runnable, false",
      "java.lang.Runtime, false",
      "java.lang.ProcessBuilder, false",
      "java.lang.reflect.Method, false",
      "java.lang.invoke.MethodHandle, false",
      "java.util.concurrent.atomic.AtomicInteger, false",
      "java.util.function.Function, false",
      "java.util.stream.Stream, false",
      "java.util.Timer, false",
      "java.io.File, false",
      "java.nio.file.Files, false",
      "java.net.Socket, false",
      "dev.ringlet.api.Ringlet, false",
  })
  void should_see_what_cassandra_5_0_lets_function_bodies_see(String className, boolean visible) {
    assertThat(UdfSandbox.allowsClass(className)).isEqualTo(visible);
  }
}
