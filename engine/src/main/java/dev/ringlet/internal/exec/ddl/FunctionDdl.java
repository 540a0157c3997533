package dev.ringlet.internal.exec.ddl;

import dev.ringlet.internal.cql.ast.QualifiedName;
import dev.ringlet.internal.cql.ast.Statement;
import dev.ringlet.internal.cql.ast.TypeExpr;
import dev.ringlet.internal.error.CqlException;
import dev.ringlet.internal.exec.BoundValues;
import dev.ringlet.internal.exec.ColumnSpec;
import dev.ringlet.internal.exec.Result;
import dev.ringlet.internal.exec.TermCompiler;
import dev.ringlet.internal.exec.TermFunctions;
import dev.ringlet.internal.exec.Variables;
import dev.ringlet.internal.exec.udf.JavaUdfs;
import dev.ringlet.internal.schema.KeyspaceMetadata;
import dev.ringlet.internal.schema.SchemaManager;
import dev.ringlet.internal.schema.UserAggregate;
import dev.ringlet.internal.schema.UserFunction;
import dev.ringlet.internal.schema.UserFunctions;
import dev.ringlet.internal.time.Clock;
import dev.ringlet.internal.types.CqlType;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * CREATE/DROP FUNCTION and AGGREGATE with Cassandra 5.0's checks and messages. Java bodies are
 * compiled at CREATE (see {@link JavaUdfs}); a compilation failure refuses the statement.
 */
final class FunctionDdl {

  private final SchemaManager schema;
  private final Clock clock;
  private final JavaUdfs udfs;

  private final boolean enabled;

  FunctionDdl(SchemaManager schema, Clock clock, boolean enabled) {
    this.schema = schema;
    this.enabled = enabled;
    this.clock = clock;
    this.udfs = new JavaUdfs(name -> schema.current().keyspace(name));
  }

  private KeyspaceMetadata keyspace(String name) {
    if (SystemNames.isSystem(name)) {
      throw CqlException.invalid("System keyspace '" + name + "' is not user-modifiable");
    }
    KeyspaceMetadata ks = schema.current().keyspace(name);
    if (ks == null) {
      throw CqlException.invalid("Keyspace '" + name + "' doesn't exist");
    }
    return ks;
  }

  private static List<String> cql(List<CqlType> types) {
    return types.stream().map(CqlType::cql).toList();
  }

  // ------------------------------------------------------------------ functions

  Result createFunction(Statement.CreateFunction create, String ksName) {
    String name = create.function().name();
    if (create.orReplace() && create.ifNotExists()) {
      throw CqlException.invalid("Cannot use both 'OR REPLACE' and 'IF NOT EXISTS' directives");
    }
    if (SystemNames.isSystem(ksName)) {
      throw CqlException.invalid("System keyspace '" + ksName + "' is not user-modifiable");
    }
    if (!enabled) {
      throw CqlException.invalid("User-defined functions are disabled in cassandra.yaml - set"
          + " user_defined_functions_enabled=true to enable");
    }
    if (!create.language().equals("java")) {
      throw CqlException.invalid("Currently only Java UDFs are available in Cassandra. For more information"
          + " - CASSANDRA-18252 and CASSANDRA-17281");
    }
    if (new HashSet<>(create.argumentNames()).size() != create.argumentNames().size()) {
      throw CqlException.invalid("Duplicate argument names for given function " + name + " with argument names "
          + create.argumentNames());
    }
    for (TypeExpr t : create.argumentTypes()) {
      if (t instanceof TypeExpr.Frozen) {
        throw CqlException.invalid("Argument '" + text(t) + "' cannot be frozen; remove frozen<> modifier from '"
            + text(t) + "'");
      }
    }
    if (create.returnType() instanceof TypeExpr.Frozen) {
      throw CqlException.invalid("Return type '" + text(create.returnType()) + "' cannot be frozen; remove frozen<>"
          + " modifier from '" + text(create.returnType()) + "'");
    }
    KeyspaceMetadata ks = keyspace(ksName);
    List<CqlType> argTypes = new ArrayList<>();
    for (TypeExpr t : create.argumentTypes()) {
      argTypes.add(TypeResolver.resolve(t, ks));
    }
    CqlType returnType = TypeResolver.resolve(create.returnType(), ks);
    UserFunction function = new UserFunction(ksName, name, create.argumentNames(), argTypes, returnType,
        create.calledOnNullInput(), create.language(), create.body());
    UserFunction existing = ks.functions().function(name, argTypes);
    if (existing != null) {
      if (create.ifNotExists()) {
        return new Result.Void();
      }
      if (!create.orReplace()) {
        throw CqlException.invalid("Function '" + name + "' already exists");
      }
      if (!existing.returnType().freeze().equals(returnType.freeze())) {
        throw CqlException.invalid("Cannot replace function '" + name + "', the new return type " + returnType.cql()
            + " is not compatible with the return type " + existing.returnType().cql() + " of existing function");
      }
      if (existing.calledOnNullInput() != create.calledOnNullInput()) {
        throw CqlException.invalid("Function '" + name + "' must have " + (create.calledOnNullInput()
            ? "CALLED ON NULL INPUT" : "RETURNS NULL ON NULL INPUT") + " directive");
      }
    }
    udfs.compile(function.asRun());
    schema.apply("create function " + ksName + "." + name, s -> {
      KeyspaceMetadata current = s.keyspace(ksName);
      if (current == null) {
        throw CqlException.invalid("Keyspace '" + ksName + "' doesn't exist");
      }
      return s.with(current.withFunctions(current.functions().with(function)), s.version());
    });
    return new Result.SchemaChange(existing == null ? "CREATED" : "UPDATED", "FUNCTION", ksName, name, cql(argTypes));
  }

