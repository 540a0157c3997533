package dev.ringlet.internal.cql.parse;

import dev.ringlet.internal.cql.ast.ColumnDefinition;
import dev.ringlet.internal.cql.ast.MaskExpr;
import dev.ringlet.internal.cql.ast.Ordering;
import dev.ringlet.internal.cql.ast.Properties;
import dev.ringlet.internal.cql.ast.QualifiedName;
import dev.ringlet.internal.cql.ast.Statement;
import dev.ringlet.internal.cql.ast.Statement.AlterTableAction;
import dev.ringlet.internal.cql.ast.Term;
import dev.ringlet.internal.cql.parse.Token.Kind;
import dev.ringlet.internal.error.CqlException;
import dev.ringlet.internal.types.LiteralKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code CREATE/ALTER/DROP TABLE} and {@code TRUNCATE}. */
final class TableParser {

  private final ParseContext ctx;
  private final TokenStream tokens;

  TableParser(ParseContext ctx) {
    this.ctx = ctx;
    this.tokens = ctx.tokens;
  }

  Statement.CreateTable create() {
    tokens.expect("CREATE");
    tokens.expect("TABLE");
    boolean ifNotExists = ctx.ifNotExists();
    QualifiedName table = ctx.names.tableName();
    tokens.expect("(");
    List<ColumnDefinition> columns = new ArrayList<>();
    PrimaryKey pk = null;
    // Cassandra tolerates a trailing comma: '(' def (',' def?)* ')'
    boolean first = true;
    do {
      // after ',' the definition is optional (one-token decision): anything that starts none
      // leaves the loop, and the ')' match reports it
      if (!first && !tokens.at("PRIMARY") && !ctx.names.isName(1)) break;
      first = false;
      if (tokens.at("PRIMARY")) {
        pk = onlyOne(table, pk, primaryKeyClause());
      } else {
        ColumnDefinition column = columnDefinition(true);
        columns.add(column);
        if (column.primaryKey()) pk = onlyOne(table, pk, new PrimaryKey(List.of(column.name()), List.of()));
      }
    } while (tokens.accept(","));
    tokens.expect(")");
    TableOptions options = tokens.accept("WITH") ? tableOptions() : TableOptions.NONE;
    return new Statement.CreateTable(
        table, ifNotExists, columns,
        pk == null ? List.of() : pk.partition(),
        pk == null ? List.of() : pk.clustering(),
        options.clusteringOrder(), options.compactStorage(), options.properties(), ctx.boundNames());
  }

  record PrimaryKey(List<String> partition, List<String> clustering) {}

  /** The WITH part of CREATE TABLE and CREATE MATERIALIZED VIEW. */
  record TableOptions(List<Ordering> clusteringOrder, boolean compactStorage, Properties properties) {
    static final TableOptions NONE = new TableOptions(List.of(), false, Properties.NONE);
  }

  private static PrimaryKey onlyOne(QualifiedName table, PrimaryKey existing, PrimaryKey next) {
    if (existing != null) {
      throw new MultiplePrimaryKeysException(table);
    }
    return next;
  }

  /** {@code PRIMARY KEY ((a, b), c, d)} or {@code PRIMARY KEY (a, c)}. */
  PrimaryKey primaryKeyClause() {
    tokens.expect("PRIMARY");
    tokens.expect("KEY");
    tokens.expect("(");
    List<String> partition;
    if (tokens.accept("(")) {
      partition = ctx.names.identList();
      tokens.expect(")");
    } else {
      partition = List.of(ctx.names.ident());
    }
    List<String> clustering = new ArrayList<>();
    while (tokens.accept(",")) clustering.add(ctx.names.ident());
    tokens.expect(")");
    return new PrimaryKey(partition, clustering);
  }

  private ColumnDefinition columnDefinition(boolean allowPrimaryKey) {
    String name = ctx.names.ident();
    var type = ctx.types.type();
    boolean isStatic = tokens.accept("STATIC");
    MaskExpr mask = tokens.at("MASKED") ? columnMask() : null;
    boolean primaryKey = allowPrimaryKey && tokens.accept("PRIMARY");
    if (primaryKey) tokens.expect("KEY");
    return new ColumnDefinition(name, type, isStatic, primaryKey, mask);
  }

  /** {@code MASKED WITH DEFAULT} or {@code MASKED WITH [ks.]f([term, ...])}. */
  private MaskExpr columnMask() {
    // ANTLR decides between MASKED WITH DEFAULT and MASKED WITH f(...) at MASKED, and between a
    // function's name and its arguments with one more token: both fail as "no viable alternative"
    if (!tokens.at(2, "WITH")) throw tokens.noViableAlternativeAhead(2);
    tokens.expect("MASKED");
    tokens.expect("WITH");
    if (tokens.accept("DEFAULT")) {
      return new MaskExpr(new QualifiedName("system", "mask_default"), List.of());
    }
    if (!tokens.at(2, "(") && !tokens.at(2, ".")) throw tokens.noViableAlternativeAhead(2);
    QualifiedName function = ctx.names.functionName();
    tokens.expect("(");
    List<Term> arguments = new ArrayList<>();
    if (!tokens.accept(")")) {
      do {
        arguments.add(ctx.terms.term());
      } while (tokens.accept(","));
      tokens.expect(")");
    }
    return new MaskExpr(function, arguments);
  }

  /** {@code CLUSTERING ORDER BY (...) AND COMPACT STORAGE AND name = value ...}. */
  TableOptions tableOptions() {
    return tableOptions(false);
  }

