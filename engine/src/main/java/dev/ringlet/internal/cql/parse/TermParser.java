package dev.ringlet.internal.cql.parse;

import dev.ringlet.internal.cql.ast.QualifiedName;
import dev.ringlet.internal.cql.ast.Term;
import dev.ringlet.internal.cql.ast.TypeExpr;
import dev.ringlet.internal.cql.parse.Token.Kind;
import dev.ringlet.internal.error.CqlException;
import dev.ringlet.internal.types.LiteralKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Terms: constants, NULL, bind markers, collection/tuple/UDT literals, function calls, type hints
 * and arithmetic ({@code * / %} before {@code + -}, unary minus as {@code 0 - x}).
 *
 * <p>Braces follow Cassandra's disambiguation: {@code {}} is an empty map, {@code {name: v}} with an
 * identifier before the colon is a UDT literal, {@code {k: v}} otherwise a map, {@code {a, b}} a set.
 */
final class TermParser {

  private static final Term ZERO = new Term.Constant(LiteralKind.INTEGER, "0");

  private final TokenStream tokens;
  private final Names names;
  private final TypeParser types;
  private final BindMarkers markers;

  /** For speculative parses that must undo the markers they numbered. */
  BindMarkers markers() {
    return markers;
  }

  TermParser(TokenStream tokens, Names names, TypeParser types, BindMarkers markers) {
    this.tokens = tokens;
    this.names = names;
    this.types = types;
    this.markers = markers;
  }

  /**
   * The tokens for which Cassandra's termAddition loop predicts its exit. Its prediction is a table
   * (not a one-token test), so any other token after a term is "no viable alternative" there.
   */
  private static final Set<String> TERM_FOLLOW =
      Set.of(
          "K_ALLOW", "K_AND", "K_APPLY", "K_ASC", "K_DELETE", "K_DESC", "K_GROUP", "K_IF",
          "K_INSERT", "K_LIMIT", "K_ORDER", "K_PER", "K_PRIMARY", "K_UPDATE", "K_WHERE", "RANGE",
          "')'", "','", "':'", "';'", "']'", "'}'", "EOF");

  Term term() {
    Term left = multiplication();
    while (true) {
      if (tokens.at("+")) {
        // '+' continues only before something that starts a term; ANTLR looks past it to decide.
        Token t2 = tokens.peek(2);
        if (Names.isName(t2) || Names.isFunctionName(t2)) {
          // "+ column" ending an UPDATE assignment (SET l = [1] + l, or WHERE) leaves the term
          if (tokens.at(3, "WHERE") || tokens.at(3, ",")) return left;
          if (!tokens.at(3, "(") && !tokens.at(3, ".")) throw tokens.noViableAlternativeAhead(3);
        } else if (!isTermStart(2)) {
          throw tokens.noViableAlternativeAhead(2);
        }
      } else if (!tokens.at("-")) {
        break;
      }
      char op = tokens.next().text().charAt(0);
      left = new Term.Arithmetic(op, left, multiplication());
    }
    tokens.exitDecision(TERM_FOLLOW);
    return left;
  }


  private Term multiplication() {
    Term left = group();
    while (tokens.at("*") || tokens.at("/") || tokens.at("%")) {
      char op = tokens.next().text().charAt(0);
      left = new Term.Arithmetic(op, left, group());
    }
    return left;
  }

  private Term group() {
    if (tokens.accept("-")) return new Term.Arithmetic('-', ZERO, operand());
    return operand();
  }

  /** What may follow a '?' operand in Cassandra's simpleTerm prediction (besides '.'). */
  private static final Set<String> MARKER_FOLLOW =
      Set.of(
          "K_ALLOW", "K_AND", "K_APPLY", "K_AS", "K_ASC", "K_DELETE", "K_DESC", "K_GROUP", "K_IF",
          "K_INSERT", "K_LIMIT", "K_ORDER", "K_PER", "K_PRIMARY", "K_UPDATE", "K_WHERE", "RANGE",
          "'%'", "')'", "'+'", "','", "'-'", "'/'", "':'", "';'", "'*'", "']'", "'}'", "'.'", "EOF");

  /** An operand of arithmetic: ANTLR predicts a '?' operand from the token after it. */
  private Term operand() {
    if (tokens.at("?") && !MARKER_FOLLOW.contains(TokenStream.typeName(tokens.peek(2)))) {
      throw tokens.noViableAlternativeAhead(2);
    }
    return simpleTerm();
  }

