package dev.ringlet.internal.storage.sstable;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.CRC32;

/** The small components (summary, filter, statistics, compression info): a body and its CRC32. */
final class CheckedFiles {

  private CheckedFiles() {}

  static void write(Directory dir, String name, byte[] body) throws IOException {
    CRC32 crc = new CRC32();
    crc.update(body);
    byte[] trailer = ByteBuffer.allocate(4).putInt((int) crc.getValue()).array();
    try (Directory.WritableFile f = dir.create(name)) {
      f.write(body, 0, body.length);
      f.write(trailer, 0, 4);
      f.sync();
    }
  }

  static ByteBuffer read(Directory dir, String name) throws IOException {
    byte[] all;
    try (Directory.ReadableFile f = dir.open(name)) {
      if (f.length() < 4) {
        throw new CorruptSSTableException(dir.describe(name), 0, "file of " + f.length() + " bytes is shorter than its checksum", null);
      }
      all = new byte[(int) f.length()];
      f.read(0, all, 0, all.length);
    }
    CRC32 crc = new CRC32();
    crc.update(all, 0, all.length - 4);
    int stored = ByteBuffer.wrap(all, all.length - 4, 4).getInt();
    if (stored != (int) crc.getValue()) {
      throw new CorruptSSTableException(dir.describe(name), 0, String.format("checksum mismatch over %d bytes (stored %08x, computed %08x)",
          all.length - 4, stored, (int) crc.getValue()), null);
    }
    return ByteBuffer.wrap(all, 0, all.length - 4).slice();
  }
}
