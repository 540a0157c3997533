package dev.ringlet.internal.exec.describe;

import dev.ringlet.internal.cql.ast.QualifiedName;
import dev.ringlet.internal.cql.ast.Statement;
import dev.ringlet.internal.cql.parse.Identifiers;
import dev.ringlet.internal.error.CqlException;
import dev.ringlet.internal.exec.ClientSession;
import dev.ringlet.internal.exec.ColumnSpec;
import dev.ringlet.internal.exec.Result;
import dev.ringlet.internal.schema.KeyspaceMetadata;
import dev.ringlet.internal.schema.Schema;
import dev.ringlet.internal.schema.TableMetadata;
import dev.ringlet.internal.types.NativeType;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Server-side DESCRIBE (Cassandra 4.0+), which cqlsh sends: rows of keyspace, type, name and the
 * CQL that recreates the object. Keyspaces, tables, user types, functions, aggregates, the lists
 * of them, the schema (non-system keyspaces; FULL SCHEMA: all of them), and the cluster
 * ({@link ClusterDescription}).
 */
public final class DescribeExecutor {

  private static final Comparator<String> NAME_ORDER = String.CASE_INSENSITIVE_ORDER;

  private DescribeExecutor() {}

  /** As {@link #describe(Statement.Describe, Schema, ClientSession, List)} without a cluster to describe. */
  public static Result describe(Statement.Describe d, Schema schema, ClientSession session) {
    return describe(d, schema, session, List.of());
  }

  /** @param nodes the cluster's nodes as this node knows them, itself first (DESCRIBE CLUSTER) */
  public static Result describe(Statement.Describe d, Schema schema, ClientSession session,
      List<dev.ringlet.internal.system.NodeInfo> nodes) {
    switch (d.kind()) {
      case "CLUSTER":
        return ClusterDescription.describe(nodes,
            session.keyspace() == null ? null : schema.keyspace(session.keyspace()));
      case "KEYSPACES":
        return keyspaces(schema);
      case "TABLES":
        return tables(schema, session);
      case "KEYSPACE":
        return keyspace(keyspaceNamed(schema, d.name() == null ? session.keyspace() : d.name().name()), d.only(),
            d.withInternals());
      case "TABLE":
        return table(schema, tableNamed(schema, d.name(), session), d.withInternals());
      case "INDEX":
        return index(schema, d.name(), session);
      case "MATERIALIZED VIEW":
        return view(schema, d.name(), session, d.withInternals());
      case "NAME":
        return byName(schema, d.name(), session, d.only(), d.withInternals());
      case "TYPE":
      case "FUNCTION":
      case "AGGREGATE":
        return userObject(d.kind(), schema, d.name(), session);
      case "TYPES":
      case "FUNCTIONS":
      case "AGGREGATES":
        return userObjects(d.kind(), schema, session);
      case "SCHEMA":
        return schema(schema, d.withInternals());
      case "FULL SCHEMA":
        return fullSchema(schema, d.withInternals());
      default:
        throw CqlException.invalid("DESCRIBE " + d.kind() + " is not supported yet");
    }
  }

  private static Result byName(Schema schema, QualifiedName name, ClientSession session, boolean only,
      boolean internals) {
    if (name.keyspace() == null && schema.keyspace(name.name()) != null) {
      return keyspace(schema.keyspace(name.name()), only, internals);
    }
    KeyspaceMetadata ks = keyspaceNamed(schema, name.keyspace() != null ? name.keyspace() : session.keyspace());
    if (!ks.tables().containsKey(name.name())) {
      if (ks.tableListingIndex(name.name()) != null) {
        return index(schema, name, session);
      }
      throw CqlException.invalid("'" + name.name() + "' not found in keyspace '" + ks.name() + "'");
    }
    if (ks.tables().get(name.name()).isView()) {
      return view(schema, name, session, internals);
    }
    return table(schema, tableNamed(schema, name, session), internals);
  }

  private static Result index(Schema schema, QualifiedName name, ClientSession session) {
    KeyspaceMetadata ks = keyspaceNamed(schema, name.keyspace() != null ? name.keyspace() : session.keyspace());
    TableMetadata t = ks.tableListingIndex(name.name());
    if (t == null) {
      throw CqlException.invalid("Table for existing index '" + name.name() + "' not found in '" + ks.name() + "'");
    }
    dev.ringlet.internal.schema.IndexMetadata i = t.listedIndexes().get(name.name());
    return new Result.Rows(columns(true), List.of(row(ks.name(), "index", i.name(), SchemaCql.index(t, i))), null, List.of());
  }

