package dev.ringlet.internal.exec.auth;

import dev.ringlet.internal.auth.AuthResource;
import dev.ringlet.internal.auth.AuthenticationFailure;
import dev.ringlet.internal.auth.PasswordHashing;
import dev.ringlet.internal.auth.Permission;
import dev.ringlet.internal.cql.ast.QualifiedName;
import dev.ringlet.internal.cql.ast.Statement;
import dev.ringlet.internal.exec.Result;
import dev.ringlet.internal.exec.TableSource;
import dev.ringlet.internal.exec.TermFunctions;
import dev.ringlet.internal.exec.modify.WriteExecutor;
import dev.ringlet.internal.schema.Schema;
import dev.ringlet.internal.time.Clock;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A node's authentication and authorization, in one of the two set-ups Ringlet offers:
 * <ul>
 *   <li>{@link #disabled()}: AllowAllAuthenticator + AllowAllAuthorizer, Cassandra's default. No
 *       login; role and permission statements refused as Cassandra refuses them then.
 *   <li>{@link #passwordAuthentication}: PasswordAuthenticator + CassandraRoleManager +
 *       CassandraAuthorizer, as applications usually configure Cassandra: SASL PLAIN logins checked
 *       against bcrypt hashes in {@code system_auth.roles}, the default superuser
 *       {@code cassandra}/{@code cassandra}, role and permission statements, and permission checks
 *       on every statement.
 * </ul>
 * Nothing is cached, so every change takes effect at once (Cassandra caches roles, credentials and
 * permissions for up to 2 s by default).
 */
public final class AccessControl {

  public static final String PASSWORD_AUTHENTICATOR = "org.apache.cassandra.auth.PasswordAuthenticator";

  /** Tables every logged-in user may read, as Cassandra's readable system resources. */
  private static final Set<String> READABLE_SYSTEM_TABLES = Set.of("system.local", "system.peers", "system.peers_v2",
      "system.size_estimates", "system.table_estimates");
  private static final Set<String> READABLE_SYSTEM_KEYSPACES = Set.of("system_schema", "system_virtual_schema",
      "system_views");

  private final boolean authentication;
  private final Roles roles;
  private final Authorizer authorizer;
  private final RoleStatements roleStatements;

  private AccessControl(AuthTables tables, boolean authentication) {
    this.authentication = authentication;
    this.roles = tables == null ? null : new Roles(tables);
    this.authorizer = tables == null ? null : new Authorizer(roles, new PermissionStore(tables));
    this.roleStatements = tables == null ? null : new RoleStatements(roles, authorizer);
  }

  /** No authentication and no {@code system_auth} rows at all (processors built without a node). */
  public static AccessControl disabled() {
    return new AccessControl(null, false);
  }

  /**
   * A node's access control on its {@code system_auth} tables: PasswordAuthenticator +
   * CassandraAuthorizer when {@code authentication}, else AllowAllAuthenticator + AllowAllAuthorizer
   * (the role manager still keeps the default superuser's row, as Cassandra's does).
   */
  public static AccessControl of(boolean authentication, Supplier<Schema> schema, TableSource tables,
      WriteExecutor writes, TermFunctions functions, Clock clock) {
    return new AccessControl(new AuthTables(schema, tables, writes, functions, clock), authentication);
  }

  /** Whether clients must log in and statements are checked. */
  public boolean enabled() {
    return authentication;
  }

  /** Creates the default superuser on a node without roles (Cassandra's role manager set-up). */
  public void setup() {
    if (roles != null) {
      roles.setupDefaultRole();
    }
  }

  /**
   * Checks a login as PasswordAuthenticator does.
   *
   * @return the authenticated role's name
   * @throws AuthenticationFailure with Cassandra's message
   */
  public String authenticate(String username, String password) {
    Roles.Role role = roles.get(username);
    if (role == null || !PasswordHashing.check(password, role.saltedHash())) {
      throw new AuthenticationFailure("Provided username " + username + " and/or password are incorrect");
    }
    if (!role.canLogin()) {
      throw new AuthenticationFailure(username + " is not permitted to log in");
    }
    return username;
  }

  /**
   * Runs a role or permission statement ({@link RoleStatements#handles}) for the logged-in
   * {@code user} ({@code null} without authentication).
   */
  public Result execute(Statement st, String user, String sessionKeyspace, Schema schema) {
    if (!enabled() || user == null) {
      RoleStatements.refuseWithoutAuthentication(st);
    }
    if (st instanceof Statement.Permissions p) {
      return authorizer.execute(p, user, sessionKeyspace, schema);
    }
    return roleStatements.execute(st, user);
  }

  /**
   * Checks that {@code user} may run the statement (not role and permission statements, which check
   * themselves), with Cassandra's Unauthorized message. Does nothing without authentication.
   */
  public void authorize(Statement st, String user, String sessionKeyspace, Schema schema) {
    if (!enabled() || user == null || RoleStatements.handles(st)) {
      return;
    }
    if (FunctionDdlAccess.handles(st)) {
      new FunctionDdlAccess(authorizer, user, schema).authorize(st, sessionKeyspace);
      return;
    }
    if (st instanceof Statement.Select s) {
      QualifiedName t = qualified(s.table(), sessionKeyspace);
      if (!READABLE_SYSTEM_KEYSPACES.contains(t.keyspace())
          && !READABLE_SYSTEM_TABLES.contains(t.keyspace() + "." + t.name())) {
        // As 5.0's SelectStatement.authorize: reading a view needs SELECT on its base table.
        dev.ringlet.internal.schema.TableMetadata view = view(schema, t);
        ensure(user, Permission.SELECT, view == null ? table(t) : AuthResource.table(t.keyspace(), view.view().baseTableName()));
      }
    } else if (st instanceof Statement.Modification m) {
      ensure(user, Permission.MODIFY, table(qualified(m.table(), sessionKeyspace)));
    } else if (st instanceof Statement.Batch b) {
      for (Statement.Modification m : b.statements()) {
        ensure(user, Permission.MODIFY, table(qualified(m.table(), sessionKeyspace)));
      }
    } else if (st instanceof Statement.Truncate t) {
      ensure(user, Permission.MODIFY, table(qualified(t.table(), sessionKeyspace)));
    } else if (st instanceof Statement.CreateKeyspace) {
      ensure(user, Permission.CREATE, AuthResource.ALL_KEYSPACES);
    } else if (st instanceof Statement.AlterKeyspace a) {
      ensure(user, Permission.ALTER, AuthResource.keyspace(a.keyspace()));
    } else if (st instanceof Statement.DropKeyspace d) {
      ensure(user, Permission.DROP, AuthResource.keyspace(d.keyspace()));
    } else if (st instanceof Statement.CreateTable c) {
      String keyspace = qualified(c.table(), sessionKeyspace).keyspace();
      authorizer.ensure(user, Permission.CREATE, AuthResource.keyspace(keyspace), "<all tables in " + keyspace + ">");
    } else if (st instanceof Statement.AlterTable a) {
      ensure(user, Permission.ALTER, table(qualified(a.table(), sessionKeyspace)));
    } else if (st instanceof Statement.DropTable d) {
      ensure(user, Permission.DROP, table(qualified(d.table(), sessionKeyspace)));
    } else if (st instanceof Statement.CreateType c) {
      ensure(user, Permission.CREATE, AuthResource.keyspace(qualified(c.type(), sessionKeyspace).keyspace()));
    } else if (st instanceof Statement.AlterType a) {
      ensure(user, Permission.ALTER, AuthResource.keyspace(qualified(a.type(), sessionKeyspace).keyspace()));
    } else if (st instanceof Statement.DropType d) {
      ensure(user, Permission.DROP, AuthResource.keyspace(qualified(d.type(), sessionKeyspace).keyspace()));
    } else if (st instanceof Statement.CreateIndex c) {
      ensure(user, Permission.ALTER, table(qualified(c.table(), sessionKeyspace)));
    } else if (st instanceof Statement.DropIndex d) {
      // As 5.0: ALTER on the indexed table; nothing to check when the index does not exist.
      QualifiedName index = qualified(d.index(), sessionKeyspace);
      dev.ringlet.internal.schema.KeyspaceMetadata ks = schema.keyspace(index.keyspace());
      dev.ringlet.internal.schema.TableMetadata t = ks == null ? null : ks.tableOfIndex(index.name());
      if (t != null) {
        ensure(user, Permission.ALTER, AuthResource.table(t.keyspace(), t.name()));
      }
    } else if (st instanceof Statement.CreateMaterializedView v) {
      ensure(user, Permission.ALTER, table(qualified(v.baseTable(), sessionKeyspace)));
    } else if (st instanceof Statement.AlterMaterializedView a) {
      ensureAlterOnBase(user, view(schema, qualified(a.view(), sessionKeyspace)));
    } else if (st instanceof Statement.DropMaterializedView d) {
      ensureAlterOnBase(user, view(schema, qualified(d.view(), sessionKeyspace)));
    } else if (st instanceof Statement.Use || st instanceof Statement.Describe) {
      return;
    } else if (!roles.isSuper(user)) {
      // A statement kind with no permission mapping: refuse rather than let a non-superuser
      // through unchecked.
      throw RoleStatements.unauthorized("Only superusers may run " + st.getClass().getSimpleName()
          + " on Ringlet with authorization enabled");
    }
  }

  /**
   * ALTER and DROP MATERIALIZED VIEW need ALTER on the view's base table, as 5.0's
   * AlterViewStatement/DropViewStatement.authorize; nothing to check when the view does not exist.
   */
  private void ensureAlterOnBase(String user, dev.ringlet.internal.schema.TableMetadata view) {
    if (view != null) {
      ensure(user, Permission.ALTER, AuthResource.table(view.keyspace(), view.view().baseTableName()));
    }
  }

  /** The materialized view of that name, or null when there is none (or it is a table). */
  private static dev.ringlet.internal.schema.TableMetadata view(Schema schema, QualifiedName name) {
    dev.ringlet.internal.schema.KeyspaceMetadata ks = schema.keyspace(name.keyspace());
    dev.ringlet.internal.schema.TableMetadata t = ks == null ? null : ks.tables().get(name.name());
    return t != null && t.isView() ? t : null;
  }

  /**
   * Checks EXECUTE on a user-defined function or aggregate a statement calls (an aggregate's state
   * and final functions too), as Cassandra checks every function of a statement after its table
   * permission. Does nothing without authentication.
   */
  public void authorizeExecute(String user, String keyspace, String name, java.util.List<dev.ringlet.internal.types.CqlType> argumentTypes,
      Schema schema) {
    if (!enabled() || user == null) {
      return;
    }
    ensure(user, Permission.EXECUTE, AuthResource.function(keyspace, name, argumentTypes));
    dev.ringlet.internal.schema.KeyspaceMetadata ks = schema.keyspace(keyspace);
    dev.ringlet.internal.schema.UserAggregate aggregate = ks == null ? null : ks.functions().aggregate(name, argumentTypes);
    if (aggregate != null) {
      java.util.List<dev.ringlet.internal.types.CqlType> stateArguments = new java.util.ArrayList<>();
      stateArguments.add(aggregate.stateType());
      stateArguments.addAll(argumentTypes);
      ensure(user, Permission.EXECUTE, AuthResource.function(keyspace, aggregate.stateFunction(), stateArguments));
      if (aggregate.finalFunction() != null) {
        ensure(user, Permission.EXECUTE,
            AuthResource.function(keyspace, aggregate.finalFunction(), java.util.List.of(aggregate.stateType())));
      }
    }
  }

  /**
   * Whether {@code user} holds {@code permission} on the table, its keyspace or all keyspaces (a
   * superuser: whatever applies); always true without authentication (AllowAllAuthorizer).
   */
  public boolean hasTablePermission(String user, String keyspace, String table, Permission permission) {
    return !enabled() || user == null || authorizer.has(user, permission, AuthResource.table(keyspace, table));
  }

  /**
   * Cassandra 5.0's check of a SELECT that restricts masked columns: without UNMASK or SELECT_MASKED
   * on the table, its WHERE clause may not name them. Does nothing without authentication.
   *
   * @param restrictedMasked the masked columns the WHERE clause restricts, in Cassandra's order
   */
  public void authorizeMaskedRestrictions(String user, String keyspace, String table, java.util.List<String> restrictedMasked) {
    if (restrictedMasked.isEmpty() || hasTablePermission(user, keyspace, table, Permission.UNMASK)
        || hasTablePermission(user, keyspace, table, Permission.SELECT_MASKED)) {
      return;
    }
    throw RoleStatements.unauthorized("User " + user + " has no UNMASK nor SELECT_MASKED permission on table " + keyspace
        + "." + table + ", cannot query masked columns " + restrictedMasked);
  }

  /** Checks MODIFY on one table of a batch. Does nothing without authentication. */
  public void authorizeWrite(String user, String keyspace, String table) {
    if (enabled() && user != null) {
      ensure(user, Permission.MODIFY, AuthResource.table(keyspace, table));
    }
  }

  /**
   * After a schema change, as Cassandra: whoever created a keyspace, table, function or aggregate
   * gets every permission on it (a keyspace also on its functions); a dropped one takes the
   * permissions on it (and below it) along. {@code schema} is the schema after the change.
   */
  public void schemaChanged(Result.SchemaChange change, String user, Schema schema) {
    schemaChanged(null, change, user, schema);
  }

  /**
   * {@link #schemaChanged(Result.SchemaChange, String, Schema)} knowing the statement: a created
   * materialized view gives its creator nothing (5.0 grants on CREATE TABLE, not on CREATE
   * MATERIALIZED VIEW); a dropped one takes the permissions granted on it along, as a table does.
   */
  public void schemaChanged(Statement st, Result.SchemaChange change, String user, Schema schema) {
    if (!enabled() || st instanceof Statement.CreateMaterializedView) {
      return;
    }
    if (change.target().equals("FUNCTION") || change.target().equals("AGGREGATE")) {
      FunctionDdlAccess.schemaChanged(authorizer, change, user, schema);
      return;
    }
    boolean keyspace = change.target().equals("KEYSPACE");
    boolean table = change.target().equals("TABLE");
    if (!keyspace && !table) {
      return;
    }
    AuthResource resource = keyspace ? AuthResource.keyspace(change.keyspace())
        : AuthResource.table(change.keyspace(), change.name());
    if (change.change().equals("CREATED") && user != null) {
      authorizer.grantToCreator(user, resource);
      if (keyspace) {
        authorizer.grantToCreator(user, new AuthResource("functions/" + change.keyspace()));
      }
    } else if (change.change().equals("DROPPED")) {
      authorizer.resourceDropped(resource);
      if (keyspace) {
        authorizer.resourceDropped(new AuthResource("functions/" + change.keyspace()));
      }
    }
  }

  private void ensure(String user, Permission permission, AuthResource resource) {
    authorizer.ensure(user, permission, resource);
  }

  private static AuthResource table(QualifiedName name) {
    return AuthResource.table(name.keyspace(), name.name());
  }

  private static QualifiedName qualified(QualifiedName name, String sessionKeyspace) {
    if (name.keyspace() != null) {
      return name;
    }
    if (sessionKeyspace == null) {
      throw dev.ringlet.internal.error.CqlException.invalid(
          "No keyspace has been specified. USE a keyspace, or explicitly specify keyspace.tablename");
    }
    return new QualifiedName(sessionKeyspace, name.name());
  }
}
