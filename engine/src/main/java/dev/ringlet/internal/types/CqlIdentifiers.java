package dev.ringlet.internal.types;

import java.util.regex.Pattern;

/** CQL identifiers as Cassandra prints them: bare when lower-case simple, else double-quoted. */
final class CqlIdentifiers {

  private static final Pattern UNQUOTED = Pattern.compile("[a-z][a-z0-9_]*");

  private CqlIdentifiers() {}

  static String maybeQuote(String name) {
    return UNQUOTED.matcher(name).matches() ? name : "\"" + name.replace("\"", "\"\"") + "\"";
  }

  /** A JSON key naming a field: {@code "\"Name\""} keeps case, anything else is lower-cased. */
  static String fromJsonKey(String key) {
    if (key.length() >= 2 && key.startsWith("\"") && key.endsWith("\"")) {
      return key.substring(1, key.length() - 1);
    }
    return key.toLowerCase(java.util.Locale.ROOT);
  }

  /** A field name as a JSON key: case-sensitive names carry escaped double quotes. */
  static String toJsonKey(String name) {
    String n = name.equals(name.toLowerCase(java.util.Locale.ROOT)) ? name : "\"" + name + "\"";
    return JsonText.quote(n);
  }
}
