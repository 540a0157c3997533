package dev.ringlet.internal.cql.parse;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * CQL keywords as Cassandra 5.0's lexer knows them, and which of them may still serve as
 * identifiers. A keyword is reserved unless listed as unreserved; reserved words need double quotes
 * to be used as names.
 */
final class Keywords {

  private static final Set<String> ALL =
      Set.of(
          "SELECT", "FROM", "AS", "WHERE", "AND", "KEY", "KEYS", "ENTRIES", "FULL", "INSERT", "UPDATE",
          "WITH", "LIMIT", "PER", "PARTITION", "USING", "USE", "DISTINCT", "COUNT", "SET", "BEGIN",
          "UNLOGGED", "BATCH", "APPLY", "TRUNCATE", "DELETE", "IN", "CREATE", "SCHEMA", "KEYSPACE",
          "KEYSPACES", "TABLE", "TABLES", "MATERIALIZED", "VIEW", "INDEX", "CUSTOM", "ON", "TO",
          "DROP", "PRIMARY", "INTO", "VALUES", "TIMESTAMP", "TTL", "CAST", "ALTER", "RENAME", "ADD",
          "TYPE", "TYPES", "COMPACT", "STORAGE", "ORDER", "BY", "ASC", "DESC", "ALLOW", "FILTERING",
          "IF", "IS", "CONTAINS", "BETWEEN", "GROUP", "CLUSTER", "INTERNALS", "ONLY", "GRANT", "ALL",
          "PERMISSION", "PERMISSIONS", "OF", "REVOKE", "MODIFY", "AUTHORIZE", "DESCRIBE", "EXECUTE",
          "NORECURSIVE", "MBEAN", "MBEANS", "USER", "USERS", "ROLE", "ROLES", "SUPERUSERS",
          "SUPERUSER", "NOSUPERUSER", "GENERATED", "PASSWORD", "HASHED", "LOGIN", "NOLOGIN",
          "OPTIONS", "ACCESS", "DATACENTERS", "CIDRS", "IDENTITY", "CLUSTERING", "ASCII", "BIGINT",
          "BLOB", "BOOLEAN", "COUNTER", "DECIMAL", "DOUBLE", "DURATION", "FLOAT", "INET", "INT",
          "SMALLINT", "TINYINT", "TEXT", "UUID", "VARCHAR", "VARINT", "TIMEUUID", "TOKEN",
          "WRITETIME", "MAXWRITETIME", "DATE", "TIME", "NULL", "NOT", "EXISTS", "MAP", "LIST", "NAN",
          "INFINITY", "TUPLE", "TRIGGER", "STATIC", "FROZEN", "FUNCTION", "FUNCTIONS", "AGGREGATE",
          "AGGREGATES", "SFUNC", "STYPE", "FINALFUNC", "INITCOND", "RETURNS", "CALLED", "INPUT",
          "LANGUAGE", "OR", "REPLACE", "JSON", "DEFAULT", "UNSET", "LIKE", "MASKED", "UNMASK",
          "SELECT_MASKED", "VECTOR", "ANN");

  /** Parser.g's basic_unreserved_keyword: usable as any name, user type names included. */
  private static final Set<String> BASIC_UNRESERVED =
      Set.of(
          "KEYS", "AS", "CLUSTER", "CLUSTERING", "COMPACT", "STORAGE", "TABLES", "TYPE", "TYPES",
          "VALUES", "MAP", "LIST", "FILTERING", "PERMISSION", "PERMISSIONS", "KEYSPACES", "ALL",
          "USER", "USERS", "ROLE", "ROLES", "IDENTITY", "SUPERUSER", "SUPERUSERS", "NOSUPERUSER",
          "LOGIN", "NOLOGIN", "OPTIONS", "PASSWORD", "GENERATED", "HASHED", "EXISTS", "CUSTOM",
          "TRIGGER", "CONTAINS", "INTERNALS", "ONLY", "STATIC", "FROZEN", "TUPLE", "FUNCTION",
          "FUNCTIONS", "AGGREGATE", "AGGREGATES", "SFUNC", "STYPE", "FINALFUNC", "INITCOND",
          "RETURNS", "LANGUAGE", "CALLED", "INPUT", "LIKE", "PER", "PARTITION", "GROUP",
          "DATACENTERS", "CIDRS", "ACCESS", "DEFAULT", "MBEAN", "MBEANS", "REPLACE", "UNSET",
          "MASKED", "UNMASK", "SELECT_MASKED", "VECTOR", "ANN", "BETWEEN");

  /** Native type names: unreserved as function and column names (unreserved_function_keyword). */
  static final Set<String> NATIVE_TYPES =
      Set.of(
          "ASCII", "BIGINT", "BLOB", "BOOLEAN", "COUNTER", "DECIMAL", "DOUBLE", "DURATION", "FLOAT",
          "INET", "INT", "SMALLINT", "TEXT", "TIMESTAMP", "TINYINT", "UUID", "VARCHAR", "VARINT",
          "TIMEUUID", "DATE", "TIME");

  /** The rest of unreserved_keyword: fine as column names, not as function names. */
  private static final Set<String> NON_FUNCTION_UNRESERVED =
      Set.of("TTL", "COUNT", "WRITETIME", "MAXWRITETIME", "KEY", "CAST", "JSON", "DISTINCT");

  /** Words the lexer folds into one keyword token. */
  private static final Map<String, String> SYNONYMS =
      Map.of("COLUMNFAMILY", "TABLE", "COLUMNFAMILIES", "TABLES");

  /** ANTLR token names that are not {@code K_} + word. */
  private static final Map<String, String> TOKEN_NAMES =
      Map.of(
          "TABLE", "K_COLUMNFAMILY",
          "NAN", "K_POSITIVE_NAN",
          "INFINITY", "K_POSITIVE_INFINITY");

  private Keywords() {}

  /** The keyword a word stands for (upper-case, synonyms folded), or the upper-cased word. */
  static String canonical(String word) {
    String upper = word.toUpperCase(Locale.ROOT);
    return SYNONYMS.getOrDefault(upper, upper);
  }

  static boolean isKeyword(String word) {
    return ALL.contains(canonical(word));
  }

  /** A word usable as a column, table, keyspace or role name (Parser.g's unreserved_keyword + IDENT). */
  static boolean isUsableAsName(String word) {
    String k = canonical(word);
    return !ALL.contains(k)
        || BASIC_UNRESERVED.contains(k)
        || NATIVE_TYPES.contains(k)
        || NON_FUNCTION_UNRESERVED.contains(k);
  }

  /** A word usable as a function name: unreserved_function_keyword, TOKEN, COUNT or a plain identifier. */
  static boolean isUsableAsFunctionName(String word) {
    String k = canonical(word);
    return !ALL.contains(k)
        || BASIC_UNRESERVED.contains(k)
        || NATIVE_TYPES.contains(k)
        || k.equals("TOKEN")
        || k.equals("COUNT");
  }

  /** A word usable as a user type name: no native type names, KEY allowed (non_type_ident). */
  static boolean isUsableAsTypeName(String word) {
    String k = canonical(word);
    return !ALL.contains(k) || BASIC_UNRESERVED.contains(k) || k.equals("KEY");
  }

  /** The ANTLR token name for a keyword, as Cassandra prints it in "expecting ..." messages. */
  static String tokenName(String keyword) {
    return TOKEN_NAMES.getOrDefault(keyword, "K_" + keyword);
  }
}
