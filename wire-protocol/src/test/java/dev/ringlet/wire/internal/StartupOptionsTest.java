package dev.ringlet.wire.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StartupOptionsTest {

  @ParameterizedTest(name = "CQL_VERSION={0}, COMPRESSION={1} -> {2}")
  @CsvSource(
      delimiter = '|',
      nullValues = "null",
      value = {
        "3.0.0   | null   | null",
        "3.4.7   | lz4    | null",
        "3.4.7   | LZ4    | null",
        "3.4.7   | Snappy | null",
        "4.0     | null   | null",
        "3.0.0-beta1 | null | null",
        "2.99.0  | null   | null",
        "2.0.0   | null   | CQL version 2.0.0 is not supported by the binary protocol (supported version are >= 3.0.0)",
        "three   | null   | Invalid version value: three",
        "3.0.0   | zstd   | Unknown compression algorithm: zstd",
      })
  void should_check_options_like_cassandra(String cqlVersion, String compression, String problem) {
    Map<String, String> options =
        compression == null
            ? Map.of("cql_version", cqlVersion)
            : Map.of("cql_version", cqlVersion, "compression", compression);

    assertThat(StartupOptions.problem(StartupOptions.normalize(options), 4)).isEqualTo(problem);
  }
}
