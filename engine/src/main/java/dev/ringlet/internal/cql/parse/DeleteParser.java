package dev.ringlet.internal.cql.parse;

import dev.ringlet.internal.cql.ast.Condition;
import dev.ringlet.internal.cql.ast.Deletion;
import dev.ringlet.internal.cql.ast.QualifiedName;
import dev.ringlet.internal.cql.ast.Relation;
import dev.ringlet.internal.cql.ast.Statement;
import dev.ringlet.internal.cql.ast.Term;
import dev.ringlet.internal.cql.ast.Using;
import java.util.ArrayList;
import java.util.List;

/** {@code DELETE [targets] FROM t [USING TIMESTAMP ts] WHERE ... [IF EXISTS | IF conditions]}. */
final class DeleteParser {

  private final ParseContext ctx;
  private final TokenStream tokens;
  private final ModificationClauses clauses;

  DeleteParser(ParseContext ctx) {
    this.ctx = ctx;
    this.tokens = ctx.tokens;
    this.clauses = new ModificationClauses(ctx);
  }

  Statement.Delete delete() {
    tokens.expect("DELETE");
    List<Deletion> targets = new ArrayList<>();
    if (!tokens.at("FROM") && ctx.names.isName(1)) {
      do {
        targets.add(target());
      } while (tokens.accept(","));
    }
    tokens.expect("FROM");
    QualifiedName table = ctx.names.tableName();
    Using using = clauses.usingTimestamp();
    tokens.expect("WHERE");
    List<Relation> where = ctx.relations.whereClause();
    boolean ifExists = false;
    List<Condition> conditions = List.of();
    if (tokens.accept("IF")) {
      if (clauses.ifExists()) {
        ifExists = true;
      } else {
        conditions = clauses.conditions();
      }
    }
    return new Statement.Delete(table, targets, using, where, ifExists, conditions, ctx.boundNames());
  }

  /** What may follow a plain column in Cassandra's prediction of a deletion target. */
  private static final java.util.Set<String> TARGET_FOLLOW = java.util.Set.of("K_FROM", "','", "'['", "'.'");

  private Deletion target() {
    // column, column[key] or column.field is decided on the token after the column
    if (ctx.names.isName(1) && !TARGET_FOLLOW.contains(TokenStream.typeName(tokens.peek(2)))) {
      throw tokens.noViableAlternativeAhead(2);
    }
    String column = ctx.names.ident();
    if (tokens.accept("[")) {
      Term key = ctx.terms.term();
      tokens.expect("]");
      return new Deletion(column, key, null);
    }
    if (tokens.accept(".")) return new Deletion(column, null, ctx.names.ident());
    return new Deletion(column, null, null);
  }
}
