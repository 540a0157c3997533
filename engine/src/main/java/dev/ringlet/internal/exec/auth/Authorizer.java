package dev.ringlet.internal.exec.auth;

import dev.ringlet.internal.auth.AuthResource;
import dev.ringlet.internal.auth.Permission;
import dev.ringlet.internal.cql.ast.Statement;
import dev.ringlet.internal.error.CqlException;
import dev.ringlet.internal.exec.ColumnSpec;
import dev.ringlet.internal.exec.Result;
import dev.ringlet.internal.schema.Schema;
import dev.ringlet.internal.types.NativeType;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Cassandra's CassandraAuthorizer: what a user may do on a resource (a superuser everything that
 * applies; anyone else the union of what was granted to its roles on the resource), the check with
 * Cassandra's Unauthorized message, and GRANT/REVOKE/LIST PERMISSIONS.
 */
final class Authorizer {

  private static final String AUTH = "system_auth";

  private final Roles roles;
  private final PermissionStore store;

  Authorizer(Roles roles, PermissionStore store) {
    this.roles = roles;
    this.store = store;
  }

  /** What the user holds on exactly this resource (not its parents). */
  Set<Permission> permissions(String user, AuthResource resource) {
    if (roles.isSuper(user)) {
      return resource.applicablePermissions();
    }
    Set<Permission> granted = EnumSet.noneOf(Permission.class);
    for (String role : roles.rolesOf(user, true)) {
      granted.addAll(store.permissions(role, resource));
    }
    return granted;
  }

  /** Cassandra's {@code ClientState.ensurePermission}: on the resource or any of its parents. */
  void ensure(String user, Permission permission, AuthResource resource) {
    ensure(user, permission, resource, resource.toString());
  }

  /** As {@link #ensure(String, Permission, AuthResource)}, naming the resource as {@code shown}. */
  void ensure(String user, Permission permission, AuthResource resource, String shown) {
    if (has(user, permission, resource)) {
      return;
    }
    throw RoleStatements.unauthorized(
        "User " + user + " has no " + permission + " permission on " + shown + " or any of its parents");
  }

  /** Cassandra's {@code ClientState.hasTablePermission}: the permission on the resource or any of its parents. */
  boolean has(String user, Permission permission, AuthResource resource) {
    if (roles.isSuper(user)) {
      for (AuthResource r : resource.chain()) {
        if (r.applicablePermissions().contains(permission)) {
          return true;
        }
      }
      return false;
    }
    Set<String> userRoles = roles.rolesOf(user, true);
    for (AuthResource r : resource.chain()) {
      for (String role : userRoles) {
        if (store.permissions(role, r).contains(permission)) {
          return true;
        }
      }
    }
    return false;
  }

  /** What Cassandra grants whoever created a resource: everything that applies to it. */
  void grantToCreator(String user, AuthResource resource) {
    store.grant(user, resource, resource.applicablePermissions());
  }

  void roleDropped(String role) {
    store.dropRole(role);
  }

  /** Forgets the permissions on the resource and on everything below it. */
  void resourceDropped(AuthResource resource) {
    store.dropResourceTree(resource);
  }

  /** Forgets the permissions on every resource that matches (dropped functions). */
  void resourcesDropped(java.util.function.Predicate<AuthResource> dropped) {
    store.dropResources(dropped);
  }

  Result execute(Statement.Permissions st, String user, String sessionKeyspace, Schema schema) {
    switch (st.kind()) {
      case GRANT:
      case REVOKE:
        return modify(st, user, sessionKeyspace, schema);
      default:
        return list(st, user, sessionKeyspace, schema);
    }
  }

  private Result modify(Statement.Permissions st, String user, String sessionKeyspace, Schema schema) {
    AuthResource resource = resolve(st.resource(), sessionKeyspace, schema);
    Set<Permission> permissions = permissions(st.permissions(), resource);
    if (!roles.exists(st.role())) {
      throw CqlException.invalid("Role " + st.role() + " doesn't exist");
    }
    checkExists(resource, schema);
    ensure(user, Permission.AUTHORIZE, resource);
    for (Permission p : permissions) {
      ensure(user, p, resource);
    }
    if (st.kind() == Statement.Permissions.Kind.GRANT) {
      store.grant(st.role(), resource, permissions);
      return new Result.Void();
    }
    Set<Permission> notGranted = EnumSet.copyOf(permissions);
    notGranted.removeAll(store.permissions(st.role(), resource));
    store.revoke(st.role(), resource, permissions);
    return notGranted.isEmpty() ? new Result.Void() : new Result.Void(List.of(
        "Role '" + st.role() + "' was not granted " + join(notGranted) + " on " + resource));
  }

