package dev.ringlet.internal.storage.sstable;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Files in one directory on disk, created on first write. */
public final class FileDirectory implements Directory {

  private final Path path;
  private final dev.ringlet.internal.storage.DiskAccess disk;

  public FileDirectory(Path path) {
    this(path, new dev.ringlet.internal.storage.DiskAccess());
  }

  /** Files in {@code path}, every write announced to {@code disk} first (where tests inject failures). */
  public FileDirectory(Path path, dev.ringlet.internal.storage.DiskAccess disk) {
    this.path = path;
    this.disk = disk;
  }

  public Path path() {
    return path;
  }

  @Override
  public WritableFile create(String name) throws IOException {
    disk.beforeDataWrite(path.resolve(name));
    Files.createDirectories(path);
    FileChannel ch = FileChannel.open(path.resolve(name), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING);
    return new WritableFile() {
      @Override
      public void write(byte[] bytes, int offset, int length) throws IOException {
        disk.beforeDataWrite(path.resolve(name));
        ByteBuffer b = ByteBuffer.wrap(bytes, offset, length);
        while (b.hasRemaining()) {
          ch.write(b);
        }
      }

      @Override
      public void sync() throws IOException {
        ch.force(true);
      }

      @Override
      public void close() throws IOException {
        ch.close();
      }
    };
  }

  @Override
  public ReadableFile open(String name) throws IOException {
    Path file = path.resolve(name);
    FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
    long length = ch.size();
    return new ReadableFile() {
      @Override
      public long length() {
        return length;
      }

      @Override
      public void read(long position, byte[] into, int offset, int len) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(into, offset, len);
        long p = position;
        while (b.hasRemaining()) {
          int n = ch.read(b, p);
          if (n < 0) {
            throw new EOFException(file + ": " + len + " bytes at position " + position + " (file length " + length + ")");
          }
          p += n;
        }
      }

      @Override
      public void close() throws IOException {
        ch.close();
      }
    };
  }

  @Override
  public boolean exists(String name) {
    return Files.exists(path.resolve(name));
  }

  @Override
  public void delete(String name) throws IOException {
    Files.deleteIfExists(path.resolve(name));
  }

  @Override
  public List<String> list() throws IOException {
    if (!Files.isDirectory(path)) {
      return List.of();
    }
    List<String> names = new ArrayList<>();
    try (Stream<Path> s = Files.list(path)) {
      s.filter(Files::isRegularFile).forEach(p -> names.add(p.getFileName().toString()));
    }
    return names;
  }

  @Override
  public String describe(String name) {
    return path.resolve(name).toString();
  }
}
