package dev.ringlet.internal.cql.parse;

import dev.ringlet.internal.cql.ast.Assignment;
import dev.ringlet.internal.cql.ast.Condition;
import dev.ringlet.internal.cql.ast.QualifiedName;
import dev.ringlet.internal.cql.ast.Relation;
import dev.ringlet.internal.cql.ast.Statement;
import dev.ringlet.internal.cql.ast.Term;
import dev.ringlet.internal.cql.ast.Using;
import dev.ringlet.internal.cql.parse.Token.Kind;
import dev.ringlet.internal.types.LiteralKind;
import java.util.ArrayList;
import java.util.List;

/** {@code UPDATE t [USING ...] SET assignments WHERE ... [IF EXISTS | IF conditions]}. */
final class UpdateParser {

  private final ParseContext ctx;
  private final TokenStream tokens;
  private final ModificationClauses clauses;

  UpdateParser(ParseContext ctx) {
    this.ctx = ctx;
    this.tokens = ctx.tokens;
    this.clauses = new ModificationClauses(ctx);
  }

  Statement.Update update() {
    tokens.expect("UPDATE");
    QualifiedName table = ctx.names.tableName();
    Using using = clauses.using();
    tokens.expect("SET");
    List<Assignment> assignments = new ArrayList<>();
    do {
      add(assignments, assignment());
    } while (tokens.accept(","));
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
    return new Statement.Update(table, using, assignments, where, ifExists, conditions, ctx.boundNames());
  }

  /** Refuses setting a column twice in ways that clash, as Cassandra's grammar action does. */
  private static void add(List<Assignment> assignments, Assignment next) {
    for (Assignment existing : assignments) {
      if (existing.column().equals(next.column()) && !compatible(existing, next)) {
        throw TokenStream.actionError("Multiple incompatible setting of column " + next.column());
      }
    }
    assignments.add(next);
  }

  private static boolean compatible(Assignment existing, Assignment next) {
    if (existing instanceof Assignment.Set) return false;
    if (existing instanceof Assignment.SetField a && next instanceof Assignment.SetField b) {
      return !a.field().equals(b.field());
    }
    return !(next instanceof Assignment.Set);
  }

  private Assignment assignment() {
    String column = ctx.names.ident();
    // '=', '+=', '-=', '[' or '.' must follow the column: Cassandra chooses among them right here
    if (!tokens.at("=") && !tokens.at("+=") && !tokens.at("-=") && !tokens.at("[") && !tokens.at(".")) {
      throw tokens.noViableAlternative();
    }
    if (tokens.accept("+=")) return new Assignment.Add(column, ctx.terms.term());
    if (tokens.accept("-=")) return new Assignment.Subtract(column, ctx.terms.term());
    if (tokens.accept("[")) {
      Term key = ctx.terms.term();
      tokens.expect("]");
      tokens.expect("=");
      return new Assignment.SetElement(column, key, ctx.terms.term());
    }
    if (tokens.accept(".")) {
      String field = ctx.names.ident();
      tokens.expect("=");
      return new Assignment.SetField(column, field, ctx.terms.term());
    }
    tokens.expect("=");
    if (ctx.names.isName(1) && !ctx.names.isFunctionCall(1)) return selfReference(column);
    Term value = ctx.terms.term();
    if (tokens.accept("+")) {
      String other = ctx.names.ident();
      if (!other.equals(column)) {
        throw TokenStream.actionError("Only expressions of the form X = <value> + X are supported.");
      }
      return new Assignment.Prepend(column, value);
    }
    return new Assignment.Set(column, value);
  }

  /** {@code c = c + v}, {@code c = c - v}, and {@code c = c -1} (the lexer glues the sign to the number). */
  private Assignment selfReference(String column) {
    // "c = c + v" is predicted from the token after the second name
    Token after = tokens.peek(2);
    if (!after.isSymbol("+") && !after.isSymbol("-") && !after.is(Kind.INTEGER)) {
      throw tokens.noViableAlternativeAhead(2);
    }
    String other = ctx.names.ident();
    Token t = tokens.peek();
    if (t.is(Kind.INTEGER)) {
      tokens.next();
      char sign = t.text().charAt(0) == '-' ? '-' : '+';
      checkSame(column, other, sign + " <value>");
      return new Assignment.Add(column, new Term.Constant(LiteralKind.INTEGER, t.text()));
    }
    if (!tokens.at("+") && !tokens.at("-")) throw tokens.noViableAlternative();
    char sign = tokens.next().text().charAt(0);
    Term value = ctx.terms.term();
    checkSame(column, other, sign + "<value>");
    return sign == '+' ? new Assignment.Add(column, value) : new Assignment.Subtract(column, value);
  }

  /** Cassandra's wording, down to the missing space in "X = X +&lt;value&gt;" for the operator form. */
  private static void checkSame(String column, String other, String operation) {
    if (!other.equals(column)) {
      throw TokenStream.actionError("Only expressions of the form X = X " + operation + " are supported.");
    }
  }
}
