package dev.ringlet.internal.cql.parse;

import java.util.regex.Pattern;

/** Identifiers written back as CQL: bare when they read back the same, else double-quoted. */
public final class Identifiers {

  private static final Pattern UNQUOTED = Pattern.compile("[a-z][a-z0-9_]*");

  private Identifiers() {}

  /** {@code name} as CQL must spell it: quoted when it has upper case or symbols, or is a reserved word. */
  public static String maybeQuote(String name) {
    if (UNQUOTED.matcher(name).matches() && Keywords.isUsableAsName(name)) {
      return name;
    }
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }
}
