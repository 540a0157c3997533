package dev.ringlet.internal.exec.auth;

import dev.ringlet.internal.cql.ast.Properties;
import dev.ringlet.internal.cql.ast.Statement;
import dev.ringlet.internal.error.CqlException;
import dev.ringlet.internal.error.ErrorCode;
import java.util.Locale;
import java.util.Set;

/**
 * Role and permission statements on a node without authentication. Cassandra 5.0 with
 * AllowAllAuthenticator answers every one of them "You have to be logged in and not anonymous",
 * after its role manager has refused the password options it does not support then.
 */
public final class RoleStatements {

  private static final Set<String> PASSWORD_OPTIONS = Set.of("password", "hashed_password", "generated_password");

  private RoleStatements() {}

  public static boolean handles(Statement st) {
    return st instanceof Statement.CreateRole || st instanceof Statement.AlterRole || st instanceof Statement.DropRole
        || st instanceof Statement.GrantRole || st instanceof Statement.RevokeRole || st instanceof Statement.ListRoles
        || st instanceof Statement.Permissions;
  }

  /** Always throws: Cassandra's answer to the statement without authentication. */
  public static void refuseWithoutAuthentication(Statement st) {
    if (st instanceof Statement.CreateRole c) {
      checkOptions(c.options());
    } else if (st instanceof Statement.AlterRole a) {
      checkOptions(a.options());
    }
    throw new CqlException(ErrorCode.UNAUTHORIZED, "You have to be logged in and not anonymous to perform this request");
  }

  private static void checkOptions(Properties options) {
    for (String name : options.values().keySet()) {
      if (PASSWORD_OPTIONS.contains(name)) {
        throw CqlException.invalid("org.apache.cassandra.auth.CassandraRoleManager doesn't support "
            + name.toUpperCase(Locale.ROOT));
      }
    }
  }
}