  private Result list(Statement.Permissions st, String user, String sessionKeyspace, Schema schema) {
    if (st.role() != null && !roles.exists(st.role())) {
      throw CqlException.invalid(st.role() + " doesn't exist");
    }
    AuthResource resource = st.resource() == null ? null : resolve(st.resource(), sessionKeyspace, schema);
    if (resource != null && !exists(resource, schema)) {
      throw CqlException.invalid(resource + " doesn't exist");
    }
    if (!permissions(user, AuthResource.ALL_ROLES).contains(Permission.DESCRIBE)) {
      if (st.role() == null) {
        throw RoleStatements.unauthorized("You are not authorized to view everyone's permissions");
      }
      if (!roles.rolesOf(user, true).contains(st.role())) {
        throw RoleStatements.unauthorized("You are not authorized to view " + st.role() + "'s permissions");
      }
    }
    Set<Permission> wanted = st.permissions().equals(List.of("ALL"))
        ? EnumSet.allOf(Permission.class) : permissions(st.permissions(), null);
    Set<String> grantees = st.role() == null ? allRoleNames() : roles.rolesOf(st.role(), st.recursive());
    Set<AuthResource> resources = resource == null ? null
        : st.recursive() ? Set.copyOf(resource.chain()) : Set.of(resource);
    List<PermissionStore.Granted> rows = new ArrayList<>();
    for (String grantee : grantees) {
      for (PermissionStore.Granted g : store.ofRole(grantee)) {
        if (wanted.contains(g.permission()) && (resources == null || resources.contains(g.resource()))) {
          rows.add(g);
        }
      }
    }
    rows.sort(Comparator.comparing(PermissionStore.Granted::role)
        .thenComparing(g -> g.resource().name())
        .thenComparing(PermissionStore.Granted::permission));
    List<ColumnSpec> columns = List.of(
        new ColumnSpec(AUTH, "permissions", "role", NativeType.TEXT),
        new ColumnSpec(AUTH, "permissions", "username", NativeType.TEXT),
        new ColumnSpec(AUTH, "permissions", "resource", NativeType.TEXT),
        new ColumnSpec(AUTH, "permissions", "permission", NativeType.TEXT));
    if (rows.isEmpty()) {
      return new Result.Void(); // as Cassandra answers an empty listing: no rows, no columns
    }
    List<List<ByteBuffer>> out = new ArrayList<>();
    for (PermissionStore.Granted g : rows) {
      out.add(List.of(NativeType.TEXT.encode(g.role()), NativeType.TEXT.encode(g.role()),
          NativeType.TEXT.encode(g.resource().toString()), NativeType.TEXT.encode(g.permission().name())));
    }
    return new Result.Rows(columns, out, null, List.of());
  }

  private Set<String> allRoleNames() {
    Set<String> names = new TreeSet<>();
    roles.all().forEach(r -> names.add(r.name()));
    return names;
  }

  /**
   * "ALL" means what applies to the resource; of named permissions, those that apply (Cassandra's
   * grammar drops the others, and refuses the statement when none is left).
   */
  private static Set<Permission> permissions(List<String> names, AuthResource resource) {
    if (names.equals(List.of("ALL"))) {
      return resource.applicablePermissions();
    }
    Set<Permission> out = EnumSet.noneOf(Permission.class);
    names.forEach(n -> out.add(Permission.valueOf(n)));
    if (resource != null) {
      out.retainAll(resource.applicablePermissions());
      if (out.isEmpty()) {
        throw CqlException.syntax("Resource type " + typeName(resource)
            + " does not support any of the requested permissions");
      }
    }
    return out;
  }

  private static String join(Set<Permission> permissions) {
    List<String> names = new ArrayList<>();
    permissions.forEach(p -> names.add(p.name()));
    return String.join(", ", names);
  }

  private static String typeName(AuthResource resource) {
    switch (resource.root()) {
      case "data": return "DataResource";
      case "roles": return "RoleResource";
      case "functions": return "FunctionResource";
      default: return "JMXResource";
    }
  }

