package dev.ringlet.internal.exec.select;

import dev.ringlet.internal.error.CqlException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a page ended: the last row returned (its partition key and token, and its clustering, or
 * null clustering when it was the partition's static-only row), how many rows were returned in
 * all and in that partition. The next page resumes strictly after that row, so every row is
 * returned exactly once however the pages are cut.
 *
 * <p>Bytes: {@code [long token][int keyLen][key][int n or -1][n x (int len, bytes)][int returned][int returnedInPartition]}.
 */
public record PagingState(long token, ByteBuffer partitionKey, List<ByteBuffer> clustering, int returned, int returnedInPartition) {

  public ByteBuffer encode() {
    int size = 8 + 4 + partitionKey.remaining() + 4 + 8;
    if (clustering != null) {
      for (ByteBuffer b : clustering) {
        size += 4 + b.remaining();
      }
    }
    ByteBuffer out = ByteBuffer.allocate(size);
    out.putLong(token).putInt(partitionKey.remaining()).put(partitionKey.duplicate());
    if (clustering == null) {
      out.putInt(-1);
    } else {
      out.putInt(clustering.size());
      for (ByteBuffer b : clustering) {
        out.putInt(b.remaining()).put(b.duplicate());
      }
    }
    out.putInt(returned).putInt(returnedInPartition);
    return out.flip();
  }

  public static PagingState decode(ByteBuffer bytes) {
    if (bytes == null) {
      return null;
    }
    try {
      ByteBuffer in = bytes.duplicate();
      long token = in.getLong();
      ByteBuffer key = slice(in, in.getInt());
      int n = in.getInt();
      List<ByteBuffer> clustering = null;
      if (n >= 0) {
        clustering = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          clustering.add(slice(in, in.getInt()));
        }
      }
      int returned = in.getInt();
      int inPartition = in.getInt();
      if (in.hasRemaining()) {
        throw new IllegalArgumentException("trailing bytes");
      }
      return new PagingState(token, key, clustering, returned, inPartition);
    } catch (RuntimeException e) {
      throw CqlException.invalid("Invalid value for the paging state");
    }
  }

  private static ByteBuffer slice(ByteBuffer in, int len) {
    if (len < 0 || len > in.remaining()) {
      throw new IllegalArgumentException("bad length " + len);
    }
    ByteBuffer s = in.slice();
    s.limit(len);
    in.position(in.position() + len);
    return s;
  }
}
