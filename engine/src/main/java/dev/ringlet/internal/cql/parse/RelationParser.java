package dev.ringlet.internal.cql.parse;

import dev.ringlet.internal.cql.ast.Operator;
import dev.ringlet.internal.cql.ast.Relation;
import dev.ringlet.internal.cql.ast.Term;
import java.util.ArrayList;
import java.util.List;

/**
 * WHERE clauses: single-column relations ({@code = < <= > >= != IN CONTAINS [KEY] LIKE IS NOT
 * NULL}), map element relations {@code m[k] = v}, multi-column relations on tuples and
 * {@code token(...)} relations.
 */
final class RelationParser {

  private final TokenStream tokens;
  private final Names names;
  private final TermParser terms;

  RelationParser(TokenStream tokens, Names names, TermParser terms) {
    this.tokens = tokens;
    this.names = names;
    this.terms = terms;
  }

  /** {@code relation (AND relation)*}. */
  List<Relation> whereClause() {
    List<Relation> relations = new ArrayList<>();
    do {
      relation(relations);
    } while (tokens.accept("AND"));
    return relations;
  }

  private void relation(List<Relation> into) {
    if (tokens.at("TOKEN") && tokens.at(2, "(")) {
      into.add(tokenRelation());
    } else if (tokens.at("(")) {
      if (names.isName(2) && (tokens.at(3, ",") || tokens.at(3, ")"))) {
        into.add(multiColumn());
      } else {
        tokens.next();
        relation(into);
        tokens.expect(")");
      }
    } else {
      into.add(singleColumn());
    }
  }

  private Relation tokenRelation() {
    tokens.next();
    tokens.expect("(");
    List<String> columns = names.identList();
    tokens.expect(")");
    Operator op = comparison();
    return new Relation.Token(columns, op, terms.term());
  }

  private Relation singleColumn() {
    if (names.isName(1) && !isRelationOperator(tokens.peek(2))) {
      throw tokens.noViableAlternativeAhead(2);
    }
    // "column IN" is told apart from the other relations by the token after IN as well
    if (names.isName(1) && tokens.at(2, "IN") && !tokens.at(3, "(") && !terms.isMarker(3)) {
      throw tokens.noViableAlternativeAhead(3);
    }
    String column = names.ident();
    if (tokens.accept("[")) {
      Term key = terms.term();
      tokens.expect("]");
      Operator op = comparison();
      return new Relation.Element(column, key, op, terms.term());
    }
    if (tokens.accept("IN")) {
      if (terms.isMarker(1)) return new Relation.Single(column, Operator.IN, terms.marker(), null);
      return new Relation.Single(column, Operator.IN, null, inValues());
    }
    if (tokens.accept("CONTAINS")) {
      Operator op = tokens.accept("KEY") ? Operator.CONTAINS_KEY : Operator.CONTAINS;
      return new Relation.Single(column, op, terms.term(), null);
    }
    if (tokens.accept("LIKE")) return new Relation.Single(column, Operator.LIKE, terms.term(), null);
    if (tokens.accept("IS")) {
      tokens.expect("NOT");
      tokens.expect("NULL");
      return new Relation.Single(column, Operator.IS_NOT, new Term.Null(), null);
    }
    Operator op = comparison();
    return new Relation.Single(column, op, terms.term(), null);
  }

  /** What may follow the column of a relation, for predicting the relation like ANTLR does. */
  private static boolean isRelationOperator(Token t) {
    if (t.kind() == Token.Kind.SYMBOL) return List.of("=", "<", "<=", ">", ">=", "!=", "[").contains(t.text());
    return t.isKeyword("IN") || t.isKeyword("CONTAINS") || t.isKeyword("LIKE") || t.isKeyword("IS");
  }

  /** {@code '(' term (',' term)* ')'}, possibly empty. */
  List<Term> inValues() {
    tokens.expect("(");
    List<Term> values = new ArrayList<>();
    if (!tokens.at(")")) {
      do {
        values.add(terms.term());
      } while (tokens.accept(","));
    }
    tokens.expect(")");
    return values;
  }

  private Relation multiColumn() {
    tokens.expect("(");
    List<String> columns = names.identList();
    tokens.expect(")");
    if (tokens.accept("IN")) {
      if (terms.isMarker(1)) {
        return new Relation.MultiColumn(columns, Operator.IN, terms.marker(), null);
      }
      if (!tokens.at("(")) throw tokens.noViableAlternative(); // tuples or a marker
      tokens.expect("(");
      List<Term> values = new ArrayList<>();
      if (!tokens.at(")")) {
        do {
          values.add(tupleOrMarker());
        } while (tokens.accept(","));
      }
      tokens.expect(")");
      return new Relation.MultiColumn(columns, Operator.IN, null, values);
    }
    // the operator and the tuple (or marker) after it are predicted together
    if (isComparison(tokens.peek()) && !tokens.at(2, "(") && !terms.isMarker(2)) {
      throw tokens.noViableAlternativeAhead(2);
    }
    Operator op = comparison();
    return new Relation.MultiColumn(columns, op, tupleOrMarker(), null);
  }

  private Term tupleOrMarker() {
    if (terms.isMarker(1)) return terms.marker();
    return terms.tuple(); // a plain '(' match: a mismatch when it is missing
  }

  private static boolean isComparison(Token t) {
    return t.kind() == Token.Kind.SYMBOL && List.of("=", "<", "<=", ">", ">=", "!=").contains(t.text());
  }

  /** {@code = < <= > >= !=}. */
  Operator comparison() {
    Token t = tokens.peek();
    Operator op =
        switch (t.kind() == Token.Kind.SYMBOL ? t.text() : "") {
          case "=" -> Operator.EQ;
          case "<" -> Operator.LT;
          case "<=" -> Operator.LTE;
          case ">" -> Operator.GT;
          case ">=" -> Operator.GTE;
          case "!=" -> Operator.NEQ;
          default -> null;
        };
    if (op == null) throw tokens.noViableAlternative();
    tokens.next();
    return op;
  }
}
