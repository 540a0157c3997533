package dev.ringlet.driver;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.Ringlet;
import dev.ringlet.api.RingletCluster;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The driver's schema metadata of Ringlet is Cassandra 5.0.9's: for {@code metadata/schema.cql}
 * (keyspaces of both strategies, tables with every option and column kind, legacy and SAI indexes,
 * materialized views, user types, functions and aggregates) {@link DriverMetadataDump} gives what
 * {@link DriverMetadataRecorder} recorded from 5.0.9.
 */
class DriverMetadataGoldenTest {

  @Test
  void should_describe_every_schema_object_as_the_driver_describes_cassandra_5_0() throws IOException {
    // Given: a node with user-defined functions and materialized views, as the reference has them
    try (RingletCluster cluster = Ringlet.start(ClusterSpec.defaults().withUserDefinedFunctions(true)
        .withMaterializedViews(true));
        CqlSession session = CqlSession.builder().addContactPoints(cluster.contactPoints())
            .withLocalDatacenter(cluster.localDatacenter()).withConfigLoader(DriverMetadataDump.config()).build()) {
      // When: the schema is created and the driver's metadata dumped
      String dump = DriverMetadataDump.createAndDump(session);

      // Then: every line is the one recorded from 5.0.9
      assertThat(List.of(dump.split("\n", -1))).containsExactlyElementsOf(golden());
    }
  }

  private static List<String> golden() throws IOException {
    try (InputStream in = DriverMetadataGoldenTest.class.getResourceAsStream(DriverMetadataDump.GOLDEN)) {
      List<String> lines = new ArrayList<>(List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1)));
      lines.remove(0); // the recorder's header
      return lines;
    }
  }
}
