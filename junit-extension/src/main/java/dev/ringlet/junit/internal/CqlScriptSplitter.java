package dev.ringlet.junit.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a CQL script into statements at the {@code ;} that end them. A pure function written as a
 * state machine, one method per state: a {@code ;} inside a string ({@code 'it''s; fine'}), a quoted
 * identifier ({@code "a;b"}), a {@code $$...$$} body or a comment does not end a statement. Comments
 * ({@code --} and {@code //} to the end of the line, {@code /* ... *}{@code /}) are replaced by one
 * space; statements are trimmed and empty ones dropped. A last statement without {@code ;} counts.
 */
public final class CqlScriptSplitter {

  private enum State { CODE, SINGLE_QUOTED, DOUBLE_QUOTED, DOLLAR_QUOTED, LINE_COMMENT, BLOCK_COMMENT }

  private final String script;
  private final List<String> statements = new ArrayList<>();
  private final StringBuilder current = new StringBuilder();
  private State state = State.CODE;
  private int pos;
  private int line = 1;
  private int stateStartLine;

  private CqlScriptSplitter(String script) {
    this.script = script;
  }

  /**
   * The statements of the script, in order, without their {@code ;}.
   *
   * @throws IllegalArgumentException if a string, quoted identifier, {@code $$} body or block
   *     comment is not closed
   */
  public static List<String> split(String script) {
    CqlScriptSplitter splitter = new CqlScriptSplitter(script);
    splitter.run();
    return List.copyOf(splitter.statements);
  }

  private void run() {
    while (pos < script.length()) {
      char c = script.charAt(pos);
      switch (state) {
        case CODE -> code(c);
        case SINGLE_QUOTED -> quoted(c, '\'');
        case DOUBLE_QUOTED -> quoted(c, '"');
        case DOLLAR_QUOTED -> dollarQuoted(c);
        case LINE_COMMENT -> lineComment(c);
        case BLOCK_COMMENT -> blockComment(c);
      }
    }
    if (state != State.CODE && state != State.LINE_COMMENT) {
      throw new IllegalArgumentException("unterminated " + describe(state) + " starting on line " + stateStartLine
          + " (expected: it to be closed before the end of the script)");
    }
    endStatement();
  }

  private void code(char c) {
    if (c == ';') {
      endStatement();
      pos++;
    } else if (c == '\'') {
      enter(State.SINGLE_QUOTED, 1);
    } else if (c == '"') {
      enter(State.DOUBLE_QUOTED, 1);
    } else if (startsWith("$$")) {
      enter(State.DOLLAR_QUOTED, 2);
    } else if (startsWith("--") || startsWith("//")) {
      state = State.LINE_COMMENT;
      current.append(' ');
      pos += 2;
    } else if (startsWith("/*")) {
      state = State.BLOCK_COMMENT;
      stateStartLine = line;
      current.append(' ');
      pos += 2;
    } else {
      advance(1);
    }
  }

  /** Inside '...' or "...": a doubled quote is an escaped quote, a single one closes. */
  private void quoted(char c, char quote) {
    if (c == quote) {
      if (pos + 1 < script.length() && script.charAt(pos + 1) == quote) {
        advance(2);
      } else {
        state = State.CODE;
        advance(1);
      }
    } else {
      advance(1);
    }
  }

  private void dollarQuoted(char c) {
    if (startsWith("$$")) {
      state = State.CODE;
      advance(2);
    } else {
      advance(1);
    }
  }

  private void lineComment(char c) {
    if (c == '\n') {
      state = State.CODE;
      advance(1);
    } else {
      pos++;
    }
  }

  private void blockComment(char c) {
    if (startsWith("*/")) {
      state = State.CODE;
      pos += 2;
    } else {
      if (c == '\n') {
        line++;
      }
      pos++;
    }
  }

  private void enter(State next, int width) {
    state = next;
    stateStartLine = line;
    advance(width);
  }

  /** Copies {@code n} characters of the script into the current statement. */
  private void advance(int n) {
    for (int i = 0; i < n; i++) {
      char c = script.charAt(pos++);
      if (c == '\n') {
        line++;
      }
      current.append(c);
    }
  }

  private boolean startsWith(String token) {
    return script.startsWith(token, pos);
  }

  private void endStatement() {
    String statement = current.toString().trim();
    if (!statement.isEmpty()) {
      statements.add(statement);
    }
    current.setLength(0);
  }

  private static String describe(State state) {
    return switch (state) {
      case SINGLE_QUOTED -> "string literal '...'";
      case DOUBLE_QUOTED -> "quoted identifier \"...\"";
      case DOLLAR_QUOTED -> "$$ body";
      case BLOCK_COMMENT -> "block comment /* ... */";
      default -> state.name();
    };
  }
}