  Result dropFunction(Statement.DropFunction drop, String ksName) {
    String name = drop.function().name();
    KeyspaceMetadata ks = schema.current().keyspace(ksName);
    String called = ksName + "." + name + signatureText(drop.argumentTypes(), ks);
    if (ks == null) {
      if (drop.ifExists()) {
        return new Result.Void();
      }
      throw CqlException.invalid("Function '" + called + "' doesn't exist");
    }
    keyspace(ksName);
    List<UserFunction> matches;
    if (drop.argumentTypes() == null) {
      matches = ks.functions().functions(name);
      if (matches.size() > 1) {
        throw CqlException.invalid("'DROP FUNCTION " + name + "' matches multiple function definitions; specify the"
            + " argument types by issuing a statement like 'DROP FUNCTION " + name + " (type, type, ...)'. You can use"
            + " cqlsh 'DESCRIBE FUNCTION " + name + "' command to find all overloads");
      }
    } else {
      UserFunction f = ks.functions().function(name, resolveAll(drop.argumentTypes(), ks));
      matches = f == null ? List.of() : List.of(f);
    }
    if (matches.isEmpty()) {
      if (drop.ifExists()) {
        return new Result.Void();
      }
      throw CqlException.invalid("Function '" + called + "' doesn't exist");
    }
    UserFunction f = matches.get(0);
    List<String> users = new ArrayList<>();
    for (UserAggregate a : ks.functions().aggregates()) {
      if (uses(a, f)) {
        users.add(a.keyspace() + "." + a.name());
      }
    }
    if (!users.isEmpty()) {
      throw CqlException.invalid("Function '" + called + "' is still referenced by aggregates "
          + String.join(", ", users));
    }
    List<String> maskedTables = maskedTables(ks, f);
    if (!maskedTables.isEmpty()) {
      throw CqlException.invalid("Function '" + called + "' is still referenced by column masks in tables "
          + String.join(", ", maskedTables));
    }
    schema.apply("drop function " + ksName + "." + name, s -> {
      KeyspaceMetadata current = s.keyspace(ksName);
      return s.with(current.withFunctions(current.functions().without(f)), s.version());
    });
    return new Result.SchemaChange("DROPPED", "FUNCTION", ksName, name, cql(f.argumentTypes()));
  }

  /** The tables of the keyspace with a column masked by the function. */
  private static List<String> maskedTables(KeyspaceMetadata ks, UserFunction f) {
    List<String> out = new ArrayList<>();
    for (dev.ringlet.internal.schema.TableMetadata t : ks.tables().values()) {
      for (dev.ringlet.internal.schema.ColumnMetadata c : t.columns()) {
        if (c.mask() != null && c.mask().uses(ks.name(), f.name())) {
          List<CqlType> args = new ArrayList<>();
          args.add(c.type());
          args.addAll(c.mask().argumentTypes());
          if (f.hasArguments(args) && !out.contains(t.name())) {
            out.add(t.name());
          }
        }
      }
    }
    return out;
  }

  private static boolean uses(UserAggregate a, UserFunction f) {
    List<CqlType> stateArgs = new ArrayList<>();
    stateArgs.add(a.stateType());
    stateArgs.addAll(a.argumentTypes());
    return (a.stateFunction().equals(f.name()) && f.hasArguments(stateArgs))
        || (f.name().equals(a.finalFunction()) && f.hasArguments(List.of(a.stateType())));
  }

  // ------------------------------------------------------------------ aggregates