  private static Result view(Schema schema, QualifiedName name, ClientSession session, boolean internals) {
    KeyspaceMetadata ks = keyspaceNamed(schema, name.keyspace() != null ? name.keyspace() : session.keyspace());
    TableMetadata v = ks.tables().get(name.name());
    if (v == null || !v.isView()) {
      throw CqlException.invalid("Materialized view '" + name.name() + "' not found in '" + ks.name() + "'");
    }
    return new Result.Rows(columns(true), List.of(row(ks.name(), "materialized_view", v.name(), SchemaCql.view(v, internals))), null,
        List.of());
  }

  /** A table's row followed by its indexes' rows, then its materialized views' rows, each by name. */
  private static List<List<ByteBuffer>> tableRows(KeyspaceMetadata ks, TableMetadata t, boolean internals) {
    List<List<ByteBuffer>> rows = new ArrayList<>();
    rows.add(row(t.keyspace(), "table", t.name(), SchemaCql.table(t, internals)));
    List<dev.ringlet.internal.schema.IndexMetadata> indexes = new ArrayList<>(t.listedIndexes().values());
    indexes.sort(Comparator.comparing(dev.ringlet.internal.schema.IndexMetadata::name, NAME_ORDER));
    for (dev.ringlet.internal.schema.IndexMetadata i : indexes) {
      rows.add(row(t.keyspace(), "index", i.name(), SchemaCql.index(t, i)));
    }
    List<TableMetadata> views = new ArrayList<>(ks.viewsOf(t.id()));
    views.sort(Comparator.comparing(TableMetadata::name, NAME_ORDER));
    for (TableMetadata v : views) {
      rows.add(row(v.keyspace(), "materialized_view", v.name(), SchemaCql.view(v, internals)));
    }
    return rows;
  }

  private static KeyspaceMetadata keyspaceNamed(Schema schema, String name) {
    if (name == null) {
      throw CqlException.invalid("No keyspace specified and no current keyspace");
    }
    KeyspaceMetadata ks = schema.keyspace(name);
    if (ks == null) {
      throw CqlException.invalid("'" + name + "' not found in keyspaces");
    }
    return ks;
  }

  private static TableMetadata tableNamed(Schema schema, QualifiedName name, ClientSession session) {
    KeyspaceMetadata ks = keyspaceNamed(schema, name.keyspace() != null ? name.keyspace() : session.keyspace());
    TableMetadata t = ks.tables().get(name.name());
    if (t == null || t.isView()) {
      throw CqlException.invalid("Table '" + name.name() + "' not found in keyspace '" + ks.name() + "'");
    }
    return t;
  }

  private static Result keyspace(KeyspaceMetadata ks, boolean only, boolean internals) {
    List<List<ByteBuffer>> rows = new ArrayList<>();
    rows.add(row(ks.name(), "keyspace", ks.name(), SchemaCql.keyspace(ks)));
    if (!only) {
      rows.addAll(userObjectRows(ks, true, true, true));
      for (TableMetadata t : sortedTables(ks)) {
        rows.addAll(tableRows(ks, t, internals));
      }
    }
    return new Result.Rows(columns(true), rows, null, List.of());
  }

  /** DESCRIBE TYPE/FUNCTION/AGGREGATE name: the object (every overload of a function or aggregate). */
  private static Result userObject(String kind, Schema schema, QualifiedName name, ClientSession session) {
    KeyspaceMetadata ks = keyspaceNamed(schema, name.keyspace() != null ? name.keyspace() : session.keyspace());
    List<List<ByteBuffer>> rows = new ArrayList<>();
    for (List<ByteBuffer> r : userObjectRows(ks, kind.equals("TYPE"), kind.equals("FUNCTION"), kind.equals("AGGREGATE"))) {
      if (NativeType.TEXT.decode(r.get(2)).equals(UserObjectsCql.signature(name.name(), List.of()).replace("()", ""))
          || ((String) NativeType.TEXT.decode(r.get(2))).startsWith(Identifiers.maybeQuote(name.name()) + "(")) {
        rows.add(r);
      }
    }
    if (rows.isEmpty()) {
      String what = kind.equals("TYPE") ? "type" : kind.equals("FUNCTION") ? "function" : "aggregate";
      throw CqlException.invalid("User defined " + what + " '" + name.name() + "' not found in '" + ks.name() + "'");
    }
    return new Result.Rows(columns(true), rows, null, List.of());
  }

