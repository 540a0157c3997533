package dev.ringlet.internal.storage.sstable;

import dev.ringlet.internal.storage.ClusteringComparator;
import dev.ringlet.internal.storage.ClusteringComparator.Bound;
import dev.ringlet.internal.storage.DecoratedKey;
import dev.ringlet.internal.storage.PartitionUpdate;
import dev.ringlet.internal.storage.RowUpdate;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32;

/**
 * An open SSTable: point reads (key range and bloom filter first, then the summary, the index and
 * the partition's bytes), clustering-slice reads through index blocks, and ordered iteration.
 * Reference-counted: the table's view holds one reference and every read takes one, so a compaction
 * can retire the SSTable while reads are still using it; the files go when the last one is released.
 */
public final class SSTableReader {

  private final Directory dir;
  private final long generation;
  private final ClusteringComparator comparator;
  private final SSTableStatistics stats;
  private final BloomFilter filter;
  private final DecoratedKey[] sampleKeys;
  private final long[] samplePositions;
  private final int indexInterval;
  private final ChunkedReader data;
  private final Directory.ReadableFile index;
  private final String indexName;
  private final AtomicInteger refs = new AtomicInteger(1);
  private final AtomicBoolean obsolete = new AtomicBoolean();

  private SSTableReader(Directory dir, long generation, ClusteringComparator comparator, int indexInterval, ChunkCache cache)
      throws IOException {
    this.dir = dir;
    this.generation = generation;
    this.comparator = comparator;
    this.indexInterval = indexInterval;
    readToc(dir, generation);
    this.stats = SSTableStatistics.read(CheckedFiles.read(dir, Component.STATISTICS.fileName(generation)));
    this.filter = BloomFilter.read(CheckedFiles.read(dir, Component.FILTER.fileName(generation)));
    ByteBuffer summary = CheckedFiles.read(dir, Component.SUMMARY.fileName(generation));
    int n = summary.getInt();
    this.sampleKeys = new DecoratedKey[n];
    this.samplePositions = new long[n];
    for (int i = 0; i < n; i++) {
      sampleKeys[i] = Serialization.readKey(summary);
      samplePositions[i] = summary.getLong();
    }
    this.data = new ChunkedReader(dir, generation, cache);
    this.indexName = dir.describe(Component.INDEX.fileName(generation));
    this.index = dir.open(Component.INDEX.fileName(generation));
  }

  /** Opens a finished SSTable; {@code indexInterval} is the one it was written with (a bound on index scans). */
  public static SSTableReader open(Directory dir, long generation, ClusteringComparator comparator, int indexInterval)
      throws IOException {
    return open(dir, generation, comparator, indexInterval, ChunkCache.disabled());
  }

  /** Opens a finished SSTable whose decompressed chunks are kept in the node's {@code cache}. */
  public static SSTableReader open(Directory dir, long generation, ClusteringComparator comparator, int indexInterval,
      ChunkCache cache) throws IOException {
    return new SSTableReader(dir, generation, comparator, indexInterval, cache);
  }

  private static void readToc(Directory dir, long generation) throws IOException {
    String name = Component.TOC.fileName(generation);
    try (Directory.ReadableFile f = dir.open(name)) {
      byte[] b = new byte[(int) f.length()];
      f.read(0, b, 0, b.length);
      for (String line : new String(b, StandardCharsets.UTF_8).split("\n")) {
        String component = "rg-" + generation + "-" + line.trim();
        if (!line.isBlank() && !dir.exists(component)) {
          throw new CorruptSSTableException(dir.describe(name), 0, "component " + component + " is missing", null);
        }
      }
    }
  }

  public long generation() {
    return generation;
  }

  public SSTableStatistics stats() {
    return stats;
  }

  public Directory directory() {
    return dir;
  }

  /** On-disk (or in-heap) size of every component. */
  public long onDiskLength() {
    return stats.compressedLength() + index.length();
  }

  /** False when the key is certainly absent (outside the key range, or rejected by the bloom filter). */
  public boolean mightContain(DecoratedKey key) {
    return key.compareTo(stats.first()) >= 0 && key.compareTo(stats.last()) <= 0 && filter.mightContain(key);
  }

