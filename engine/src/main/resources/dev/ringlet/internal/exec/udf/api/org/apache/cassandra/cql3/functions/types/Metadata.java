package org.apache.cassandra.cql3.functions.types;

/** CQL identifiers as the codecs read and print them. */
public class Metadata {

  public Metadata() {}

  /** An identifier as CQL reads it: unquoted ones in lower case, double-quoted ones as written. */
  static String handleId(String id) {
    if (id == null) {
      return null;
    }
    boolean lower = true;
    boolean alphanumeric = true;
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        lower = false;
      } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || c == '_')) {
        alphanumeric = false;
        lower = false;
        break;
      }
    }
    if (lower) {
      return id;
    }
    if (alphanumeric) {
      return id.toLowerCase(java.util.Locale.ROOT);
    }
    return ParseUtils.unDoubleQuote(id);
  }

  /** The identifier, double-quoted unless it is a lower-case alphanumeric one. */
  static String quoteIfNecessary(String id) {
    boolean plain = !id.isEmpty() && id.charAt(0) >= 'a' && id.charAt(0) <= 'z';
    for (int i = 0; plain && i < id.length(); i++) {
      char c = id.charAt(i);
      plain = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || c == '_';
    }
    return plain ? id : quote(id);
  }

  /** {@code "id"}, double quotes inside doubled. */
  public static String quote(String id) {
    return ParseUtils.doubleQuote(id);
  }
}