  /** DESCRIBE SCHEMA: every keyspace but the system ones, by name, each as DESCRIBE KEYSPACE prints it. */
  private static Result schema(Schema schema, boolean internals) {
    List<List<ByteBuffer>> rows = new ArrayList<>();
    for (KeyspaceMetadata ks : schema.keyspaces().values()) {
      if (!dev.ringlet.internal.exec.ddl.SystemNames.isSystem(ks.name())) {
        rows.addAll(((Result.Rows) keyspace(ks, false, internals)).rows());
      }
    }
    return new Result.Rows(columns(true), rows, null, List.of());
  }

  /**
   * DESCRIBE FULL SCHEMA: every keyspace, the system and virtual ones included, by name; a virtual
   * keyspace and its tables as the commented structure Cassandra prints for them.
   */
  private static Result fullSchema(Schema schema, boolean internals) {
    List<KeyspaceMetadata> keyspaces = new ArrayList<>(schema.keyspaces().values());
    keyspaces.sort(Comparator.comparing(KeyspaceMetadata::name));
    List<List<ByteBuffer>> rows = new ArrayList<>();
    for (KeyspaceMetadata ks : keyspaces) {
      if (ks.virtual()) {
        rows.add(row(ks.name(), "keyspace", ks.name(), SchemaCql.virtualKeyspace(ks)));
        for (TableMetadata t : sortedTables(ks)) {
          rows.add(row(ks.name(), "table", t.name(), SchemaCql.virtualTable(t)));
        }
      } else {
        rows.addAll(((Result.Rows) keyspace(ks, false, internals)).rows());
      }
    }
    return new Result.Rows(columns(true), rows, null, List.of());
  }

  /** DESCRIBE TYPES/FUNCTIONS/AGGREGATES: those of the session's keyspace, else of every keyspace. */
  private static Result userObjects(String kind, Schema schema, ClientSession session) {
    List<KeyspaceMetadata> keyspaces = new ArrayList<>(schema.keyspaces().values());
    if (session.keyspace() != null && schema.keyspace(session.keyspace()) != null) {
      keyspaces = List.of(schema.keyspace(session.keyspace()));
    }
    List<List<ByteBuffer>> rows = new ArrayList<>();
    for (KeyspaceMetadata ks : keyspaces) {
      for (List<ByteBuffer> r : userObjectRows(ks, kind.equals("TYPES"), kind.equals("FUNCTIONS"),
          kind.equals("AGGREGATES"))) {
        rows.add(r.subList(0, 3));
      }
    }
    return new Result.Rows(columns(false), rows, null, List.of());
  }

  /** A keyspace's types, then functions, then aggregates, in DESCRIBE's order, with their CQL. */
  private static List<List<ByteBuffer>> userObjectRows(KeyspaceMetadata ks, boolean types, boolean functions,
      boolean aggregates) {
    List<List<ByteBuffer>> rows = new ArrayList<>();
    if (types) {
      for (dev.ringlet.internal.types.UserType t : UserObjectsCql.sortedTypes(ks)) {
        rows.add(row(ks.name(), "type", t.name(), UserObjectsCql.type(t)));
      }
    }
    if (functions) {
      for (dev.ringlet.internal.schema.UserFunction f : UserObjectsCql.sortedFunctions(ks)) {
        rows.add(rawRow(ks.name(), "function", UserObjectsCql.signature(f.name(), f.argumentTypes()),
            UserObjectsCql.function(f)));
      }
    }
    if (aggregates) {
      for (dev.ringlet.internal.schema.UserAggregate a : UserObjectsCql.sortedAggregates(ks)) {
        rows.add(rawRow(ks.name(), "aggregate", UserObjectsCql.signature(a.name(), a.argumentTypes()),
            UserObjectsCql.aggregate(a)));
      }
    }
    return rows;
  }

  /** A row whose name is already in its printed form (a signature). */
  private static List<ByteBuffer> rawRow(String keyspace, String type, String name, String statement) {
    List<ByteBuffer> r = new ArrayList<>();
    r.add(NativeType.TEXT.encode(Identifiers.maybeQuote(keyspace)));
    r.add(NativeType.TEXT.encode(type));
    r.add(NativeType.TEXT.encode(name));
    r.add(NativeType.TEXT.encode(statement));
    return r;
  }

