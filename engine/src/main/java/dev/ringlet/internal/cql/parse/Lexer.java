package dev.ringlet.internal.cql.parse;

import dev.ringlet.internal.cql.parse.Token.Kind;
import dev.ringlet.internal.error.CqlException;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns CQL text into tokens the way Cassandra's lexer does: longest match wins, ties go to the
 * rule Cassandra declares first (numbers, booleans, durations, identifiers, hex, uuids). Whitespace
 * and comments are kept as hidden tokens because error snippets count them. The list always ends
 * with an EOF token.
 *
 * <p>The lexer stops at its first error and leaves an {@link Kind#ERROR} token there: Cassandra
 * lexes lazily, so its parser only meets the lexer error if it gets that far without failing first.
 *
 * <p>Lexer errors use ANTLR's lexer wording ("mismatched character '&lt;EOF&gt;' expecting '''").
 */
final class Lexer {

  private static final String TWO_CHAR_SYMBOLS = "<= >= != += -= ..";
  private static final String ONE_CHAR_SYMBOLS = "()[]{},;.:=<>+-*/%?";

  private final String input;
  private final List<Token> tokens = new ArrayList<>();
  private int pos;
  private int line = 1;
  private int lineStart;

  private Lexer(String input) {
    this.input = input;
  }

  static List<Token> tokenize(String input) {
    Lexer lexer = new Lexer(input);
    lexer.run();
    return lexer.tokens;
  }

  private void run() {
    try {
      while (pos < input.length()) {
        lexOne();
      }
    } catch (CqlException e) {
      tokens.add(new Token(Kind.ERROR, e.getMessage(), line, pos - lineStart, pos, tokens.size()));
    }
    tokens.add(new Token(Kind.EOF, "<EOF>", 0, -1, input.length(), tokens.size()));
  }

  private void lexOne() {
    char c = input.charAt(pos);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      int end = pos;
      while (end < input.length() && " \t\n\r".indexOf(input.charAt(end)) >= 0) end++;
      emit(Kind.WHITESPACE, input.substring(pos, end), end);
    } else if (input.startsWith("--", pos) || input.startsWith("//", pos)) {
      int end = input.indexOf('\n', pos);
      end = end < 0 ? input.length() : end + 1;
      emit(Kind.COMMENT, input.substring(pos, end), end);
    } else if (input.startsWith("/*", pos)) {
      int close = input.indexOf("*/", pos + 2);
      if (close < 0) throw errorAtEnd("'*'");
      emit(Kind.COMMENT, input.substring(pos, close + 2), close + 2);
    } else if (c == '\'') {
      lexQuoted('\'', Kind.STRING);
    } else if (c == '"') {
      lexQuoted('"', Kind.QUOTED_NAME);
    } else if (input.startsWith("$$", pos)) {
      int close = input.indexOf("$$", pos + 2);
      if (close < 0) throw errorAtEnd("'$'");
      emit(Kind.STRING, input.substring(pos + 2, close), close + 2);
    } else {
      lexWordOrNumber();
    }
  }

  /** {@code '...'} or {@code "..."}: a doubled quote stands for one. */
  private void lexQuoted(char quote, Kind kind) {
    StringBuilder text = new StringBuilder();
    int i = pos + 1;
    while (true) {
      if (i >= input.length()) throw errorAtEnd("'" + quote + "'");
      char c = input.charAt(i);
      if (c == quote) {
        if (i + 1 < input.length() && input.charAt(i + 1) == quote) {
          text.append(quote);
          i += 2;
          continue;
        }
        break;
      }
      text.append(c);
      i++;
    }
    emit(kind, text.toString(), i + 1);
  }

  private void lexWordOrNumber() {
    if (uuidCommitted()) {
      lexUuid();
      return;
    }
    LiteralMatcher m = new LiteralMatcher(input, pos);
    Match best = m.longest();
    if (best != null) {
      emit(best.kind(), input.substring(pos, best.end()), best.end());
      return;
    }
    for (String sym : TWO_CHAR_SYMBOLS.split(" ")) {
      if (input.startsWith(sym, pos)) {
        emit(Kind.SYMBOL, sym, pos + 2);
        return;
      }
    }
    char c = input.charAt(pos);
    if (ONE_CHAR_SYMBOLS.indexOf(c) >= 0) {
      emit(Kind.SYMBOL, String.valueOf(c), pos + 1);
      return;
    }
    if (c == '!') {
      throw error(pos + 1, "mismatched character " + charDisplay(pos + 1) + " expecting '='");
    }
    throw error(pos, "no viable alternative at character " + charDisplay(pos));
  }

  /**
   * Cassandra's lexer predicts a UUID as soon as it has seen eight hex digits and a '-' (no other
   * token can go on that way) and then has to finish it: it does not fall back to a number or
   * name followed by '-'.
   */
  private boolean uuidCommitted() {
    if (pos + 8 >= input.length() || input.charAt(pos + 8) != '-') return false;
    for (int i = pos; i < pos + 8; i++) {
      if (!isHex(input.charAt(i))) return false;
    }
    return true;
  }

  /** {@code 8-4-4-4-12} hex digits, failing at the first character that does not fit. */
  private void lexUuid() {
    int i = pos;
    int[] groups = {8, 4, 4, 4, 12};
    for (int g = 0; g < groups.length; g++) {
      if (g > 0) {
        if (i >= input.length() || input.charAt(i) != '-') {
          throw error(i, "mismatched character " + charDisplay(i) + " expecting '-'");
        }
        i++;
      }
      for (int n = 0; n < groups[g]; n++, i++) {
        if (i >= input.length() || !isHex(input.charAt(i))) {
          // ANTLR's wording for a failed character-set match
          throw error(i, "mismatched character " + charDisplay(i) + " expecting set null");
        }
      }
    }
    emit(Kind.UUID, input.substring(pos, i), i);
  }

  private static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  record Match(Kind kind, int end) {}

  private void emit(Kind kind, String text, int end) {
    tokens.add(new Token(kind, text, line, pos - lineStart, pos, tokens.size()));
    for (int i = pos; i < end; i++) {
      if (input.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    pos = end;
  }

  private String charDisplay(int at) {
    if (at >= input.length()) return "'<EOF>'";
    char c = input.charAt(at);
    String s =
        switch (c) {
          case '\n' -> "\\n";
          case '\t' -> "\\t";
          case '\r' -> "\\r";
          default -> String.valueOf(c);
        };
    return "'" + s + "'";
  }

  private CqlException errorAtEnd(String expected) {
    return error(input.length(), "mismatched character '<EOF>' expecting " + expected);
  }

  /** An error at character offset {@code at}, with ANTLR's "line L:C" header. */
  private CqlException error(int at, String message) {
    int l = 1;
    int start = 0;
    for (int i = 0; i < at && i < input.length(); i++) {
      if (input.charAt(i) == '\n') {
        l++;
        start = i + 1;
      }
    }
    return CqlException.syntax("line " + l + ":" + (at - start) + " " + message);
  }
}
