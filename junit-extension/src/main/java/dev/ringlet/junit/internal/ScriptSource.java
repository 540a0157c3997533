package dev.ringlet.junit.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a schema script named by a location: {@code classpath:a/b.cql}, {@code file:path/b.cql}, or
 * a bare path, which means the classpath. Scripts are UTF-8.
 */
public final class ScriptSource {

  private static final String CLASSPATH = "classpath:";
  private static final String FILE = "file:";

  private ScriptSource() {}

  public static String read(String location, ClassLoader loader) {
    if (location.startsWith(FILE)) {
      return readFile(Path.of(location.substring(FILE.length())), location);
    }
    String resource = location.startsWith(CLASSPATH) ? location.substring(CLASSPATH.length()) : location;
    while (resource.startsWith("/")) {
      resource = resource.substring(1);
    }
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("schema script: " + location
            + " (expected: a resource on the test classpath, e.g. src/test/resources/" + resource + ")");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("schema script: " + location + " could not be read", e);
    }
  }

  private static String readFile(Path path, String location) {
    if (!Files.isRegularFile(path)) {
      throw new IllegalArgumentException("schema script: " + location + " (expected: a readable file; resolved to "
          + path.toAbsolutePath() + ")");
    }
    try {
      return Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("schema script: " + location + " could not be read", e);
    }
  }
}
