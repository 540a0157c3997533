package dev.ringlet.internal.cql.parse;

import dev.ringlet.internal.cql.ast.TypeExpr;
import dev.ringlet.internal.cql.parse.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** CQL types: native, collections, tuple, vector, frozen, user-defined and custom ('class'). */
final class TypeParser {

  private final TokenStream tokens;
  private final Names names;

  TypeParser(TokenStream tokens, Names names) {
    this.tokens = tokens;
    this.names = names;
  }

  /** Whether a type can start at the k-th token (for telling {@code (int) ?} from a tuple). */
  boolean isTypeStart(int k) {
    Token t = tokens.peek(k);
    if (t.is(Kind.STRING) || t.is(Kind.QUOTED_NAME)) return true;
    if (!t.is(Kind.WORD)) return false;
    String w = Keywords.canonical(t.text());
    return Keywords.NATIVE_TYPES.contains(w)
        || w.equals("SET")
        || w.equals("FROZEN")
        || Keywords.isUsableAsTypeName(t.text());
  }

  /** What may follow a native type name in Cassandra's comparatorType prediction. */
  private static final Set<String> NATIVE_TYPE_FOLLOW =
      Set.of(
          "K_FINALFUNC", "K_INITCOND", "K_LANGUAGE", "K_MASKED", "K_PRIMARY", "K_STATIC", "')'",
          "','", "';'", "'>'", "EOF");

  TypeExpr type() {
    return type(false);
  }

  /**
   * A function's return type, which may be followed by the pre-release DETERMINISTIC and
   * MONOTONIC flags this parser tolerates (Cassandra 5.0 refuses them there).
   */
  TypeExpr returnType() {
    return type(true);
  }

  private TypeExpr type(boolean functionFlagsMayFollow) {
    Token t = tokens.peek();
    if (!isTypeStart(1)) throw tokens.noViableAlternative(); // before looking any further
    if (t.is(Kind.STRING)) {
      tokens.next();
      return new TypeExpr.Custom(t.text());
    }
    // SET is reserved: the type is chosen on it alone, and '<' is then a plain match
    if (t.isKeyword("SET") && !tokens.at(2, "<")) {
      tokens.next();
      throw tokens.mismatch("'<'");
    }
    if (t.is(Kind.WORD) && tokens.at(2, "<")) {
      String w = Keywords.canonical(t.text());
      switch (w) {
        case "FROZEN" -> {
          return new TypeExpr.Frozen(single());
        }
        case "LIST", "SET" -> {
          return new TypeExpr.Collection(w.toLowerCase(Locale.ROOT), single());
        }
        case "MAP" -> {
          return map();
        }
        case "TUPLE" -> {
          return tuple();
        }
        case "VECTOR" -> {
          return vector();
        }
        default -> {}
      }
    }
    if (t.is(Kind.WORD) && Keywords.NATIVE_TYPES.contains(Keywords.canonical(t.text()))
        && !tokens.at(2, ".")) {
      // Cassandra predicts "native type" against "keyspace.type" from the token after the name:
      // anything that can follow no type fails that decision, which started at the type name.
      int start = tokens.mark();
      tokens.next();
      boolean flag = tokens.at("DETERMINISTIC") || tokens.at("MONOTONIC");
      if (!(functionFlagsMayFollow && flag)) tokens.exitDecisionAfter(start, NATIVE_TYPE_FOLLOW);
      return new TypeExpr.Native(t.text().toLowerCase(Locale.ROOT));
    }
    if (t.is(Kind.WORD) && !Keywords.isUsableAsTypeName(t.text()) && !tokens.at(2, ".")) {
      throw tokens.noViableAlternative();
    }
    return new TypeExpr.UserDefined(names.typeName());
  }

  private TypeExpr single() {
    tokens.next();
    tokens.expect("<");
    TypeExpr inner = type();
    tokens.expect(">");
    return inner;
  }

  private TypeExpr map() {
    tokens.next();
    tokens.expect("<");
    TypeExpr key = type();
    tokens.expect(",");
    TypeExpr value = type();
    tokens.expect(">");
    return new TypeExpr.MapOf(key, value);
  }

  private TypeExpr tuple() {
    tokens.next();
    tokens.expect("<");
    List<TypeExpr> elements = new ArrayList<>();
    do {
      elements.add(type());
    } while (tokens.accept(","));
    tokens.expect(">");
    return new TypeExpr.Tuple(elements);
  }

  private TypeExpr vector() {
    tokens.next();
    tokens.expect("<");
    TypeExpr element = type();
    tokens.expect(",");
    Token d = tokens.peek();
    if (!d.is(Kind.INTEGER)) throw tokens.mismatch("INTEGER");
    tokens.next();
    tokens.expect(">");
    return new TypeExpr.Vector(element, Integer.parseInt(d.text()));
  }

  /** {@code type (',' type)*} or nothing, inside parentheses already opened. */
  List<TypeExpr> typeListUntilClose() {
    List<TypeExpr> types = new ArrayList<>();
    if (tokens.at(")")) return types;
    do {
      types.add(type());
    } while (tokens.accept(","));
    return types;
  }
}
