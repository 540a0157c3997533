package dev.ringlet.internal.transport;

import dev.ringlet.internal.exec.ColumnSpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * The protocol v5 {@code result_metadata_id}: a digest of a statement's result columns (keyspace,
 * table, name and type of each, in order), as Cassandra digests its result metadata. A PREPARED
 * result carries it; an EXECUTE sends it back, and when the columns the statement now returns
 * digest differently (the table was altered), ROWS says METADATA_CHANGED and carries the new id
 * with the full metadata, so the driver updates its prepared statement.
 */
final class ResultMetadataIds {

  private ResultMetadataIds() {}

  /**
   * The ids already computed, by column list (a connection's processor keeps one): an EXECUTE at
   * v5 compares its statement's id with the current one on every request, and an MD5 per request
   * was a visible part of a point read's cost. Bounded: emptied when it holds {@value #MAX_ENTRIES}
   * lists (schemas of tests are small). The arrays it returns are shared: never modify them.
   */
  static final class Cache {

    static final int MAX_ENTRIES = 1024;

    private final java.util.concurrent.ConcurrentHashMap<List<ColumnSpec>, byte[]> ids =
        new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The list last asked for, as kept (immutable), with its id: a statement's result columns are
     * one immutable list, so repeated EXECUTEs of it are answered by identity, without hashing
     * every column. A mutable list never matches, since {@code List.copyOf} keeps a copy of it.
     */
    private record Last(List<ColumnSpec> columns, byte[] id) {}

    private volatile Last last;

    byte[] of(List<ColumnSpec> columns) {
      Last remembered = last;
      if (remembered != null && remembered.columns() == columns) {
        return remembered.id();
      }
      List<ColumnSpec> kept = List.copyOf(columns);
      byte[] id = ids.get(kept);
      if (id == null) {
        id = ResultMetadataIds.of(kept);
        if (ids.size() >= MAX_ENTRIES) {
          ids.clear();
        }
        ids.put(kept, id);
      }
      last = new Last(kept, id);
      return id;
    }
  }

  static byte[] of(List<ColumnSpec> columns) {
    MessageDigest md5;
    try {
      md5 = MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is required of every JDK", e);
    }
    for (ColumnSpec column : columns) {
      update(md5, column.keyspace());
      update(md5, column.table());
      update(md5, column.name());
      update(md5, column.type().cql());
    }
    return md5.digest();
  }

  private static void update(MessageDigest md5, String part) {
    md5.update(part == null ? new byte[0] : part.getBytes(StandardCharsets.UTF_8));
    md5.update((byte) 0);
  }
}
