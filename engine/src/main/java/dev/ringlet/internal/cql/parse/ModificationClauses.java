package dev.ringlet.internal.cql.parse;

import dev.ringlet.internal.cql.ast.Condition;
import dev.ringlet.internal.cql.ast.Operator;
import dev.ringlet.internal.cql.ast.Term;
import dev.ringlet.internal.cql.ast.Using;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Clauses shared by INSERT, UPDATE, DELETE and BATCH: USING and IF conditions. */
final class ModificationClauses {

  private final ParseContext ctx;
  private final TokenStream tokens;

  ModificationClauses(ParseContext ctx) {
    this.ctx = ctx;
    this.tokens = ctx.tokens;
  }

  /** {@code USING TTL t AND TIMESTAMP ts} in either order; {@link Using#NONE} when absent. */
  Using using() {
    if (!tokens.accept("USING")) return Using.NONE;
    Term ttl = null;
    Term timestamp = null;
    do {
      if (tokens.accept("TTL")) {
        ttl = ctx.terms.intValue();
      } else if (tokens.accept("TIMESTAMP")) {
        timestamp = ctx.terms.intValue();
      } else {
        throw tokens.noViableAlternative();
      }
    } while (tokens.accept("AND"));
    return new Using(ttl, timestamp);
  }

  /** What may follow {@code IF EXISTS} at the end of an UPDATE or DELETE (alone or in a batch). */
  private static final Set<String> STATEMENT_END =
      Set.of("EOF", "';'", "K_APPLY", "K_INSERT", "K_UPDATE", "K_DELETE");

  /** What may follow a column name that starts an IF condition. */
  private static final Set<String> CONDITION_CONTINUATION =
      Set.of("'='", "'<'", "'<='", "'>'", "'>='", "'!='", "'['", "'.'", "K_IN", "K_CONTAINS");

  /**
   * After IF: consumes EXISTS if it is the keyword rather than a column starting a condition.
   * Cassandra tells them apart by the token after EXISTS; any other token there is "no viable
   * alternative" for the decision that started at EXISTS.
   */
  boolean ifExists() {
    if (!tokens.at("EXISTS")) return false;
    Token after = tokens.peek(2);
    if (CONDITION_CONTINUATION.contains(TokenStream.typeName(after))) return false;
    int start = tokens.mark();
    tokens.next();
    tokens.exitDecisionAfter(start, STATEMENT_END);
    return true;
  }

  /** {@code USING TIMESTAMP ts} only (DELETE). */
  Using usingTimestamp() {
    if (!tokens.accept("USING")) return Using.NONE;
    tokens.expect("TIMESTAMP");
    return new Using(null, ctx.terms.intValue());
  }

  /** After IF: {@code condition (AND condition)*}. */
  List<Condition> conditions() {
    List<Condition> conditions = new ArrayList<>();
    do {
      conditions.add(condition());
    } while (tokens.accept("AND"));
    return conditions;
  }

  private Condition condition() {
    String column = ctx.names.ident();
    Term element = null;
    String field = null;
    if (tokens.accept("[")) {
      element = ctx.terms.term();
      tokens.expect("]");
    } else if (tokens.accept(".")) {
      field = ctx.names.ident();
    }
    if (tokens.accept("IN")) {
      if (!ctx.terms.isMarker(1) && !tokens.at("(")) throw tokens.noViableAlternative();
      if (ctx.terms.isMarker(1)) {
        return new Condition(column, element, field, Operator.IN, ctx.terms.marker(), null);
      }
      return new Condition(column, element, field, Operator.IN, null, ctx.relations.inValues());
    }
    Operator op;
    if (element == null && field == null && tokens.accept("CONTAINS")) {
      op = tokens.accept("KEY") ? Operator.CONTAINS_KEY : Operator.CONTAINS;
    } else {
      op = ctx.relations.comparison();
    }
    return new Condition(column, element, field, op, ctx.terms.term(), null);
  }
}
