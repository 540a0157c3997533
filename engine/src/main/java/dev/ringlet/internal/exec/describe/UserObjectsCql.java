package dev.ringlet.internal.exec.describe;

import dev.ringlet.internal.cql.parse.Identifiers;
import dev.ringlet.internal.schema.KeyspaceMetadata;
import dev.ringlet.internal.schema.UserAggregate;
import dev.ringlet.internal.schema.UserFunction;
import dev.ringlet.internal.types.CqlType;
import dev.ringlet.internal.types.ListType;
import dev.ringlet.internal.types.MapType;
import dev.ringlet.internal.types.SetType;
import dev.ringlet.internal.types.TupleType;
import dev.ringlet.internal.types.UserType;
import dev.ringlet.internal.types.VectorType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The CQL that DESCRIBE prints for user types, functions and aggregates, as Cassandra 5.0 formats
 * it, and the order DESCRIBE lists them in: types by name with each type after the types it uses,
 * functions by name then argument types, aggregates by name then argument types.
 */
final class UserObjectsCql {

  private UserObjectsCql() {}

  static String type(UserType t) {
    StringBuilder b = new StringBuilder("CREATE TYPE ").append(Identifiers.maybeQuote(t.keyspace())).append('.')
        .append(Identifiers.maybeQuote(t.name())).append(" (\n");
    for (int i = 0; i < t.fieldNames().size(); i++) {
      b.append("    ").append(Identifiers.maybeQuote(t.fieldNames().get(i))).append(' ')
          .append(t.fieldTypes().get(i).cql());
      b.append(i + 1 < t.fieldNames().size() ? ",\n" : "\n");
    }
    return b.append(");").toString();
  }

  static String function(UserFunction f) {
    StringBuilder b = new StringBuilder("CREATE FUNCTION ").append(Identifiers.maybeQuote(f.keyspace())).append('.')
        .append(Identifiers.maybeQuote(f.name())).append('(');
    for (int i = 0; i < f.argumentNames().size(); i++) {
      if (i > 0) {
        b.append(", ");
      }
      b.append(Identifiers.maybeQuote(f.argumentNames().get(i))).append(' ').append(f.argumentTypes().get(i).cql());
    }
    b.append(")\n    ").append(f.calledOnNullInput() ? "CALLED ON NULL INPUT" : "RETURNS NULL ON NULL INPUT");
    b.append("\n    RETURNS ").append(f.returnType().cql());
    b.append("\n    LANGUAGE ").append(f.language());
    b.append("\n    AS $$").append(f.body()).append("$$;");
    return b.toString();
  }

  static String aggregate(UserAggregate a) {
    StringBuilder b = new StringBuilder("CREATE AGGREGATE ").append(Identifiers.maybeQuote(a.keyspace())).append('.')
        .append(Identifiers.maybeQuote(a.name())).append(types(a.argumentTypes()));
    b.append("\n    SFUNC ").append(Identifiers.maybeQuote(a.stateFunction()));
    b.append("\n    STYPE ").append(a.stateType().cql());
    if (a.finalFunction() != null) {
      b.append("\n    FINALFUNC ").append(Identifiers.maybeQuote(a.finalFunction()));
    }
    if (a.initCondText() != null) {
      b.append("\n    INITCOND ").append(a.initCondText());
    }
    return b.append(';').toString();
  }

  /** The {@code name} column of a function or aggregate row: {@code plus(int, int)}. */
  static String signature(String name, List<CqlType> types) {
    return Identifiers.maybeQuote(name) + types(types);
  }

  private static String types(List<CqlType> types) {
    return types.stream().map(CqlType::cql).collect(Collectors.joining(", ", "(", ")"));
  }

  static List<UserType> sortedTypes(KeyspaceMetadata ks) {
    List<UserType> byName = new ArrayList<>(ks.types().values());
    byName.sort(Comparator.comparing(UserType::name, String.CASE_INSENSITIVE_ORDER));
    Set<UserType> out = new LinkedHashSet<>();
    for (UserType t : byName) {
      addWithDependencies(t, ks, out);
    }
    return new ArrayList<>(out);
  }

  private static void addWithDependencies(UserType t, KeyspaceMetadata ks, Set<UserType> out) {
    if (out.contains(t)) {
      return;
    }
    List<UserType> uses = new ArrayList<>();
    for (CqlType f : t.fieldTypes()) {
      collectUserTypes(f, uses);
    }
    for (UserType u : uses) {
      UserType declared = ks.types().get(u.name());
      if (declared != null && !declared.name().equals(t.name())) {
        addWithDependencies(declared, ks, out);
      }
    }
    out.add(t);
  }

  private static void collectUserTypes(CqlType type, List<UserType> out) {
    if (type instanceof UserType u) {
      out.add(u);
    } else if (type instanceof ListType l) {
      collectUserTypes(l.element(), out);
    } else if (type instanceof SetType s) {
      collectUserTypes(s.element(), out);
    } else if (type instanceof MapType m) {
      collectUserTypes(m.key(), out);
      collectUserTypes(m.value(), out);
    } else if (type instanceof TupleType tu) {
      for (CqlType e : tu.elements()) {
        collectUserTypes(e, out);
      }
    } else if (type instanceof VectorType v) {
      collectUserTypes(v.element(), out);
    }
  }

  static List<UserFunction> sortedFunctions(KeyspaceMetadata ks) {
    List<UserFunction> out = new ArrayList<>(ks.functions().functions());
    out.sort(Comparator.comparing((UserFunction f) -> f.name()).thenComparing(f -> typesKey(f.argumentTypes())));
    return out;
  }

  static List<UserAggregate> sortedAggregates(KeyspaceMetadata ks) {
    List<UserAggregate> out = new ArrayList<>(ks.functions().aggregates());
    out.sort(Comparator.comparing((UserAggregate a) -> a.name()).thenComparing(a -> typesKey(a.argumentTypes())));
    return out;
  }

  private static String typesKey(List<CqlType> types) {
    return types.stream().map(CqlType::cql).collect(Collectors.joining("\u0000"));
  }
}
