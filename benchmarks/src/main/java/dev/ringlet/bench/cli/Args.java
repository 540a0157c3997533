package dev.ringlet.bench.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code --name value} and {@code --flag} arguments, read once into typed values. Every option a
 * command reads is marked used; {@link #requireAllUsed} then rejects misspelled options.
 */
public final class Args {

  private final Map<String, String> values = new HashMap<>();
  private final Set<String> used = new HashSet<>();

  public Args(List<String> args) {
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (!a.startsWith("--")) {
        throw new IllegalArgumentException(a + ": unexpected argument (expected: --name value)");
      }
      String name = a.substring(2);
      int eq = name.indexOf('=');
      if (eq > 0) {
        values.put(name.substring(0, eq), name.substring(eq + 1));
      } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
        values.put(name, args.get(++i));
      } else {
        values.put(name, "true");
      }
    }
  }

  public String string(String name, String fallback) {
    used.add(name);
    return values.getOrDefault(name, fallback);
  }

  public int integer(String name, int fallback, int min) {
    String v = string(name, null);
    if (v == null) {
      return fallback;
    }
    int n;
    try {
      n = Integer.parseInt(v.replace("_", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + ": " + v + " (expected: an integer)", e);
    }
    if (n < min) {
      throw new IllegalArgumentException("--" + name + ": " + n + " (expected: >= " + min + ")");
    }
    return n;
  }

  public boolean flag(String name) {
    return Boolean.parseBoolean(string(name, "false"));
  }

  public Path path(String name, String fallback) {
    String v = string(name, fallback);
    return v == null ? null : Path.of(v);
  }

  public void requireAllUsed() {
    Set<String> unknown = new HashSet<>(values.keySet());
    unknown.removeAll(used);
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("unknown option(s): " + unknown + " (expected: one of " + used + ")");
    }
  }
}
