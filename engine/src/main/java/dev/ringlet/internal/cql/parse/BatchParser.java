package dev.ringlet.internal.cql.parse;

import dev.ringlet.internal.cql.ast.Statement;
import dev.ringlet.internal.cql.ast.Using;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code BEGIN [UNLOGGED|COUNTER] BATCH [USING ...] statements APPLY BATCH}. The inner statements
 * share the batch's bind markers, so their indexes run on across statements; each inner statement's
 * {@code boundNames} is the batch's list as it stood after that statement.
 */
final class BatchParser {

  private final ParseContext ctx;
  private final TokenStream tokens;

  BatchParser(ParseContext ctx) {
    this.ctx = ctx;
    this.tokens = ctx.tokens;
  }

  Statement.Batch batch() {
    tokens.expect("BEGIN");
    Statement.Batch.Type type = Statement.Batch.Type.LOGGED;
    if (tokens.accept("UNLOGGED")) {
      type = Statement.Batch.Type.UNLOGGED;
    } else if (tokens.accept("COUNTER")) {
      type = Statement.Batch.Type.COUNTER;
    }
    tokens.expect("BATCH");
    Using using = new ModificationClauses(ctx).using();
    List<Statement.Modification> statements = new ArrayList<>();
    while (tokens.at("INSERT") || tokens.at("UPDATE") || tokens.at("DELETE")) {
      statements.add(modification());
      tokens.accept(";");
    }
    tokens.expect("APPLY");
    tokens.expect("BATCH");
    return new Statement.Batch(type, using, statements, ctx.boundNames());
  }

  private Statement.Modification modification() {
    if (tokens.at("INSERT")) return new InsertParser(ctx).insert();
    if (tokens.at("UPDATE")) return new UpdateParser(ctx).update();
    return new DeleteParser(ctx).delete();
  }
}
