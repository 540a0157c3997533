package dev.ringlet.internal.cql.parse;

import dev.ringlet.internal.cql.parse.Token.Kind;
import dev.ringlet.internal.error.CqlException;
import java.util.ArrayList;
import java.util.List;

/**
 * The parser's view of the tokens: visible tokens only, with look-ahead, and the error messages of
 * ANTLR 3 as Cassandra reports them ("no viable alternative at input", "mismatched input ...
 * expecting"). It remembers how far the parser has looked, because Cassandra's error snippet only
 * shows tokens its parser had already fetched.
 */
final class TokenStream {

  private final String source;
  private final List<Token> all;
  private final List<Token> visible = new ArrayList<>();
  private int p;
  private int fetched;

  TokenStream(String source) {
    this.source = source;
    this.all = Lexer.tokenize(source);
    for (Token t : all) {
      if (!t.kind().hidden()) visible.add(t);
    }
    touch(0);
  }

  /** The current token. */
  Token peek() {
    return peek(1);
  }

  /** The k-th visible token from here, 1-based; EOF past the end. */
  Token peek(int k) {
    int i = Math.min(p + k - 1, visible.size() - 1);
    touch(i);
    return visible.get(i);
  }

  Token next() {
    Token t = peek();
    if (p < visible.size() - 1) p++;
    touch(p);
    return t;
  }

  /** The current position, for {@link #reset} after a speculative parse. */
  int mark() {
    return p;
  }

  void reset(int mark) {
    p = mark;
  }

  boolean atEnd() {
    return peek().is(Kind.EOF);
  }

  boolean at(String symbolOrKeyword) {
    return matches(peek(), symbolOrKeyword);
  }

  boolean at(int k, String symbolOrKeyword) {
    return matches(peek(k), symbolOrKeyword);
  }

  /** Whether the k-th token is of the given kind with the given text. */
  boolean at(int k, Kind kind, String text) {
    Token t = peek(k);
    return t.is(kind) && t.text().equals(text);
  }

  /** Consumes the token if it is the given symbol or keyword. */
  boolean accept(String symbolOrKeyword) {
    if (!at(symbolOrKeyword)) return false;
    next();
    return true;
  }

  /** Consumes a sequence of keywords/symbols if all of them are next. */
  boolean acceptAll(String... items) {
    for (int i = 0; i < items.length; i++) {
      if (!at(i + 1, items[i])) return false;
    }
    for (int i = 0; i < items.length; i++) next();
    return true;
  }

  /**
   * Consumes the expected symbol or keyword, or fails with "mismatched input 'x' expecting T".
   * Cassandra's parser overrides ANTLR's single-token recovery, so it never reports "missing" or
   * "extraneous" tokens: every failed match is a plain mismatch.
   */
  Token expect(String symbolOrKeyword) {
    if (at(symbolOrKeyword)) return next();
    throw mismatch(tokenName(symbolOrKeyword));
  }

  /** Requires the end of input (after optional semicolons). */
  void expectEnd() {
    while (accept(";")) {}
    if (!atEnd()) throw mismatch("EOF");
  }

  /** "mismatched input 'x' expecting NAME" at the current token. */
  CqlException mismatch(String expectedName) {
    return error("mismatched input " + peek().display() + " expecting " + expectedName);
  }

  /** "no viable alternative at input 'x'" at the current token. */
  CqlException noViableAlternative() {
    return error("no viable alternative at input " + peek().display());
  }

  /**
   * "no viable alternative" found while predicting a decision that started at {@code decisionStart}
   * (a {@link #mark()}): ANTLR names the token where prediction failed but, having rewound the
   * stream, highlights the token where the decision started.
   */
  CqlException noViableAlternative(int decisionStart) {
    Token failed = peek();
    Token start = visible.get(decisionStart);
    return errorAt(failed, start, "no viable alternative at input " + failed.display());
  }

  /**
   * "no viable alternative" when predicting from the current token failed at the k-th token ahead:
   * the message names that token and the snippet highlights the current one.
   */
  CqlException noViableAlternativeAhead(int k) {
    Token failed = peek(k);
    return errorAt(failed, peek(), "no viable alternative at input " + failed.display());
  }

  /**
   * Leaves a decision whose exit ANTLR predicts only for the tokens that may follow it (the
   * follow set in its prediction tables, given as ANTLR token names such as {@code K_WHERE},
   * {@code ')'}, {@code EOF}): any other token is "no viable alternative" at that token, where a
   * simple optional clause or loop would just have exited and let a later match fail.
   */
  void exitDecision(java.util.Set<String> follow) {
    if (!follow.contains(typeName(peek()))) throw noViableAlternative();
    predicted();
  }

  /**
   * A table-driven prediction that succeeded consumed (then rewound) the last token it looked at,
   * which makes ANTLR fetch the token after it: the error snippet may show it.
   */
  void predicted() {
    peek(2);
  }

  /**
   * Like {@link #exitDecision} for a decision that started one token earlier (it needed two
   * tokens of look-ahead): the message names the current token, the snippet highlights the one
   * before it.
   */
  void exitDecisionAfter(int decisionStart, java.util.Set<String> follow) {
    if (!follow.contains(typeName(peek()))) throw noViableAlternative(decisionStart);
    predicted();
  }

  /** ANTLR's name for the type of a token: {@code K_FROM}, {@code IDENT}, {@code ')'}, {@code EOF}... */
  static String typeName(Token t) {
    return switch (t.kind()) {
      case WORD -> Keywords.isKeyword(t.text()) ? Keywords.tokenName(Keywords.canonical(t.text())) : "IDENT";
      case QUOTED_NAME -> "QUOTED_NAME";
      case STRING -> "STRING_LITERAL";
      case INTEGER -> "INTEGER";
      case FLOAT -> "FLOAT";
      case BOOLEAN -> "BOOLEAN";
      case DURATION -> "DURATION";
      case UUID -> "UUID";
      case HEX -> "HEXNUMBER";
      case SYMBOL -> switch (t.text()) {
        case "?" -> "QMARK";
        case ".." -> "RANGE";
        default -> "'" + t.text() + "'";
      };
      case EOF -> "EOF";
      default -> t.kind().name();
    };
  }

  /** A syntax error at the current token: ANTLR's "line L:C" header, the message, the snippet. */
  CqlException error(String message) {
    return errorAt(peek(), peek(), message);
  }

  private CqlException errorAt(Token headerToken, Token snippetToken, String message) {
    String snippet = ErrorSnippet.build(source, all, snippetToken.index(), fetched);
    return CqlException.syntax(
        "line " + headerToken.line() + ":" + headerToken.column() + " " + message + snippet);
  }

  /** A syntax error raised by a grammar action: plain message, no position (addRecognitionError). */
  static CqlException actionError(String message) {
    return CqlException.syntax(message);
  }

  static boolean matches(Token t, String symbolOrKeyword) {
    if (Character.isLetter(symbolOrKeyword.charAt(0))) return t.isKeyword(symbolOrKeyword);
    return t.isSymbol(symbolOrKeyword);
  }

  static String tokenName(String symbolOrKeyword) {
    if (Character.isLetter(symbolOrKeyword.charAt(0))) return Keywords.tokenName(symbolOrKeyword);
    return "'" + symbolOrKeyword + "'";
  }

  private void touch(int visibleIndex) {
    Token t = visible.get(visibleIndex);
    if (t.is(Kind.ERROR)) throw CqlException.syntax(t.text());
    fetched = Math.max(fetched, t.index());
  }
}
