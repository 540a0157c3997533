package dev.ringlet.internal.cql.parse;

/**
 * One lexical token. {@code text} is what Cassandra's lexer would report for it: string and quoted
 * name contents unquoted and un-doubled, everything else as written. {@code line} is 1-based,
 * {@code column} 0-based (ANTLR's convention); the EOF token has line 0 and column -1, like the
 * EOF token Cassandra's lexer hands to its parser.
 */
record Token(Kind kind, String text, int line, int column, int offset, int index) {

  enum Kind {
    /** Unquoted word: an identifier or a keyword, told apart by {@link Keywords}. */
    WORD,
    QUOTED_NAME,
    STRING,
    INTEGER,
    FLOAT,
    BOOLEAN,
    DURATION,
    UUID,
    HEX,
    /** Punctuation and operators, {@code text} is the symbol. */
    SYMBOL,
    /** Where the lexer gave up; {@code text} is its error message, raised when the parser gets here. */
    ERROR,
    WHITESPACE,
    COMMENT,
    EOF;

    boolean hidden() {
      return this == WHITESPACE || this == COMMENT;
    }
  }

  boolean is(Kind k) {
    return kind == k;
  }

  boolean isSymbol(String symbol) {
    return kind == Kind.SYMBOL && text.equals(symbol);
  }

  /** True for an unquoted word equal to {@code keyword} (upper-case), synonyms included. */
  boolean isKeyword(String keyword) {
    return kind == Kind.WORD && Keywords.canonical(text).equals(keyword);
  }

  /** The token as ANTLR displays it in error messages: quoted, with control characters escaped. */
  String display() {
    String s = kind == Kind.EOF ? "<EOF>" : text;
    return "'" + s.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t") + "'";
  }
}
