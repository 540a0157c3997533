package dev.ringlet.api;

import java.util.ArrayList;
import java.util.List;

/**
 * A CQL script split into its statements, as cqlsh reads a file: the JUnit extension's and the
 * Spring starter's schema scripts go through it.
 *
 * <p>A statement ends at a {@code ;} outside string literals ({@code 'it''s; fine'}), quoted
 * identifiers ({@code "a;b"}), {@code $$...$$} bodies and comments, nor between {@code BEGIN ... BATCH}
 * and {@code APPLY BATCH} (a batch is one statement, as cqlsh keeps it). Comments ({@code --} and
 * {@code //} to the end of the line, {@code /* ... *}{@code /}) become one space; statements are
 * trimmed, empty ones dropped, and a last statement needs no {@code ;}.
 *
 * <p>Inside, a pure function written as a state machine, one method per state. Its cases
 * ({@code cql-script-cases.csv} in the engine's test resources) are run by the Testcontainers
 * module's own splitter too (that module has no engine at run time).
 */
public final class CqlScript {

  private enum State { CODE, SINGLE_QUOTED, DOUBLE_QUOTED, DOLLAR_QUOTED, LINE_COMMENT, BLOCK_COMMENT }

  private final String script;
  private final List<String> statements = new ArrayList<>();
  private final StringBuilder current = new StringBuilder();
  private State state = State.CODE;
  private int pos;
  private int line = 1;
  private int stateStartLine;
  /** The statement's first word and the word before the current one, to tell where a batch ends. */
  private String firstWord;
  private String previousWord;
  private boolean inBatch;

  private CqlScript(String script) {
    this.script = script;
  }

  /**
   * The statements of {@code script}, in order, without their {@code ;}.
   *
   * @throws IllegalArgumentException naming the kind and line when a string literal, quoted
   *     identifier, {@code $$} body or block comment is not closed, e.g. {@code unterminated string
   *     literal '...' starting on line 3 (expected: it to be closed before the end of the script)}
   */
  public static List<String> statements(String script) {
    CqlScript splitter = new CqlScript(script);
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
    if (c == ';' && !inBatch) {
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
    } else if (Character.isLetter(c) && (pos == 0 || !isWordChar(script.charAt(pos - 1)))) {
      word();
    } else {
      advance(1);
    }
  }

  /** Copies a word, noting whether it begins or applies a batch ({@code BEGIN [UNLOGGED|COUNTER] BATCH ... APPLY BATCH}). */
  private void word() {
    int end = pos;
    while (end < script.length() && isWordChar(script.charAt(end))) {
      end++;
    }
    String word = script.substring(pos, end).toUpperCase(java.util.Locale.ROOT);
    if (firstWord == null) {
      firstWord = word;
    } else if (word.equals("BATCH")) {
      inBatch = firstWord.equals("BEGIN") && !"APPLY".equals(previousWord);
    }
    previousWord = word;
    advance(end - pos);
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
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
    firstWord = null;
    previousWord = null;
    inBatch = false;
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
