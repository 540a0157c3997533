package dev.ringlet.internal.storage.sstable;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.CRC32;

/**
 * Writes the data file as fixed-length chunks of the uncompressed stream, each compressed and
 * followed by the CRC32 of its compressed bytes; CompressionInfo records every chunk's offset.
 */
final class ChunkedWriter implements AutoCloseable {

  private final Directory dir;
  private final long generation;
  private final Directory.WritableFile out;
  private final ChunkCompressor compressor;
  private final byte[] buffer;
  private int buffered;
  private long uncompressed;
  private long compressed;
  private long[] offsets = new long[16];
  private int chunks;

  ChunkedWriter(Directory dir, long generation, ChunkCompressor compressor, int chunkLength) throws IOException {
    this.dir = dir;
    this.generation = generation;
    this.out = dir.create(Component.DATA.fileName(generation));
    this.compressor = compressor;
    this.buffer = new byte[chunkLength];
  }

  /** The uncompressed position of the next byte. */
  long position() {
    return uncompressed;
  }

  long compressedLength() {
    return compressed;
  }

  void write(byte[] bytes, int offset, int length) throws IOException {
    while (length > 0) {
      int n = Math.min(length, buffer.length - buffered);
      System.arraycopy(bytes, offset, buffer, buffered, n);
      buffered += n;
      offset += n;
      length -= n;
      uncompressed += n;
      if (buffered == buffer.length) {
        flushChunk();
      }
    }
  }

  private void flushChunk() throws IOException {
    if (buffered == 0) {
      return;
    }
    byte[] c = compressor.compress(buffer, buffered);
    CRC32 crc = new CRC32();
    crc.update(c);
    if (chunks == offsets.length) {
      offsets = java.util.Arrays.copyOf(offsets, chunks * 2);
    }
    offsets[chunks++] = compressed;
    out.write(c, 0, c.length);
    out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array(), 0, 4);
    compressed += c.length + 4;
    buffered = 0;
  }

  /** Writes the last chunk and CompressionInfo. */
  void finish() throws IOException {
    flushChunk();
    out.sync();
    out.close();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream info = new DataOutputStream(bytes);
    info.writeUTF(compressor.name());
    info.writeInt(buffer.length);
    info.writeLong(uncompressed);
    info.writeInt(chunks);
    for (int i = 0; i < chunks; i++) {
      info.writeLong(offsets[i]);
    }
    info.writeLong(compressed);
    CheckedFiles.write(dir, Component.COMPRESSION_INFO.fileName(generation), bytes.toByteArray());
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
