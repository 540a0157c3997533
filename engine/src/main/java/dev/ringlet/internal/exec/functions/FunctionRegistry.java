package dev.ringlet.internal.exec.functions;

import dev.ringlet.internal.cql.ast.QualifiedName;
import dev.ringlet.internal.time.Clock;
import dev.ringlet.internal.types.CqlType;
import dev.ringlet.internal.types.NativeType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The native functions of one node, by lower-case name: fixed overloads and argument-dependent
 * factories. One per node (the time functions read that node's clock); the native functions are
 * made on the first call that looks one up, then immutable.
 */
public final class FunctionRegistry {

  /** The native functions, built on first use and shared by the {@link #recording} copies. */
  private final Natives natives;

  private final UserFunctionCalls userFunctions;
  /** Told of every user-defined function or aggregate a call resolves to (EXECUTE checks). */
  private final java.util.function.Consumer<NativeFunction> userCalls;

  private FunctionRegistry(Natives natives, UserFunctionCalls userFunctions,
      java.util.function.Consumer<NativeFunction> userCalls) {
    this.natives = natives;
    this.userFunctions = userFunctions;
    this.userCalls = userCalls;
  }

  /**
   * This registry, telling {@code userCalls} of each user-defined function or aggregate a call
   * resolves to (named {@code keyspace.name}, with its argument types): one statement's analysis
   * collects what it calls, so that each execution can check EXECUTE as Cassandra does.
   */
  public FunctionRegistry recording(java.util.function.Consumer<NativeFunction> userCalls) {
    return new FunctionRegistry(natives, userFunctions, userCalls);
  }

  /** Native functions only. */
  public static FunctionRegistry create(Clock clock) {
    return create(clock, null);
  }

  /** Native functions, and the user-defined functions and aggregates of {@code schema} (when not null). */
  public static FunctionRegistry create(Clock clock, java.util.function.Supplier<dev.ringlet.internal.schema.Schema> schema) {
    return create(clock, schema, null);
  }

  /**
   * As {@link #create(Clock, java.util.function.Supplier)}, user-defined functions running on
   * {@code udfExecutor} within its timeouts (null: on the caller's thread, without timeouts).
   */
  public static FunctionRegistry create(Clock clock, java.util.function.Supplier<dev.ringlet.internal.schema.Schema> schema,
      dev.ringlet.internal.exec.udf.UdfExecutor udfExecutor) {
    return new FunctionRegistry(new Natives(clock),
        schema == null ? null : new UserFunctionCalls(schema, udfExecutor), f -> { });
  }

  /** Whether {@code name} (as written) names a native function. */
  public boolean exists(QualifiedName name) {
    String n = key(name);
    return n != null && natives.get().exists(n);
  }

  /**
   * The overload a call resolves to, or null when no function has that name (the caller words
   * "unknown function" as its context does). {@code receiver} is null in a selection.
   */
  public NativeFunction resolve(QualifiedName name, List<FunctionArg> args, CqlType receiver) {
    return resolve(name, args, receiver, null);
  }

  /**
   * As {@link #resolve(QualifiedName, List, CqlType)}, with the user-defined functions: those of
   * the named keyspace, or for an unqualified name the natives and those of {@code keyspace} (the
   * statement's), as Cassandra collects its candidates.
   */
  public NativeFunction resolve(QualifiedName name, List<FunctionArg> args, CqlType receiver, String keyspace) {
    if (userFunctions != null) {
      boolean qualified = name.keyspace() != null && !name.keyspace().toLowerCase(Locale.ROOT).equals("system");
      List<NativeFunction> user = userFunctions.overloads(qualified ? name.keyspace() : keyspace, name.name());
      if (qualified) {
        return user.isEmpty() ? null
            : told(user, FunctionResolver.pick(name.keyspace() + "." + name.name(), user, args, receiver));
      }
      if (!user.isEmpty() && name.keyspace() == null) {
        List<NativeFunction> all = new ArrayList<>(natives.get().overloads.getOrDefault(name.name(), List.of()));
        all.addAll(user);
        return told(user, FunctionResolver.pick(name.name(), all, args, receiver));
      }
    }
    String n = key(name);
    if (n == null) {
      return null;
    }
    Tables tables = natives.get();
    FunctionFactory factory = tables.factories.get(n);
    if (factory != null) {
      return factory.resolve(args, receiver);
    }
    List<NativeFunction> candidates = tables.overloads.get(n);
    if (candidates == null) {
      return null;
    }
    if (args.size() == 1 && args.get(0).isTyped()
        && (!(args.get(0).type() instanceof NativeType) || args.get(0).reversedColumn())) {
      NativeFunction generic = AggregateFunctions.forType(n, args.get(0).type());
      if (generic != null) {
        return generic;
      }
    }
    return FunctionResolver.pick(name.keyspace() == null ? n : "system." + n, candidates, args, receiver);
  }

  private NativeFunction told(List<NativeFunction> user, NativeFunction picked) {
    if (picked != null && user.contains(picked)) {
      userCalls.accept(picked);
    }
    return picked;
  }

  /**
   * The native functions of one registry, made on first use: a node's start and a driver's
   * connection call none, and making them links ~70 lambdas (each a generated class) the first
   * time in a JVM. Thread-safe; the tables are immutable once made.
   */
  private static final class Natives {

    private final Clock clock;
    private volatile Tables tables;

    Natives(Clock clock) {
      this.clock = clock;
    }

    Tables get() {
      Tables t = tables;
      if (t == null) {
        synchronized (this) {
          t = tables;
          if (t == null) {
            t = new Tables(clock);
            tables = t;
          }
        }
      }
      return t;
    }
  }

  /** Fixed overloads and argument-dependent factories, by lower-case name. */
  private static final class Tables {

    final Map<String, List<NativeFunction>> overloads = new HashMap<>();
    final Map<String, FunctionFactory> factories = new HashMap<>();

    Tables(Clock clock) {
      TimeFunctions.all(clock).forEach(this::add);
      FloorFunctions.all().forEach(this::add);
      BlobFunctions.all().forEach(this::add);
      MathFunctions.all().forEach(this::add);
      AggregateFunctions.all().forEach(this::add);
      CollectionFunctions.factories().forEach(this::add);
      MaskingFunctions.factories().forEach(this::add);
      VectorFunctions.factories().forEach(this::add);
      JsonFunctions.factories().forEach(this::add);
    }

    boolean exists(String name) {
      return overloads.containsKey(name) || factories.containsKey(name);
    }

    private void add(NativeFunction f) {
      overloads.computeIfAbsent(f.name(), n -> new ArrayList<>()).add(f);
    }

    private void add(FunctionFactory f) {
      factories.put(f.name(), f);
    }
  }

  private static String key(QualifiedName name) {
    if (name.keyspace() != null && !name.keyspace().toLowerCase(Locale.ROOT).equals("system")) {
      return null;
    }
    return name.name();
  }
}
