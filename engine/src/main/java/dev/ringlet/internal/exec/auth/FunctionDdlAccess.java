package dev.ringlet.internal.exec.auth;

import dev.ringlet.internal.auth.AuthResource;
import dev.ringlet.internal.auth.Permission;
import dev.ringlet.internal.cql.ast.QualifiedName;
import dev.ringlet.internal.cql.ast.Statement;
import dev.ringlet.internal.cql.ast.TypeExpr;
import dev.ringlet.internal.error.CqlException;
import dev.ringlet.internal.exec.Result;
import dev.ringlet.internal.exec.ddl.TypeResolver;
import dev.ringlet.internal.schema.KeyspaceMetadata;
import dev.ringlet.internal.schema.Schema;
import dev.ringlet.internal.schema.UserAggregate;
import dev.ringlet.internal.schema.UserFunction;
import dev.ringlet.internal.types.CqlType;
import java.util.ArrayList;
import java.util.List;

/**
 * The permissions Cassandra 5.0 checks for {@code CREATE/DROP FUNCTION|AGGREGATE}: CREATE on all
 * functions of the keyspace, or ALTER on the function an {@code OR REPLACE} replaces; for an
 * aggregate also EXECUTE on its state and final functions; DROP on each function a drop names.
 * And what follows a function's creation or drop: the creator's permissions on it, or their end.
 */
final class FunctionDdlAccess {

  private final Authorizer authorizer;
  private final String user;
  private final Schema schema;

  FunctionDdlAccess(Authorizer authorizer, String user, Schema schema) {
    this.authorizer = authorizer;
    this.user = user;
    this.schema = schema;
  }

  static boolean handles(Statement st) {
    return st instanceof Statement.CreateFunction || st instanceof Statement.CreateAggregate
        || st instanceof Statement.DropFunction || st instanceof Statement.DropAggregate;
  }

  void authorize(Statement st, String sessionKeyspace) {
    if (st instanceof Statement.CreateFunction c) {
      String ks = keyspace(c.function(), sessionKeyspace);
      create(ks, c.function().name(), c.orReplace(), c.argumentTypes(), false);
    } else if (st instanceof Statement.CreateAggregate c) {
      String ks = keyspace(c.aggregate(), sessionKeyspace);
      create(ks, c.aggregate().name(), c.orReplace(), c.argumentTypes(), true);
      List<TypeExpr> stateArguments = new ArrayList<>();
      stateArguments.add(c.stateType());
      stateArguments.addAll(c.argumentTypes());
      authorizer.ensure(user, Permission.EXECUTE, resource(ks, c.stateFunction(), stateArguments));
      if (c.finalFunction() != null) {
        authorizer.ensure(user, Permission.EXECUTE, resource(ks, c.finalFunction(), List.of(c.stateType())));
      }
    } else if (st instanceof Statement.DropFunction d) {
      drop(keyspace(d.function(), sessionKeyspace), d.function().name(), d.argumentTypes(), false);
    } else {
      Statement.DropAggregate d = (Statement.DropAggregate) st;
      drop(keyspace(d.aggregate(), sessionKeyspace), d.aggregate().name(), d.argumentTypes(), true);
    }
  }

  private void create(String ks, String name, boolean orReplace, List<TypeExpr> arguments, boolean aggregate) {
    KeyspaceMetadata keyspace = schema.keyspace(ks);
    List<CqlType> types = keyspace == null ? null : types(arguments, keyspace);
    boolean exists = types != null
        && (aggregate ? keyspace.functions().aggregate(name, types) : keyspace.functions().function(name, types)) != null;
    if (exists && orReplace) {
      authorizer.ensure(user, Permission.ALTER, AuthResource.function(ks, name, types));
    } else {
      authorizer.ensure(user, Permission.CREATE, new AuthResource("functions/" + ks));
    }
  }

  /**
   * DROP on every overload the statement names (none to check when nothing matches: the drop then
   * answers its own error). Overloads are checked newest first, the order Cassandra 5.0.9 showed.
   */
  private void drop(String ks, String name, List<TypeExpr> arguments, boolean aggregate) {
    KeyspaceMetadata keyspace = schema.keyspace(ks);
    if (keyspace == null) {
      return;
    }
    List<CqlType> wanted = arguments == null ? null : types(arguments, keyspace);
    List<List<CqlType>> signatures = new ArrayList<>();
    if (aggregate) {
      keyspace.functions().aggregates(name).stream().filter(a -> wanted == null || a.hasArguments(wanted))
          .forEach(a -> signatures.add(a.argumentTypes()));
    } else {
      keyspace.functions().functions(name).stream().filter(f -> wanted == null || f.hasArguments(wanted))
          .forEach(f -> signatures.add(f.argumentTypes()));
    }
    for (int i = signatures.size() - 1; i >= 0; i--) {
      authorizer.ensure(user, Permission.DROP, AuthResource.function(ks, name, signatures.get(i)));
    }
  }

  /** A function resource from argument types as written; an unresolvable type names no function. */
  private AuthResource resource(String ks, String name, List<TypeExpr> arguments) {
    KeyspaceMetadata keyspace = schema.keyspace(ks);
    List<CqlType> types = keyspace == null ? null : types(arguments, keyspace);
    if (types == null) {
      return new AuthResource("functions/" + ks + "/" + name + "()");
    }
    return AuthResource.function(ks, name, types);
  }

  private static List<CqlType> types(List<TypeExpr> arguments, KeyspaceMetadata keyspace) {
    List<CqlType> out = new ArrayList<>();
    try {
      for (TypeExpr t : arguments) {
        out.add(TypeResolver.resolve(t, keyspace));
      }
    } catch (CqlException e) {
      return null; // the statement itself reports the bad type
    }
    return out;
  }

  private static String keyspace(QualifiedName name, String sessionKeyspace) {
    if (name.keyspace() != null) {
      return name.keyspace();
    }
    if (sessionKeyspace == null) {
      throw CqlException.invalid("No keyspace has been specified. USE a keyspace, or explicitly specify keyspace.tablename");
    }
    return sessionKeyspace;
  }

  /** Creator permissions on a created function or aggregate; a dropped one's permissions forgotten. */
  static void schemaChanged(Authorizer authorizer, Result.SchemaChange change, String user, Schema schema) {
    String shown = "<function " + change.keyspace() + "." + change.name() + "("
        + String.join(", ", change.argumentTypes()) + ")>";
    if (change.change().equals("CREATED") && user != null) {
      KeyspaceMetadata ks = schema.keyspace(change.keyspace());
      if (ks == null) {
        return;
      }
      for (UserFunction f : ks.functions().functions(change.name())) {
        grantIfNamed(authorizer, user, AuthResource.function(f.keyspace(), f.name(), f.argumentTypes()), shown);
      }
      for (UserAggregate a : ks.functions().aggregates(change.name())) {
        grantIfNamed(authorizer, user, AuthResource.function(a.keyspace(), a.name(), a.argumentTypes()), shown);
      }
    } else if (change.change().equals("DROPPED")) {
      String prefix = "functions/" + change.keyspace() + "/" + change.name() + "[";
      authorizer.resourcesDropped(r -> r.name().startsWith(prefix) && r.toString().equals(shown));
    }
  }

  private static void grantIfNamed(Authorizer authorizer, String user, AuthResource resource, String shown) {
    if (resource.toString().equals(shown)) {
      authorizer.grantToCreator(user, resource);
    }
  }
}
