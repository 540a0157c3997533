package dev.ringlet.internal.exec.ddl;

import dev.ringlet.internal.cql.ast.Statement;
import dev.ringlet.internal.cql.ast.TypeExpr;
import dev.ringlet.internal.error.CqlException;
import dev.ringlet.internal.exec.Result;
import dev.ringlet.internal.schema.KeyspaceMetadata;
import dev.ringlet.internal.schema.SchemaManager;
import dev.ringlet.internal.schema.TableMetadata;
import dev.ringlet.internal.types.CqlType;
import dev.ringlet.internal.types.NativeType;
import dev.ringlet.internal.types.UserType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * CREATE, ALTER and DROP TYPE with Cassandra 5.0's checks and messages. ALTER TYPE rewrites every
 * table column and user type of the keyspace that uses the altered type.
 */
final class UserTypeDdl {

  private final SchemaManager schema;

  UserTypeDdl(SchemaManager schema) {
    this.schema = schema;
  }

  private KeyspaceMetadata keyspace(String name) {
    KeyspaceMetadata ks = schema.current().keyspace(name);
    if (ks == null) {
      throw CqlException.invalid("Keyspace '" + name + "' doesn't exist");
    }
    return ks;
  }

  private static KeyspaceMetadata withTypes(KeyspaceMetadata ks, Map<String, UserType> types, Map<String, TableMetadata> tables) {
    return new KeyspaceMetadata(ks.name(), ks.durableWrites(), ks.replication(), tables, types, ks.virtual(), ks.functions(),
        ks.leftoverMasks());
  }

  Result create(Statement.CreateType create, String ksName) {
    KeyspaceMetadata ks = keyspace(ksName);
    String name = create.type().name();
    Set<String> seen = new HashSet<>();
    for (String f : create.fieldNames()) {
      if (!seen.add(f)) {
        throw CqlException.invalid("Duplicate field name '" + f + "' in type '" + name + "'");
      }
    }
    List<CqlType> types = new ArrayList<>();
    for (TypeExpr t : create.fieldTypes()) {
      types.add(fieldType(t, ks));
    }
    if (ks.types().containsKey(name)) {
      if (create.ifNotExists()) {
        return new Result.Void();
      }
      throw CqlException.invalid("A user type with name '" + name + "' already exists");
    }
    UserType type = new UserType(ksName, name, create.fieldNames(), types, false);
    schema.apply("create type " + ksName + "." + name, s -> {
      KeyspaceMetadata current = s.keyspace(ksName);
      Map<String, UserType> all = new TreeMap<>(current.types());
      all.put(name, type);
      return s.with(withTypes(current, all, current.tables()), s.version());
    });
    return new Result.SchemaChange("CREATED", "TYPE", ksName, name, List.of());
  }

  private static CqlType fieldType(TypeExpr t, KeyspaceMetadata ks) {
    if (t instanceof TypeExpr.UserDefined) {
      throw CqlException.invalid("A user type cannot contain non-frozen UDTs");
    }
    CqlType type = TypeResolver.resolve(t, ks);
    if (type == NativeType.COUNTER) {
      throw CqlException.invalid("A user type cannot contain counters");
    }
    return type;
  }