  Result createAggregate(Statement.CreateAggregate create, String ksName) {
    String name = create.aggregate().name();
    if (create.orReplace() && create.ifNotExists()) {
      throw CqlException.invalid("Cannot use both 'OR REPLACE' and 'IF NOT EXISTS' directives");
    }
    // as 5.0, frozen argument types, then a frozen state type (tuples and vectors are frozen anyway), are
    // refused before the keyspace and the state function are looked up
    for (TypeExpr t : create.argumentTypes()) {
      if (t instanceof TypeExpr.Frozen f && !(f.inner() instanceof TypeExpr.Tuple) && !(f.inner() instanceof TypeExpr.Vector)) {
        String text = rawText(t, null);
        throw CqlException.invalid("Argument '" + text + "' cannot be frozen; remove frozen<> modifier from '" + text + "'");
      }
    }
    if (create.stateType() instanceof TypeExpr.Frozen f && !(f.inner() instanceof TypeExpr.Tuple)) {
      String text = text(create.stateType(), ksName);
      throw CqlException.invalid("State type '" + text + "' cannot be frozen; remove frozen<> modifier from '" + text
          + "'");
    }
    KeyspaceMetadata ks = keyspace(ksName);
    List<CqlType> argTypes = resolveAll(create.argumentTypes(), ks);
    CqlType stateType = TypeResolver.resolve(create.stateType(), ks);
    List<CqlType> stateArgs = new ArrayList<>();
    stateArgs.add(stateType);
    stateArgs.addAll(argTypes);
    // as 5.0 names them in its messages: its raw types as written, user types with the statement's keyspace
    String stateFunction = ksName + "." + create.stateFunction() + "(" + Stream.concat(Stream.of(create.stateType()),
        create.argumentTypes().stream()).map(t -> rawText(t, ksName)).collect(Collectors.joining(", ")) + ")";
    UserFunction state = ks.functions().function(create.stateFunction(), stateArgs);
    if (state == null) {
      if (ks.functions().aggregate(create.stateFunction(), stateArgs) != null) {
        throw CqlException.invalid("State function " + stateFunction + " isn't a scalar function");
      }
      throw CqlException.invalid("State function " + stateFunction + " doesn't exist");
    }
    if (!state.returnType().freeze().equals(stateType.freeze())) {
      throw CqlException.invalid("State function " + stateFunction + " return type must be the"
          + " same as the first argument type - check STYPE, argument and return types");
    }
    CqlType returnType = stateType;
    if (create.finalFunction() != null) {
      String finalFunction = ksName + "." + create.finalFunction() + "(" + rawText(create.stateType(), ksName) + ")";
      UserFunction last = ks.functions().function(create.finalFunction(), List.of(stateType));
      if (last == null) {
        if (ks.functions().aggregate(create.finalFunction(), List.of(stateType)) != null) {
          throw CqlException.invalid("Final function " + finalFunction + " isn't a scalar function");
        }
        throw CqlException.invalid("Final function " + finalFunction + " doesn't exist");
      }
      returnType = last.returnType();
    }
    ByteBuffer init = null;
    String initText = null;
    if (create.initialCondition() != null) {
      TermCompiler compiler = new TermCompiler(new Variables(create.boundNames()), new TermFunctions(clock));
      init = compiler.compile(create.initialCondition(), new ColumnSpec(ksName, name, "(dummy)", stateType))
          .bind(BoundValues.NONE);
      initText = init == null ? null : stateType.toCqlLiteral(init);
    }
    UserAggregate aggregate = new UserAggregate(ksName, name, argTypes, returnType, create.stateFunction(), stateType,
        create.finalFunction(), init, initText);
    UserAggregate existing = ks.functions().aggregate(name, argTypes);
    if (existing != null) {
      if (create.ifNotExists()) {
        return new Result.Void();
      }
      if (!create.orReplace()) {
        throw CqlException.invalid("Aggregate '" + name + "' already exists");
      }
      if (!existing.returnType().freeze().equals(returnType.freeze())) {
        throw CqlException.invalid("Cannot replace aggregate '" + name + "', the new return type " + returnType.cql()
            + " isn't compatible with the return type " + existing.returnType().cql() + " of existing function");
      }
    }
    schema.apply("create aggregate " + ksName + "." + name, s -> {
      KeyspaceMetadata current = s.keyspace(ksName);
      return s.with(current.withFunctions(current.functions().with(aggregate)), s.version());
    });
    return new Result.SchemaChange(existing == null ? "CREATED" : "UPDATED", "AGGREGATE", ksName, name, cql(argTypes));
  }

