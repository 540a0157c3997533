package dev.ringlet.internal.exec;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Prepared statements by id. The id is the MD5 of the keyspace and the query text, as Cassandra
 * computes it, so the same query prepared in the same keyspace always gets the same id.
 */
public final class PreparedStatementCache {

  /** What a prepared id stands for. */
  public record Entry(String query, String keyspace) {}

  private final Map<String, Entry> byId = new ConcurrentHashMap<>();

  public byte[] put(String query, String keyspace) {
    byte[] id = id(query, keyspace);
    byId.put(HexFormat.of().formatHex(id), new Entry(query, keyspace));
    return id;
  }

  public Entry get(byte[] id) {
    return byId.get(HexFormat.of().formatHex(id));
  }

  public void clear() {
    byId.clear();
  }

  static byte[] id(String query, String keyspace) {
    try {
      MessageDigest md5 = MessageDigest.getInstance("MD5");
      if (keyspace != null) {
        md5.update(keyspace.getBytes(StandardCharsets.UTF_8));
      }
      md5.update(query.getBytes(StandardCharsets.UTF_8));
      return md5.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is required of every JVM", e);
    }
  }
}
