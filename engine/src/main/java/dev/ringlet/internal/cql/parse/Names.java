package dev.ringlet.internal.cql.parse;

import dev.ringlet.internal.cql.ast.QualifiedName;
import dev.ringlet.internal.cql.parse.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Identifiers: unquoted ones are lower-cased, quoted ones kept as written; unreserved keywords are
 * accepted as names, reserved ones are not. One method per kind of name in Cassandra's grammar.
 */
final class Names {

  /** Names Cassandra refuses for user types although they are no keywords. */
  private static final Set<String> RESERVED_TYPE_NAMES =
      Set.of("byte", "complex", "enum", "date", "interval", "macaddr", "bitstring");

  private final TokenStream tokens;

  Names(TokenStream tokens) {
    this.tokens = tokens;
  }

  /** Whether the k-th token can be a column or other plain name. */
  boolean isName(int k) {
    return isName(tokens.peek(k));
  }

  static boolean isName(Token t) {
    return t.is(Kind.QUOTED_NAME) || (t.is(Kind.WORD) && Keywords.isUsableAsName(t.text()));
  }

  static boolean isFunctionName(Token t) {
    return t.is(Kind.QUOTED_NAME) || (t.is(Kind.WORD) && Keywords.isUsableAsFunctionName(t.text()));
  }

  /** A column, field, alias, property or keyspace name (Cassandra's cident / noncol_ident). */
  String ident() {
    Token t = tokens.peek();
    if (!isName(t)) throw tokens.noViableAlternative();
    tokens.next();
    return fold(t);
  }

  /** {@code ident (',' ident)*}. */
  List<String> identList() {
    List<String> names = new ArrayList<>();
    do {
      names.add(ident());
    } while (tokens.accept(","));
    return names;
  }

  String keyspaceName() {
    rejectMarker("keyspace");
    return ident();
  }

  /** {@code [ks.]table}, also used for views and indexes. */
  QualifiedName tableName() {
    // a marker is predicted like a name: the token after it decides before the action refuses it
    if (tokens.at("?") && !tokens.at(2, ".")
        && !TABLE_NAME_FOLLOW.contains(TokenStream.typeName(tokens.peek(2)))) {
      throw tokens.noViableAlternativeAhead(2);
    }
    int start = tokens.mark();
    QualifiedName name = qualified("table");
    // Cassandra predicts [ks.] with a table: after an unqualified name only these tokens say "no
    // keyspace"; anything else fails that prediction, which started at the name.
    if (name.keyspace() == null) tokens.exitDecisionAfter(start, TABLE_NAME_FOLLOW);
    return name;
  }

  /** What may follow an unqualified table name in Cassandra's prediction of columnFamilyName. */
  private static final Set<String> TABLE_NAME_FOLLOW =
      Set.of(
          "K_ADD", "K_ALLOW", "K_ALTER", "K_AS", "K_DROP", "K_FROM", "K_GROUP", "K_JSON", "K_LIMIT",
          "K_NORECURSIVE", "K_OF", "K_ORDER", "K_PER", "K_PRIMARY", "K_RENAME", "K_SET", "K_TO",
          "K_USING", "K_WHERE", "K_WITH", "'('", "';'", "EOF");

  QualifiedName indexName() {
    int start = tokens.mark();
    QualifiedName name = qualified("index");
    // as for tables, but an index name only ends a statement (DROP INDEX)
    if (name.keyspace() == null) tokens.exitDecisionAfter(start, INDEX_NAME_FOLLOW);
    return name;
  }

  private static final Set<String> INDEX_NAME_FOLLOW = Set.of("';'", "EOF");

  private QualifiedName qualified(String what) {
    // ANTLR looks at the second token only when the first one can start a name
    Token first = tokens.peek();
    if (!isName(first) && !first.isSymbol("?")) throw tokens.noViableAlternative();
    if (tokens.at(2, ".")) {
      rejectMarker("keyspace");
      String ks = ident();
      tokens.next();
      rejectMarker(what);
      return new QualifiedName(ks, ident());
    }
    rejectMarker(what);
    return new QualifiedName(null, ident());
  }

  /** Whether a function name ({@code [ks.]fn}) followed by '(' starts at the k-th token. */
  boolean isFunctionCall(int k) {
    if (!isFunctionName(tokens.peek(k)) && !isName(tokens.peek(k))) return false;
    if (tokens.at(k + 1, "(")) return isFunctionName(tokens.peek(k));
    return tokens.at(k + 1, ".") && isFunctionName(tokens.peek(k + 2)) && tokens.at(k + 3, "(");
  }

  /**
   * For a name that is not followed by the rest of a function call, how far ahead (1-based) the
   * shape {@code [ks .] fn (} breaks: where ANTLR's prediction of a function call gives up.
   */
  int functionCallBreak() {
    if (tokens.at(2, ".")) return isFunctionName(tokens.peek(3)) ? 4 : 3;
    return 2;
  }

  QualifiedName functionName() {
    String ks = null;
    if (tokens.at(2, ".")) {
      ks = ident();
      tokens.next();
    }
    Token t = tokens.peek();
    if (!isFunctionName(t)) throw tokens.noViableAlternative();
    tokens.next();
    return new QualifiedName(ks, fold(t));
  }

  /** {@code [ks.]type}: native type names are refused (non_type_ident). */
  QualifiedName typeName() {
    String ks = null;
    if (tokens.at(2, ".")) {
      ks = ident();
      tokens.next();
    }
    Token t = tokens.peek();
    boolean ok = t.is(Kind.QUOTED_NAME) || (t.is(Kind.WORD) && Keywords.isUsableAsTypeName(t.text()));
    if (!ok) throw tokens.noViableAlternative();
    tokens.next();
    String name = fold(t);
    if (t.is(Kind.WORD) && !Keywords.isKeyword(t.text()) && RESERVED_TYPE_NAMES.contains(name)) {
      throw TokenStream.actionError("Invalid (reserved) user type name " + t.text());
    }
    return new QualifiedName(ks, name);
  }

  /** A role name: identifier (lower-cased), quoted name or string constant (both kept as written). */
  String roleName() {
    rejectMarker("role");
    Token t = tokens.peek();
    if (t.is(Kind.STRING)) {
      tokens.next();
      return t.text();
    }
    return ident();
  }

  /** A user name of the deprecated USER statements: identifiers keep their case. */
  String userName() {
    Token t = tokens.peek();
    if (t.is(Kind.QUOTED_NAME)) {
      throw TokenStream.actionError(
          "Quoted strings are are not supported for user names and USER is deprecated, please use ROLE");
    }
    if (t.is(Kind.STRING) || (t.is(Kind.WORD) && !Keywords.isKeyword(t.text()))) {
      tokens.next();
      return t.text();
    }
    throw tokens.noViableAlternative();
  }

  private void rejectMarker(String what) {
    if (tokens.at("?")) {
      throw TokenStream.actionError("Bind variables cannot be used for " + what + " names");
    }
  }

  static String fold(Token t) {
    return t.is(Kind.QUOTED_NAME) ? t.text() : t.text().toLowerCase(Locale.ROOT);
  }
}