  /** Whether a term can start at the k-th token (identifiers only as function names). */
  boolean isTermStart(int k) {
    Token t = tokens.peek(k);
    return switch (t.kind()) {
      case STRING, INTEGER, FLOAT, BOOLEAN, DURATION, UUID, HEX -> true;
      case SYMBOL -> "?:[{(-".contains(t.text()) && t.text().length() == 1;
      case WORD -> t.isKeyword("NULL") || t.isKeyword("NAN") || t.isKeyword("INFINITY")
          || names.isFunctionCall(k);
      case QUOTED_NAME -> names.isFunctionCall(k);
      default -> false;
    };
  }

  Term simpleTerm() {
    Token t = tokens.peek();
    if (t.isSymbol("(")) return parenthesized();
    if ((t.is(Kind.WORD) || t.is(Kind.QUOTED_NAME)) && names.isFunctionCall(1)) return functionCall();
    return value();
  }

  /** A value: constant, NULL, marker or collection/tuple/UDT literal (no function calls). */
  Term value() {
    Token t = tokens.peek();
    switch (t.kind()) {
      case STRING, INTEGER, FLOAT, BOOLEAN, DURATION, UUID, HEX -> {
        return constant();
      }
      case WORD, QUOTED_NAME -> {
        if (t.isKeyword("NULL")) {
          tokens.next();
          return new Term.Null();
        }
        if (t.isKeyword("NAN") || t.isKeyword("INFINITY")) return constant();
        if (Names.isFunctionName(t) || Names.isName(t)) {
          throw tokens.noViableAlternativeAhead(names.functionCallBreak());
        }
        throw tokens.noViableAlternative();
      }
      case SYMBOL -> {
        return switch (t.text()) {
          case "?", ":" -> marker();
          case "[" -> list();
          case "{" -> braces();
          case "(" -> tuple();
          default -> throw tokens.noViableAlternative();
        };
      }
      default -> throw tokens.noViableAlternative();
    }
  }

  /** A constant literal; NaN and Infinity (signed or not) are FLOAT constants. */
  Term.Constant constant() {
    Token t = tokens.peek();
    LiteralKind kind =
        switch (t.kind()) {
          case STRING -> LiteralKind.STRING;
          case INTEGER -> LiteralKind.INTEGER;
          case FLOAT -> LiteralKind.FLOAT;
          case BOOLEAN -> LiteralKind.BOOLEAN;
          case DURATION -> LiteralKind.DURATION;
          case UUID -> LiteralKind.UUID;
          case HEX -> LiteralKind.HEX;
          case WORD -> t.isKeyword("NAN") || t.isKeyword("INFINITY") ? LiteralKind.FLOAT : null;
          default -> null;
        };
    if (kind == null) throw tokens.noViableAlternative();
    tokens.next();
    return new Term.Constant(kind, constantText(kind, t.text()));
  }

  /** Hex loses its 0x; NaN and infinities are spelled as Cassandra spells them (its lexer folds case). */
  private static String constantText(LiteralKind kind, String text) {
    if (kind == LiteralKind.HEX) return text.substring(2);
    if (kind != LiteralKind.FLOAT) return text;
    String lower = text.toLowerCase(java.util.Locale.ROOT);
    return switch (lower) {
      case "nan", "-nan" -> "NaN";
      case "infinity" -> "Infinity";
      case "-infinity" -> "-Infinity";
      default -> text;
    };
  }

  boolean isConstant(int k) {
    Token t = tokens.peek(k);
    return switch (t.kind()) {
      case STRING, INTEGER, FLOAT, BOOLEAN, DURATION, UUID, HEX -> true;
      case WORD -> t.isKeyword("NAN") || t.isKeyword("INFINITY");
      default -> false;
    };
  }

  /** {@code ?} or {@code :name}. */
  Term.BindMarker marker() {
    if (tokens.accept("?")) return markers.next(null);
    tokens.expect(":");
    return markers.next(names.ident());
  }

  boolean isMarker(int k) {
    return tokens.at(k, "?") || tokens.at(k, ":");
  }

  /** An integer constant or marker (LIMIT, TTL, TIMESTAMP values: Cassandra's intValue). */
  Term intValue() {
    if (isMarker(1)) return marker();
    Token t = tokens.peek();
    if (!t.is(Kind.INTEGER)) throw tokens.noViableAlternative();
    return constant();
  }

  private Term parenthesized() {
    predictParenthesized();
    int mark = tokens.mark();
    int markerCount = markers.count();
    if (types.isTypeStart(2)) {
      try {
        tokens.next();
        TypeExpr type = types.type();
        if (tokens.at(")") && isTermStart(2)) {
          tokens.next();
          return new Term.TypeHint(type, simpleTerm());
        }
      } catch (CqlException notAType) {
        // not a type hint: fall back to a tuple below
      }
      tokens.reset(mark);
      markers.truncate(markerCount);
    }
    return tuple();
  }

