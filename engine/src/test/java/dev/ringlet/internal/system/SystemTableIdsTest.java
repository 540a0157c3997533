package dev.ringlet.internal.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlet.internal.schema.KeyspaceMetadata;
import dev.ringlet.internal.schema.TableMetadata;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The committed {@code system-table-ids.txt} is current: exactly one line per built-in table, each
 * the MD5 name uuid Cassandra gives it. When a table is added, run this class's {@code main} from
 * the engine directory (or copy the expected file from the failure) to rewrite it.
 */
class SystemTableIdsTest {

  private static final Path FILE = Path.of("src/main/resources/dev/ringlet/internal/system", SystemTableIds.RESOURCE);

  /** The file as the built-in tables and Cassandra's MD5 ids make it. */
  static String expected() {
    StringBuilder file = new StringBuilder();
    for (KeyspaceMetadata ks : SystemKeyspaces.keyspaces(SystemTableIds.none())) {
      for (TableMetadata t : ks.tables().values()) {
        file.append(ks.name()).append('.').append(t.name()).append(' ').append(t.id()).append('\n');
      }
    }
    return file.toString();
  }

  @Test
  void should_hold_the_md5_id_of_every_built_in_table_and_nothing_else() throws IOException {
    String committed;
    try (InputStream in = SystemTableIds.class.getResourceAsStream(SystemTableIds.RESOURCE)) {
      assertThat(in).as("resource " + SystemTableIds.RESOURCE).isNotNull();
      committed = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    }
    assertThat(committed)
        .as("%s is stale: run SystemTableIdsTest.main in engine/ to rewrite it", SystemTableIds.RESOURCE)
        .isEqualTo(expected());
  }

  @Test
  void should_give_cassandras_ids_from_the_file() {
    SystemTableIds ids = SystemTableIds.load();
    // Cassandra 5.0 keeps system.local in the directory local-7ad54392bcdd35a684174e047860b377
    assertThat(ids.of("system", "local")).isEqualTo(UUID.fromString("7ad54392-bcdd-35a6-8417-4e047860b377"));
    assertThat(ids.of("system_schema", "tables")).isEqualTo(SystemTableIds.computed("system_schema", "tables"));
    assertThat(SystemKeyspaces.keyspaces()).isEqualTo(SystemKeyspaces.keyspaces(SystemTableIds.none()));
  }

  @Test
  void should_hash_a_table_the_file_does_not_list() {
    assertThat(SystemTableIds.load().of("system", "no_such_table"))
        .isEqualTo(UUID.nameUUIDFromBytes("systemno_such_table".getBytes(StandardCharsets.UTF_8)));
  }

  /** Rewrites the file; run from the engine directory. */
  public static void main(String[] args) throws IOException {
    Files.writeString(FILE, expected(), StandardCharsets.US_ASCII);
  }
}
