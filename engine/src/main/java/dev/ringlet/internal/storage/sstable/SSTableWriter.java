package dev.ringlet.internal.storage.sstable;

import dev.ringlet.internal.storage.Cell;
import dev.ringlet.internal.storage.Clustering;
import dev.ringlet.internal.storage.ClusteringComparator;
import dev.ringlet.internal.storage.ComplexColumn;
import dev.ringlet.internal.storage.DecoratedKey;
import dev.ringlet.internal.storage.DeletionTime;
import dev.ringlet.internal.storage.PartitionUpdate;
import dev.ringlet.internal.storage.RangeTombstone;
import dev.ringlet.internal.storage.RowUpdate;
import dev.ringlet.internal.storage.sstable.SSTableStatistics.CommitLogBound;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Writes one SSTable from partitions given in token order. Components are written beside each
 * other and the table of contents last, so a crash mid-write leaves an SSTable without a TOC, which
 * {@link SSTables#open} ignores and deletes.
 */
public final class SSTableWriter implements AutoCloseable {

  private final Directory dir;
  private final long generation;
  private final ClusteringComparator comparator;
  private final SSTableOptions options;
  private final ChunkedWriter data;
  private final Directory.WritableFile index;
  private long indexPosition;
  private final ByteArrayOutputStream summary = new ByteArrayOutputStream();
  private final DataOutputStream summaryOut = new DataOutputStream(summary);
  private int summaryEntries;
  private final BloomFilter filter;
  private final int level;
  private final CommitLogBound commitLogUpper;
  private boolean finished;

  private DecoratedKey first;
  private DecoratedKey last;
  private long minTimestamp = Long.MAX_VALUE;
  private long maxTimestamp = Long.MIN_VALUE;
  private long minLocalDeletionTime = Long.MAX_VALUE;
  private long maxLocalDeletionTime = Long.MIN_VALUE;
  private Clustering minClustering;
  private Clustering maxClustering;
  private long partitions;
  private long rows;
  private long cells;
  private long tombstones;
  private long partitionLevelEntries;

  public SSTableWriter(Directory dir, long generation, ClusteringComparator comparator, SSTableOptions options,
      long expectedKeys, int level, CommitLogBound commitLogUpper) throws IOException {
    this.dir = dir;
    this.generation = generation;
    this.comparator = comparator;
    this.options = options;
    this.level = level;
    this.commitLogUpper = commitLogUpper;
    this.filter = BloomFilter.create(expectedKeys, options.bloomFpChance());
    this.data = new ChunkedWriter(dir, generation, options.compressor(), options.chunkLength());
    this.index = dir.create(Component.INDEX.fileName(generation));
  }

  public long generation() {
    return generation;
  }

  /** Bytes written so far (uncompressed), to split compaction output by size. */
  public long uncompressedLength() {
    return data.position();
  }

  public long partitionCount() {
    return partitions;
  }

  /** Appends a partition; keys must increase. Its rows need not be sorted. */
  public void append(PartitionUpdate partition) throws IOException {
    if (last != null && partition.key().compareTo(last) <= 0) {
      throw new IllegalStateException("partition " + partition.key() + " appended after " + last + " (expected: increasing keys)");
    }
    if (first == null) {
      first = partition.key();
    }
    last = partition.key();
    filter.add(partition.key());
    partitions++;
    collect(partition);

    long start = data.position();
    ByteArrayOutputStream buf = new ByteArrayOutputStream(256);
    DataOutputStream out = new DataOutputStream(buf);
    Serialization.writeHeader(partition, out);
    List<RowUpdate> sorted = new ArrayList<>(partition.rows());
    sorted.sort((a, b) -> comparator.compare(a.clustering(), b.clustering()));
    out.writeInt(sorted.size());
    int headerLength = buf.size();
    List<IndexEntry.Block> blocks = new ArrayList<>();
    int blockStart = buf.size();
    Clustering blockFirst = null;
    Clustering blockLast = null;
    for (RowUpdate r : sorted) {
      if (blockFirst == null) {
        blockFirst = r.clustering();
      }
      Serialization.writeRow(r, out);
      blockLast = r.clustering();
      if (buf.size() - blockStart >= options.blockSize()) {
        blocks.add(new IndexEntry.Block(blockFirst, blockLast, blockStart, buf.size() - blockStart));
        blockStart = buf.size();
        blockFirst = null;
      }
    }
    if (blockFirst != null) {
      blocks.add(new IndexEntry.Block(blockFirst, blockLast, blockStart, buf.size() - blockStart));
    }
    if (blocks.size() < 2) {
      blocks = List.of();
    }
    byte[] bytes = buf.toByteArray();
    data.write(bytes, 0, bytes.length);
    writeIndexEntry(new IndexEntry(partition.key(), start, headerLength, bytes.length, sorted.size(), blocks));
  }

  private void writeIndexEntry(IndexEntry entry) throws IOException {
    if ((partitions - 1) % options.indexInterval() == 0) {
      Serialization.writeKey(entry.key(), summaryOut);
      summaryOut.writeLong(indexPosition);
      summaryEntries++;
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream(64);
    entry.write(new DataOutputStream(body));
    byte[] b = body.toByteArray();
    CRC32 crc = new CRC32();
    crc.update(b);
    ByteBuffer framed = ByteBuffer.allocate(b.length + 8);
    framed.putInt(b.length).put(b).putInt((int) crc.getValue());
    index.write(framed.array(), 0, framed.capacity());
    indexPosition += framed.capacity();
  }

  /** Finishes every component and returns the statistics written; the SSTable can then be opened. */
  public SSTableStatistics finish() throws IOException {
    if (partitions == 0) {
      throw new IllegalStateException("an SSTable needs at least one partition");
    }
    data.finish();
    index.sync();
    index.close();

    ByteArrayOutputStream s = new ByteArrayOutputStream();
    DataOutputStream so = new DataOutputStream(s);
    so.writeInt(summaryEntries);
    so.write(summary.toByteArray());
    CheckedFiles.write(dir, Component.SUMMARY.fileName(generation), s.toByteArray());

    ByteArrayOutputStream f = new ByteArrayOutputStream();
    filter.write(new DataOutputStream(f));
    CheckedFiles.write(dir, Component.FILTER.fileName(generation), f.toByteArray());

    SSTableStatistics stats = new SSTableStatistics(first, last, minTimestamp, maxTimestamp, minLocalDeletionTime,
        maxLocalDeletionTime, minClustering == null ? Clustering.EMPTY : minClustering,
        maxClustering == null ? Clustering.EMPTY : maxClustering, partitions, rows, cells, tombstones, partitionLevelEntries, data.position(),
        data.compressedLength(), level, commitLogUpper);
    ByteArrayOutputStream st = new ByteArrayOutputStream();
    stats.write(new DataOutputStream(st));
    CheckedFiles.write(dir, Component.STATISTICS.fileName(generation), st.toByteArray());

    StringBuilder toc = new StringBuilder();
    for (Component c : Component.values()) {
      toc.append(c.suffix()).append('\n');
    }
    byte[] t = toc.toString().getBytes(StandardCharsets.UTF_8);
    try (Directory.WritableFile tf = dir.create(Component.TOC.fileName(generation))) {
      tf.write(t, 0, t.length);
      tf.sync();
    }
    finished = true;
    return stats;
  }

  /** Abandons an unfinished SSTable, deleting what was written. */
  @Override
  public void close() throws IOException {
    if (!finished) {
      data.close();
      index.close();
      for (Component c : Component.values()) {
        dir.delete(c.fileName(generation));
      }
    }
  }

  private void collect(PartitionUpdate p) {
    if (!p.partitionDeletion().isLive() || !p.rangeTombstones().isEmpty() || p.staticRow() != null) {
      partitionLevelEntries++;
    }
    if (!p.partitionDeletion().isLive()) {
      tombstones++;
      deletion(p.partitionDeletion());
    }
    for (RangeTombstone rt : p.rangeTombstones()) {
      tombstones++;
      deletion(rt.deletion());
    }
    if (p.staticRow() != null) {
      collect(p.staticRow());
    }
    for (RowUpdate r : p.rows()) {
      rows++;
      collect(r);
      if (minClustering == null || comparator.compare(r.clustering(), minClustering) < 0) {
        minClustering = r.clustering();
      }
      if (maxClustering == null || comparator.compare(r.clustering(), maxClustering) > 0) {
        maxClustering = r.clustering();
      }
    }
  }

  private void collect(RowUpdate r) {
    if (!r.liveness().isEmpty()) {
      timestamp(r.liveness().timestamp());
      if (r.liveness().isExpiring()) {
        localDeletion(r.liveness().expiresAt());
      }
    }
    if (!r.deletion().isLive()) {
      tombstones++;
      deletion(r.deletion());
    }
    if (!r.shadowableDeletion().isLive()) {
      tombstones++;
      deletion(r.shadowableDeletion());
    }
    for (Cell c : r.cells().values()) {
      cell(c);
    }
    for (ComplexColumn c : r.complex().values()) {
      if (!c.deletion().isLive()) {
        tombstones++;
        deletion(c.deletion());
      }
      for (Cell cell : c.cells().values()) {
        cell(cell);
      }
    }
  }

  private void cell(Cell c) {
    cells++;
    timestamp(c.timestamp());
    if (c.localDeletionTime() != Cell.NO_DELETION_TIME) {
      localDeletion(c.localDeletionTime());
      if (c.isTombstone()) {
        tombstones++;
      }
    }
  }

  private void deletion(DeletionTime d) {
    timestamp(d.markedForDeleteAt());
    localDeletion(d.localDeletionTime());
  }

  private void timestamp(long ts) {
    minTimestamp = Math.min(minTimestamp, ts);
    maxTimestamp = Math.max(maxTimestamp, ts);
  }

  private void localDeletion(long ldt) {
    minLocalDeletionTime = Math.min(minLocalDeletionTime, ldt);
    maxLocalDeletionTime = Math.max(maxLocalDeletionTime, ldt);
  }
}
