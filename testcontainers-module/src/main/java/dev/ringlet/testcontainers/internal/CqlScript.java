package dev.ringlet.testcontainers.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a CQL script into statements at top-level semicolons, as cqlsh reads a file: comments
 * ({@code --}, {@code //}, {@code /* *}{@code /}) become one space, and semicolons inside string literals
 * ({@code '...'} with {@code ''} escapes), quoted identifiers ({@code "..."}) and
 * {@code $$...$$} bodies do not end a statement, nor do those between {@code BEGIN ... BATCH} and
 * {@code APPLY BATCH} (a batch is one statement, as cqlsh keeps it). Each statement keeps the line it starts on, for
 * error messages. A literal, identifier, body or block comment left open is refused, as the
 * engine's {@code dev.ringlet.api.CqlScript} (the JUnit extension's and the Spring starter's) does,
 * rather than sent to the server truncated. This module has no engine at run time, hence its own
 * splitter: both run the cases of the engine's test resource {@code cql-script-cases.csv}.
 */
public final class CqlScript {

  /** One statement of a script, without its semicolon, and the 1-based line it starts on. */
  public record Statement(String cql, int line) {}

  private CqlScript() {}

  /** @throws IllegalArgumentException when a literal, identifier, body or block comment is left open */
  public static List<Statement> split(String script) {
    List<Statement> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int line = 1;
    int startLine = -1;
    Batch batch = new Batch();
    int i = 0;
    int n = script.length();
    while (i < n) {
      char c = script.charAt(i);
      char next = i + 1 < n ? script.charAt(i + 1) : '\0';
      if (c == '\n') {
        line++;
      }
      if ((c == '-' && next == '-') || (c == '/' && next == '/')) {
        current.append(' '); // as a block comment: one space, the engine's splitter does the same
        while (i < n && script.charAt(i) != '\n') {
          i++;
        }
        continue;
      }
      if (c == '/' && next == '*') {
        int end = script.indexOf("*/", i + 2);
        if (end < 0) {
          throw unterminated("block comment /* ... */", line);
        }
        int stop = end + 2;
        line += count(script, i, stop);
        current.append(' ');
        i = stop;
        continue;
      }
      if (c == ';' && !batch.inside) {
        add(statements, current, startLine);
        current.setLength(0);
        startLine = -1;
        batch = new Batch();
        i++;
        continue;
      }
      if (!Character.isWhitespace(c) && startLine < 0) {
        startLine = line;
      }
      int stop = i + 1;
      if (c == '\'' || c == '"') {
        stop = quoted(script, i, c);
        if (stop < 0) {
          throw unterminated(c == '\'' ? "string literal '...'" : "quoted identifier \"...\"", line);
        }
      } else if (c == '$' && next == '$') {
        int end = script.indexOf("$$", i + 2);
        if (end < 0) {
          throw unterminated("$$ body", line);
        }
        stop = end + 2;
      } else if (Character.isLetter(c) && (i == 0 || !isWordChar(script.charAt(i - 1)))) {
        stop = i;
        while (stop < n && isWordChar(script.charAt(stop))) {
          stop++;
        }
        batch.word(script.substring(i, stop));
      }
      current.append(script, i, stop);
      line += count(script, i + 1, stop);
      i = stop;
    }
    add(statements, current, startLine);
    return statements;
  }

  /** Whether the statement read so far is a batch not applied yet: {@code BEGIN [UNLOGGED|COUNTER] BATCH} until {@code APPLY BATCH}. */
  private static final class Batch {
    private String first;
    private String previous;
    boolean inside;

    void word(String w) {
      String word = w.toUpperCase(java.util.Locale.ROOT);
      if (first == null) {
        first = word;
      } else if (word.equals("BATCH")) {
        inside = first.equals("BEGIN") && !"APPLY".equals(previous);
      }
      previous = word;
    }
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  private static IllegalArgumentException unterminated(String what, int line) {
    return new IllegalArgumentException("unterminated " + what + " starting on line " + line
        + " (expected: it to be closed before the end of the script)");
  }

  /**
   * The end (exclusive) of a literal opened by {@code quote} at {@code start}, or -1 if it is not
   * closed; a doubled quote escapes it.
   */
  private static int quoted(String s, int start, char quote) {
    int i = start + 1;
    while (i < s.length()) {
      if (s.charAt(i) == quote) {
        if (i + 1 < s.length() && s.charAt(i + 1) == quote) {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    return -1;
  }

  private static int count(String s, int from, int to) {
    int lines = 0;
    for (int i = from; i < to; i++) {
      if (s.charAt(i) == '\n') {
        lines++;
      }
    }
    return lines;
  }

  private static void add(List<Statement> statements, StringBuilder current, int line) {
    String cql = current.toString().strip();
    if (!cql.isEmpty()) {
      statements.add(new Statement(cql, line));
    }
  }
}
