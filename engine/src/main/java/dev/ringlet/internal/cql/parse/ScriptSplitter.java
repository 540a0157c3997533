package dev.ringlet.internal.cql.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a CQL script on {@code ;} outside string constants, quoted names, comments and
 * {@code $$...$$} bodies, and not between {@code BEGIN ... BATCH} and {@code APPLY BATCH} (like
 * cqlsh). Each piece is trimmed and keeps no semicolon; pieces with nothing but whitespace and
 * comments are dropped. An unterminated string or comment runs to the end.
 */
final class ScriptSplitter {

  private final String script;
  private final List<String> pieces = new ArrayList<>();
  private int pos;
  private int start;
  private boolean hasContent;
  private String firstWord;
  private String previousWord;
  private boolean inBatch;

  private ScriptSplitter(String script) {
    this.script = script;
  }

  static List<String> split(String script) {
    ScriptSplitter s = new ScriptSplitter(script);
    s.run();
    return s.pieces;
  }

  private void run() {
    while (pos < script.length()) {
      char c = script.charAt(pos);
      if (c == ';' && !inBatch) {
        flush(pos);
        pos++;
        start = pos;
      } else if (script.startsWith("--", pos) || script.startsWith("//", pos)) {
        pos = endOf("\n", pos + 2);
      } else if (script.startsWith("/*", pos)) {
        pos = endOf("*/", pos + 2);
      } else if (script.startsWith("$$", pos)) {
        hasContent = true;
        pos = endOf("$$", pos + 2);
      } else if (c == '\'' || c == '"') {
        hasContent = true;
        pos = endOfQuoted(c, pos + 1);
      } else if (Character.isLetter(c)) {
        hasContent = true;
        word();
      } else {
        if (!Character.isWhitespace(c)) hasContent = true;
        pos++;
      }
    }
    flush(script.length());
  }

  /** Reads a word, tracking whether we are inside a batch. */
  private void word() {
    int end = pos;
    while (end < script.length()
        && (Character.isLetterOrDigit(script.charAt(end)) || script.charAt(end) == '_')) {
      end++;
    }
    String word = script.substring(pos, end).toUpperCase(java.util.Locale.ROOT);
    pos = end;
    if (firstWord == null) {
      firstWord = word;
    } else if (word.equals("BATCH")) {
      if ("BEGIN".equals(firstWord) && !"APPLY".equals(previousWord)) inBatch = true;
      if ("APPLY".equals(previousWord)) inBatch = false;
    }
    previousWord = word;
  }

  private int endOf(String terminator, int from) {
    int i = script.indexOf(terminator, from);
    return i < 0 ? script.length() : i + terminator.length();
  }

  /** After the closing quote; a doubled quote does not close. */
  private int endOfQuoted(char quote, int from) {
    int i = from;
    while (i < script.length()) {
      if (script.charAt(i) == quote) {
        if (i + 1 < script.length() && script.charAt(i + 1) == quote) {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    return i;
  }

  private void flush(int end) {
    if (hasContent) pieces.add(script.substring(start, end).trim());
    hasContent = false;
    firstWord = null;
    previousWord = null;
    inBatch = false;
  }
}
