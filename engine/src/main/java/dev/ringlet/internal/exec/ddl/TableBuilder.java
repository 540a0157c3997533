package dev.ringlet.internal.exec.ddl;

import dev.ringlet.internal.cql.ast.ColumnDefinition;
import dev.ringlet.internal.cql.ast.Ordering;
import dev.ringlet.internal.cql.ast.Statement;
import dev.ringlet.internal.error.CqlException;
import dev.ringlet.internal.schema.ColumnMetadata;
import dev.ringlet.internal.schema.KeyspaceMetadata;
import dev.ringlet.internal.schema.TableMetadata;
import dev.ringlet.internal.schema.TableParams;
import dev.ringlet.internal.types.CqlType;
import dev.ringlet.internal.types.NativeType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builds a table's metadata from CREATE TABLE, checking it as Cassandra 5.0 does. */
final class TableBuilder {

  private final KeyspaceMetadata keyspace;
  private final String name;
  private final UUID id;
  private final ColumnMasks masks;

  TableBuilder(KeyspaceMetadata keyspace, String name, UUID id, ColumnMasks masks) {
    this.keyspace = keyspace;
    this.name = name;
    this.id = id;
    this.masks = masks;
  }

  /**
   * A table is a counter table when a column is written {@code counter}: a counter column written
   * as its class name ({@code 'CounterColumnType'}) does not make it one, and 5.0 then refuses it.
   */
  private void checkQuotedCounters(Map<String, ColumnDefinition> defs, Map<String, CqlType> types, List<String> keyColumns) {
    boolean counterTable = defs.values().stream()
        .anyMatch(d -> d.type() instanceof dev.ringlet.internal.cql.ast.TypeExpr.Native n && n.name().equals("counter"));
    if (counterTable) {
      return;
    }
    for (ColumnDefinition d : defs.values()) {
      if (!keyColumns.contains(d.name()) && types.get(d.name()) == NativeType.COUNTER) {
        throw CqlException.config(keyspace.name() + "." + name + ": Cannot have a counter column (\"" + d.name()
            + "\") in a non counter table");
      }
    }
  }

  TableMetadata build(Statement.CreateTable create) {
    Map<String, ColumnDefinition> defs = new LinkedHashMap<>();
    Map<String, CqlType> types = new HashMap<>();
    for (ColumnDefinition d : create.columns()) {
      if (defs.put(d.name(), d) != null) {
        throw CqlException.invalid("Duplicate column '" + d.name() + "' declaration for table '" + keyspace.name() + "." + name + "'");
      }
      types.put(d.name(), TypeResolver.resolve(d.type(), keyspace));
    }
    Map<String, dev.ringlet.internal.schema.ColumnMask> columnMasks = new HashMap<>();
    for (ColumnDefinition d : defs.values()) {
      if (d.mask() != null) {
        columnMasks.put(d.name(), masks.prepare(d.mask(), keyspace.name(), name, d.name(), types.get(d.name())));
      }
    }
    List<String> pk = create.partitionKey();
    List<String> ck = create.clusteringColumns();
    if (pk.isEmpty()) {
      throw CqlException.invalid("No PRIMARY KEY specifed for table '" + keyspace.name() + "." + name + "' (exactly one required)");
    }
    List<String> keyColumns = new ArrayList<>(pk);
    keyColumns.addAll(ck);
    for (String k : keyColumns) {
      ColumnDefinition d = defs.get(k);
      if (d == null) {
        throw CqlException.invalid("Unknown column '" + k + "' referenced in PRIMARY KEY for table '" + name + "'");
      }
      if (keyColumns.indexOf(k) != keyColumns.lastIndexOf(k)) {
        throw CqlException.invalid("Duplicate column '" + k + "' in PRIMARY KEY clause for table '" + name + "'");
      }
      if (d.isStatic()) {
        throw CqlException.invalid("Static column '" + k + "' cannot be part of the PRIMARY KEY");
      }
      CqlType t = types.get(k);
      if (t instanceof dev.ringlet.internal.types.UserType && t.isMultiCell()
          && d.type() instanceof dev.ringlet.internal.cql.ast.TypeExpr.Custom custom) { // 5.0 names the marshal type
        throw CqlException.invalid("Invalid non-frozen user-defined type '"
            + dev.ringlet.internal.types.MarshalTypes.printedName(custom.className()) + "' for PRIMARY KEY column '" + k + "'");
      }
      if (t instanceof dev.ringlet.internal.types.UserType u && t.isMultiCell()) {
        throw CqlException.invalid("Invalid non-frozen user-defined type \"" + u.keyspace() + "." + u.name() + "\" for PRIMARY KEY column '" + k + "'");
      }
      if (t.isMultiCell()) {
        throw CqlException.invalid("Invalid non-frozen collection type " + t.cql() + " for PRIMARY KEY column '" + k + "'");
      }
      if (t == NativeType.COUNTER) {
        throw CqlException.invalid("counter type is not supported for PRIMARY KEY column '" + k + "'");
      }
      if (t == NativeType.DURATION) {
        throw CqlException.invalid("duration type is not supported for PRIMARY KEY column '" + k + "'");
      }
    }
    boolean anyStatic = defs.values().stream().anyMatch(ColumnDefinition::isStatic);
    if (anyStatic && ck.isEmpty()) {
      throw CqlException.invalid("Static columns are only useful (and thus allowed) if the table has at least one clustering column");
    }
    Map<String, Boolean> order = clusteringOrder(create.clusteringOrder(), ck, defs);
    reverseDeclaredReversedTypes(ck, defs, order, types);
    long counters = defs.keySet().stream().filter(n -> !keyColumns.contains(n)).filter(n -> types.get(n) == NativeType.COUNTER).count();
    long nonKey = defs.keySet().stream().filter(n -> !keyColumns.contains(n)).count();
    if (counters > 0 && counters != nonKey) {
      throw CqlException.invalid("Cannot mix counter and non counter columns in the same table");
    }
    checkQuotedCounters(defs, types, keyColumns);
    List<ColumnMetadata> pkCols = new ArrayList<>();
    for (int i = 0; i < pk.size(); i++) {
      pkCols.add(new ColumnMetadata(pk.get(i), types.get(pk.get(i)), ColumnMetadata.Kind.PARTITION_KEY, i, false,
          columnMasks.get(pk.get(i))));
    }
    List<ColumnMetadata> ckCols = new ArrayList<>();
    for (int i = 0; i < ck.size(); i++) {
      ckCols.add(new ColumnMetadata(ck.get(i), types.get(ck.get(i)), ColumnMetadata.Kind.CLUSTERING, i, order.getOrDefault(ck.get(i), false),
          columnMasks.get(ck.get(i))));
    }
    List<ColumnMetadata> others = new ArrayList<>();
    for (ColumnDefinition d : defs.values()) {
      if (!keyColumns.contains(d.name())) {
        others.add(new ColumnMetadata(d.name(), types.get(d.name()), d.isStatic() ? ColumnMetadata.Kind.STATIC : ColumnMetadata.Kind.REGULAR, -1, false,
            columnMasks.get(d.name())));
      }
    }
    if (create.compactStorage()) {
      throw CqlException.invalid("COMPACT STORAGE tables are not supported starting with version 4.0");
    }
    TableParams params = TableParams.defaults().withOptions(PropertyValues.of(create.properties()));
    if (counters > 0 && params.defaultTimeToLive() > 0) {
      throw CqlException.invalid("Cannot set default_time_to_live on a table with counters");
    }
    return new TableMetadata(keyspace.name(), name, id, pkCols, ckCols, others, params, counters > 0, false);
  }

