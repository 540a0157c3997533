package dev.ringlet.internal.exec.auth;

import dev.ringlet.internal.auth.AuthResource;
import dev.ringlet.internal.auth.PasswordHashing;
import dev.ringlet.internal.auth.Permission;
import dev.ringlet.internal.cql.ast.Properties;
import dev.ringlet.internal.cql.ast.Statement;
import dev.ringlet.internal.cql.ast.Term;
import dev.ringlet.internal.error.CqlException;
import dev.ringlet.internal.error.ErrorCode;
import dev.ringlet.internal.exec.ColumnSpec;
import dev.ringlet.internal.exec.Result;
import dev.ringlet.internal.types.MapType;
import dev.ringlet.internal.types.NativeType;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * CREATE/ALTER/DROP ROLE|USER, GRANT/REVOKE role and LIST ROLES|USERS as Cassandra 5.0's
 * CassandraRoleManager runs them with PasswordAuthenticator: the checks in Cassandra's order
 * (validation, then authorization, then execution) with its messages. Without authentication every
 * one of them is refused as AllowAllAuthenticator refuses it ({@link #refuseWithoutAuthentication}).
 */
public final class RoleStatements {

  private static final Set<String> PASSWORD_OPTIONS = Set.of("password", "hashed_password");
  /**
   * What CassandraRoleManager supports with PasswordAuthenticator; the ACCESS options are accepted
   * and, as with Cassandra's default AllowAllNetworkAuthorizer and AllowAllCIDRAuthorizer, ignored.
   */
  private static final Set<String> SUPPORTED_OPTIONS = Set.of("password", "hashed_password", "login", "superuser",
      "access_to_datacenters", "access_from_cidrs");
  /** What a role may change of itself without ALTER permission. */
  private static final Set<String> ALTERABLE_OPTIONS = Set.of("password", "hashed_password");
  private static final String AUTH = "system_auth";

  private final Roles roles;
  private final Authorizer authorizer;

  RoleStatements(Roles roles, Authorizer authorizer) {
    this.roles = roles;
    this.authorizer = authorizer;
  }

  public static boolean handles(Statement st) {
    return st instanceof Statement.CreateRole || st instanceof Statement.AlterRole || st instanceof Statement.DropRole
        || st instanceof Statement.GrantRole || st instanceof Statement.RevokeRole || st instanceof Statement.ListRoles
        || st instanceof Statement.Permissions;
  }

  /** Always throws: Cassandra's answer to the statement without authentication. */
  public static void refuseWithoutAuthentication(Statement st) {
    if (st instanceof Statement.CreateRole c) {
      checkPasswordOptionsWithoutAuthentication(c.options());
    } else if (st instanceof Statement.AlterRole a) {
      checkPasswordOptionsWithoutAuthentication(a.options());
    }
    throw new CqlException(ErrorCode.UNAUTHORIZED, "You have to be logged in and not anonymous to perform this request");
  }

  private static void checkPasswordOptionsWithoutAuthentication(Properties options) {
    for (String name : options.values().keySet()) {
      if (PASSWORD_OPTIONS.contains(name)) {
        throw unsupported(name);
      }
    }
  }

  private static CqlException unsupported(String option) {
    return CqlException.invalid("org.apache.cassandra.auth.CassandraRoleManager doesn't support "
        + option.toUpperCase(Locale.ROOT));
  }

  Result execute(Statement st, String user) {
    if (st instanceof Statement.CreateRole c) {
      return create(c, user);
    }
    if (st instanceof Statement.AlterRole a) {
      return alter(a, user);
    }
    if (st instanceof Statement.DropRole d) {
      return drop(d, user);
    }
    if (st instanceof Statement.GrantRole g) {
      return grant(g, user);
    }
    if (st instanceof Statement.RevokeRole r) {
      return revoke(r, user);
    }
    return list((Statement.ListRoles) st, user);
  }

  // ---------------------------------------------------------------- CREATE

  private Result create(Statement.CreateRole st, String user) {
    RoleOptions options = RoleOptions.of(st.options());
    checkRolePermission(user, Permission.CREATE, AuthResource.ALL_ROLES);
    if (Boolean.TRUE.equals(options.superuser()) && !roles.isSuper(user)) {
      throw unauthorized("Only superusers can create a role with superuser status");
    }
    options.validate();
    if (st.role().isEmpty()) {
      throw CqlException.invalid("Role name can't be an empty string");
    }
    if (roles.exists(st.role())) {
      if (st.ifNotExists()) {
        return new Result.Void();
      }
      throw CqlException.invalid(st.role() + " already exists");
    }
    roles.create(st.role(), Boolean.TRUE.equals(options.superuser()), Boolean.TRUE.equals(options.login()),
        options.saltedHash());
    authorizer.grantToCreator(user, AuthResource.role(st.role()));
    return new Result.Void();
  }

  // ---------------------------------------------------------------- ALTER

  private Result alter(Statement.AlterRole st, String user) {
    RoleOptions options = RoleOptions.of(st.options());
    boolean isSuper = roles.isSuper(user);
    if (options.superuser() != null && roles.rolesOf(user, true).contains(st.role())) {
      throw unauthorized("You aren't allowed to alter your own superuser status or that of a role granted to you");
    }
    if (options.superuser() != null && !isSuper) {
      throw unauthorized("Only superusers are allowed to alter superuser status");
    }
    if (!isSuper) {
      if (user.equals(st.role())) {
        for (String option : st.options().values().keySet()) {
          if (!ALTERABLE_OPTIONS.contains(option)) {
            throw unauthorized("You aren't allowed to alter " + option.toUpperCase(Locale.ROOT));
          }
        }
      } else {
        checkRolePermission(user, Permission.ALTER, AuthResource.role(st.role()));
      }
    }
    options.validate();
    if (st.options().values().isEmpty()) {
      throw CqlException.invalid("ALTER [ROLE|USER] can't be empty");
    }
    if (!roles.exists(st.role())) {
      if (st.ifExists()) {
        return new Result.Void();
      }
      throw CqlException.invalid("Role " + st.role() + " doesn't exist");
    }
    if (options.superuser() != null) {
      roles.setSuperuser(st.role(), options.superuser());
    }
    if (options.login() != null) {
      roles.setLogin(st.role(), options.login());
    }
    if (options.saltedHash() != null) {
      roles.setSaltedHash(st.role(), options.saltedHash());
    }
    return new Result.Void();
  }

  // ---------------------------------------------------------------- DROP

  private Result drop(Statement.DropRole st, String user) {
    checkRolePermission(user, Permission.DROP, AuthResource.role(st.role()));
    if (roles.isSuper(st.role()) && !roles.isSuper(user)) {
      throw unauthorized("Only superusers can drop a role with superuser status");
    }
    if (!roles.exists(st.role())) {
      if (st.ifExists()) {
        return new Result.Void();
      }
      throw CqlException.invalid(st.role() + " doesn't exist");
    }
    if (user.equals(st.role())) {
      throw CqlException.invalid("Cannot DROP primary role for current login");
    }
    roles.drop(st.role());
    authorizer.roleDropped(st.role());
    return new Result.Void();
  }

  // ---------------------------------------------------------------- GRANT / REVOKE role

  private Result grant(Statement.GrantRole st, String user) {
    checkRolePermission(user, Permission.AUTHORIZE, AuthResource.role(st.role()));
    checkExists(st.role());
    checkExists(st.grantee());
    if (roles.rolesOf(st.grantee(), true).contains(st.role())) {
      throw CqlException.invalid(st.grantee() + " is a member of " + st.role());
    }
    if (roles.rolesOf(st.role(), true).contains(st.grantee())) {
      throw CqlException.invalid(st.role() + " is a member of " + st.grantee());
    }
    roles.grant(st.role(), st.grantee());
    return new Result.Void();
  }

  private Result revoke(Statement.RevokeRole st, String user) {
    checkRolePermission(user, Permission.AUTHORIZE, AuthResource.role(st.role()));
    checkExists(st.role());
    checkExists(st.grantee());
    if (!roles.rolesOf(st.grantee(), false).contains(st.role())) {
      throw CqlException.invalid(st.grantee() + " is not a member of " + st.role());
    }
    roles.revoke(st.role(), st.grantee());
    return new Result.Void();
  }

  private void checkExists(String role) {
    if (!roles.exists(role)) {
      throw CqlException.invalid(role + " doesn't exist");
    }
  }

  // ---------------------------------------------------------------- LIST ROLES / USERS

  private Result list(Statement.ListRoles st, String user) {
    if (st.of() != null && !roles.exists(st.of())) {
      throw CqlException.invalid(AuthResource.role(st.of()) + " doesn't exist");
    }
    List<Roles.Role> listed = new ArrayList<>();
    boolean describeAll = authorizer.permissions(user, AuthResource.ALL_ROLES).contains(Permission.DESCRIBE);
    Set<String> names;
    if (describeAll && st.of() == null) {
      listed.addAll(roles.all());
      names = null;
    } else if (describeAll || st.of() == null) {
      names = roles.rolesOf(st.of() == null ? user : st.of(), st.recursive());
    } else if (roles.rolesOf(user, true).contains(st.of())) {
      names = roles.rolesOf(st.of(), st.recursive());
    } else {
      throw unauthorized("You are not authorized to view roles granted to " + st.of() + " ");
    }
    if (names != null) {
      for (String name : names) {
        Roles.Role role = roles.get(name);
        if (role != null) {
          listed.add(role);
        }
      }
    }
    return st.users() ? usersResult(listed) : rolesResult(listed);
  }

  private Result rolesResult(List<Roles.Role> listed) {
    List<ColumnSpec> columns = List.of(
        new ColumnSpec(AUTH, "roles", "role", NativeType.TEXT),
        new ColumnSpec(AUTH, "roles", "super", NativeType.BOOLEAN),
        new ColumnSpec(AUTH, "roles", "login", NativeType.BOOLEAN),
        new ColumnSpec(AUTH, "roles", "options", new MapType(NativeType.TEXT, NativeType.TEXT, false)),
        new ColumnSpec(AUTH, "roles", "datacenters", NativeType.TEXT));
    List<List<ByteBuffer>> rows = new ArrayList<>();
    for (Roles.Role role : listed) {
      rows.add(List.of(NativeType.TEXT.encode(role.name()), NativeType.BOOLEAN.encode(role.superuser()),
          NativeType.BOOLEAN.encode(role.canLogin()), columns.get(3).type().encode(Map.of()),
          NativeType.TEXT.encode("ALL")));
    }
    return new Result.Rows(columns, rows, null, List.of());
  }

  private Result usersResult(List<Roles.Role> listed) {
    List<ColumnSpec> columns = List.of(
        new ColumnSpec(AUTH, "users", "name", NativeType.TEXT),
        new ColumnSpec(AUTH, "users", "super", NativeType.BOOLEAN),
        new ColumnSpec(AUTH, "users", "datacenters", NativeType.TEXT));
    List<List<ByteBuffer>> rows = new ArrayList<>();
    for (Roles.Role role : listed) {
      if (role.canLogin()) {
        rows.add(List.of(NativeType.TEXT.encode(role.name()), NativeType.BOOLEAN.encode(role.superuser()),
            NativeType.TEXT.encode("ALL")));
      }
    }
    return new Result.Rows(columns, rows, null, List.of());
  }

  // ---------------------------------------------------------------- checks

  /** Cassandra's RoleManagementStatement.checkPermission: its own friendlier message. */
  private void checkRolePermission(String user, Permission permission, AuthResource resource) {
    for (AuthResource r : resource.chain()) {
      if (authorizer.permissions(user, r).contains(permission)) {
        return;
      }
    }
    throw unauthorized("User " + user + " does not have sufficient privileges to perform the requested operation");
  }

  static CqlException unauthorized(String message) {
    return new CqlException(ErrorCode.UNAUTHORIZED, message);
  }

  /** The options of CREATE/ALTER ROLE, checked against what CassandraRoleManager supports. */
  private record RoleOptions(Properties properties, Boolean superuser, Boolean login, String password, String hashed) {

    static RoleOptions of(Properties properties) {
      return new RoleOptions(properties, bool(properties, "superuser"), bool(properties, "login"),
          text(properties, "password"), text(properties, "hashed_password"));
    }

    private static Boolean bool(Properties properties, String name) {
      String text = text(properties, name);
      return text == null ? null : Boolean.valueOf(text.toLowerCase(Locale.ROOT));
    }

    private static String text(Properties properties, String name) {
      Term term = properties.values().get(name);
      return term instanceof Term.Constant c ? c.text() : null;
    }

    void validate() {
      for (String name : properties.values().keySet()) {
        if (!SUPPORTED_OPTIONS.contains(name)) {
          throw unsupported(name);
        }
      }
      if (hashed != null && !PasswordHashing.isBcrypt(hashed)) {
        throw CqlException.invalid("Invalid hashed password value. Please use jBcrypt.");
      }
    }

    /** The hash to store, or null when no password option was given. Hashing takes a while. */
    String saltedHash() {
      return password != null ? PasswordHashing.hash(password) : hashed;
    }
  }
}
