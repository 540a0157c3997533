package dev.ringlet.internal.storage.sstable;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.FileNotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Files as byte arrays on the heap: the in-memory mode's SSTables. A flushed memtable becomes a
 * compressed image several times smaller than its object graph, and nothing touches the disk.
 */
public final class MemoryDirectory implements Directory {

  private final String name;
  private final Map<String, byte[]> files = new ConcurrentHashMap<>();

  public MemoryDirectory(String name) {
    this.name = name;
  }

  @Override
  public WritableFile create(String file) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    return new WritableFile() {
      @Override
      public void write(byte[] bytes, int offset, int length) {
        out.write(bytes, offset, length);
      }

      @Override
      public void sync() {}

      @Override
      public void close() {
        files.put(file, out.toByteArray());
      }
    };
  }

  @Override
  public ReadableFile open(String file) throws FileNotFoundException {
    byte[] bytes = files.get(file);
    if (bytes == null) {
      throw new FileNotFoundException(describe(file));
    }
    return new ReadableFile() {
      @Override
      public long length() {
        return bytes.length;
      }

      @Override
      public void read(long position, byte[] into, int offset, int length) throws EOFException {
        if (position < 0 || position + length > bytes.length) {
          throw new EOFException(describe(file) + ": " + length + " bytes at position " + position
              + " (file length " + bytes.length + ")");
        }
        System.arraycopy(bytes, (int) position, into, offset, length);
      }

      @Override
      public void close() {}
    };
  }

  @Override
  public boolean exists(String file) {
    return files.containsKey(file);
  }

  @Override
  public void delete(String file) {
    files.remove(file);
  }

  @Override
  public List<String> list() {
    return new ArrayList<>(files.keySet());
  }

  @Override
  public String describe(String file) {
    return "memory:" + name + "/" + file;
  }

  /** Test hook: the bytes of a file, modifiable in place (to simulate corruption). */
  byte[] image(String file) {
    return files.get(file);
  }
}
