package dev.ringlet.internal.cql.parse;

import dev.ringlet.internal.cql.ast.Statement;
import dev.ringlet.internal.cql.ast.TypeExpr;

/**
 * Entry point: parses one CQL statement (Cassandra 5.0 syntax) into the syntax tree, or throws a
 * SYNTAX_ERROR {@link dev.ringlet.internal.error.CqlException} worded like Cassandra's.
 */
public final class CqlParser {

  private CqlParser() {}

  /** One statement, with optional trailing semicolons, whitespace and comments around it. */
  public static Statement parse(String cql) {
    ParseContext ctx = new ParseContext(cql);
    Statement statement = statement(ctx);
    ctx.tokens.expectEnd();
    return statement;
  }

  /** One CQL type, e.g. {@code tuple<int, text>} ({@code udfContext.newTupleValue} in functions). */
  public static TypeExpr parseType(String text) {
    ParseContext ctx = new ParseContext(text);
    TypeExpr type = ctx.types.type();
    ctx.tokens.expectEnd();
    return type;
  }

  private static Statement statement(ParseContext ctx) {
    TokenStream tokens = ctx.tokens;
    Token first = tokens.peek();
    String verb = first.kind() == Token.Kind.WORD ? Keywords.canonical(first.text()) : "";
    return switch (verb) {
      case "SELECT" -> new SelectParser(ctx).select();
      case "INSERT" -> new InsertParser(ctx).insert();
      case "UPDATE" -> new UpdateParser(ctx).update();
      case "DELETE" -> new DeleteParser(ctx).delete();
      case "BEGIN" -> new BatchParser(ctx).batch();
      case "USE" -> new KeyspaceParser(ctx).use();
      case "TRUNCATE" -> new TableParser(ctx).truncate();
      case "CREATE" -> create(ctx);
      case "ALTER" -> alter(ctx);
      case "DROP" -> drop(ctx);
      case "GRANT" -> grantOrRevoke(ctx, true);
      case "REVOKE" -> grantOrRevoke(ctx, false);
      case "LIST" -> list(ctx);
      case "DESCRIBE", "DESC" -> new DescribeParser(ctx).describe();
      default -> throw tokens.noViableAlternative();
    };
  }

  private static Statement create(ParseContext ctx) {
    TokenStream tokens = ctx.tokens;
    String fn = FunctionParser.createKind(tokens);
    if ("FUNCTION".equals(fn)) return new FunctionParser(ctx).createFunction();
    if ("AGGREGATE".equals(fn)) return new FunctionParser(ctx).createAggregate();
    return switch (secondWord(tokens)) {
      case "KEYSPACE", "SCHEMA" -> new KeyspaceParser(ctx).create();
      case "TABLE" -> new TableParser(ctx).create();
      case "TYPE" -> new UserTypeParser(ctx).create();
      case "INDEX", "CUSTOM" -> new IndexParser(ctx).create();
      case "MATERIALIZED" -> new ViewParser(ctx).create();
      case "ROLE", "USER" -> new RoleParser(ctx).createRole();
      default -> throw noViableAtSecond(tokens);
    };
  }

  private static Statement alter(ParseContext ctx) {
    TokenStream tokens = ctx.tokens;
    return switch (secondWord(tokens)) {
      case "KEYSPACE", "SCHEMA" -> new KeyspaceParser(ctx).alter();
      case "TABLE" -> new TableParser(ctx).alter();
      case "TYPE" -> new UserTypeParser(ctx).alter();
      case "MATERIALIZED" -> new ViewParser(ctx).alter();
      case "ROLE", "USER" -> new RoleParser(ctx).alterRole();
      default -> throw noViableAtSecond(tokens);
    };
  }

  private static Statement drop(ParseContext ctx) {
    TokenStream tokens = ctx.tokens;
    return switch (secondWord(tokens)) {
      case "KEYSPACE", "SCHEMA" -> new KeyspaceParser(ctx).drop();
      case "TABLE" -> new TableParser(ctx).dropTable();
      case "TYPE" -> new UserTypeParser(ctx).drop();
      case "INDEX" -> new IndexParser(ctx).drop();
      case "MATERIALIZED" -> new ViewParser(ctx).drop();
      case "FUNCTION" -> new FunctionParser(ctx).dropFunction();
      case "AGGREGATE" -> new FunctionParser(ctx).dropAggregate();
      case "ROLE", "USER" -> new RoleParser(ctx).dropRole();
      default -> throw noViableAtSecond(tokens);
    };
  }

  private static Statement grantOrRevoke(ParseContext ctx, boolean grant) {
    TokenStream tokens = ctx.tokens;
    if (PermissionParser.isPermissionStatement(tokens)) {
      return grant ? new PermissionParser(ctx).grant() : new PermissionParser(ctx).revoke();
    }
    Token second = tokens.peek(2);
    if (!Names.isName(second) && !second.is(Token.Kind.STRING) && !second.isSymbol("?")) {
      throw noViableAtSecond(tokens);
    }
    return grant ? new RoleParser(ctx).grantRole() : new RoleParser(ctx).revokeRole();
  }

  private static Statement list(ParseContext ctx) {
    TokenStream tokens = ctx.tokens;
    if (tokens.at(2, "ROLES") || tokens.at(2, "USERS")) return new RoleParser(ctx).listRoles();
    if (!PermissionParser.isPermissionStatement(tokens)) throw noViableAtSecond(tokens);
    return new PermissionParser(ctx).list();
  }

  private static String secondWord(TokenStream tokens) {
    Token t = tokens.peek(2);
    return t.kind() == Token.Kind.WORD ? Keywords.canonical(t.text()) : "";
  }

  /** ANTLR predicts the statement from its first two words; it highlights the first one. */
  private static RuntimeException noViableAtSecond(TokenStream tokens) {
    int start = tokens.mark();
    tokens.next();
    return tokens.noViableAlternative(start);
  }
}