  Result dropAggregate(Statement.DropAggregate drop, String ksName) {
    String name = drop.aggregate().name();
    KeyspaceMetadata ks = schema.current().keyspace(ksName);
    String called = ksName + "." + name + signatureText(drop.argumentTypes(), ks);
    if (ks == null) {
      if (drop.ifExists()) {
        return new Result.Void();
      }
      throw CqlException.invalid("Aggregate '" + called + "' doesn't exist");
    }
    keyspace(ksName);
    List<UserAggregate> matches;
    if (drop.argumentTypes() == null) {
      matches = ks.functions().aggregates(name);
      if (matches.size() > 1) {
        throw CqlException.invalid("'DROP AGGREGATE " + name + "' matches multiple function definitions; specify the"
            + " argument types by issuing a statement like 'DROP AGGREGATE " + name + " (type, type, ...)'. You can use"
            + " cqlsh 'DESCRIBE AGGREGATE " + name + "' command to find all overloads");
      }
    } else {
      UserAggregate a = ks.functions().aggregate(name, resolveAll(drop.argumentTypes(), ks));
      matches = a == null ? List.of() : List.of(a);
    }
    if (matches.isEmpty()) {
      if (drop.ifExists()) {
        return new Result.Void();
      }
      throw CqlException.invalid("Aggregate '" + called + "' doesn't exist");
    }
    UserAggregate a = matches.get(0);
    schema.apply("drop aggregate " + ksName + "." + name, s -> {
      KeyspaceMetadata current = s.keyspace(ksName);
      return s.with(current.withFunctions(current.functions().without(a)), s.version());
    });
    return new Result.SchemaChange("DROPPED", "AGGREGATE", ksName, name, cql(a.argumentTypes()));
  }

  private static List<CqlType> resolveAll(List<TypeExpr> types, KeyspaceMetadata ks) {
    List<CqlType> out = new ArrayList<>();
    for (TypeExpr t : types) {
      out.add(TypeResolver.resolve(t, ks));
    }
    return out;
  }

  /** {@code (int, text)} for a DROP naming argument types, else empty. */
  private static String signatureText(List<TypeExpr> types, KeyspaceMetadata ks) {
    if (types == null) {
      return "";
    }
    return types.stream().map(FunctionDdl::text).collect(Collectors.joining(", ", "(", ")"));
  }

  /**
   * A type as 5.0's raw types print themselves ({@code CQL3Type.Raw.toString}), as its aggregate
   * messages name state and final functions: as written, except that a tuple or vector is never
   * {@code frozen<>}, a user type gets {@code keyspace} when written without one, and a quoted class
   * its package.
   */
  static String rawText(TypeExpr t, String keyspace) {
    return render(t, keyspace, true);
  }

  /** A type as written, in Cassandra's lower-case rendering. */
  static String text(TypeExpr t) {
    return text(t, null);
  }

  /**
   * A type as written, user types without a keyspace named in {@code keyspace} when it is not null
   * (as 5.0 prints an aggregate's state type, its raw type's keyspace set by the statement).
   */
  static String text(TypeExpr t, String keyspace) {
    return render(t, keyspace, false);
  }

  private static String render(TypeExpr t, String keyspace, boolean raw) {
    if (t instanceof TypeExpr.Native n) {
      return n.name().toLowerCase(Locale.ROOT);
    }
    if (t instanceof TypeExpr.Frozen f) {
      TypeExpr inner = f.inner();
      boolean shown = !raw || inner instanceof TypeExpr.Collection || inner instanceof TypeExpr.MapOf
          || inner instanceof TypeExpr.UserDefined;
      return shown ? "frozen<" + render(inner, keyspace, raw) + ">" : render(inner, keyspace, raw);
    }
    if (t instanceof TypeExpr.Collection c) {
      return c.kind().toLowerCase(Locale.ROOT) + "<" + render(c.element(), keyspace, raw) + ">";
    }
    if (t instanceof TypeExpr.MapOf m) {
      return "map<" + render(m.key(), keyspace, raw) + ", " + render(m.value(), keyspace, raw) + ">";
    }
    if (t instanceof TypeExpr.Tuple tu) {
      return tu.elements().stream().map(e -> render(e, keyspace, raw)).collect(Collectors.joining(", ", "tuple<", ">"));
    }
    if (t instanceof TypeExpr.Vector v) {
      return "vector<" + render(v.element(), keyspace, raw) + ", " + v.dimension() + ">";
    }
    if (t instanceof TypeExpr.UserDefined u) {
      QualifiedName q = u.name();
      String ks = q.keyspace() != null ? q.keyspace() : keyspace;
      return ks == null ? q.name() : ks + "." + q.name();
    }
    if (raw && t instanceof TypeExpr.Custom c) {
      return "'" + (c.className().contains(".") ? c.className() : "org.apache.cassandra.db.marshal." + c.className()) + "'";
    }
    return t.toString();
  }

  static UserFunctions none() {
    return UserFunctions.NONE;
  }
}
