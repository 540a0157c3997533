package dev.ringlet.internal.cql.parse;

import dev.ringlet.internal.cql.ast.QualifiedName;
import dev.ringlet.internal.cql.ast.Statement;
import dev.ringlet.internal.cql.ast.Statement.Permissions.Kind;
import dev.ringlet.internal.cql.ast.TypeExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code GRANT|REVOKE permissions ON resource TO|FROM role} and {@code LIST permissions [ON
 * resource] [OF role] [NORECURSIVE]}. Resources are named as Cassandra names them: "data",
 * "data/ks", "data/ks/t" ("data//t" when the table is unqualified), "roles", "roles/r",
 * "functions", "functions/ks", "functions/ks/f(int, text)" ("functions//f()" when unqualified),
 * "mbean", "mbean/name".
 */
final class PermissionParser {

  private static final Set<String> PERMISSIONS =
      Set.of("CREATE", "ALTER", "DROP", "SELECT", "MODIFY", "AUTHORIZE", "DESCRIBE", "EXECUTE",
          "UNMASK", "SELECT_MASKED");

  private final ParseContext ctx;
  private final TokenStream tokens;

  PermissionParser(ParseContext ctx) {
    this.ctx = ctx;
    this.tokens = ctx.tokens;
  }

  /** Whether the statement at the start is about permissions rather than roles (GRANT/REVOKE). */
  static boolean isPermissionStatement(TokenStream tokens) {
    Token second = tokens.peek(2);
    return second.kind() == Token.Kind.WORD
        && (PERMISSIONS.contains(Keywords.canonical(second.text()))
            || (second.isKeyword("ALL") && !tokens.at(3, "TO") && !tokens.at(3, "FROM")));
  }

  Statement grant() {
    tokens.expect("GRANT");
    List<String> permissions = permissions();
    tokens.expect("ON");
    String resource = resource();
    tokens.expect("TO");
    return new Statement.Permissions(Kind.GRANT, permissions, resource, ctx.names.roleName(), true, ctx.boundNames());
  }

  Statement revoke() {
    tokens.expect("REVOKE");
    List<String> permissions = permissions();
    tokens.expect("ON");
    String resource = resource();
    tokens.expect("FROM");
    return new Statement.Permissions(Kind.REVOKE, permissions, resource, ctx.names.roleName(), true, ctx.boundNames());
  }

  Statement list() {
    tokens.expect("LIST");
    List<String> permissions = permissions();
    String resource = tokens.accept("ON") ? resource() : null;
    String role = tokens.accept("OF") ? ctx.names.roleName() : null;
    boolean recursive = !tokens.accept("NORECURSIVE");
    return new Statement.Permissions(Kind.LIST, permissions, resource, role, recursive, ctx.boundNames());
  }

  /** {@code ALL [PERMISSIONS]} or {@code p [PERMISSION] (, q [PERMISSION])*}. */
  private List<String> permissions() {
    if (tokens.accept("ALL")) {
      tokens.accept("PERMISSIONS");
      return List.of("ALL");
    }
    List<String> result = new ArrayList<>();
    do {
      Token t = tokens.peek();
      if (t.kind() != Token.Kind.WORD || !PERMISSIONS.contains(Keywords.canonical(t.text()))) {
        throw tokens.noViableAlternative();
      }
      tokens.next();
      result.add(Keywords.canonical(t.text()));
      tokens.accept("PERMISSION");
    } while (tokens.accept(","));
    return result;
  }

  private String resource() {
    if (tokens.at("ALL")) return allResource();
    if (tokens.accept("KEYSPACE")) return "data/" + ctx.names.keyspaceName();
    if (tokens.accept("ROLE")) return "roles/" + ctx.names.roleName();
    if (tokens.at("FUNCTION") && !tokens.at(2, "ON") && !tokens.at(2, "TO") && !tokens.at(2, "FROM")) {
      tokens.next();
      return functionResource();
    }
    if (tokens.at("MBEAN") || tokens.at("MBEANS")) {
      boolean plural = tokens.next().isKeyword("MBEANS");
      Token name = tokens.peek();
      if (!name.is(Token.Kind.STRING)) throw tokens.mismatch("STRING_LITERAL");
      tokens.next();
      return "mbean/" + canonicalObjectName(name.text(), plural);
    }
    tokens.accept("TABLE");
    QualifiedName table = ctx.names.tableName();
    return "data/" + (table.keyspace() == null ? "" : table.keyspace()) + "/" + table.name();
  }

  /** JMX names are stored canonical; the checks and messages are those of Cassandra's grammar. */
  private static String canonicalObjectName(String name, boolean plural) {
    if (name.isEmpty()) throw TokenStream.actionError("Empty JMX object name supplied");
    if (name.equals("*:*")) throw TokenStream.actionError("Please use ALL MBEANS instead of wildcard pattern");
    try {
      javax.management.ObjectName objectName = javax.management.ObjectName.getInstance(name);
      if (plural && !objectName.isPattern()) {
        throw TokenStream.actionError(
            "Plural form used, but non-pattern JMX object name specified (" + name + ")");
      }
      return objectName.getCanonicalName();
    } catch (javax.management.MalformedObjectNameException e) {
      throw TokenStream.actionError(name + " is not a valid JMX object name");
    }
  }

  private String allResource() {
    tokens.expect("ALL");
    if (tokens.accept("KEYSPACES")) return "data";
    if (tokens.accept("ROLES")) return "roles";
    if (tokens.accept("MBEANS")) return "mbean";
    tokens.expect("FUNCTIONS");
    if (tokens.accept("IN")) {
      tokens.expect("KEYSPACE");
      return "functions/" + ctx.names.keyspaceName();
    }
    return "functions";
  }

  private String functionResource() {
    QualifiedName fn = ctx.names.functionName();
    tokens.expect("(");
    List<TypeExpr> types = ctx.types.typeListUntilClose();
    tokens.expect(")");
    String args = types.stream().map(TypeText::render).collect(Collectors.joining(", ", "(", ")"));
    return "functions/" + (fn.keyspace() == null ? "" : fn.keyspace()) + "/" + fn.name() + args;
  }
}
