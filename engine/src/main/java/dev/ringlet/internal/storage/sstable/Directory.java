package dev.ringlet.internal.storage.sstable;

import java.io.IOException;
import java.util.List;

/**
 * Where a table's files live: a directory on disk ({@link FileDirectory}) or heap-resident images
 * ({@link MemoryDirectory}) for the in-memory mode. Files are written once, then only read.
 */
public interface Directory {

  /** Creates (or replaces) a file for writing. */
  WritableFile create(String name) throws IOException;

  /** Opens a file for positioned reads. */
  ReadableFile open(String name) throws IOException;

  boolean exists(String name);

  void delete(String name) throws IOException;

  /** Every file name, unordered. */
  List<String> list() throws IOException;

  /** A human-readable location for error messages ("/data/ks/t-…/rg-3-Data.db"). */
  String describe(String name);

  /** A file being written: appended to, then synced and closed. */
  interface WritableFile extends AutoCloseable {
    void write(byte[] bytes, int offset, int length) throws IOException;

    /** Forces written bytes to stable storage. */
    void sync() throws IOException;

    @Override
    void close() throws IOException;
  }

  /** A finished file read at arbitrary positions; safe for concurrent readers. */
  interface ReadableFile extends AutoCloseable {
    long length();

    /** Reads exactly {@code length} bytes at {@code position}; fails at end of file. */
    void read(long position, byte[] into, int offset, int length) throws IOException;

    @Override
    void close() throws IOException;
  }
}