  /** The partition as stored here, or null. */
  public PartitionUpdate read(DecoratedKey key) {
    if (!mightContain(key)) {
      return null;
    }
    IndexEntry e = find(key);
    return e == null ? null : readPartition(e);
  }

  /**
   * The partition's header (deletion, range tombstones, static row) and only the rows between the
   * bounds, reading only the index blocks that overlap them; null when the partition is absent.
   */
  public PartitionUpdate readSlice(DecoratedKey key, Bound start, Bound end) {
    if (!mightContain(key)) {
      return null;
    }
    IndexEntry e = find(key);
    if (e == null) {
      return null;
    }
    if (e.blocks().isEmpty()) {
      PartitionUpdate whole = readPartition(e);
      List<RowUpdate> rows = new ArrayList<>();
      for (RowUpdate r : whole.rows()) {
        if (comparator.contains(start, end, r.clustering())) {
          rows.add(r);
        }
      }
      return new PartitionUpdate(whole.key(), whole.partitionDeletion(), whole.rangeTombstones(), whole.staticRow(), rows);
    }
    ByteBuffer header = data.read(e.position(), e.headerLength());
    Serialization.Header h = parse(e.position(), () -> Serialization.readHeader(header));
    List<RowUpdate> rows = new ArrayList<>();
    for (IndexEntry.Block b : e.blocks()) {
      if (comparator.compare(b.last(), start) < 0 || comparator.compare(b.first(), end) > 0) {
        continue;
      }
      long at = e.position() + b.offset();
      ByteBuffer block = data.read(at, b.length());
      parse(at, () -> {
        while (block.hasRemaining()) {
          RowUpdate r = Serialization.readRow(block);
          if (comparator.contains(start, end, r.clustering())) {
            rows.add(r);
          }
        }
        return null;
      });
    }
    return new PartitionUpdate(h.key(), h.deletion(), h.rangeTombstones(), h.staticRow(), rows);
  }

  /** Partitions in order from {@code from} (null: the first), inclusive or not. */
  public Iterator<PartitionUpdate> iterator(DecoratedKey from, boolean inclusive) {
    long position = 0;
    if (from != null) {
      int s = sampleAtOrBefore(from);
      position = s < 0 ? 0 : samplePositions[s];
    }
    long start = position;
    return new Iterator<>() {
      private long next = start;
      private PartitionUpdate pending = advance();

      private PartitionUpdate advance() {
        long[] length = new long[1];
        while (next < index.length()) {
          IndexEntry e = readEntry(next, length);
          next += length[0];
          if (from != null) {
            int c = e.key().compareTo(from);
            if (c < 0 || (c == 0 && !inclusive)) {
              continue;
            }
          }
          return readPartition(e);
        }
        return null;
      }

      @Override
      public boolean hasNext() {
        return pending != null;
      }

      @Override
      public PartitionUpdate next() {
        if (pending == null) {
          throw new NoSuchElementException();
        }
        PartitionUpdate p = pending;
        pending = advance();
        return p;
      }
    };
  }

  private int sampleAtOrBefore(DecoratedKey key) {
    int lo = 0;
    int hi = sampleKeys.length - 1;
    int found = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (sampleKeys[mid].compareTo(key) <= 0) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }

