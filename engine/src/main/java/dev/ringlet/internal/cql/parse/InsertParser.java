package dev.ringlet.internal.cql.parse;

import dev.ringlet.internal.cql.ast.QualifiedName;
import dev.ringlet.internal.cql.ast.Statement;
import dev.ringlet.internal.cql.ast.Term;
import dev.ringlet.internal.cql.ast.Using;
import dev.ringlet.internal.cql.parse.Token.Kind;
import java.util.ArrayList;
import java.util.List;

/** {@code INSERT INTO t (cols) VALUES (terms)} and {@code INSERT INTO t JSON ...}. */
final class InsertParser {

  private final ParseContext ctx;
  private final TokenStream tokens;
  private final ModificationClauses clauses;

  InsertParser(ParseContext ctx) {
    this.ctx = ctx;
    this.tokens = ctx.tokens;
    this.clauses = new ModificationClauses(ctx);
  }

  Statement.Modification insert() {
    tokens.expect("INSERT");
    tokens.expect("INTO");
    QualifiedName table = ctx.names.tableName();
    if (tokens.accept("JSON")) return json(table);
    if (!tokens.at("(")) throw tokens.noViableAlternative();
    tokens.expect("(");
    List<String> columns = ctx.names.identList();
    tokens.expect(")");
    tokens.expect("VALUES");
    tokens.expect("(");
    List<Term> values = new ArrayList<>();
    do {
      values.add(ctx.terms.term());
    } while (tokens.accept(","));
    tokens.expect(")");
    boolean ifNotExists = ctx.ifNotExists();
    Using using = clauses.using();
    return new Statement.Insert(table, columns, values, ifNotExists, using, ctx.boundNames());
  }

  private Statement.Modification json(QualifiedName table) {
    Term json;
    if (ctx.terms.isMarker(1)) {
      json = ctx.terms.marker();
    } else if (tokens.peek().is(Kind.STRING)) {
      json = ctx.terms.constant();
    } else {
      throw tokens.noViableAlternative();
    }
    boolean defaultUnset = false;
    if (tokens.accept("DEFAULT")) {
      if (tokens.accept("UNSET")) {
        defaultUnset = true;
      } else if (!tokens.accept("NULL")) {
        throw tokens.noViableAlternative();
      }
    }
    boolean ifNotExists = ctx.ifNotExists();
    Using using = clauses.using();
    return new Statement.InsertJson(table, json, defaultUnset, ifNotExists, using, ctx.boundNames());
  }
}
