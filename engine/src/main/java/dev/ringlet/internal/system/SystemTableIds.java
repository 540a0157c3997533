package dev.ringlet.internal.system;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The ids of the built-in tables, read from {@code system-table-ids.txt} beside this class instead
 * of being hashed at start: like Cassandra, a built-in table's id is the name-based (MD5) uuid of
 * its keyspace name followed by its table name, and computing ~110 of them in the interpreter was
 * a noticeable part of a first start in a fresh JVM.
 *
 * <p>The file has one {@code keyspace.table uuid} line per built-in table; {@code
 * SystemTableIdsTest} checks that it is exactly what the MD5 gives for every table
 * {@link SystemKeyspaces} defines (and prints the expected file when it is not). A table missing
 * from the file is hashed, so a stale file is never a wrong id.
 */
final class SystemTableIds {

  static final String RESOURCE = "system-table-ids.txt";

  private final Map<String, UUID> ids;

  private SystemTableIds(Map<String, UUID> ids) {
    this.ids = ids;
  }

  /** The ids of the file beside this class (none when it is absent). */
  static SystemTableIds load() {
    Map<String, UUID> ids = new HashMap<>();
    try (InputStream in = SystemTableIds.class.getResourceAsStream(RESOURCE)) {
      if (in != null) {
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          int space = line.indexOf(' ');
          if (space > 0) {
            ids.put(line.substring(0, space), UUID.fromString(line.substring(space + 1)));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + RESOURCE, e);
    }
    return new SystemTableIds(ids);
  }

  /** No file: every id hashed (what the file must hold). */
  static SystemTableIds none() {
    return new SystemTableIds(Map.of());
  }

  /** The id Cassandra gives the built-in table {@code keyspace.table}. */
  UUID of(String keyspace, String table) {
    UUID id = ids.get(keyspace + "." + table);
    return id != null ? id : computed(keyspace, table);
  }

  /** The id as Cassandra computes it. */
  static UUID computed(String keyspace, String table) {
    return UUID.nameUUIDFromBytes((keyspace + table).getBytes(StandardCharsets.UTF_8));
  }
}
