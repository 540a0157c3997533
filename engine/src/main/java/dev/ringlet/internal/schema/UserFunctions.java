package dev.ringlet.internal.schema;

import dev.ringlet.internal.types.CqlType;
import java.util.ArrayList;
import java.util.List;

/**
 * The user-defined functions and aggregates of one keyspace, each list in creation order.
 * Immutable; changes make new instances.
 */
public record UserFunctions(List<UserFunction> functions, List<UserAggregate> aggregates) {

  /** A keyspace without functions or aggregates. */
  public static final UserFunctions NONE = new UserFunctions(List.of(), List.of());

  public UserFunctions {
    functions = List.copyOf(functions);
    aggregates = List.copyOf(aggregates);
  }

  public List<UserFunction> functions(String name) {
    return functions.stream().filter(f -> f.name().equals(name)).toList();
  }

  public List<UserAggregate> aggregates(String name) {
    return aggregates.stream().filter(a -> a.name().equals(name)).toList();
  }

  public UserFunction function(String name, List<CqlType> types) {
    return functions.stream().filter(f -> f.name().equals(name) && f.hasArguments(types)).findFirst().orElse(null);
  }

  public UserAggregate aggregate(String name, List<CqlType> types) {
    return aggregates.stream().filter(a -> a.name().equals(name) && a.hasArguments(types)).findFirst().orElse(null);
  }

  /** With {@code f} added, or replacing the function of the same name and argument types in place. */
  public UserFunctions with(UserFunction f) {
    List<UserFunction> all = new ArrayList<>(functions);
    int i = indexOf(f.name(), f.argumentTypes());
    if (i >= 0) {
      all.set(i, f);
    } else {
      all.add(f);
    }
    return new UserFunctions(all, aggregates);
  }

  public UserFunctions without(UserFunction f) {
    List<UserFunction> all = new ArrayList<>(functions);
    all.remove(f);
    return new UserFunctions(all, aggregates);
  }

  public UserFunctions with(UserAggregate a) {
    List<UserAggregate> all = new ArrayList<>(aggregates);
    UserAggregate existing = aggregate(a.name(), a.argumentTypes());
    if (existing != null) {
      all.set(all.indexOf(existing), a);
    } else {
      all.add(a);
    }
    return new UserFunctions(functions, all);
  }

  public UserFunctions without(UserAggregate a) {
    List<UserAggregate> all = new ArrayList<>(aggregates);
    all.remove(a);
    return new UserFunctions(functions, all);
  }

  private int indexOf(String name, List<CqlType> types) {
    for (int i = 0; i < functions.size(); i++) {
      if (functions.get(i).name().equals(name) && functions.get(i).hasArguments(types)) {
        return i;
      }
    }
    return -1;
  }

  static boolean sameTypes(List<CqlType> a, List<CqlType> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!a.get(i).freeze().equals(b.get(i).freeze())) {
        return false;
      }
    }
    return true;
  }
}
