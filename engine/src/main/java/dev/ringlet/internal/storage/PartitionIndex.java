package dev.ringlet.internal.storage;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A memtable's hash index of its partitions by key: an open-addressing table (linear probing) of
 * the {@link StoredPartition}s themselves, placed by token. A lookup reads one slot of the array and
 * then the partition it names, which holds its token and (up to 16 bytes) its key bytes in its own
 * fields ({@link StoredPartition#hasKey}): no map node, no stored key record, no key buffer to fetch
 * from memory, which is what a hash map keyed by {@link DecoratedKey} costs per lookup.
 *
 * <p>Partitions are only ever added (a memtable is replaced whole when flushed), so a slot once
 * filled never changes. Lookups take no lock; additions are serialized on the index. A slot is
 * filled with a release store and read with an acquire load; a grown table is filled first and then
 * published through a volatile field, so a lookup sees either the old table (still valid: it only
 * lacks partitions added since) or the complete new one. A lookup may therefore miss a partition
 * being added at that moment; the memtable's sorted map is the authority, and a miss here looks
 * there.
 *
 * <p>The table is kept at most half full, so every probe ends at an empty slot.
 */
final class PartitionIndex {

  private static final VarHandle SLOTS = MethodHandles.arrayElementVarHandle(StoredPartition[].class);
  private static final int INITIAL_CAPACITY = 16;

  private volatile StoredPartition[] slots = new StoredPartition[INITIAL_CAPACITY];
  /** Partitions held; guarded by this. */
  private int size;

  /** The partition with this key, or null when not (yet) indexed. */
  StoredPartition get(DecoratedKey key) {
    StoredPartition[] table = slots;
    int mask = table.length - 1;
    long token = key.token();
    for (int i = slot(token, mask); ; i = (i + 1) & mask) {
      StoredPartition p = (StoredPartition) SLOTS.getAcquire(table, i);
      if (p == null) {
        return null;
      }
      if (p.hasKey(token, key.key())) {
        return p;
      }
    }
  }

  /** Adds a partition whose key is not indexed yet (the caller won its place in the sorted map). */
  synchronized void add(StoredPartition partition) {
    StoredPartition[] table = slots;
    if ((size + 1) * 2 > table.length) {
      StoredPartition[] grown = new StoredPartition[table.length * 2];
      for (StoredPartition p : table) {
        if (p != null) {
          place(grown, p);
        }
      }
      place(grown, partition);
      slots = grown;
    } else {
      place(table, partition);
    }
    size++;
  }

  int size() {
    synchronized (this) {
      return size;
    }
  }

  private static void place(StoredPartition[] table, StoredPartition p) {
    int mask = table.length - 1;
    int i = slot(p.key().token(), mask);
    while (SLOTS.getAcquire(table, i) != null) {
      i = (i + 1) & mask;
    }
    SLOTS.setRelease(table, i, p);
  }

  /**
   * The home slot of a token. Murmur3 tokens are already well mixed, but other partitioners' are
   * not (ordered ones, or tokens written by a test), so the token is mixed again (Fibonacci
   * hashing: the high bits of its product with 2^64 / phi).
   */
  private static int slot(long token, int mask) {
    return (int) ((token * 0x9E3779B97F4A7C15L) >>> 32) & mask;
  }
}