  /**
   * Fills in the session keyspace of an unqualified table ("data//t"), and names a function as
   * parsed ("functions/ks/f(int)") by its argument types' marshal names, as Cassandra stores it
   * ({@link AuthResource#function}); a function that does not exist keeps its parsed name.
   */
  private static AuthResource resolve(String name, String sessionKeyspace, Schema schema) {
    if (name.startsWith("functions/") && name.endsWith(")")) {
      return resolveFunction(name, schema);
    }
    if (name.startsWith("data//")) {
      if (sessionKeyspace == null) {
        throw CqlException.invalid("No keyspace has been specified. USE a keyspace, or explicitly specify keyspace.tablename");
      }
      return new AuthResource("data/" + sessionKeyspace + name.substring("data/".length()));
    }
    return new AuthResource(name);
  }

  /** As Cassandra's {@code FunctionResource.functionFromCql}: a keyspace, not system's, that exists. */
  private static AuthResource resolveFunction(String name, Schema schema) {
    String[] parts = name.split("/", 3);
    String keyspace = parts[1];
    if (keyspace.isEmpty()) {
      throw CqlException.invalid("In this context function name must be explictly qualified by a keyspace");
    }
    if (keyspace.equals("system")) {
      throw CqlException.invalid("Altering permissions on builtin functions is not supported");
    }
    dev.ringlet.internal.schema.KeyspaceMetadata ks = schema.keyspace(keyspace);
    if (ks == null) {
      throw CqlException.config("Keyspace " + keyspace + " doesn't exist");
    }
    String signature = parts[2];
    String function = signature.substring(0, signature.indexOf('('));
    String arguments = signature.substring(function.length());
    for (dev.ringlet.internal.schema.UserFunction f : ks.functions().functions(function)) {
      if (arguments.equals(argumentText(f.argumentTypes()))) {
        return AuthResource.function(keyspace, function, f.argumentTypes());
      }
    }
    for (dev.ringlet.internal.schema.UserAggregate a : ks.functions().aggregates(function)) {
      if (arguments.equals(argumentText(a.argumentTypes()))) {
        return AuthResource.function(keyspace, function, a.argumentTypes());
      }
    }
    return new AuthResource(name);
  }

  private static String argumentText(List<dev.ringlet.internal.types.CqlType> types) {
    List<String> texts = new ArrayList<>();
    types.forEach(t -> texts.add(t.cql()));
    return "(" + String.join(", ", texts) + ")";
  }

  private void checkExists(AuthResource resource, Schema schema) {
    if (resource.root().equals("functions") && resource.level() == 2 && !exists(resource, schema)) {
      // What Cassandra 5.0.9 answers for an unknown function (or overload) in a GRANT or REVOKE.
      throw CqlException.serverError("java.lang.AssertionError: Unable to find function object for resource " + resource);
    }
    if (!exists(resource, schema)) {
      throw CqlException.invalid("Resource " + resource + " doesn't exist");
    }
  }

  /** Whether a function resource (as {@link AuthResource#function} names it) names a function or aggregate. */
  static boolean functionExists(AuthResource resource, Schema schema) {
    String[] parts = resource.name().split("/", 3);
    dev.ringlet.internal.schema.KeyspaceMetadata ks = schema.keyspace(parts[1]);
    int open = parts[2].indexOf('[');
    if (ks == null || open < 0) {
      return false;
    }
    String function = parts[2].substring(0, open);
    for (dev.ringlet.internal.schema.UserFunction f : ks.functions().functions(function)) {
      if (AuthResource.function(parts[1], function, f.argumentTypes()).equals(resource)) {
        return true;
      }
    }
    for (dev.ringlet.internal.schema.UserAggregate a : ks.functions().aggregates(function)) {
      if (AuthResource.function(parts[1], function, a.argumentTypes()).equals(resource)) {
        return true;
      }
    }
    return false;
  }

  private boolean exists(AuthResource resource, Schema schema) {
    String[] parts = resource.name().split("/", -1);
    boolean exists;
    switch (parts[0]) {
      case "data":
        exists = parts.length == 1
            || (parts.length == 2 ? schema.keyspace(parts[1]) != null : schema.table(parts[1], parts[2]) != null);
        break;
      case "roles":
        exists = parts.length == 1 || roles.exists(parts[1]);
        break;
      case "functions":
        exists = parts.length == 1 || (parts.length == 2 ? schema.keyspace(parts[1]) != null : functionExists(resource, schema));
        break;
      default:
        exists = true;
    }
    return exists;
  }
}