  private static Result table(Schema schema, TableMetadata t, boolean internals) {
    return new Result.Rows(columns(true), tableRows(schema.keyspace(t.keyspace()), t, internals), null, List.of());
  }

  private static Result tables(Schema schema, ClientSession session) {
    List<List<ByteBuffer>> rows = new ArrayList<>();
    List<KeyspaceMetadata> keyspaces = new ArrayList<>(schema.keyspaces().values());
    if (session.keyspace() != null && schema.keyspace(session.keyspace()) != null) {
      keyspaces = List.of(schema.keyspace(session.keyspace()));
    }
    for (KeyspaceMetadata ks : keyspaces) {
      for (TableMetadata t : sortedTables(ks)) {
        rows.add(row(ks.name(), "table", t.name(), null));
      }
    }
    return new Result.Rows(columns(false), rows, null, List.of());
  }

  private static Result keyspaces(Schema schema) {
    List<List<ByteBuffer>> rows = new ArrayList<>();
    for (KeyspaceMetadata ks : schema.keyspaces().values()) {
      rows.add(row(ks.name(), "keyspace", ks.name(), null));
    }
    return new Result.Rows(columns(false), rows, null, List.of());
  }

  /** The keyspace's user types by name, each after the types its fields use. */
  private static List<dev.ringlet.internal.types.UserType> typesInDependencyOrder(KeyspaceMetadata ks) {
    List<String> names = new ArrayList<>(ks.types().keySet());
    names.sort(NAME_ORDER);
    java.util.LinkedHashMap<String, dev.ringlet.internal.types.UserType> out = new java.util.LinkedHashMap<>();
    for (String name : names) {
      addType(ks, ks.types().get(name), out);
    }
    return new ArrayList<>(out.values());
  }

  private static void addType(KeyspaceMetadata ks, dev.ringlet.internal.types.UserType u,
      java.util.Map<String, dev.ringlet.internal.types.UserType> out) {
    if (u == null || out.containsKey(u.name())) {
      return;
    }
    for (dev.ringlet.internal.types.UserType used : usedTypes(u.fieldTypes())) {
      addType(ks, ks.types().get(used.name()), out);
    }
    out.put(u.name(), u);
  }

  private static List<dev.ringlet.internal.types.UserType> usedTypes(List<dev.ringlet.internal.types.CqlType> types) {
    List<dev.ringlet.internal.types.UserType> out = new ArrayList<>();
    for (dev.ringlet.internal.types.CqlType t : types) {
      if (t instanceof dev.ringlet.internal.types.UserType u) {
        out.add(u);
      } else if (t instanceof dev.ringlet.internal.types.ListType l) {
        out.addAll(usedTypes(List.of(l.element())));
      } else if (t instanceof dev.ringlet.internal.types.SetType st) {
        out.addAll(usedTypes(List.of(st.element())));
      } else if (t instanceof dev.ringlet.internal.types.MapType m) {
        out.addAll(usedTypes(List.of(m.key(), m.value())));
      } else if (t instanceof dev.ringlet.internal.types.TupleType tt) {
        out.addAll(usedTypes(tt.elements()));
      }
    }
    return out;
  }

  private static List<TableMetadata> sortedTables(KeyspaceMetadata ks) {
    List<TableMetadata> tables = new ArrayList<>(ks.tables().values().stream().filter(t -> !t.isView()).toList());
    tables.sort(Comparator.comparing(TableMetadata::name, NAME_ORDER));
    return tables;
  }

  private static List<ColumnSpec> columns(boolean withStatement) {
    List<ColumnSpec> c = new ArrayList<>();
    c.add(new ColumnSpec("system", "describe", "keyspace_name", NativeType.TEXT));
    c.add(new ColumnSpec("system", "describe", "type", NativeType.TEXT));
    c.add(new ColumnSpec("system", "describe", "name", NativeType.TEXT));
    if (withStatement) {
      c.add(new ColumnSpec("system", "describe", "create_statement", NativeType.TEXT));
    }
    return c;
  }

  private static List<ByteBuffer> row(String keyspace, String type, String name, String statement) {
    List<ByteBuffer> r = new ArrayList<>();
    r.add(NativeType.TEXT.encode(Identifiers.maybeQuote(keyspace)));
    r.add(NativeType.TEXT.encode(type));
    r.add(NativeType.TEXT.encode(Identifiers.maybeQuote(name)));
    if (statement != null) {
      r.add(NativeType.TEXT.encode(statement));
    }
    return r;
  }
}
