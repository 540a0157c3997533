package dev.ringlet.internal.cql.parse;

import dev.ringlet.internal.cql.ast.QualifiedName;
import dev.ringlet.internal.cql.ast.Statement;
import dev.ringlet.internal.cql.ast.Term;
import dev.ringlet.internal.cql.ast.TypeExpr;
import dev.ringlet.internal.cql.parse.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code CREATE [OR REPLACE] FUNCTION|AGGREGATE} and {@code DROP FUNCTION|AGGREGATE}.
 * {@code DETERMINISTIC} and {@code MONOTONIC} (words of pre-release 4.0 grammars, not Cassandra 5.0
 * keywords) are accepted before and after the null-input clause and before LANGUAGE.
 */
final class FunctionParser {

  private final ParseContext ctx;
  private final TokenStream tokens;
  private boolean deterministic;
  private boolean monotonic;

  FunctionParser(ParseContext ctx) {
    this.ctx = ctx;
    this.tokens = ctx.tokens;
  }

  /** Whether {@code CREATE [OR REPLACE] FUNCTION} / {@code AGGREGATE} starts here; which one. */
  static String createKind(TokenStream tokens) {
    int k = tokens.at(2, "OR") ? 4 : 2;
    if (tokens.at(k, "FUNCTION")) return "FUNCTION";
    if (tokens.at(k, "AGGREGATE")) return "AGGREGATE";
    return null;
  }

  Statement.CreateFunction createFunction() {
    tokens.expect("CREATE");
    boolean orReplace = orReplace();
    tokens.expect("FUNCTION");
    boolean ifNotExists = ctx.ifNotExists();
    QualifiedName name = ctx.names.functionName();
    tokens.expect("(");
    List<String> argNames = new ArrayList<>();
    List<TypeExpr> argTypes = new ArrayList<>();
    if (!tokens.at(")")) {
      do {
        argNames.add(ctx.names.ident());
        argTypes.add(ctx.types.type());
      } while (tokens.accept(","));
    }
    tokens.expect(")");
    optionalFlags();
    boolean calledOnNull;
    if (tokens.accept("CALLED")) {
      calledOnNull = true;
    } else if (tokens.accept("RETURNS")) {
      tokens.expect("NULL");
      calledOnNull = false;
    } else {
      throw tokens.noViableAlternative();
    }
    tokens.expect("ON");
    tokens.expect("NULL");
    tokens.expect("INPUT");
    optionalFlags();
    tokens.expect("RETURNS");
    TypeExpr returnType = ctx.types.returnType();
    optionalFlags();
    tokens.expect("LANGUAGE");
    Token language = tokens.peek();
    if (!language.is(Kind.WORD) || Keywords.isKeyword(language.text())) {
      throw tokens.mismatch("IDENT");
    }
    tokens.next();
    tokens.expect("AS");
    Token body = tokens.peek();
    if (!body.is(Kind.STRING)) throw tokens.mismatch("STRING_LITERAL");
    tokens.next();
    return new Statement.CreateFunction(
        name, orReplace, ifNotExists, argNames, argTypes, calledOnNull, returnType,
        language.text().toLowerCase(Locale.ROOT), body.text(), deterministic, monotonic, ctx.boundNames());
  }

  private void optionalFlags() {
    while (true) {
      if (tokens.accept("DETERMINISTIC")) {
        deterministic = true;
      } else if (tokens.accept("MONOTONIC")) {
        monotonic = true;
      } else {
        return;
      }
    }
  }

  Statement.DropFunction dropFunction() {
    tokens.expect("DROP");
    tokens.expect("FUNCTION");
    boolean ifExists = ctx.ifExists();
    QualifiedName name = ctx.names.functionName();
    return new Statement.DropFunction(name, ifExists, signature(), ctx.boundNames());
  }

  Statement.CreateAggregate createAggregate() {
    tokens.expect("CREATE");
    boolean orReplace = orReplace();
    tokens.expect("AGGREGATE");
    boolean ifNotExists = ctx.ifNotExists();
    QualifiedName name = ctx.names.functionName();
    tokens.expect("(");
    List<TypeExpr> argTypes = ctx.types.typeListUntilClose();
    tokens.expect(")");
    tokens.expect("SFUNC");
    String stateFunction = unqualifiedFunctionName();
    tokens.expect("STYPE");
    TypeExpr stateType = ctx.types.type();
    String finalFunction = tokens.accept("FINALFUNC") ? unqualifiedFunctionName() : null;
    Term initCond = tokens.accept("INITCOND") ? ctx.terms.term() : null;
    return new Statement.CreateAggregate(
        name, orReplace, ifNotExists, argTypes, stateFunction, stateType, finalFunction, initCond,
        ctx.boundNames());
  }

  Statement.DropAggregate dropAggregate() {
    tokens.expect("DROP");
    tokens.expect("AGGREGATE");
    boolean ifExists = ctx.ifExists();
    QualifiedName name = ctx.names.functionName();
    return new Statement.DropAggregate(name, ifExists, signature(), ctx.boundNames());
  }

  /** {@code '(' types ')'} or null when absent. */
  private List<TypeExpr> signature() {
    if (!tokens.accept("(")) return null;
    List<TypeExpr> types = ctx.types.typeListUntilClose();
    tokens.expect(")");
    return types;
  }

  private boolean orReplace() {
    if (!tokens.accept("OR")) return false;
    tokens.expect("REPLACE");
    return true;
  }

  private String unqualifiedFunctionName() {
    Token t = tokens.peek();
    if (!Names.isFunctionName(t)) throw tokens.noViableAlternative();
    tokens.next();
    return Names.fold(t);
  }
}
