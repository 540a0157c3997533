package dev.ringlet.junit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The data directory of a cluster asked for with {@code dataDirectory = TEMPORARY_DIRECTORY}. */
final class TemporaryDirectory {

  private TemporaryDirectory() {}

  /** A new directory under {@code java.io.tmpdir}. */
  static Path create() {
    try {
      return Files.createTempDirectory("ringlet-data-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary data directory", e);
    }
  }

  /** Deletes the directory and everything in it; nothing for null or a directory already gone. */
  static void delete(Path directory) {
    if (directory == null || !Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the temporary data directory " + directory, e);
    }
  }
}