  /** Table options; views refuse COMPACT STORAGE the way Cassandra's grammar does. */
  TableOptions tableOptions(boolean view) {
    List<Ordering> order = List.of();
    boolean compact = false;
    Map<String, Term> values = new LinkedHashMap<>();
    do {
      if (tokens.acceptAll("COMPACT", "STORAGE")) {
        if (view) {
          throw TokenStream.actionError("COMPACT STORAGE tables are not allowed starting with version 4.0");
        }
        compact = true;
      } else if (tokens.at("CLUSTERING") && tokens.at(2, "ORDER")) {
        order = clusteringOrder();
      } else {
        ctx.properties.property(values);
      }
    } while (tokens.accept("AND"));
    return new TableOptions(order, compact, new Properties(values));
  }

  private List<Ordering> clusteringOrder() {
    tokens.expect("CLUSTERING");
    tokens.expect("ORDER");
    tokens.expect("BY");
    tokens.expect("(");
    List<Ordering> order = new ArrayList<>();
    do {
      String column = ctx.names.ident();
      boolean desc = tokens.accept("DESC");
      if (!desc && !tokens.accept("ASC")) throw tokens.noViableAlternative();
      order.add(new Ordering(column, desc, null));
    } while (tokens.accept(","));
    tokens.expect(")");
    return order;
  }

  Statement.AlterTable alter() {
    tokens.expect("ALTER");
    tokens.expect("TABLE");
    boolean ifExists = ctx.ifExists();
    QualifiedName table = ctx.names.tableName();
    AlterTableAction action;
    predictAlterOrDrop();
    if (tokens.accept("ALTER")) {
      boolean ifColumnExists = ctx.ifExists();
      String column = ctx.names.ident();
      if (tokens.at("MASKED")) {
        action = new AlterTableAction.Mask(column, ifColumnExists, columnMask());
      } else if (tokens.accept("DROP")) {
        tokens.expect("MASKED");
        action = new AlterTableAction.Mask(column, ifColumnExists, null);
      } else {
        tokens.expect("TYPE");
        action = new AlterTableAction.AlterType(column, ctx.types.type());
      }
    } else if (tokens.accept("ADD")) {
      action = add();
    } else if (tokens.accept("DROP")) {
      action = drop();
    } else if (tokens.accept("RENAME")) {
      action = rename();
    } else if (tokens.accept("WITH")) {
      action = new AlterTableAction.With(ctx.properties.properties());
    } else {
      throw tokens.noViableAlternative();
    }
    return new Statement.AlterTable(table, ifExists, action, ctx.boundNames());
  }

  /**
   * Cassandra predicts the ALTER TABLE action with look-ahead: {@code ALTER [IF EXISTS] column
   * TYPE|DROP|MASKED} and {@code DROP column|(|IF|COMPACT}; a token that fits no action fails the
   * decision that started at ALTER or DROP.
   */
  private void predictAlterOrDrop() {
    if (tokens.at("ALTER")) {
      Token second = tokens.peek(2);
      if (!second.isKeyword("IF") && !Names.isName(second)) throw tokens.noViableAlternativeAhead(2);
      if (Names.isName(second) && !tokens.at(3, "TYPE") && !tokens.at(3, "DROP") && !tokens.at(3, "MASKED")) {
        throw tokens.noViableAlternativeAhead(3);
      }
    } else if (tokens.at("DROP")) {
      Token second = tokens.peek(2);
      if (!Names.isName(second) && !second.isSymbol("(") && !second.isKeyword("IF")) {
        throw tokens.noViableAlternativeAhead(2);
      }
    }
  }

  private AlterTableAction add() {
    boolean ifNotExists = ctx.ifNotExists();
    List<ColumnDefinition> columns = new ArrayList<>();
    if (tokens.accept("(")) {
      do {
        columns.add(columnDefinition(false));
      } while (tokens.accept(","));
      tokens.expect(")");
    } else {
      columns.add(columnDefinition(false));
    }
    return new AlterTableAction.Add(columns, ifNotExists);
  }

  private AlterTableAction drop() {
    boolean ifExists = ctx.ifExists();
    List<String> columns;
    if (tokens.accept("(")) {
      columns = ctx.names.identList();
      tokens.expect(")");
    } else {
      columns = List.of(ctx.names.ident());
    }
    Term timestamp = null;
    if (tokens.accept("USING")) {
      tokens.expect("TIMESTAMP");
      Token t = tokens.peek();
      if (!t.is(Kind.INTEGER)) throw tokens.mismatch("INTEGER");
      tokens.next();
      timestamp = new Term.Constant(LiteralKind.INTEGER, t.text());
    }
    return new AlterTableAction.Drop(columns, ifExists, timestamp);
  }

  private AlterTableAction rename() {
    boolean ifExists = ctx.ifExists();
    List<String> from = new ArrayList<>();
    List<String> to = new ArrayList<>();
    do {
      from.add(ctx.names.ident());
      tokens.expect("TO");
      to.add(ctx.names.ident());
    } while (tokens.accept("AND"));
    return new AlterTableAction.Rename(from, to, ifExists);
  }

  Statement.DropTable dropTable() {
    tokens.expect("DROP");
    tokens.expect("TABLE");
    boolean ifExists = ctx.ifExists();
    return new Statement.DropTable(ctx.names.tableName(), ifExists, ctx.boundNames());
  }

  Statement.Truncate truncate() {
    tokens.expect("TRUNCATE");
    tokens.accept("TABLE");
    return new Statement.Truncate(ctx.names.tableName(), ctx.boundNames());
  }
}
