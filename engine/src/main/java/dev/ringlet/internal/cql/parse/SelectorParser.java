package dev.ringlet.internal.cql.parse;

import dev.ringlet.internal.cql.ast.QualifiedName;
import dev.ringlet.internal.cql.ast.Selector;
import dev.ringlet.internal.cql.ast.Term;
import dev.ringlet.internal.cql.ast.TypeExpr;
import dev.ringlet.internal.cql.parse.Token.Kind;
import dev.ringlet.internal.error.CqlException;
import dev.ringlet.internal.types.LiteralKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The SELECT clause: columns, {@code COUNT(*)}, {@code WRITETIME/MAXWRITETIME/TTL(col)},
 * {@code CAST(x AS type)}, function calls, field/element/slice access, literals and arithmetic.
 */
final class SelectorParser {

  private static final Selector ZERO =
      new Selector.Value(new Term.Constant(LiteralKind.INTEGER, "0"));

  private final TokenStream tokens;
  private final Names names;
  private final TypeParser types;
  private final TermParser terms;

  SelectorParser(TokenStream tokens, Names names, TypeParser types, TermParser terms) {
    this.tokens = tokens;
    this.names = names;
    this.types = types;
    this.terms = terms;
  }

  /** {@code selector [AS alias] (',' ...)*}. */
  List<Selector.Aliased> selectors() {
    List<Selector.Aliased> result = new ArrayList<>();
    do {
      Selector s = selector();
      String alias = tokens.accept("AS") ? names.ident() : null;
      result.add(new Selector.Aliased(s, alias));
    } while (tokens.accept(","));
    return result;
  }

  /** Whether a selector can start at the k-th token. */
  boolean isSelectorStart(int k) {
    Token t = tokens.peek(k);
    if (t.isSymbol("*")) return false;
    return Names.isName(t) || names.isFunctionCall(k) || terms.isTermStart(k);
  }

  Selector selector() {
    Selector left = multiplication();
    while (tokens.at("+") || tokens.at("-")) {
      char op = tokens.next().text().charAt(0);
      left = new Selector.Arithmetic(op, left, multiplication());
    }
    return left;
  }

  private Selector multiplication() {
    Selector left = group();
    while (tokens.at("*") || tokens.at("/") || tokens.at("%")) {
      char op = tokens.next().text().charAt(0);
      left = new Selector.Arithmetic(op, left, group());
    }
    return left;
  }

  private Selector group() {
    if (tokens.accept("-")) return new Selector.Arithmetic('-', ZERO, group());
    return modifiers(primary());
  }

  /** {@code .field}, {@code [key]} and {@code [from..to]} after a selector. */
  Selector modifiers(Selector base) {
    Selector s = base;
    while (true) {
      if (tokens.at(".")) {
        tokens.next();
        s = new Selector.Field(s, names.ident());
      } else if (tokens.at("[")) {
        s = subSelection(s);
      } else {
        return s;
      }
    }
  }

  private Selector subSelection(Selector s) {
    tokens.expect("[");
    Term from = tokens.at("..") ? null : terms.term();
    if (tokens.accept("..")) {
      Term to = tokens.at("]") ? null : terms.term();
      tokens.expect("]");
      return new Selector.Slice(s, from, to);
    }
    tokens.expect("]");
    return new Selector.Element(s, from);
  }

  private Selector primary() {
    Token t = tokens.peek();
    // a keyword that starts no selector fails before ANTLR looks any further
    if (t.is(Kind.WORD) && !Names.isName(t) && !Names.isFunctionName(t) && !terms.isConstant(1)
        && !t.isKeyword("NULL")) {
      throw tokens.noViableAlternative();
    }
    // the selector prediction looks at (and consumes) the token after '[' or '(': the one after it is fetched
    if (t.isSymbol("[") || t.isSymbol("(")) tokens.peek(3);
    if (t.is(Kind.WORD) && tokens.at(2, "(")) {
      String w = Keywords.canonical(t.text());
      switch (w) {
        case "COUNT" -> {
          if (isCountRows()) return countRows();
        }
        case "WRITETIME" -> {
          return writeTimeOrTtl(Selector.WriteTimeOrTtl.Kind.WRITETIME);
        }
        case "MAXWRITETIME" -> {
          return writeTimeOrTtl(Selector.WriteTimeOrTtl.Kind.MAXWRITETIME);
        }
        case "TTL" -> {
          return writeTimeOrTtl(Selector.WriteTimeOrTtl.Kind.TTL);
        }
        case "CAST" -> {
          return cast();
        }
        default -> {}
      }
    }
    if (names.isFunctionCall(1)) return function();
    if (t.isSymbol("(")) return parenthesized();
    if (Names.isName(t)) {
      checkColumnPrediction();
      return new Selector.Column(names.ident());
    }
    if (t.isSymbol("?") && !COLUMN_FOLLOW.contains(TokenStream.typeName(tokens.peek(2)))) {
      throw tokens.noViableAlternativeAhead(2); // a marker selector is predicted like a column
    }
    if (t.isSymbol("[")) checkSelectionList();
    if (terms.isConstant(1)) {
      Selector value = new Selector.Value(terms.simpleTerm());
      tokens.peek(2); // the selector prediction consumed the token after a constant: ANTLR fetched the next
      return value;
    }
    if (terms.isTermStart(1)) return new Selector.Value(terms.simpleTerm());
    throw tokens.noViableAlternative();
  }

