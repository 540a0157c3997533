package dev.ringlet.internal.cql.parse;

import dev.ringlet.internal.cql.ast.Properties;
import dev.ringlet.internal.cql.ast.Statement;

/** {@code USE}, {@code CREATE/ALTER/DROP KEYSPACE} (SCHEMA is a synonym). */
final class KeyspaceParser {

  private final ParseContext ctx;
  private final TokenStream tokens;

  KeyspaceParser(ParseContext ctx) {
    this.ctx = ctx;
    this.tokens = ctx.tokens;
  }

  Statement.Use use() {
    tokens.expect("USE");
    return new Statement.Use(ctx.names.keyspaceName(), ctx.boundNames());
  }

  Statement.CreateKeyspace create() {
    tokens.expect("CREATE");
    keyspaceKeyword();
    boolean ifNotExists = ctx.ifNotExists();
    String ks = ctx.names.keyspaceName();
    tokens.expect("WITH");
    Properties properties = ctx.properties.properties();
    return new Statement.CreateKeyspace(ks, ifNotExists, properties, ctx.boundNames());
  }

  Statement.AlterKeyspace alter() {
    tokens.expect("ALTER");
    keyspaceKeyword();
    boolean ifExists = ctx.ifExists();
    String ks = ctx.names.keyspaceName();
    tokens.expect("WITH");
    Properties properties = ctx.properties.properties();
    return new Statement.AlterKeyspace(ks, ifExists, properties, ctx.boundNames());
  }

  Statement.DropKeyspace drop() {
    tokens.expect("DROP");
    keyspaceKeyword();
    boolean ifExists = ctx.ifExists();
    return new Statement.DropKeyspace(ctx.names.keyspaceName(), ifExists, ctx.boundNames());
  }

  private void keyspaceKeyword() {
    if (!tokens.accept("SCHEMA")) tokens.expect("KEYSPACE");
  }
}
