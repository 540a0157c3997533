package dev.ringlet.driver;

import com.datastax.oss.driver.api.core.CqlSession;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Records {@link DriverMetadataDump} from a real Cassandra 5.0.9 node (with user-defined functions
 * and materialized views enabled, as the shared reference yaml has them) into
 * {@code engine/src/test/resources/metadata/driver-metadata-5.0.9.txt}; run by hand, not by the build:
 *
 * <pre>{@code java -cp <engine test classpath> dev.ringlet.driver.DriverMetadataRecorder 127.0.0.1:9142 <file>}</pre>
 *
 * <p>The recorder drops the keyspaces of {@code metadata/schema.cql} before and after.
 */
public final class DriverMetadataRecorder {

  private DriverMetadataRecorder() {}

  public static void main(String[] args) throws Exception {
    String[] hostPort = args[0].split(":");
    try (CqlSession session = CqlSession.builder()
        .addContactPoint(new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])))
        .withLocalDatacenter("datacenter1")
        .withConfigLoader(DriverMetadataDump.config())
        .build()) {
      String dump = DriverMetadataDump.createAndDump(session);
      Files.writeString(Path.of(args[1]),
          "# Recorded by DriverMetadataRecorder from Apache Cassandra 5.0.9 (one node); do not edit.\n" + dump,
          StandardCharsets.UTF_8);
      for (String keyspace : DriverMetadataDump.KEYSPACES) {
        session.execute("DROP KEYSPACE \"" + keyspace + "\"");
      }
    }
  }
}
