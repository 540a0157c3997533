package dev.ringlet.internal.cql.parse;

import dev.ringlet.internal.cql.ast.Properties;
import dev.ringlet.internal.cql.ast.Term;
import dev.ringlet.internal.cql.parse.Token.Kind;
import dev.ringlet.internal.types.LiteralKind;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code name = value (AND name = value)*} where a value is a constant, an unreserved keyword
 * (kept as a STRING constant) or a map literal. Repeats are refused with Cassandra's
 * "Multiple definition for property 'x'".
 */
final class PropertiesParser {

  private final TokenStream tokens;
  private final Names names;
  private final TermParser terms;

  PropertiesParser(TokenStream tokens, Names names, TermParser terms) {
    this.tokens = tokens;
    this.names = names;
    this.terms = terms;
  }

  /** Properties after a WITH already consumed. */
  Properties properties() {
    Map<String, Term> values = new LinkedHashMap<>();
    do {
      property(values);
    } while (tokens.accept("AND"));
    return new Properties(values);
  }

  /** One {@code name = value} into {@code values}. */
  void property(Map<String, Term> values) {
    // Cassandra predicts "name = value" against "name = {map}" from the name through the value:
    // a token that fits neither fails that decision, which started at the name
    if (Names.isName(tokens.peek())) {
      if (!tokens.at(2, "=")) throw tokens.noViableAlternativeAhead(2);
      if (!tokens.at(3, "{") && !isValueStart(tokens.peek(3))) throw tokens.noViableAlternativeAhead(3);
    }
    String name = names.ident();
    tokens.expect("=");
    put(values, name, value());
  }

  static void put(Map<String, Term> values, String name, Term value) {
    if (values.containsKey(name)) {
      throw TokenStream.actionError("Multiple definition for property '" + name + "'");
    }
    values.put(name, value);
  }

  private static boolean isValueStart(Token t) {
    return switch (t.kind()) {
      case STRING, INTEGER, FLOAT, BOOLEAN, DURATION, UUID, HEX -> true;
      case WORD -> Keywords.isKeyword(t.text()) && Keywords.isUsableAsName(t.text())
          || t.isKeyword("NAN") || t.isKeyword("INFINITY");
      default -> false;
    };
  }

  private Term value() {
    if (tokens.at("{")) return propertyMap();
    if (terms.isConstant(1)) return terms.constant();
    Token t = tokens.peek();
    if (t.is(Kind.WORD) && Keywords.isKeyword(t.text()) && Keywords.isUsableAsName(t.text())) {
      tokens.next();
      return new Term.Constant(LiteralKind.STRING, t.text());
    }
    throw tokens.noViableAlternative();
  }

  /**
   * A map literal whose keys and values must be constants, checked entry by entry with the messages
   * of Cassandra's convertPropertyMap (also used for role OPTIONS).
   */
  Term.MapLiteral propertyMap() {
    Term.MapLiteral map = terms.mapLiteral();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < map.keys().size(); i++) {
      Term key = map.keys().get(i);
      Term value = map.values().get(i);
      if (!(key instanceof Term.Constant k)) {
        throw TokenStream.actionError("Invalid property name: " + display(key) + markerNote(key));
      }
      if (!(value instanceof Term.Constant)) {
        throw TokenStream.actionError(
            "Invalid property value: " + display(value) + " for property: " + display(key) + markerNote(value));
      }
      if (!seen.add(k.text())) throw TokenStream.actionError("Multiple definition for property " + k.text());
    }
    return map;
  }

  private static String markerNote(Term term) {
    return term instanceof Term.BindMarker ? " (bind variables are not supported in DDL queries)" : "";
  }

  /** How Cassandra prints a raw term in these messages: strings quoted, markers as '?'. */
  private static String display(Term term) {
    if (term instanceof Term.Constant c) {
      return c.kind() == LiteralKind.STRING ? "'" + c.text() + "'" : c.text();
    }
    if (term instanceof Term.BindMarker) return "?";
    if (term instanceof Term.Null) return "NULL";
    return term.toString();
  }
}
