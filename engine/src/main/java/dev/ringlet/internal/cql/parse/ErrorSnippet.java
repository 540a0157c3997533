package dev.ringlet.internal.cql.parse;

import java.util.List;

/**
 * Builds the {@code " (SELECT * [FORM] t...)"} suffix Cassandra appends to parser errors: the
 * tokens from ten before to two after the offending one (hidden tokens counted, and only tokens the
 * parser has already looked at), the offending token in square brackets, "..." where the query
 * goes on. No snippet when the window touches the EOF token, whose position is unknown.
 */
final class ErrorSnippet {

  private static final int TOKENS_BEFORE = 10;
  private static final int TOKENS_AFTER = 2;

  private ErrorSnippet() {}

  /**
   * @param offending raw index of the offending token
   * @param fetched raw index of the furthest token the parser has looked at
   */
  static String build(String query, List<Token> tokens, int offending, int fetched) {
    int size = fetched + 1;
    Token from = tokens.get(Math.max(0, offending - TOKENS_BEFORE));
    Token to = tokens.get(Math.min(size - 1, offending + TOKENS_AFTER));
    Token off = tokens.get(Math.min(offending, size - 1));
    if (from.line() <= 0 || to.line() <= 0 || off.line() <= 0) return "";

    String[] lines = query.split("\n");
    if (to.line() > lines.length || off.line() > lines.length) return "";
    boolean includeStart = from.line() == 1 && from.column() == 0;
    boolean includeEnd =
        to.line() == lines.length && lastColumn(to) == lines[lines.length - 1].length();

    StringBuilder sb = new StringBuilder(" (");
    if (!includeStart) sb.append("...");
    String toLine = lines[to.line() - 1];
    int toEnd = lastColumn(to);
    lines[to.line() - 1] = toEnd >= toLine.length() ? toLine : toLine.substring(0, toEnd);
    lines[off.line() - 1] = highlight(lines[off.line() - 1], off);
    String fromLine = lines[from.line() - 1];
    lines[from.line() - 1] = fromLine.substring(Math.min(from.column(), fromLine.length()));
    for (int i = from.line() - 1; i <= to.line() - 1; i++) sb.append(lines[i]);
    if (!includeEnd) sb.append("...");
    return sb.append(')').toString();
  }

  private static int lastColumn(Token t) {
    return t.column() + t.text().length();
  }

  private static String highlight(String line, Token t) {
    int end = Math.min(lastColumn(t), line.length());
    int start = Math.min(t.column(), end);
    return line.substring(0, start) + "[" + line.substring(start, end) + "]" + line.substring(end);
  }
}
