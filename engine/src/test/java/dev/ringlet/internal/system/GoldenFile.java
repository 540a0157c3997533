package dev.ringlet.internal.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a golden file recorded from Cassandra 5.0.9 (format in {@code golden/system/README.md}):
 * blocks that start with {@code == statement}, then {@code # column type} lines, then rows (each
 * starting with {@code --}, one {@code column = literal} per line) or one {@code CODE: message}/{@code OK}
 * outcome line.
 */
public final class GoldenFile {

  /** One statement and what Cassandra answered. */
  public record Block(String statement, Map<String, String> columnTypes, List<Map<String, String>> rows, String outcome) {}

  private final List<Block> blocks;

  private GoldenFile(List<Block> blocks) {
    this.blocks = blocks;
  }

  public static GoldenFile load(String name) {
    try (InputStream in = GoldenFile.class.getResourceAsStream("/golden/system/" + name)) {
      if (in == null) throw new IllegalArgumentException("No golden file " + name);
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static GoldenFile parse(String text) {
    List<Block> blocks = new ArrayList<>();
    String statement = null;
    Map<String, String> columns = null;
    List<Map<String, String>> rows = null;
    String outcome = null;
    Map<String, String> row = null;
    for (String line : text.split("\n")) {
      if (line.startsWith("== ")) {
        if (statement != null) blocks.add(new Block(statement, columns, rows, outcome));
        statement = line.substring(3);
        columns = new LinkedHashMap<>();
        rows = new ArrayList<>();
        outcome = null;
        row = null;
      } else if (statement == null || line.isEmpty() || line.startsWith("##")) {
        continue;
      } else if (line.startsWith("# ")) {
        int space = line.indexOf(' ', 2);
        columns.put(line.substring(2, space), line.substring(space + 1));
      } else if (line.equals("--")) {
        row = new LinkedHashMap<>();
        rows.add(row);
      } else if (row != null && line.contains(" = ")) {
        int eq = line.indexOf(" = ");
        row.put(line.substring(0, eq), line.substring(eq + 3));
      } else {
        outcome = line;
      }
    }
    if (statement != null) blocks.add(new Block(statement, columns, rows, outcome));
    return new GoldenFile(blocks);
  }

  public List<Block> blocks() {
    return blocks;
  }

  /** The block of the only (or first) statement of a {@code SELECT * FROM x} file. */
  public Block first() {
    return blocks.get(0);
  }
}
