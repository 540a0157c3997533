package dev.ringlet.internal.exec.auth;

import dev.ringlet.internal.auth.AuthResource;
import dev.ringlet.internal.auth.Permission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The permission store of Cassandra's CassandraAuthorizer: {@code system_auth.role_permissions}
 * (role, resource, set of permission names) and its reverse index
 * {@code system_auth.resource_role_permissons_index} (Cassandra's spelling). Internal CQL through
 * {@link AuthTables}.
 */
final class PermissionStore {

  /** One granted permission, as LIST PERMISSIONS shows it. */
  record Granted(String role, AuthResource resource, Permission permission) {}

  private final AuthTables tables;

  PermissionStore(AuthTables tables) {
    this.tables = tables;
  }

  void grant(String role, AuthResource resource, Set<Permission> permissions) {
    tables.write("UPDATE system_auth.role_permissions SET permissions = permissions + ? WHERE role = ? AND resource = ?",
        names(permissions), role, resource.name());
    tables.write("INSERT INTO system_auth.resource_role_permissons_index (resource, role) VALUES (?, ?)",
        resource.name(), role);
  }

  void revoke(String role, AuthResource resource, Set<Permission> permissions) {
    tables.write("UPDATE system_auth.role_permissions SET permissions = permissions - ? WHERE role = ? AND resource = ?",
        names(permissions), role, resource.name());
    if (permissions(role, resource).isEmpty()) {
      tables.write("DELETE FROM system_auth.resource_role_permissons_index WHERE resource = ? AND role = ?",
          resource.name(), role);
    }
  }

  /** The permissions granted to the role itself on exactly this resource. */
  @SuppressWarnings("unchecked")
  Set<Permission> permissions(String role, AuthResource resource) {
    List<Map<String, Object>> rows = tables.select(
        "SELECT permissions FROM system_auth.role_permissions WHERE role = ? AND resource = ?", role, resource.name());
    Set<Permission> out = EnumSet.noneOf(Permission.class);
    if (!rows.isEmpty() && rows.get(0).get("permissions") != null) {
      for (String name : (Set<String>) rows.get(0).get("permissions")) {
        out.add(Permission.valueOf(name));
      }
    }
    return out;
  }

  /** Every permission granted to the role, on any resource. */
  @SuppressWarnings("unchecked")
  List<Granted> ofRole(String role) {
    List<Granted> out = new ArrayList<>();
    for (Map<String, Object> row : tables.select(
        "SELECT resource, permissions FROM system_auth.role_permissions WHERE role = ?", role)) {
      Set<String> permissions = (Set<String>) row.get("permissions");
      if (permissions == null) {
        continue;
      }
      for (String p : permissions) {
        out.add(new Granted(role, new AuthResource((String) row.get("resource")), Permission.valueOf(p)));
      }
    }
    return out;
  }

  /** The roles holding a permission on the resource. */
  Set<String> rolesOn(AuthResource resource) {
    Set<String> roles = new TreeSet<>();
    for (Map<String, Object> row : tables.select(
        "SELECT role FROM system_auth.resource_role_permissons_index WHERE resource = ?", resource.name())) {
      roles.add((String) row.get("role"));
    }
    return roles;
  }

  /** Forgets what the role was granted and what was granted on it (DROP ROLE). */
  void dropRole(String role) {
    for (Granted g : ofRole(role)) {
      tables.write("DELETE FROM system_auth.resource_role_permissons_index WHERE resource = ? AND role = ?",
          g.resource().name(), role);
    }
    tables.write("DELETE FROM system_auth.role_permissions WHERE role = ?", role);
    dropResource(AuthResource.role(role));
  }

  /** Forgets every permission on the resource (the resource was dropped). */
  void dropResource(AuthResource resource) {
    for (String role : rolesOn(resource)) {
      tables.write("DELETE FROM system_auth.role_permissions WHERE role = ? AND resource = ?", role, resource.name());
    }
    tables.write("DELETE FROM system_auth.resource_role_permissons_index WHERE resource = ?", resource.name());
  }

  /** Forgets every permission on the resource and on the resources below it (DROP KEYSPACE/TABLE). */
  void dropResourceTree(AuthResource resource) {
    String prefix = resource.name() + "/";
    dropResources(r -> r.name().equals(resource.name()) || r.name().startsWith(prefix));
  }

  /** Forgets every permission on the resources that match. */
  void dropResources(java.util.function.Predicate<AuthResource> matches) {
    Set<AuthResource> dropped = new java.util.HashSet<>();
    for (Map<String, Object> row : tables.select("SELECT resource FROM system_auth.resource_role_permissons_index")) {
      AuthResource r = new AuthResource((String) row.get("resource"));
      if (matches.test(r)) {
        dropped.add(r);
      }
    }
    dropped.forEach(this::dropResource);
  }

  private static Set<String> names(Set<Permission> permissions) {
    Set<String> names = new TreeSet<>();
    permissions.forEach(p -> names.add(p.name()));
    return names;
  }
}
