package dev.ringlet.internal.storage.sstable;

/** Stored bytes that fail their checksum or do not parse: never served as data. */
public final class CorruptSSTableException extends RuntimeException {

  private final String file;
  private final long position;

  public CorruptSSTableException(String file, long position, String problem, Throwable cause) {
    super("Corrupted SSTable component " + file + " at position " + position + ": " + problem, cause);
    this.file = file;
    this.position = position;
  }

  public String file() {
    return file;
  }

  public long position() {
    return position;
  }
}
