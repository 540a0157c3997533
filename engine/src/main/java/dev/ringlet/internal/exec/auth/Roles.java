package dev.ringlet.internal.exec.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The role store of Cassandra's CassandraRoleManager: {@code system_auth.roles} (one row per role,
 * {@code member_of} the roles granted to it) and {@code system_auth.role_members} (for each role, the
 * roles it is granted to). Every read and write is internal CQL through {@link AuthTables}, except the
 * default role's, which a node's start makes at the store.
 */
final class Roles {

  static final String DEFAULT_SUPERUSER = "cassandra";
  /**
   * A bcrypt hash (2^10 rounds) of the password "cassandra", made once with jBCrypt: every node
   * starts with the same value instead of spending a hash at start-up. Cassandra hashes with a
   * fresh salt; either checks the same way.
   */
  static final String DEFAULT_SUPERUSER_HASH = "$2a$10$.2mvVljcFShWHA3CJI4AFepOwmzEx/jGgRiQUpamLlsQgZITjmeRa";

  /** A row of {@code system_auth.roles}. */
  record Role(String name, boolean superuser, boolean canLogin, Set<String> memberOf, String saltedHash) {}

  private final AuthTables tables;

  Roles(AuthTables tables) {
    this.tables = tables;
  }

  /**
   * Creates {@code cassandra}/{@code cassandra} (superuser, login) when no role exists, written at
   * timestamp 0 as Cassandra does, so that any later change to it wins. Cassandra 5.0 does this with
   * AllowAllAuthenticator too.
   */
  void setupDefaultRole() {
    // Read and written at the store, not as CQL: every node's start does this, and through CQL it was
    // the first use of the parser and the select and write paths in the JVM (see AuthTablesTest).
    if (tables.anyRow("system_auth", "roles")) {
      return;
    }
    Map<String, Object> row = new java.util.HashMap<>();
    row.put("role", DEFAULT_SUPERUSER);
    row.put("is_superuser", true);
    row.put("can_login", true);
    row.put("salted_hash", DEFAULT_SUPERUSER_HASH);
    tables.insert("system_auth", "roles", 0, row);
  }

  Role get(String name) {
    List<Map<String, Object>> rows = tables.select(
        "SELECT role, is_superuser, can_login, member_of, salted_hash FROM system_auth.roles WHERE role = ?", name);
    return rows.isEmpty() ? null : role(rows.get(0));
  }

  boolean exists(String name) {
    return get(name) != null;
  }

  /** Every role, sorted by name as Cassandra lists them. */
  List<Role> all() {
    List<Role> roles = new ArrayList<>();
    for (Map<String, Object> row : tables.select(
        "SELECT role, is_superuser, can_login, member_of, salted_hash FROM system_auth.roles")) {
      roles.add(role(row));
    }
    roles.sort((a, b) -> a.name().compareTo(b.name()));
    return roles;
  }

  @SuppressWarnings("unchecked")
  private static Role role(Map<String, Object> row) {
    Set<String> memberOf = (Set<String>) row.get("member_of");
    return new Role((String) row.get("role"), Boolean.TRUE.equals(row.get("is_superuser")),
        Boolean.TRUE.equals(row.get("can_login")), memberOf == null ? Set.of() : Set.copyOf(memberOf),
        (String) row.get("salted_hash"));
  }

  void create(String name, boolean superuser, boolean login, String saltedHash) {
    if (saltedHash == null) {
      tables.write("INSERT INTO system_auth.roles (role, is_superuser, can_login) VALUES (?, ?, ?)", name, superuser, login);
    } else {
      tables.write("INSERT INTO system_auth.roles (role, is_superuser, can_login, salted_hash) VALUES (?, ?, ?, ?)",
          name, superuser, login, saltedHash);
    }
  }

  void setSuperuser(String name, boolean superuser) {
    tables.write("UPDATE system_auth.roles SET is_superuser = ? WHERE role = ?", superuser, name);
  }

  void setLogin(String name, boolean login) {
    tables.write("UPDATE system_auth.roles SET can_login = ? WHERE role = ?", login, name);
  }

  void setSaltedHash(String name, String saltedHash) {
    tables.write("UPDATE system_auth.roles SET salted_hash = ? WHERE role = ?", saltedHash, name);
  }

  /** Drops the role and every membership it takes part in, both ways. */
  void drop(String name) {
    Role role = get(name);
    if (role == null) {
      return;
    }
    for (String granted : role.memberOf()) {
      tables.write("DELETE FROM system_auth.role_members WHERE role = ? AND member = ?", granted, name);
    }
    for (String member : members(name)) {
      tables.write("UPDATE system_auth.roles SET member_of = member_of - ? WHERE role = ?", Set.of(name), member);
    }
    tables.write("DELETE FROM system_auth.role_members WHERE role = ?", name);
    tables.write("DELETE FROM system_auth.roles WHERE role = ?", name);
  }

  /** The roles {@code role} is granted to. */
  List<String> members(String role) {
    List<String> members = new ArrayList<>();
    for (Map<String, Object> row : tables.select("SELECT member FROM system_auth.role_members WHERE role = ?", role)) {
      members.add((String) row.get("member"));
    }
    return members;
  }

  void grant(String role, String grantee) {
    tables.write("UPDATE system_auth.roles SET member_of = member_of + ? WHERE role = ?", Set.of(role), grantee);
    tables.write("INSERT INTO system_auth.role_members (role, member) VALUES (?, ?)", role, grantee);
  }

  void revoke(String role, String revokee) {
    tables.write("UPDATE system_auth.roles SET member_of = member_of - ? WHERE role = ?", Set.of(role), revokee);
    tables.write("DELETE FROM system_auth.role_members WHERE role = ? AND member = ?", role, revokee);
  }

  /**
   * The role's name and, when {@code recursive}, every role granted to it directly or not; else the
   * role and the roles granted to it directly. Sorted by name.
   */
  Set<String> rolesOf(String name, boolean recursive) {
    if (recursive) {
      Set<String> names = new TreeSet<>();
      granted(name).forEach(r -> names.add(r.name()));
      return names;
    }
    Set<String> names = new TreeSet<>();
    Role role = get(name);
    if (role != null) {
      names.add(name);
      for (String granted : role.memberOf()) {
        if (exists(granted)) {
          names.add(granted);
        }
      }
    }
    return names;
  }

  /** Whether the role, or any role granted to it, is a superuser. */
  boolean isSuper(String name) {
    for (Role role : granted(name)) {
      if (role.superuser()) {
        return true;
      }
    }
    return false;
  }

  /** The role and every role granted to it, directly or not; each read once. */
  private List<Role> granted(String name) {
    List<Role> out = new ArrayList<>();
    Set<String> seen = new java.util.HashSet<>();
    java.util.Deque<String> pending = new java.util.ArrayDeque<>(List.of(name));
    while (!pending.isEmpty()) {
      String next = pending.pop();
      if (!seen.add(next)) {
        continue;
      }
      Role role = get(next);
      if (role != null) {
        out.add(role);
        pending.addAll(role.memberOf());
      }
    }
    return out;
  }
}
