package dev.ringlet.internal.exec.ddl;

import dev.ringlet.internal.exec.Result;
import dev.ringlet.internal.schema.KeyspaceMetadata;
import dev.ringlet.internal.schema.Schema;
import dev.ringlet.internal.types.CqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The SCHEMA_CHANGE events a node sends its clients when it installs a schema that another node
 * changed: what differs between the snapshot it had and the one it received, as the coordinator of
 * the change announced it (Cassandra 5.0 notifies the clients of every node that applies a
 * change, so a driver whose control connection is on another node still learns of it).
 * Per keyspace: created or dropped keyspaces; changed replication or durable writes; then created,
 * dropped and changed types, tables and views (target {@code TABLE}, as views are announced),
 * functions and aggregates (with their argument types). Pure: snapshots in, events out.
 */
public final class SchemaChanges {

  private SchemaChanges() {}

  /** The events that announce the change from {@code before} to {@code after}, in a stable order. */
  public static List<Result.SchemaChange> between(Schema before, Schema after) {
    List<Result.SchemaChange> out = new ArrayList<>();
    for (KeyspaceMetadata old : before.keyspaces().values()) {
      if (!old.virtual() && !after.keyspaces().containsKey(old.name())) {
        out.add(new Result.SchemaChange("DROPPED", "KEYSPACE", old.name(), null, List.of()));
      }
    }
    for (KeyspaceMetadata ks : after.keyspaces().values()) {
      if (ks.virtual()) {
        continue;
      }
      KeyspaceMetadata old = before.keyspaces().get(ks.name());
      if (old == null) {
        out.add(new Result.SchemaChange("CREATED", "KEYSPACE", ks.name(), null, List.of()));
        within(empty(ks), ks, out);
      } else if (old != ks) {
        if (old.durableWrites() != ks.durableWrites() || !Objects.equals(old.replication(), ks.replication())) {
          out.add(new Result.SchemaChange("UPDATED", "KEYSPACE", ks.name(), null, List.of()));
        }
        within(old, ks, out);
      }
    }
    return out;
  }

  /** {@code ks} without its types, tables and functions: what a keyspace created with them is compared with. */
  private static KeyspaceMetadata empty(KeyspaceMetadata ks) {
    return new KeyspaceMetadata(ks.name(), ks.durableWrites(), ks.replication(), Map.of(), Map.of(), ks.virtual());
  }

  private static void within(KeyspaceMetadata old, KeyspaceMetadata ks, List<Result.SchemaChange> out) {
    String name = ks.name();
    named("TYPE", name, old.types(), ks.types(), out);
    named("TABLE", name, old.tables(), ks.tables(), out);
    overloaded("FUNCTION", name, old.functions().functions(), ks.functions().functions(),
        f -> f.name(), f -> f.argumentTypes(), out);
    overloaded("AGGREGATE", name, old.functions().aggregates(), ks.functions().aggregates(),
        a -> a.name(), a -> a.argumentTypes(), out);
  }

  private static <T> void named(String target, String keyspace, Map<String, T> before, Map<String, T> after,
      List<Result.SchemaChange> out) {
    for (String n : before.keySet()) {
      if (!after.containsKey(n)) {
        out.add(new Result.SchemaChange("DROPPED", target, keyspace, n, List.of()));
      }
    }
    for (Map.Entry<String, T> e : after.entrySet()) {
      T old = before.get(e.getKey());
      if (old == null) {
        out.add(new Result.SchemaChange("CREATED", target, keyspace, e.getKey(), List.of()));
      } else if (old != e.getValue() && !old.equals(e.getValue())) {
        out.add(new Result.SchemaChange("UPDATED", target, keyspace, e.getKey(), List.of()));
      }
    }
  }

  private static <T> void overloaded(String target, String keyspace, List<T> before, List<T> after,
      Function<T, String> name, Function<T, List<CqlType>> argumentTypes, List<Result.SchemaChange> out) {
    for (T old : before) {
      if (find(after, name.apply(old), argumentTypes.apply(old), name, argumentTypes) == null) {
        out.add(new Result.SchemaChange("DROPPED", target, keyspace, name.apply(old), cql(argumentTypes.apply(old))));
      }
    }
    for (T now : after) {
      T old = find(before, name.apply(now), argumentTypes.apply(now), name, argumentTypes);
      if (old == null) {
        out.add(new Result.SchemaChange("CREATED", target, keyspace, name.apply(now), cql(argumentTypes.apply(now))));
      } else if (old != now && !old.equals(now)) {
        out.add(new Result.SchemaChange("UPDATED", target, keyspace, name.apply(now), cql(argumentTypes.apply(now))));
      }
    }
  }

  private static <T> T find(List<T> in, String name, List<CqlType> types, Function<T, String> nameOf,
      Function<T, List<CqlType>> typesOf) {
    for (T t : in) {
      if (nameOf.apply(t).equals(name) && typesOf.apply(t).equals(types)) {
        return t;
      }
    }
    return null;
  }

  private static List<String> cql(List<CqlType> types) {
    return types.stream().map(CqlType::cql).toList();
  }
}
