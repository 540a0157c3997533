package dev.ringlet.internal.exec;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Prepared statements by id. The id is the MD5 of the keyspace and the query text, as Cassandra
 * computes it, so the same query prepared in the same keyspace always gets the same id.
 */
public final class PreparedStatementCache {

  /**
   * What a prepared id stands for.
   *
   * @param analysisKey the key of the statement's analysis in the processor's cache, built once
   *     here so that an EXECUTE neither concatenates nor re-hashes the query text (a String caches
   *     its hash)
   */
  public record Entry(String query, String keyspace, String analysisKey) {

    public Entry(String query, String keyspace) {
      this(query, keyspace, PreparedStatementCache.analysisKey(query, keyspace));
    }
  }

  /** Keyed by the id's bytes (a heap ByteBuffer compares and hashes by content): no hex string per EXECUTE. */
  private final Map<ByteBuffer, Entry> byId = new ConcurrentHashMap<>();

  public byte[] put(String query, String keyspace) {
    byte[] id = id(query, keyspace);
    byId.put(ByteBuffer.wrap(id.clone()), new Entry(query, keyspace));
    return id;
  }

  public Entry get(byte[] id) {
    return byId.get(ByteBuffer.wrap(id));
  }

  /** The key under which the analysis of {@code query} in {@code keyspace} is cached. */
  static String analysisKey(String query, String keyspace) {
    return keyspace + "\u0000" + query;
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