  /**
   * Reads the index run between the sample before the key and the next sample in one go, then
   * scans it: an entry whose token is below the key's is stepped over by its length alone (no
   * checksum, no parse); the first entry at or past the key's token is checked and parsed, and
   * decides (the same token and key: found; a greater key: absent).
   */
  private IndexEntry find(DecoratedKey key) {
    int s = sampleAtOrBefore(key);
    if (s < 0) {
      return null;
    }
    long at = samplePositions[s];
    long end = s + 1 < samplePositions.length ? samplePositions[s + 1] : index.length();
    byte[] run = new byte[(int) (end - at)];
    try {
      index.read(at, run, 0, run.length);
    } catch (IOException e) {
      throw new CorruptSSTableException(indexName, at, "unreadable index: " + e.getMessage(), e);
    }
    ByteBuffer in = ByteBuffer.wrap(run);
    while (in.remaining() >= 8) {
      int entryStart = in.position();
      int n = in.getInt();
      if (n < 0 || n + 4 > in.remaining()) {
        throw new CorruptSSTableException(indexName, at + entryStart, "index entry length " + n + " beyond its run", null);
      }
      int body = in.position();
      in.position(body + n + 4);
      if (n >= 8 && in.getLong(body) < key.token()) {
        continue;
      }
      CRC32 crc = new CRC32();
      crc.update(run, body, n);
      int stored = in.getInt(body + n);
      if (stored != (int) crc.getValue()) {
        throw new CorruptSSTableException(indexName, at + entryStart, String.format(
            "checksum mismatch in index entry (stored %08x, computed %08x)", stored, (int) crc.getValue()), null);
      }
      IndexEntry e = IndexEntry.read(ByteBuffer.wrap(run, body, n).slice());
      int c = e.key().compareTo(key);
      if (c == 0) {
        return e;
      }
      if (c > 0) {
        return null;
      }
    }
    return null;
  }

  private IndexEntry readEntry(long at, long[] lengthOut) {
    byte[] len = new byte[4];
    try {
      index.read(at, len, 0, 4);
      int n = ByteBuffer.wrap(len).getInt();
      if (n < 0 || at + 8 + n > index.length()) {
        throw new CorruptSSTableException(indexName, at, "index entry length " + n + " beyond the file's end", null);
      }
      byte[] body = new byte[n + 4];
      index.read(at + 4, body, 0, n + 4);
      CRC32 crc = new CRC32();
      crc.update(body, 0, n);
      int stored = ByteBuffer.wrap(body, n, 4).getInt();
      if (stored != (int) crc.getValue()) {
        throw new CorruptSSTableException(indexName, at, String.format("checksum mismatch in index entry (stored %08x, computed %08x)",
            stored, (int) crc.getValue()), null);
      }
      if (lengthOut != null) {
        lengthOut[0] = n + 8;
      }
      ByteBuffer b = ByteBuffer.wrap(body, 0, n);
      return IndexEntry.read(b);
    } catch (IOException e) {
      throw new CorruptSSTableException(indexName, at, "unreadable index entry: " + e.getMessage(), e);
    }
  }

  private PartitionUpdate readPartition(IndexEntry e) {
    if (e.length() > Integer.MAX_VALUE) {
      throw new IllegalStateException("partition " + e.key() + " of " + e.length() + " bytes is too large to read whole");
    }
    ByteBuffer b = data.read(e.position(), (int) e.length());
    return parse(e.position(), () -> Serialization.readPartition(b));
  }

  private interface Parse<T> {
    T run();
  }

  private <T> T parse(long position, Parse<T> p) {
    try {
      return p.run();
    } catch (BufferUnderflowException | IllegalStateException | IllegalArgumentException e) {
      throw new CorruptSSTableException(dir.describe(Component.DATA.fileName(generation)), position,
          "partition does not parse: " + e, e);
    }
  }

  /** Takes a reference for a read; false when the SSTable is already released. */
  public boolean ref() {
    while (true) {
      int n = refs.get();
      if (n <= 0) {
        return false;
      }
      if (refs.compareAndSet(n, n + 1)) {
        return true;
      }
    }
  }

  /** Releases a reference; the last one closes the files, and deletes them if obsolete. */
  public void unref() {
    if (refs.decrementAndGet() == 0) {
      try {
        data.close();
        index.close();
        if (obsolete.get()) {
          deleteFiles(dir, generation);
        }
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }

  /** Marks the files for deletion once every reference is released (after a compaction or truncate). */
  public void markObsolete() {
    obsolete.set(true);
  }

  /** Deletes an SSTable's components, the TOC first so a crash never leaves a half-deleted one that looks whole. */
  public static void deleteFiles(Directory dir, long generation) throws IOException {
    dir.delete(Component.TOC.fileName(generation));
    for (Component c : Component.values()) {
      dir.delete(c.fileName(generation));
    }
  }

  @Override
  public String toString() {
    return dir.describe(Component.DATA.fileName(generation));
  }
}
