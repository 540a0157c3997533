package dev.ringlet.internal.cql.parse;

import dev.ringlet.internal.cql.ast.Properties;
import dev.ringlet.internal.cql.ast.QualifiedName;
import dev.ringlet.internal.cql.ast.Statement;
import dev.ringlet.internal.cql.parse.Token.Kind;
import dev.ringlet.internal.error.CqlException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code CREATE [CUSTOM] INDEX} and {@code DROP INDEX}. The AST holds one target, so an index on
 * several columns is refused with Cassandra's message for non-custom indexes.
 */
final class IndexParser {

  private final ParseContext ctx;
  private final TokenStream tokens;

  IndexParser(ParseContext ctx) {
    this.ctx = ctx;
    this.tokens = ctx.tokens;
  }

  record Target(String column, String kind) {}

  Statement.CreateIndex create() {
    tokens.expect("CREATE");
    boolean custom = tokens.accept("CUSTOM");
    tokens.expect("INDEX");
    boolean ifNotExists = ctx.ifNotExists();
    String name = null;
    if (!tokens.at("ON") && (ctx.names.isName(1) || tokens.at("?"))) {
      if (tokens.at("?")) throw TokenStream.actionError("Bind variables cannot be used for index names");
      name = ctx.names.ident();
    }
    tokens.expect("ON");
    QualifiedName table = ctx.names.tableName();
    tokens.expect("(");
    List<Target> targets = new ArrayList<>();
    if (!tokens.at(")")) {
      do {
        targets.add(target());
      } while (tokens.accept(","));
    }
    tokens.expect(")");
    String using = null;
    if (tokens.accept("USING")) {
      Token t = tokens.peek();
      if (!t.is(Kind.STRING)) throw tokens.mismatch("STRING_LITERAL");
      tokens.next();
      using = t.text();
    }
    Properties properties = tokens.accept("WITH") ? ctx.properties.properties() : Properties.NONE;
    if (targets.size() > 1) throw CqlException.invalid("Only CUSTOM indexes support multiple columns");
    if (targets.isEmpty() && !custom) {
      throw CqlException.invalid("Only CUSTOM indexes can be created without specifying a target column");
    }
    Target target = targets.isEmpty() ? new Target(null, null) : targets.get(0);
    return new Statement.CreateIndex(
        name, table, target.column(), target.kind(), ifNotExists, custom, using, properties, ctx.boundNames());
  }

  private Target target() {
    Token t = tokens.peek();
    if (t.is(Kind.WORD) && tokens.at(2, "(")) {
      String kind = Keywords.canonical(t.text());
      if (List.of("KEYS", "VALUES", "ENTRIES", "FULL").contains(kind)) {
        tokens.next();
        tokens.next();
        String column = ctx.names.ident();
        tokens.expect(")");
        return new Target(column, kind.toUpperCase(Locale.ROOT));
      }
    }
    return new Target(ctx.names.ident(), "SIMPLE");
  }

  Statement.DropIndex drop() {
    tokens.expect("DROP");
    tokens.expect("INDEX");
    boolean ifExists = ctx.ifExists();
    return new Statement.DropIndex(ctx.names.indexName(), ifExists, ctx.boundNames());
  }
}
