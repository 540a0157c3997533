package dev.ringlet.internal.storage.commitlog;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32;

/**
 * One commit-log file: a header, then entries appended until it reaches its size. Remembers which
 * tables wrote into it and where their last entry ends, so it can be deleted once every one of
 * them has flushed past it. Appends are serialised by the {@link CommitLog}.
 */
final class CommitLogSegment {

  static final int MAGIC = 0x52474c31; // "RGL1"
  static final int HEADER_SIZE = 20;

  final long id;
  final Path path;
  private final FileChannel channel;
  private long position;
  /** Table id → end of its last entry here. */
  final Map<UUID, Long> dirty = new ConcurrentHashMap<>();

  private CommitLogSegment(long id, Path path, FileChannel channel, long position) {
    this.id = id;
    this.path = path;
    this.channel = channel;
    this.position = position;
  }

  static String fileName(long id) {
    return "CommitLog-" + id + ".log";
  }

  /** The segment id in a file name, or -1. */
  static long idOf(String fileName) {
    if (!fileName.startsWith("CommitLog-") || !fileName.endsWith(".log")) {
      return -1;
    }
    try {
      return Long.parseLong(fileName.substring("CommitLog-".length(), fileName.length() - 4));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  static CommitLogSegment create(Path directory, long id) throws IOException {
    Path path = directory.resolve(fileName(id));
    FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    ByteBuffer header = ByteBuffer.allocate(HEADER_SIZE);
    header.putInt(MAGIC).putInt(1).putLong(id);
    CRC32 crc = new CRC32();
    crc.update(header.array(), 0, 16);
    header.putInt((int) crc.getValue()).flip();
    while (header.hasRemaining()) {
      ch.write(header);
    }
    ch.force(true);
    try (FileChannel dirChannel = FileChannel.open(directory, StandardOpenOption.READ)) {
      dirChannel.force(true);
    } catch (IOException ignored) {
      // directories cannot be opened for sync on every platform; the file itself is synced
    }
    return new CommitLogSegment(id, path, ch, HEADER_SIZE);
  }

  long position() {
    return position;
  }

  /** Appends one framed entry; on failure the file is cut back so later entries stay readable. */
  void append(ByteBuffer entry) throws IOException {
    long start = position;
    try {
      while (entry.hasRemaining()) {
        position += channel.write(entry, position);
      }
    } catch (IOException e) {
      position = start;
      try {
        channel.truncate(start);
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  /** Cuts the file back to {@code length} bytes (what a crash leaves of unsynced appends). */
  void cutTo(long length) throws IOException {
    if (channel.isOpen() && length < position) {
      channel.truncate(length);
      position = length;
    }
  }

  void sync() throws IOException {
    if (channel.isOpen()) {
      channel.force(false);
    }
  }

  void close() throws IOException {
    channel.close();
  }

  void delete() throws IOException {
    close();
    Files.deleteIfExists(path);
  }
}
