package dev.ringlet.internal.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The small file-system seam a node's storage goes through where the disk can fail: the checks of
 * the data directory at start, and a hook before every commit-log append and every SSTable file
 * write. By default it is the real disk and fails only when the disk does. Tests (and
 * {@code RingletNode.failCommitLogWrites}/{@code failDataWrites}) make it fail on purpose, because a
 * test suite running as root cannot make a directory unwritable with {@code chmod}.
 *
 * <p>One instance per node; nothing is static.
 */
public final class DiskAccess {

  private final Set<Path> unwritable = ConcurrentHashMap.newKeySet();
  private volatile String commitLogFailure;
  private volatile String dataFailure;

  /**
   * Checks that {@code dir} can hold a node's files, creating it when missing.
   *
   * @throws StorageStartupException naming the path and what is wrong with it
   */
  public void prepareDataDirectory(Path dir) {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new StorageStartupException("Cannot use data directory " + dir + ": it exists and is not a directory");
    }
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new StorageStartupException("Cannot create data directory " + dir + ": " + describe(e), e);
    }
    if (!isWritable(dir)) {
      // Cassandra's StartupChecks: "Insufficient permissions on directory <dir>"
      throw new StorageStartupException("Insufficient permissions on directory " + dir + " (expected: readable and writable)");
    }
  }

  private boolean isWritable(Path dir) {
    for (Path p = dir.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
      if (unwritable.contains(p)) {
        return false;
      }
    }
    return Files.isWritable(dir) && Files.isReadable(dir);
  }

  private static String describe(IOException e) {
    String type = e.getClass().getSimpleName();
    return e.getMessage() == null ? type : type + " " + e.getMessage();
  }

  /** Called before bytes go to a commit-log segment. */
  public void beforeCommitLogWrite(Path segment) throws IOException {
    String failure = commitLogFailure;
    if (failure != null) {
      throw new IOException(failure);
    }
  }

  /** Called before bytes go to an SSTable component or another data file. */
  public void beforeDataWrite(Path file) throws IOException {
    String failure = dataFailure;
    if (failure != null) {
      throw new IOException(failure);
    }
  }

  /** Makes every later commit-log write fail with an I/O error carrying {@code message}. */
  public void failCommitLogWrites(String message) {
    this.commitLogFailure = java.util.Objects.requireNonNull(message, "message");
  }

  /** Makes every later SSTable (flush, compaction) write fail with an I/O error carrying {@code message}. */
  public void failDataWrites(String message) {
    this.dataFailure = java.util.Objects.requireNonNull(message, "message");
  }

  /** Makes {@code dir} and everything under it count as not writable for {@link #prepareDataDirectory}. */
  public void refuseWritesUnder(Path dir) {
    unwritable.add(dir.toAbsolutePath().normalize());
  }

  /** Undoes every injected failure: the disk works again. */
  public void clear() {
    commitLogFailure = null;
    dataFailure = null;
    unwritable.clear();
  }
}
