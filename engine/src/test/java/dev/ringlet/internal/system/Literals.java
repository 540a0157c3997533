package dev.ringlet.internal.system;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Writes Java row values as the golden files do: text quoted with {@code '} (doubled inside),
 * blobs {@code 0x..}, inet as the bare address, collections with their elements in iteration order.
 */
public final class Literals {

  private Literals() {}

  public static String format(Object value) {
    if (value == null) return "null";
    if (value instanceof String s) return "'" + s.replace("'", "''") + "'";
    if (value instanceof ByteBuffer b) {
      StringBuilder sb = new StringBuilder("0x");
      for (int i = b.position(); i < b.limit(); i++) sb.append(String.format("%02x", b.get(i)));
      return sb.toString();
    }
    if (value instanceof InetAddress a) return a.getHostAddress();
    if (value instanceof Map<?, ?> m) {
      StringJoiner j = new StringJoiner(", ", "{", "}");
      m.forEach((k, v) -> j.add(format(k) + ": " + format(v)));
      return j.toString();
    }
    if (value instanceof Set<?> s) {
      StringJoiner j = new StringJoiner(", ", "{", "}");
      s.forEach(v -> j.add(format(v)));
      return j.toString();
    }
    if (value instanceof List<?> l) {
      StringJoiner j = new StringJoiner(", ", "[", "]");
      l.forEach(v -> j.add(format(v)));
      return j.toString();
    }
    return value.toString();
  }

  /** A row with every value formatted, null columns written {@code null}. */
  public static Map<String, String> formatRow(Map<String, Object> row, Iterable<String> columns) {
    Map<String, String> out = new java.util.LinkedHashMap<>();
    for (String c : columns) out.put(c, format(row.get(c)));
    return out;
  }
}
