package dev.ringlet.spring.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a CQL script into statements, a pure function. A statement ends at a {@code ;} outside
 * string literals ({@code 'it''s; here'}), quoted identifiers ({@code "a;b"}), {@code $$} bodies and
 * comments. Comments ({@code --} or {@code //} to the end of the line, {@code /* ... *}{@code /})
 * are dropped; statements are trimmed, empty ones skipped, and a last statement needs no {@code ;}.
 */
public final class CqlScript {

  private CqlScript() {}

  /**
   * @param name where the script came from, for error messages
   * @throws IllegalArgumentException when a literal, identifier, body or block comment is left open
   */
  public static List<String> statements(String script, String name) {
    List<String> statements = new ArrayList<>();
    StringBuilder statement = new StringBuilder();
    int i = 0;
    while (i < script.length()) {
      char c = script.charAt(i);
      if (c == ';') {
        add(statements, statement);
        i++;
      } else if (c == '\'' || c == '"') {
        i = copyQuoted(script, i, c, statement, name);
      } else if (script.startsWith("$$", i)) {
        int end = closing(script, "$$", i + 2, "$$ body", name);
        statement.append(script, i, end + 2);
        i = end + 2;
      } else if (script.startsWith("--", i) || script.startsWith("//", i)) {
        int end = script.indexOf('\n', i);
        statement.append(' ');
        i = end < 0 ? script.length() : end;
      } else if (script.startsWith("/*", i)) {
        int end = closing(script, "*/", i + 2, "block comment", name);
        statement.append(' ');
        i = end + 2;
      } else {
        statement.append(c);
        i++;
      }
    }
    add(statements, statement);
    return List.copyOf(statements);
  }

  /** Copies a quoted literal or identifier starting at {@code start}; a doubled quote is part of it. */
  private static int copyQuoted(String script, int start, char quote, StringBuilder statement, String name) {
    int i = start + 1;
    while (true) {
      int next = script.indexOf(quote, i);
      if (next < 0) {
        throw unterminated(quote == '\'' ? "string literal" : "quoted identifier", script, start, name);
      }
      if (next + 1 < script.length() && script.charAt(next + 1) == quote) {
        i = next + 2;
      } else {
        statement.append(script, start, next + 1);
        return next + 1;
      }
    }
  }

  private static int closing(String script, String token, int from, String what, String name) {
    int end = script.indexOf(token, from);
    if (end < 0) {
      throw unterminated(what, script, from - token.length(), name);
    }
    return end;
  }

  private static IllegalArgumentException unterminated(String what, String script, int at, String name) {
    long line = script.substring(0, at).chars().filter(ch -> ch == '\n').count() + 1;
    return new IllegalArgumentException(name + ": unterminated " + what + " starting on line " + line
        + " (expected: it to be closed before the end of the script)");
  }

  private static void add(List<String> statements, StringBuilder statement) {
    String text = statement.toString().trim();
    if (!text.isEmpty()) {
      statements.add(text);
    }
    statement.setLength(0);
  }
}