  Result alter(Statement.AlterType alter, String ksName) {
    KeyspaceMetadata ks = keyspace(ksName);
    String name = alter.type().name();
    UserType type = ks.types().get(name);
    if (type == null) {
      if (alter.ifExists()) {
        return new Result.Void();
      }
      throw CqlException.invalid("Type " + ksName + "." + name + " doesn't exist");
    }
    List<String> names = new ArrayList<>(type.fieldNames());
    List<CqlType> types = new ArrayList<>(type.fieldTypes());
    if (alter.addField() != null) {
      if (names.contains(alter.addField())) {
        if (alter.ifFieldNotExists()) {
          return new Result.Void();
        }
        throw CqlException.invalid("Cannot add field " + alter.addField() + " to type " + ksName + "." + name
            + ": a field with name " + alter.addField() + " already exists");
      }
      CqlType added = fieldType(alter.addType(), ks);
      List<String> keyed = new ArrayList<>();
      for (TableMetadata t : ks.tables().values()) {
        if (t.partitionKey().stream().anyMatch(c -> UserTypeReferences.uses(c.type(), name))) {
          keyed.add(ksName + "." + t.name());
        }
      }
      if (!keyed.isEmpty()) {
        throw CqlException.invalid("Cannot add new field " + alter.addField() + " of type " + added.cql() + " to user type "
            + ksName + "." + name + " as the type is being used in partition key by the following tables: " + String.join(", ", keyed));
      }
      names.add(alter.addField());
      types.add(added);
    } else {
      for (int i = 0; i < alter.renameFrom().size(); i++) {
        String from = alter.renameFrom().get(i);
        String to = alter.renameTo().get(i);
        int index = names.indexOf(from);
        if (index < 0) {
          throw CqlException.invalid("Unkown field " + from + " in user type " + ksName + "." + name);
        }
        names.set(index, to);
      }
      Set<String> seen = new HashSet<>();
      for (String f : names) {
        if (!seen.add(f)) {
          throw CqlException.invalid("Duplicate field name " + f + " in type " + ksName);
        }
      }
    }
    UserType updated = new UserType(ksName, name, names, types, false);
    schema.apply("alter type " + ksName + "." + name, s -> {
      KeyspaceMetadata current = s.keyspace(ksName);
      Map<String, UserType> all = new TreeMap<>();
      for (UserType u : current.types().values()) {
        all.put(u.name(), u.name().equals(name) ? updated : (UserType) UserTypeReferences.replace(u, updated));
      }
      Map<String, TableMetadata> tables = new TreeMap<>();
      for (TableMetadata t : current.tables().values()) {
        tables.put(t.name(), UserTypeReferences.replace(t, updated));
      }
      return s.with(withTypes(current, all, tables), s.version());
    });
    return new Result.SchemaChange("UPDATED", "TYPE", ksName, name, List.of());
  }

  Result drop(Statement.DropType drop, String ksName) {
    KeyspaceMetadata ks = schema.current().keyspace(ksName);
    String name = drop.type().name();
    if (ks == null || !ks.types().containsKey(name)) {
      if (drop.ifExists()) {
        return new Result.Void();
      }
      if (ks == null) {
        throw CqlException.invalid("Keyspace '" + ksName + "' doesn't exist");
      }
      throw CqlException.invalid("Type '" + ksName + "." + name + "' doesn't exist");
    }
    List<String> users = new ArrayList<>();
    for (UserType u : ks.types().values()) {
      if (!u.name().equals(name) && u.fieldTypes().stream().anyMatch(f -> UserTypeReferences.uses(f, name))) {
        users.add(u.name());
      }
    }
    if (!users.isEmpty()) {
      throw CqlException.invalid("Cannot drop user type '" + ksName + "." + name + "' as it is still used by user types "
          + String.join(", ", users));
    }
    List<String> tables = new ArrayList<>();
    for (TableMetadata t : ks.tables().values()) {
      if (t.columns().stream().anyMatch(c -> UserTypeReferences.uses(c.type(), name))) {
        tables.add(t.name());
      }
    }
    if (!tables.isEmpty()) {
      throw CqlException.invalid("Cannot drop user type '" + ksName + "." + name + "' as it is still used by tables "
          + String.join(", ", tables));
    }
    schema.apply("drop type " + ksName + "." + name, s -> {
      KeyspaceMetadata current = s.keyspace(ksName);
      Map<String, UserType> all = new TreeMap<>(current.types());
      all.remove(name);
      return s.with(withTypes(current, all, current.tables()), s.version());
    });
    return new Result.SchemaChange("DROPPED", "TYPE", ksName, name, List.of());
  }
}
