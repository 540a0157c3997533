package dev.ringlet.internal.storage.sstable;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * A node's cache of decompressed data chunks (Cassandra's chunk cache, {@code file_cache_size}),
 * shared by every SSTable of every table and bounded by the bytes of the chunks it holds.
 *
 * <p>Each open SSTable data file {@linkplain #register registers} and gets an id never given out
 * again, so a file written later under the same name (a new SSTable of the same generation after a
 * truncate, say) can never be answered from an older file's chunks. When an SSTable's last
 * reference is released (a compaction replaced it, or the table closed) its chunks are
 * {@linkplain #invalidate dropped}; a reader still holding a reference keeps the file open, so
 * nothing it reads can be dropped under it. Concurrent readers are safe: the cache is split into
 * segments, each evicting its least recently used chunks under its own lock; two readers missing
 * the same chunk at once both decompress it and the second copy replaces the first (same bytes).
 * Chunk arrays handed out are shared and must never be written to.
 */
public final class ChunkCache {

  private static final int MAX_SEGMENTS = 16;
  private static final long MIN_SEGMENT_BYTES = 1L << 20;

  private final long capacity;
  private final Segment[] segments;
  private final AtomicLong nextFile = new AtomicLong();
  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();
  private final LongAdder evictions = new LongAdder();

  /** A cache holding at most {@code capacityBytes} of decompressed chunks; 0 caches nothing. */
  public ChunkCache(long capacityBytes) {
    if (capacityBytes < 0) {
      throw new IllegalArgumentException("capacityBytes: " + capacityBytes + " (expected: >= 0)");
    }
    this.capacity = capacityBytes;
    int n = (int) Math.max(1, Math.min(MAX_SEGMENTS, capacityBytes / MIN_SEGMENT_BYTES));
    this.segments = new Segment[n];
    for (int i = 0; i < n; i++) {
      segments[i] = new Segment(capacityBytes / n + (i < capacityBytes % n ? 1 : 0));
    }
  }

  /** A cache that holds nothing (readers then keep only the chunk they read last). */
  public static ChunkCache disabled() {
    return new ChunkCache(0);
  }

  /** The default size: a thirty-second of the maximum heap, at most 64 MiB. */
  public static long defaultCapacity() {
    return Math.min(64L << 20, Runtime.getRuntime().maxMemory() / 32);
  }

  /** The byte budget. */
  public long capacity() {
    return capacity;
  }

  /** Bytes of the chunks held now. */
  public long size() {
    long total = 0;
    for (Segment s : segments) {
      synchronized (s) {
        total += s.bytes;
      }
    }
    return total;
  }

  /** Chunks held now. */
  public int chunks() {
    int total = 0;
    for (Segment s : segments) {
      synchronized (s) {
        total += s.map.size();
      }
    }
    return total;
  }

  public long hits() {
    return hits.sum();
  }

  public long misses() {
    return misses.sum();
  }

  /** Chunks dropped to stay within the budget (not counting those of released files). */
  public long evictions() {
    return evictions.sum();
  }

  /** A new id for an opened data file. */
  long register() {
    return nextFile.incrementAndGet();
  }

  /** The cached chunk, or null. */
  byte[] get(long file, int chunk) {
    if (capacity == 0) {
      return null;
    }
    Key k = new Key(file, chunk);
    Segment s = segment(k);
    byte[] b;
    synchronized (s) {
      b = s.map.get(k);
    }
    if (b == null) {
      misses.increment();
    } else {
      hits.increment();
    }
    return b;
  }

  /** Keeps a decompressed chunk, evicting the segment's least recently used ones past its budget. */
  void put(long file, int chunk, byte[] bytes) {
    Key k = new Key(file, chunk);
    Segment s = segment(k);
    if (bytes.length > s.budget) {
      return;
    }
    synchronized (s) {
      byte[] old = s.map.put(k, bytes);
      s.bytes += bytes.length - (old == null ? 0 : old.length);
      Iterator<byte[]> eldest = s.map.values().iterator();
      while (s.bytes > s.budget && eldest.hasNext()) {
        s.bytes -= eldest.next().length;
        eldest.remove();
        evictions.increment();
      }
    }
  }

  /** Drops every chunk of a released file. */
  void invalidate(long file) {
    if (capacity == 0) {
      return;
    }
    for (Segment s : segments) {
      synchronized (s) {
        Iterator<Map.Entry<Key, byte[]>> it = s.map.entrySet().iterator();
        while (it.hasNext()) {
          Map.Entry<Key, byte[]> e = it.next();
          if (e.getKey().file == file) {
            s.bytes -= e.getValue().length;
            it.remove();
          }
        }
      }
    }
  }

  private Segment segment(Key k) {
    return segments[Math.floorMod(k.hashCode(), segments.length)];
  }

  @Override
  public String toString() {
    return "ChunkCache[" + size() + " of " + capacity + " bytes, " + hits() + " hits, " + misses() + " misses]";
  }

  private record Key(long file, int chunk) {
    @Override
    public int hashCode() {
      long h = file * 0x9E3779B97F4A7C15L + chunk;
      h ^= h >>> 29;
      return (int) (h ^ (h >>> 32));
    }
  }

  private static final class Segment {
    final long budget;
    final LinkedHashMap<Key, byte[]> map = new LinkedHashMap<>(16, 0.75f, true);
    long bytes;

    Segment(long budget) {
      this.budget = budget;
    }
  }
}
