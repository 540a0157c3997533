package dev.ringlet.internal.storage.sstable;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.CRC32;

/**
 * Reads ranges of the uncompressed data stream: finds the chunks covering a range, checks each
 * chunk's CRC32 before decompressing it, and keeps decompressed chunks in the node's
 * {@link ChunkCache} (and the last one read here, for sequential reads). A mismatch is a
 * {@link CorruptSSTableException} naming the file and the chunk's position. A range within one chunk
 * is answered as a read-only view of the (shared) chunk, without a copy.
 */
final class ChunkedReader implements AutoCloseable {

  private final Directory.ReadableFile file;
  private final String fileName;
  private final ChunkCompressor compressor;
  private final int chunkLength;
  private final long length;
  private final long[] offsets;
  private final AtomicReference<Chunk> last = new AtomicReference<>();
  private final ChunkCache cache;
  private final long cacheId;

  private record Chunk(int index, byte[] bytes) {}

  ChunkedReader(Directory dir, long generation, ChunkCache cache) throws IOException {
    ByteBuffer info = CheckedFiles.read(dir, Component.COMPRESSION_INFO.fileName(generation));
    String name = readUtf(info);
    this.compressor = ChunkCompressor.valueOf(name);
    this.chunkLength = info.getInt();
    this.length = info.getLong();
    int n = info.getInt();
    this.offsets = new long[n + 1];
    for (int i = 0; i < n; i++) {
      offsets[i] = info.getLong();
    }
    offsets[n] = info.getLong();
    this.fileName = dir.describe(Component.DATA.fileName(generation));
    this.file = dir.open(Component.DATA.fileName(generation));
    this.cache = cache;
    this.cacheId = cache.register();
    if (file.length() != offsets[n]) {
      throw new CorruptSSTableException(fileName, file.length(), "data file of " + file.length()
          + " bytes (expected: " + offsets[n] + " as CompressionInfo says)", null);
    }
  }

  private static String readUtf(ByteBuffer in) {
    int n = in.getShort() & 0xFFFF;
    byte[] b = new byte[n];
    in.get(b);
    return new String(b, java.nio.charset.StandardCharsets.UTF_8);
  }

  long length() {
    return length;
  }

  /** {@code len} uncompressed bytes from {@code position}. */
  ByteBuffer read(long position, int len) {
    if (position < 0 || position + len > length) {
      throw new CorruptSSTableException(fileName, position, "range of " + len + " bytes beyond the data length " + length, null);
    }
    int first = (int) (position / chunkLength);
    int firstWithin = (int) (position % chunkLength);
    if (len == 0) {
      return ByteBuffer.allocate(0);
    }
    byte[] firstChunk = chunk(first);
    if (firstWithin + len <= firstChunk.length) {
      return ByteBuffer.wrap(firstChunk, firstWithin, len).slice().asReadOnlyBuffer();
    }
    byte[] out = new byte[len];
    int done = 0;
    while (done < len) {
      long p = position + done;
      int index = (int) (p / chunkLength);
      int within = (int) (p % chunkLength);
      byte[] chunk = chunk(index);
      int n = Math.min(len - done, chunk.length - within);
      System.arraycopy(chunk, within, out, done, n);
      done += n;
    }
    return ByteBuffer.wrap(out);
  }

  private byte[] chunk(int index) {
    Chunk cached = last.get();
    if (cached != null && cached.index == index) {
      return cached.bytes;
    }
    byte[] shared = cache.get(cacheId, index);
    if (shared != null) {
      last.set(new Chunk(index, shared));
      return shared;
    }
    long start = offsets[index];
    int stored = (int) (offsets[index + 1] - start - 4);
    byte[] raw = new byte[stored + 4];
    try {
      file.read(start, raw, 0, raw.length);
    } catch (IOException e) {
      throw new CorruptSSTableException(fileName, start, "chunk " + index + " unreadable: " + e.getMessage(), e);
    }
    CRC32 crc = new CRC32();
    crc.update(raw, 0, stored);
    int expected = ByteBuffer.wrap(raw, stored, 4).getInt();
    if (expected != (int) crc.getValue()) {
      throw new CorruptSSTableException(fileName, start, String.format("checksum mismatch in chunk %d of %d bytes (stored %08x, computed %08x)",
          index, stored, expected, (int) crc.getValue()), null);
    }
    int uncompressedLength = (int) Math.min(chunkLength, length - (long) index * chunkLength);
    byte[] bytes;
    try {
      bytes = compressor.decompress(raw, 0, stored, uncompressedLength);
    } catch (IOException | RuntimeException e) {
      throw new CorruptSSTableException(fileName, start, "chunk " + index + ": " + e.getMessage(), e);
    }
    cache.put(cacheId, index, bytes);
    last.set(new Chunk(index, bytes));
    return bytes;
  }

  @Override
  public void close() throws IOException {
    last.set(null);
    cache.invalidate(cacheId);
    file.close();
  }
}
