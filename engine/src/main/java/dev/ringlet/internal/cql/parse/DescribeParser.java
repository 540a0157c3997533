package dev.ringlet.internal.cql.parse;

import dev.ringlet.internal.cql.ast.QualifiedName;
import dev.ringlet.internal.cql.ast.Statement;

/**
 * {@code DESCRIBE|DESC} in all its forms. {@code kind} is one of KEYSPACES, KEYSPACE, TABLES,
 * TABLE, TYPES, TYPE, FUNCTIONS, FUNCTION, AGGREGATES, AGGREGATE, INDEX, MATERIALIZED VIEW,
 * CLUSTER, SCHEMA, FULL SCHEMA, or NAME for {@code DESCRIBE [ks.]name} (any schema element).
 */
final class DescribeParser {

  private final ParseContext ctx;
  private final TokenStream tokens;

  DescribeParser(ParseContext ctx) {
    this.ctx = ctx;
    this.tokens = ctx.tokens;
  }

  Statement.Describe describe() {
    if (!tokens.accept("DESC")) tokens.expect("DESCRIBE");
    boolean only = false;
    String kind;
    QualifiedName name = null;
    if (isKeywordAlone("CLUSTER")) {
      kind = take("CLUSTER");
    } else if (tokens.at("FULL") || tokens.at("SCHEMA")) {
      kind = tokens.accept("FULL") ? "FULL SCHEMA" : "SCHEMA";
      tokens.expect("SCHEMA");
    } else if (isKeywordAlone("KEYSPACES")) {
      kind = take("KEYSPACES");
    } else if (tokens.at("ONLY") && tokens.at(2, "KEYSPACE") || tokens.at("KEYSPACE")) {
      only = tokens.accept("ONLY");
      kind = take("KEYSPACE");
      if (!tokens.atEnd() && !tokens.at(";") && !tokens.at("WITH")) {
        name = new QualifiedName(null, ctx.names.keyspaceName());
      }
    } else if (isKeywordAlone("TABLES") || isKeywordAlone("TYPES") || isKeywordAlone("FUNCTIONS")
        || isKeywordAlone("AGGREGATES")) {
      kind = take(Keywords.canonical(tokens.peek().text()));
    } else if (tokens.at("TABLE") || tokens.at("INDEX")) {
      kind = take(Keywords.canonical(tokens.peek().text()));
      name = ctx.names.tableName();
    } else if (tokens.at("MATERIALIZED")) {
      tokens.next();
      tokens.expect("VIEW");
      kind = "MATERIALIZED VIEW";
      name = ctx.names.tableName();
    } else if (tokens.at("TYPE") && !isKeywordAlone("TYPE") && !tokens.at(2, ".")) {
      kind = take("TYPE");
      name = ctx.names.typeName();
    } else if ((tokens.at("FUNCTION") || tokens.at("AGGREGATE")) && ctx.names.isName(2) && !tokens.at(2, ".")) {
      kind = take(Keywords.canonical(tokens.peek().text()));
      name = ctx.names.functionName();
    } else {
      kind = "NAME";
      name = ctx.names.tableName();
    }
    boolean internals = tokens.accept("WITH");
    if (internals) tokens.expect("INTERNALS");
    return new Statement.Describe(kind, name, only, internals, ctx.boundNames());
  }

  /** A keyword that ends the statement (else it is a name, as unreserved keywords may be). */
  private boolean isKeywordAlone(String keyword) {
    return tokens.at(keyword) && (tokens.at(2, ";") || tokens.at(2, "WITH") || tokens.peek(2).is(Token.Kind.EOF));
  }

  private String take(String keyword) {
    tokens.expect(keyword);
    return keyword;
  }
}
