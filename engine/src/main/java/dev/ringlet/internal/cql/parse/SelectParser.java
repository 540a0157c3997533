package dev.ringlet.internal.cql.parse;

import dev.ringlet.internal.cql.ast.Ordering;
import dev.ringlet.internal.cql.ast.QualifiedName;
import dev.ringlet.internal.cql.ast.Relation;
import dev.ringlet.internal.cql.ast.Selector;
import dev.ringlet.internal.cql.ast.Statement;
import dev.ringlet.internal.cql.ast.Term;
import dev.ringlet.internal.error.CqlException;
import java.util.ArrayList;
import java.util.List;

/** {@code SELECT [JSON] [DISTINCT] ... FROM ... [WHERE] [GROUP BY] [ORDER BY] [PER PARTITION LIMIT] [LIMIT] [ALLOW FILTERING]}. */
final class SelectParser {

  private final ParseContext ctx;
  private final TokenStream tokens;

  SelectParser(ParseContext ctx) {
    this.ctx = ctx;
    this.tokens = ctx.tokens;
  }

  Statement.Select select() {
    tokens.expect("SELECT");
    // JSON and DISTINCT are unreserved: they are keywords only when a select clause follows them.
    boolean json = tokens.at("JSON") && selectClauseFollows() && tokens.accept("JSON");
    boolean distinct = tokens.at("DISTINCT") && selectClauseFollows() && tokens.accept("DISTINCT");
    List<Selector.Aliased> selectors = selectClause();
    tokens.expect("FROM");
    QualifiedName table = ctx.names.tableName();
    List<Relation> where = tokens.accept("WHERE") ? ctx.relations.whereClause() : List.of();
    List<Selector> groupBy = List.of();
    if (tokens.accept("GROUP")) {
      tokens.expect("BY");
      groupBy = groupBySelectors();
    }
    List<Ordering> orderBy = List.of();
    if (tokens.accept("ORDER")) {
      tokens.expect("BY");
      orderBy = orderings();
    }
    Term perPartitionLimit = null;
    if (tokens.accept("PER")) {
      tokens.expect("PARTITION");
      tokens.expect("LIMIT");
      perPartitionLimit = ctx.terms.intValue();
    }
    Term limit = tokens.accept("LIMIT") ? ctx.terms.intValue() : null;
    boolean allowFiltering = false;
    if (tokens.accept("ALLOW")) {
      tokens.expect("FILTERING");
      allowFiltering = true;
    }
    return new Statement.Select(
        table, json, distinct, selectors, where, groupBy, orderBy, perPartitionLimit, limit,
        allowFiltering, ctx.boundNames());
  }

  /** {@code *} (an empty list) or selectors. */
  List<Selector.Aliased> selectClause() {
    if (tokens.accept("*")) return List.of();
    return ctx.selectors.selectors();
  }

  /**
   * Cassandra's syntactic predicate {@code (K_JSON selectClause)=>}: the keyword counts only if a
   * whole select clause parses after it; otherwise it is a column name (and fails as one).
   */
  private boolean selectClauseFollows() {
    int mark = tokens.mark();
    int markerCount = ctx.markers.count();
    try {
      boolean json = tokens.at("JSON");
      tokens.next();
      // JSON's select clause may itself begin with DISTINCT (predicated the same way)
      if (json && tokens.at("DISTINCT") && selectClauseFollows()) tokens.next();
      selectClause();
      return true;
    } catch (CqlException notAClause) {
      return false;
    } finally {
      tokens.reset(mark);
      ctx.markers.truncate(markerCount);
    }
  }

  /** GROUP BY items are unaliased selectors in Cassandra's grammar: columns, or a function of the last one. */
  private List<Selector> groupBySelectors() {
    List<Selector> selectors = new ArrayList<>();
    do {
      selectors.add(ctx.selectors.selector());
    } while (tokens.accept(","));
    return selectors;
  }

  private List<Ordering> orderings() {
    List<Ordering> orderings = new ArrayList<>();
    do {
      String column = ctx.names.ident();
      Term annOf = null;
      if (tokens.accept("ANN")) {
        tokens.expect("OF");
        annOf = ctx.terms.term();
      }
      boolean desc = tokens.accept("DESC");
      if (!desc) tokens.accept("ASC");
      orderings.add(new Ordering(column, desc, annOf));
    } while (tokens.accept(","));
    return orderings;
  }
}
