package dev.ringlet.internal.exec;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Prepared statements by id. The id is the MD5 of the keyspace and the query text, as Cassandra
 * computes it, so the same query prepared in the same keyspace always gets the same id.
 *
 * <p>Bounded as Cassandra's {@code prepared_statements_cache_size} (default the larger of 10 MiB
 * and 1/256 of the heap), by an estimate of each entry's memory: past it, statements not used since
 * the last eviction pass go first (a clock, a second chance for each used one), and an EXECUTE of an
 * evicted id is answered UNPREPARED, which drivers handle by preparing again. A hit costs one read
 * (and a write only the first time after a pass), so EXECUTE takes no lock.
 */
public final class PreparedStatementCache {

  /** Cassandra's floor of {@code prepared_statements_cache_size}. */
  static final long MIN_CAPACITY_BYTES = 10L << 20;

  /** What a prepared id stands for. */
  public static final class Entry {
    private final String query;
    private final String keyspace;
    private final String analysisKey;
    private final long weight;
    private volatile boolean used;

    public Entry(String query, String keyspace) {
      this.query = query;
      this.keyspace = keyspace;
      this.analysisKey = PreparedStatementCache.analysisKey(query, keyspace);
      this.weight = weight(query, keyspace);
    }

    public String query() {
      return query;
    }

    public String keyspace() {
      return keyspace;
    }

    /**
     * The key of the statement's analysis in the processor's cache, built once here so that an
     * EXECUTE neither concatenates nor re-hashes the query text (a String caches its hash).
     */
    public String analysisKey() {
      return analysisKey;
    }
  }

  /** Keyed by the id's bytes (a heap ByteBuffer compares and hashes by content): no hex string per EXECUTE. */
  private final Map<ByteBuffer, Entry> byId = new ConcurrentHashMap<>();
  private final long capacityBytes;
  private long sizeBytes; // guarded by this

  public PreparedStatementCache() {
    this(Math.max(MIN_CAPACITY_BYTES, Runtime.getRuntime().maxMemory() / 256));
  }

  PreparedStatementCache(long capacityBytes) {
    this.capacityBytes = capacityBytes;
  }

  public synchronized byte[] put(String query, String keyspace) {
    byte[] id = id(query, keyspace);
    ByteBuffer key = ByteBuffer.wrap(id.clone());
    Entry existing = byId.get(key);
    if (existing != null) {
      existing.used = true;
      return id;
    }
    Entry entry = new Entry(query, keyspace);
    byId.put(key, entry);
    sizeBytes += entry.weight;
    evictBeyondCapacity(key);
    return id;
  }

  public Entry get(byte[] id) {
    Entry e = byId.get(ByteBuffer.wrap(id));
    if (e != null && !e.used) {
      e.used = true;
    }
    return e;
  }

  /** The estimated memory of the statements held, in bytes. */
  synchronized long sizeBytes() {
    return sizeBytes;
  }

  private void evictBeyondCapacity(ByteBuffer keep) {
    // two passes evict everything unused since the first; a third ignores what a concurrent EXECUTE touched meanwhile
    for (int pass = 0; pass < 3 && sizeBytes > capacityBytes; pass++) {
      Iterator<Map.Entry<ByteBuffer, Entry>> it = byId.entrySet().iterator();
      while (it.hasNext() && sizeBytes > capacityBytes) {
        Map.Entry<ByteBuffer, Entry> e = it.next();
        Entry entry = e.getValue();
        if (e.getKey().equals(keep)) {
          continue;
        }
        if (entry.used && pass < 2) {
          entry.used = false;
        } else {
          it.remove();
          sizeBytes -= entry.weight;
        }
      }
    }
  }

  /** An estimate of an entry's heap: the map's node, the id, the entry and its strings (UTF-16 at worst). */
  static long weight(String query, String keyspace) {
    int ks = keyspace == null ? 0 : keyspace.length();
    return 200L + 2L * (2L * query.length() + 2L * ks);
  }

  /** The key under which the analysis of {@code query} in {@code keyspace} is cached. */
  static String analysisKey(String query, String keyspace) {
    return keyspace + "\u0000" + query;
  }

  public synchronized void clear() {
    byId.clear();
    sizeBytes = 0;
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
