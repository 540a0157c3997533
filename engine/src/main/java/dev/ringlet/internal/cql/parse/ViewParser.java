package dev.ringlet.internal.cql.parse;

import dev.ringlet.internal.cql.ast.QualifiedName;
import dev.ringlet.internal.cql.ast.Relation;
import dev.ringlet.internal.cql.ast.Selector;
import dev.ringlet.internal.cql.ast.Statement;
import java.util.List;

/** {@code CREATE/ALTER/DROP MATERIALIZED VIEW}. */
final class ViewParser {

  private final ParseContext ctx;
  private final TokenStream tokens;

  ViewParser(ParseContext ctx) {
    this.ctx = ctx;
    this.tokens = ctx.tokens;
  }

  Statement.CreateMaterializedView create() {
    tokens.expect("CREATE");
    tokens.expect("MATERIALIZED");
    tokens.expect("VIEW");
    boolean ifNotExists = ctx.ifNotExists();
    QualifiedName view = ctx.names.tableName();
    tokens.expect("AS");
    tokens.expect("SELECT");
    List<Selector.Aliased> selectors = new SelectParser(ctx).selectClause();
    tokens.expect("FROM");
    QualifiedName base = ctx.names.tableName();
    List<Relation> where = tokens.accept("WHERE") ? ctx.relations.whereClause() : List.of();
    TableParser tables = new TableParser(ctx);
    TableParser.PrimaryKey pk = tables.primaryKeyClause();
    TableParser.TableOptions options =
        tokens.accept("WITH") ? tables.tableOptions(true) : TableParser.TableOptions.NONE;
    return new Statement.CreateMaterializedView(
        view, ifNotExists, base, selectors, where, pk.partition(), pk.clustering(),
        options.clusteringOrder(), options.properties(), ctx.boundNames());
  }

  Statement.AlterMaterializedView alter() {
    tokens.expect("ALTER");
    tokens.expect("MATERIALIZED");
    tokens.expect("VIEW");
    boolean ifExists = ctx.ifExists();
    QualifiedName view = ctx.names.tableName();
    tokens.expect("WITH");
    return new Statement.AlterMaterializedView(view, ifExists, ctx.properties.properties(), ctx.boundNames());
  }

  Statement.DropMaterializedView drop() {
    tokens.expect("DROP");
    tokens.expect("MATERIALIZED");
    tokens.expect("VIEW");
    boolean ifExists = ctx.ifExists();
    return new Statement.DropMaterializedView(ctx.names.tableName(), ifExists, ctx.boundNames());
  }
}
