package dev.ringlet.internal.cql.parse;

import dev.ringlet.internal.cql.ast.Properties;
import dev.ringlet.internal.cql.ast.Statement;
import dev.ringlet.internal.cql.ast.Term;
import dev.ringlet.internal.cql.parse.Token.Kind;
import dev.ringlet.internal.types.LiteralKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Roles and users: {@code CREATE/ALTER/DROP ROLE|USER}, {@code GRANT/REVOKE role}, {@code LIST
 * ROLES|USERS}. Role options become properties keyed: {@code password}, {@code hashed_password}
 * (STRING), {@code login}, {@code superuser} (BOOLEAN), {@code options}
 * (map), {@code access_to_datacenters}, {@code access_from_cidrs} (set of strings; an empty set
 * stands for ALL).
 */
final class RoleParser {

  private final ParseContext ctx;
  private final TokenStream tokens;

  RoleParser(ParseContext ctx) {
    this.ctx = ctx;
    this.tokens = ctx.tokens;
  }

  Statement createRole() {
    tokens.expect("CREATE");
    if (tokens.accept("USER")) {
      boolean ifNotExists = ctx.ifNotExists();
      String name = ctx.names.userName();
      return new Statement.CreateRole(name, ifNotExists, true, userOptions(true), ctx.boundNames());
    }
    tokens.expect("ROLE");
    boolean ifNotExists = ctx.ifNotExists();
    String name = ctx.names.roleName();
    Map<String, Term> options = roleOptions();
    options.putIfAbsent("login", bool(false));
    options.putIfAbsent("superuser", bool(false));
    return new Statement.CreateRole(name, ifNotExists, false, checked(options), ctx.boundNames());
  }

  Statement alterRole() {
    tokens.expect("ALTER");
    if (tokens.accept("USER")) {
      boolean ifExists = ctx.ifExists();
      String name = ctx.names.userName();
      return new Statement.AlterRole(name, ifExists, true, userOptions(false), ctx.boundNames());
    }
    tokens.expect("ROLE");
    boolean ifExists = ctx.ifExists();
    String name = ctx.names.roleName();
    return new Statement.AlterRole(name, ifExists, false, checked(roleOptions()), ctx.boundNames());
  }

  Statement dropRole() {
    tokens.expect("DROP");
    boolean user = tokens.accept("USER");
    if (!user) tokens.expect("ROLE");
    boolean ifExists = ctx.ifExists();
    String name = user ? ctx.names.userName() : ctx.names.roleName();
    return new Statement.DropRole(name, ifExists, user, ctx.boundNames());
  }

  Statement grantRole() {
    tokens.expect("GRANT");
    String role = ctx.names.roleName();
    tokens.expect("TO");
    return new Statement.GrantRole(role, ctx.names.roleName(), ctx.boundNames());
  }

  Statement revokeRole() {
    tokens.expect("REVOKE");
    String role = ctx.names.roleName();
    tokens.expect("FROM");
    return new Statement.RevokeRole(role, ctx.names.roleName(), ctx.boundNames());
  }

  /** {@code LIST ROLES [OF r] [NORECURSIVE]} or {@code LIST USERS}. */
  Statement listRoles() {
    tokens.expect("LIST");
    if (tokens.accept("USERS")) return new Statement.ListRoles(null, true, true, ctx.boundNames());
    tokens.expect("ROLES");
    String of = tokens.accept("OF") ? ctx.names.roleName() : null;
    boolean recursive = !tokens.accept("NORECURSIVE");
    return new Statement.ListRoles(of, recursive, false, ctx.boundNames());
  }

  private Map<String, Term> roleOptions() {
    Map<String, Term> options = new LinkedHashMap<>();
    if (!tokens.accept("WITH")) return options;
    do {
      roleOption(options);
    } while (tokens.accept("AND"));
    return options;
  }

  /** The password options exclude one another, checked as Cassandra's grammar actions do. */
  private static Properties checked(Map<String, Term> options) {
    // GENERATED PASSWORD arrived after 5.0: 5.0.9's grammar has no such option (a syntax error).
    if (options.containsKey("password") && options.containsKey("hashed_password")) {
      exclusive("password", "hashed password");
    }
    return new Properties(options);
  }

  private static void exclusive(String a, String b) {
    throw TokenStream.actionError("Options '" + a + "' and '" + b + "' are mutually exclusive");
  }

  private void roleOption(Map<String, Term> options) {
    if (tokens.accept("PASSWORD")) {
      tokens.expect("=");
      put(options, "password", "PASSWORD", string());
    } else if (tokens.accept("HASHED")) {
      tokens.expect("PASSWORD");
      tokens.expect("=");
      put(options, "hashed_password", "HASHED_PASSWORD", string());
    } else if (tokens.accept("OPTIONS")) {
      tokens.expect("=");
      put(options, "options", "OPTIONS", ctx.properties.propertyMap());
    } else if (tokens.accept("SUPERUSER")) {
      tokens.expect("=");
      put(options, "superuser", "SUPERUSER", boolConstant());
    } else if (tokens.accept("LOGIN")) {
      tokens.expect("=");
      put(options, "login", "LOGIN", boolConstant());
    } else if (tokens.accept("ACCESS")) {
      access(options);
    } else {
      throw tokens.noViableAlternative();
    }
  }

  /** {@code ACCESS TO [ALL] DATACENTERS ...} and {@code ACCESS FROM [ALL] CIDRS ...}. */
  private void access(Map<String, Term> options) {
    boolean datacenters = tokens.accept("TO");
    if (!datacenters) tokens.expect("FROM");
    String word = datacenters ? "DATACENTERS" : "CIDRS";
    String key = datacenters ? "access_to_datacenters" : "access_from_cidrs";
    if (tokens.accept("ALL")) {
      tokens.expect(word);
      put(options, key, word, new Term.SetLiteral(List.of()));
      return;
    }
    tokens.expect(word);
    tokens.expect("{");
    List<Term> values = new ArrayList<>();
    do {
      values.add(string());
    } while (tokens.accept(","));
    tokens.expect("}");
    put(options, key, word, new Term.SetLiteral(values));
  }

  /** USER statements: {@code [WITH [HASHED] PASSWORD 'p'] [SUPERUSER|NOSUPERUSER]}. */
  private Properties userOptions(boolean create) {
    Map<String, Term> options = new LinkedHashMap<>();
    if (create) options.put("login", bool(true));
    if (tokens.accept("WITH")) {
      if (tokens.accept("HASHED")) {
        tokens.expect("PASSWORD");
        options.put("hashed_password", string());
      } else {
        tokens.expect("PASSWORD");
        options.put("password", string());
      }
    }
    if (tokens.accept("SUPERUSER")) {
      options.put("superuser", bool(true));
    } else if (tokens.accept("NOSUPERUSER") || create) {
      options.put("superuser", bool(false));
    }
    return new Properties(options);
  }

  private static void put(Map<String, Term> options, String key, String optionName, Term value) {
    if (options.containsKey(key)) {
      throw TokenStream.actionError("Multiple definition for property '" + optionName + "'");
    }
    options.put(key, value);
  }

  private Term string() {
    if (!tokens.peek().is(Kind.STRING)) {
      throw tokens.mismatch("STRING_LITERAL");
    }
    return ctx.terms.constant();
  }

  private Term boolConstant() {
    if (!tokens.peek().is(Kind.BOOLEAN)) throw tokens.mismatch("BOOLEAN");
    return ctx.terms.constant();
  }

  private static Term bool(boolean value) {
    return new Term.Constant(LiteralKind.BOOLEAN, String.valueOf(value));
  }
}
