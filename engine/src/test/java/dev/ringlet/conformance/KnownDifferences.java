package dev.ringlet.conformance;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The parsed {@code known-differences.txt}: one entry per line,
 * {@code <scenario>:<statement number> <leniency> <reason>}, where the leniency is a {@link
 * Leniency} keyword and the reason is mandatory. {@code #} starts a comment line.
 */
final class KnownDifferences {

  /** One entry: where, how leniently, and why. */
  record Entry(String scenario, int statement, Leniency leniency, String reason) {}

  private final Map<String, Entry> entries;

  private KnownDifferences(Map<String, Entry> entries) {
    this.entries = Map.copyOf(entries);
  }

  static KnownDifferences none() {
    return new KnownDifferences(Map.of());
  }

  static KnownDifferences parse(String text) {
    Map<String, Entry> entries = new LinkedHashMap<>();
    String[] lines = text.split("\r?\n");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split("\\s+", 3);
      if (parts.length < 3 || !parts[0].matches("[A-Za-z0-9_]+:\\d+")) {
        throw new IllegalArgumentException("known-differences.txt:" + (i + 1) + ": " + line
            + " (expected: <scenario>:<statement> <error-code|ignore-warnings|skip> <reason>)");
      }
      String[] where = parts[0].split(":");
      Entry entry = new Entry(where[0], Integer.parseInt(where[1]), Leniency.ofKeyword(parts[1]), parts[2]);
      if (entries.put(parts[0], entry) != null) {
        throw new IllegalArgumentException("known-differences.txt:" + (i + 1) + ": " + parts[0] + " listed twice");
      }
    }
    return new KnownDifferences(entries);
  }

  Optional<Entry> find(String scenario, int statement) {
    return Optional.ofNullable(entries.get(scenario + ":" + statement));
  }

  Iterable<Entry> entries() {
    return entries.values();
  }
}