  /**
   * ANTLR predicts what a '(' starts (type hint or tuple) by scanning from it; where that scan
   * fails, the error highlights the '('. A name or string after it may be a type, so the token
   * after that decides; a type must then be closed and followed by a term.
   */
  private void predictParenthesized() {
    Token second = tokens.peek(2);
    boolean typeStart = types.isTypeStart(2);
    if (!typeStart && !isTermStart(2)) throw tokens.noViableAlternativeAhead(2);
    if (second.is(Kind.STRING)) {
      Token third = tokens.peek(3);
      if (!third.is(Kind.SYMBOL) || !List.of(")", ",", "+", "-", "*", "/", "%").contains(third.text())) {
        throw tokens.noViableAlternativeAhead(3);
      }
    } else if (typeStart && !isTermStart(2)) {
      if (!tokens.at(3, ")") && !tokens.at(3, ".") && !tokens.at(3, "<")) {
        throw tokens.noViableAlternativeAhead(3);
      }
      if (tokens.at(3, ")") && !isTermStart(4)) {
        // the type hint was predicted: '(type)' is parsed, and the term after it fails there
        for (int i = 0; i < 3; i++) tokens.next();
        throw tokens.noViableAlternative();
      }
    }
  }

  /** {@code (a, b, ...)}. */
  Term.TupleLiteral tuple() {
    tokens.expect("(");
    List<Term> elements = new ArrayList<>();
    do {
      elements.add(term());
    } while (tokens.accept(","));
    tokens.expect(")");
    return new Term.TupleLiteral(elements);
  }

  private Term list() {
    tokens.expect("[");
    List<Term> elements = new ArrayList<>();
    if (!tokens.at("]")) {
      do {
        elements.add(term());
      } while (tokens.accept(","));
    }
    tokens.expect("]");
    return new Term.ListLiteral(elements);
  }

  private Term braces() {
    if (tokens.at(2, "}")) {
      tokens.next();
      tokens.next();
      return new Term.MapLiteral(List.of(), List.of());
    }
    if (names.isName(2) && tokens.at(3, ":")) return udt();
    tokens.expect("{");
    Term first = term();
    return tokens.at(":") ? mapAfterFirstKey(first) : setAfterFirst(first);
  }

  private Term mapAfterFirstKey(Term firstKey) {
    List<Term> keys = new ArrayList<>();
    List<Term> values = new ArrayList<>();
    keys.add(firstKey);
    tokens.expect(":");
    values.add(term());
    while (tokens.accept(",")) {
      keys.add(term());
      tokens.expect(":");
      values.add(term());
    }
    tokens.expect("}");
    return new Term.MapLiteral(keys, values);
  }

  private Term setAfterFirst(Term first) {
    List<Term> elements = new ArrayList<>();
    elements.add(first);
    while (tokens.accept(",")) elements.add(term());
    tokens.expect("}");
    return new Term.SetLiteral(elements);
  }

  private Term udt() {
    tokens.expect("{");
    List<String> fields = new ArrayList<>();
    List<Term> values = new ArrayList<>();
    do {
      fields.add(names.ident());
      tokens.expect(":");
      values.add(term());
    } while (tokens.accept(","));
    tokens.expect("}");
    return new Term.UdtLiteral(fields, values);
  }

  /** A map literal {@code {k: v, ...}} (property values); {@code {}} allowed. */
  Term.MapLiteral mapLiteral() {
    tokens.expect("{");
    List<Term> keys = new ArrayList<>();
    List<Term> values = new ArrayList<>();
    if (!tokens.at("}")) {
      do {
        keys.add(term());
        tokens.expect(":");
        values.add(term());
      } while (tokens.accept(","));
    }
    tokens.expect("}");
    return new Term.MapLiteral(keys, values);
  }

  private Term functionCall() {
    int start = tokens.mark();
    QualifiedName name = names.functionName();
    tokens.expect("(");
    // ANTLR predicts the call from its name through the first argument: a token that starts no
    // argument fails that prediction, which started at the name
    if (!tokens.at(")") && !isTermStart(1)) throw tokens.noViableAlternative(start);
    List<Term> args = new ArrayList<>();
    if (!tokens.at(")")) {
      do {
        args.add(term());
      } while (tokens.accept(","));
    }
    tokens.expect(")");
    return new Term.FunctionCall(name, args);
  }
}
