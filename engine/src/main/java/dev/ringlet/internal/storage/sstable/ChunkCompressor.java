package dev.ringlet.internal.storage.sstable;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4FastDecompressor;

/**
 * Compresses one data-file chunk. The name written in CompressionInfo picks the decompressor when
 * the file is read, so a table whose {@code compression} option changes keeps reading its old files.
 */
public enum ChunkCompressor {
  /** No compression ({@code 'enabled': false} or NoopCompressor). */
  NONE {
    @Override
    byte[] compress(byte[] in, int length) {
      return Arrays.copyOf(in, length);
    }

    @Override
    byte[] decompress(byte[] in, int offset, int length, int uncompressedLength) throws IOException {
      if (length != uncompressedLength) {
        throw new IOException("uncompressed chunk of " + length + " bytes (expected: " + uncompressedLength + ")");
      }
      return Arrays.copyOfRange(in, offset, offset + length);
    }
  },
  LZ4 {
    @Override
    byte[] compress(byte[] in, int length) {
      LZ4Compressor c = LZ4Factory.fastestJavaInstance().fastCompressor();
      byte[] out = new byte[c.maxCompressedLength(length)];
      int n = c.compress(in, 0, length, out, 0, out.length);
      return Arrays.copyOf(out, n);
    }

    @Override
    byte[] decompress(byte[] in, int offset, int length, int uncompressedLength) throws IOException {
      LZ4FastDecompressor d = LZ4Factory.fastestJavaInstance().fastDecompressor();
      byte[] out = new byte[uncompressedLength];
      try {
        int read = d.decompress(in, offset, out, 0, uncompressedLength);
        if (read != length) {
          throw new IOException("LZ4 chunk consumed " + read + " of " + length + " bytes");
        }
      } catch (net.jpountz.lz4.LZ4Exception e) {
        throw new IOException("LZ4 chunk does not decompress: " + e.getMessage(), e);
      }
      return out;
    }
  },
  SNAPPY {
    @Override
    byte[] compress(byte[] in, int length) throws IOException {
      byte[] out = new byte[org.xerial.snappy.Snappy.maxCompressedLength(length)];
      int n = org.xerial.snappy.Snappy.compress(in, 0, length, out, 0);
      return Arrays.copyOf(out, n);
    }

    @Override
    byte[] decompress(byte[] in, int offset, int length, int uncompressedLength) throws IOException {
      byte[] out = new byte[uncompressedLength];
      int n = org.xerial.snappy.Snappy.uncompress(in, offset, length, out, 0);
      if (n != uncompressedLength) {
        throw new IOException("Snappy chunk of " + n + " bytes (expected: " + uncompressedLength + ")");
      }
      return out;
    }
  },
  DEFLATE {
    @Override
    byte[] compress(byte[] in, int length) {
      Deflater d = new Deflater();
      try {
        d.setInput(in, 0, length);
        d.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream(length / 2 + 16);
        byte[] buf = new byte[8192];
        while (!d.finished()) {
          int n = d.deflate(buf);
          out.write(buf, 0, n);
        }
        return out.toByteArray();
      } finally {
        d.end();
      }
    }

    @Override
    byte[] decompress(byte[] in, int offset, int length, int uncompressedLength) throws IOException {
      Inflater inf = new Inflater();
      try {
        inf.setInput(in, offset, length);
        byte[] out = new byte[uncompressedLength];
        int n = 0;
        while (n < uncompressedLength && !inf.finished()) {
          int r = inf.inflate(out, n, uncompressedLength - n);
          if (r == 0 && (inf.needsInput() || inf.needsDictionary())) {
            break;
          }
          n += r;
        }
        if (n != uncompressedLength) {
          throw new IOException("Deflate chunk of " + n + " bytes (expected: " + uncompressedLength + ")");
        }
        return out;
      } catch (DataFormatException e) {
        throw new IOException("Deflate chunk does not inflate: " + e.getMessage(), e);
      } finally {
        inf.end();
      }
    }
  };

  abstract byte[] compress(byte[] in, int length) throws IOException;

  abstract byte[] decompress(byte[] in, int offset, int length, int uncompressedLength) throws IOException;

  /**
   * The compressor for a table's {@code compression} class name (null = disabled). Zstd has no
   * library in Ringlet: such tables are written with Deflate, which only changes the ratio.
   */
  public static ChunkCompressor forClassName(String className) {
    if (className == null) {
      return NONE;
    }
    String simple = className.substring(className.lastIndexOf('.') + 1);
    switch (simple) {
      case "LZ4Compressor":
        return LZ4;
      case "SnappyCompressor":
        return SNAPPY;
      case "DeflateCompressor":
      case "ZstdCompressor":
        return DEFLATE;
      default:
        return NONE;
    }
  }
}
