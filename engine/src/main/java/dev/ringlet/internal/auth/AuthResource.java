package dev.ringlet.internal.auth;

import static dev.ringlet.internal.auth.Permission.ALTER;
import static dev.ringlet.internal.auth.Permission.AUTHORIZE;
import static dev.ringlet.internal.auth.Permission.CREATE;
import static dev.ringlet.internal.auth.Permission.DESCRIBE;
import static dev.ringlet.internal.auth.Permission.DROP;
import static dev.ringlet.internal.auth.Permission.EXECUTE;
import static dev.ringlet.internal.auth.Permission.MODIFY;
import static dev.ringlet.internal.auth.Permission.SELECT;
import static dev.ringlet.internal.auth.Permission.SELECT_MASKED;
import static dev.ringlet.internal.auth.Permission.UNMASK;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A resource permissions are granted on, by the name Cassandra stores in
 * {@code system_auth.role_permissions.resource}: {@code data}, {@code data/ks}, {@code data/ks/t},
 * {@code roles}, {@code roles/r}, {@code functions}, {@code functions/ks},
 * {@code functions/ks/f[args]}, {@code mbean}, {@code mbean/name}. {@link #toString()} is the form
 * Cassandra prints in messages and LIST PERMISSIONS ({@code <table ks.t>}).
 */
public record AuthResource(String name) {

  public static final AuthResource ALL_KEYSPACES = new AuthResource("data");
  public static final AuthResource ALL_ROLES = new AuthResource("roles");

  public static AuthResource keyspace(String keyspace) {
    return new AuthResource("data/" + keyspace);
  }

  public static AuthResource table(String keyspace, String table) {
    return new AuthResource("data/" + keyspace + "/" + table);
  }

  /** A user-defined function or aggregate, by its argument types' marshal names, as Cassandra stores it. */
  public static AuthResource function(String keyspace, String name, java.util.List<dev.ringlet.internal.types.CqlType> argumentTypes) {
    return new AuthResource("functions/" + keyspace + "/" + name + "[" + FunctionResources.marshalArguments(argumentTypes) + "]");
  }

  public static AuthResource role(String role) {
    return new AuthResource("roles/" + role);
  }

  private String[] parts() {
    return name.split("/", -1);
  }

  public String root() {
    return parts()[0];
  }

  /** Number of levels below the root: 0 for {@code data}, 1 for a keyspace, 2 for a table. */
  public int level() {
    return parts().length - 1;
  }

  /** The parent resource, or null at a root. */
  public AuthResource parent() {
    int slash = name.lastIndexOf('/');
    return slash < 0 ? null : new AuthResource(name.substring(0, slash));
  }

  /** This resource and its parents, nearest first. */
  public List<AuthResource> chain() {
    List<AuthResource> chain = new ArrayList<>();
    for (AuthResource r = this; r != null; r = r.parent()) {
      chain.add(r);
    }
    return chain;
  }

  /** What can be granted on it, as Cassandra's {@code IResource.applicablePermissions()}. */
  public Set<Permission> applicablePermissions() {
    switch (root()) {
      case "data":
        return level() < 2
            ? EnumSet.of(CREATE, ALTER, DROP, SELECT, MODIFY, AUTHORIZE, UNMASK, SELECT_MASKED)
            : EnumSet.of(ALTER, DROP, SELECT, MODIFY, AUTHORIZE, UNMASK, SELECT_MASKED);
      case "roles":
        return level() == 0 ? EnumSet.of(CREATE, ALTER, DROP, AUTHORIZE, DESCRIBE) : EnumSet.of(ALTER, DROP, AUTHORIZE);
      case "functions":
        return level() < 2 ? EnumSet.of(CREATE, ALTER, DROP, AUTHORIZE, EXECUTE) : EnumSet.of(ALTER, DROP, AUTHORIZE, EXECUTE);
      default:
        return EnumSet.of(AUTHORIZE, DESCRIBE, EXECUTE, MODIFY, SELECT);
    }
  }

  /** {@code f(int, text)} of a stored {@code f[Int32Type^UTF8Type]}; {@code f(int)} as parsed is kept. */
  private static String functionText(String nameAndArguments) {
    int open = nameAndArguments.indexOf('[');
    if (open < 0 || !nameAndArguments.endsWith("]")) {
      return nameAndArguments;
    }
    return nameAndArguments.substring(0, open) + "("
        + FunctionResources.cqlArguments(nameAndArguments.substring(open + 1, nameAndArguments.length() - 1)) + ")";
  }

  /** Cassandra's {@code toString()} of the resource. */
  @Override
  public String toString() {
    String[] p = parts();
    switch (p[0]) {
      case "data":
        return p.length == 1 ? "<all keyspaces>" : p.length == 2 ? "<keyspace " + p[1] + ">" : "<table " + p[1] + "." + p[2] + ">";
      case "roles":
        return p.length == 1 ? "<all roles>" : "<role " + p[1] + ">";
      case "functions":
        return p.length == 1 ? "<all functions>" : p.length == 2 ? "<all functions in " + p[1] + ">"
            : "<function " + p[1] + "." + functionText(p[2]) + ">";
      default:
        return p.length == 1 ? "<all mbeans>" : "<mbean " + name.substring("mbean/".length()) + ">";
    }
  }
}