  /**
   * A clustering column declared {@code 'ReversedType(t)'} is a descending {@code t} column, as in
   * 5.0 (even with {@code ASC} in CLUSTERING ORDER BY). With {@code DESC} 5.0 reverses it a second
   * time: its type is {@code ReversedType(ReversedType(t))}, still {@code desc} in system_schema, with
   * ascending data, sent to drivers as the custom {@code ReversedType(t)} (a type of its own here:
   * {@link dev.ringlet.internal.types.CustomType#reversed}), and restrictions compared in its reversed order.
   */
  private static void reverseDeclaredReversedTypes(List<String> ck, Map<String, ColumnDefinition> defs,
      Map<String, Boolean> order, Map<String, CqlType> types) {
    for (String c : ck) {
      if (defs.get(c).type() instanceof dev.ringlet.internal.cql.ast.TypeExpr.Custom custom
          && dev.ringlet.internal.types.MarshalTypes.isReversed(custom.className())) {
        if (Boolean.TRUE.equals(order.get(c))) {
          types.put(c, dev.ringlet.internal.types.MarshalTypes.ofCustomClassName(custom.className()));
        }
        order.put(c, true);
      }
    }
  }

  private Map<String, Boolean> clusteringOrder(List<Ordering> orderings, List<String> ck, Map<String, ColumnDefinition> defs) {
    Map<String, Boolean> order = new HashMap<>();
    List<String> notClustering = new ArrayList<>();
    for (Ordering o : orderings) {
      if (!ck.contains(o.column())) {
        notClustering.add(o.column());
      }
    }
    if (!notClustering.isEmpty()) {
      throw CqlException.invalid("Only clustering key columns can be defined in CLUSTERING ORDER directive: "
          + notClustering + " are not clustering columns");
    }
    for (Ordering o : orderings) {
      if (order.put(o.column(), o.descending()) != null) {
        throw CqlException.invalid("Duplicate column '" + o.column() + "' in CLUSTERING ORDER BY");
      }
    }
    for (int i = 0; i < orderings.size(); i++) {
      String expected = ck.get(i);
      if (!orderings.get(i).column().equals(expected)) {
        throw CqlException.invalid("The order of columns in the CLUSTERING ORDER directive must match that of the clustering columns ("
            + expected + " must appear before " + orderings.get(i).column() + ")");
      }
    }
    return order;
  }
}
