package dev.ringlet.internal.storage.sstable;

import dev.ringlet.internal.storage.Clustering;
import dev.ringlet.internal.storage.DecoratedKey;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * One partition's entry in the index file: where it starts in the data stream, how long its header
 * (key, deletions, static row) and whole body are, and for wide partitions the index blocks that let
 * a clustering slice read only the rows it needs.
 */
record IndexEntry(DecoratedKey key, long position, int headerLength, long length, int rowCount, List<Block> blocks) {

  /** A run of consecutive rows: first and last clustering, offset from the partition's start, length. */
  record Block(Clustering first, Clustering last, long offset, int length) {}

  void write(DataOutput out) throws IOException {
    Serialization.writeKey(key, out);
    out.writeLong(position);
    out.writeInt(headerLength);
    out.writeLong(length);
    out.writeInt(rowCount);
    out.writeInt(blocks.size());
    for (Block b : blocks) {
      Serialization.writeClustering(b.first, out);
      Serialization.writeClustering(b.last, out);
      out.writeLong(b.offset);
      out.writeInt(b.length);
    }
  }

  static IndexEntry read(ByteBuffer in) {
    DecoratedKey key = Serialization.readKey(in);
    long position = in.getLong();
    int header = in.getInt();
    long length = in.getLong();
    int rows = in.getInt();
    int n = in.getInt();
    List<Block> blocks = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      blocks.add(new Block(Serialization.readClustering(in), Serialization.readClustering(in), in.getLong(), in.getInt()));
    }
    return new IndexEntry(key, position, header, length, rows, blocks);
  }
}