  /**
   * A '[' selector is a list of selectors in Cassandra's grammar; this parser keeps it as a list
   * literal, so the list is first checked as selectors to fail where Cassandra would
   * ({@code SELECT [ [*]...} is "mismatched input '*' expecting ']'").
   */
  private void checkSelectionList() {
    int mark = tokens.mark();
    int markerCount = terms.markers().count();
    tokens.expect("[");
    if (!tokens.at("]") && (isSelectorStart(1) || tokens.at("-"))) {
      do {
        selector();
      } while (tokens.accept(","));
    }
    tokens.expect("]");
    tokens.reset(mark);
    terms.markers().truncate(markerCount);
  }

  /** What may follow a column name (or {@code name.field}) in Cassandra's selector prediction. */
  private static final Set<String> COLUMN_FOLLOW =
      Set.of(
          "K_ALLOW", "K_AS", "K_FROM", "K_LIMIT", "K_ORDER", "K_PER", "'%'", "')'", "'+'", "','",
          "'-'", "'/'", "':'", "';'", "'['", "'*'", "']'", "'}'", "EOF");

  /**
   * Cassandra decides between a column and a function call ({@code f(}, {@code ks.f(}) by looking
   * past the name, and past {@code .field}; a token fitting neither fails that decision, which
   * started at the name.
   */
  void checkColumnPrediction() {
    if (COLUMN_FOLLOW.contains(TokenStream.typeName(tokens.peek(2)))) {
      tokens.peek(3); // the prediction consumed the token it decided on: ANTLR fetched the next
      return;
    }
    if (!tokens.at(2, ".")) throw tokens.noViableAlternativeAhead(2);
    Token field = tokens.peek(3);
    if (!Names.isName(field) && !Names.isFunctionName(field)) throw tokens.noViableAlternativeAhead(3);
    Token after = tokens.peek(4);
    if (!after.isSymbol(".") && !COLUMN_FOLLOW.contains(TokenStream.typeName(after))) {
      throw tokens.noViableAlternativeAhead(4);
    }
  }

  /** {@code COUNT(*)} or {@code COUNT(1)}; other arguments make COUNT an ordinary aggregate. */
  private boolean isCountRows() {
    return tokens.at(3, "*") || tokens.at(3, Kind.INTEGER, "1") && tokens.at(4, ")");
  }

  private Selector countRows() {
    tokens.expect("COUNT");
    tokens.expect("(");
    tokens.next();
    tokens.expect(")");
    return new Selector.CountAll();
  }

  private Selector writeTimeOrTtl(Selector.WriteTimeOrTtl.Kind kind) {
    tokens.next();
    tokens.expect("(");
    Selector column = modifiers(new Selector.Column(names.ident()));
    tokens.expect(")");
    return new Selector.WriteTimeOrTtl(kind, column);
  }

  private Selector cast() {
    tokens.next();
    tokens.expect("(");
    Selector inner = selector();
    tokens.expect("AS");
    Token t = tokens.peek();
    if (!t.is(Kind.WORD) || !Keywords.NATIVE_TYPES.contains(Keywords.canonical(t.text()))) {
      throw tokens.noViableAlternative();
    }
    TypeExpr type = types.type();
    tokens.expect(")");
    return new Selector.Cast(inner, type);
  }

  private Selector function() {
    QualifiedName name = names.functionName();
    tokens.expect("(");
    List<Selector> args = new ArrayList<>();
    // the arguments are optional: a token that starts none leaves them for the ')' match
    if (!tokens.at(")") && (isSelectorStart(1) || tokens.at("-"))) {
      do {
        args.add(selector());
      } while (tokens.accept(","));
    }
    tokens.expect(")");
    return new Selector.Function(name, args);
  }

  /** {@code (type) value} as a hinted value, or {@code (selector)}; tuples of values as a tuple literal. */
  private Selector parenthesized() {
    if (terms.isTermStart(1)) {
      int mark = tokens.mark();
      int markerCount = terms.markers().count();
      try {
        return new Selector.Value(terms.simpleTerm());
      } catch (CqlException notATerm) {
        tokens.reset(mark);
        terms.markers().truncate(markerCount);
      }
    }
    tokens.expect("(");
    Selector inner = selector();
    tokens.expect(")");
    return inner;
  }
}
