package dev.ringlet.internal.exec.ddl;

import dev.ringlet.internal.cql.ast.Statement;
import dev.ringlet.internal.error.CqlException;
import dev.ringlet.internal.exec.Result;
import dev.ringlet.internal.schema.ColumnMetadata;
import dev.ringlet.internal.schema.IndexMetadata;
import dev.ringlet.internal.schema.KeyspaceMetadata;
import dev.ringlet.internal.schema.SchemaManager;
import dev.ringlet.internal.schema.TableMetadata;
import dev.ringlet.internal.types.CqlType;
import dev.ringlet.internal.types.CqlTypes;
import dev.ringlet.internal.types.ListType;
import dev.ringlet.internal.types.MapType;
import dev.ringlet.internal.types.NativeType;
import dev.ringlet.internal.types.SetType;
import dev.ringlet.internal.types.UserType;
import dev.ringlet.internal.types.VectorType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * {@code CREATE [CUSTOM] INDEX} and {@code DROP INDEX} with Cassandra 5.0's checks, in its order,
 * and its messages. Two kinds of index exist: the legacy secondary index (kind COMPOSITES, the
 * default {@code legacy_local_table}) and the storage-attached index (SAI, kind CUSTOM). Both are
 * schema only: queries evaluate them over the table's rows (see ADR 0010).
 */
final class IndexDdl {

  static final String LEGACY = "legacy_local_table";
  private static final Pattern NAME = Pattern.compile("\\w+");
  static final String VECTOR_WARNING = "SAI ANN indexes on vector columns are experimental and are not recommended for"
      + " production use.\nThey don't yet support SELECT queries with:\n * Consistency level higher than ONE/LOCAL_ONE.\n"
      + " * Paging.\n * No LIMIT clauses.\n * PER PARTITION LIMIT clauses.\n * GROUP BY clauses.\n * Aggregation functions.\n"
      + " * Filters on columns without a SAI index.";

  private final SchemaManager schema;

  IndexDdl(SchemaManager schema) {
    this.schema = schema;
  }

  Result create(Statement.CreateIndex create, String ksName) {
    Map<String, String> userOptions = options(create);
    boolean custom = create.custom() || create.using() != null;
    if (!custom && !userOptions.isEmpty()) {
      throw CqlException.invalid("Cannot specify options for a non-CUSTOM index");
    }
    KeyspaceMetadata ks = schema.current().keyspace(ksName);
    if (ks == null) {
      throw CqlException.invalid("Keyspace '" + ksName + "' doesn't exist");
    }
    TableMetadata table = ks.tables().get(create.table().name());
    if (table == null) {
      throw CqlException.invalid("Table '" + create.table().name() + "' doesn't exist");
    }
    if (table.counter()) {
      throw CqlException.invalid("Secondary indexes on counter tables aren't supported");
    }
    if (table.virtual()) {
      throw CqlException.invalid("Secondary indexes are not supported on virtual tables");
    }
    if (create.targetColumn() == null) {
      throw CqlException.invalid("Only CUSTOM indexes can be created without specifying a target column");
    }
    ColumnMetadata column = table.column(create.targetColumn());
    if (column == null) {
      throw CqlException.invalid("Undefined column name " + create.targetColumn() + " in table " + ksName + "." + table.name());
    }
    IndexMetadata.TargetType targetType = targetType(create.targetKind(), column.type());
    validateTarget(table, column, targetType);

    String className = create.using();
    if (create.custom() && className == null) {
      className = LEGACY;
    }
    boolean legacy = !create.custom() && (className == null || className.equalsIgnoreCase(LEGACY));
    boolean sai = !legacy && IndexMetadata.isSaiClass(className);
    if (!legacy && !sai) {
      if (className.toLowerCase(Locale.ROOT).contains("sasi")) {
        throw CqlException.config("SASI indexes are not supported by Ringlet; use a storage-attached index"
            + " (USING 'StorageAttachedIndex')");
      }
      throw CqlException.config("Unable to find custom indexer class '" + className + "'");
    }

    String name = create.name();
    if (name != null && !NAME.matcher(name).matches()) {
      throw CqlException.config("Illegal index name " + name);
    }
    if (name == null) {
      name = generatedName(ks, table.name(), column.name());
    }
    if (ks.tableOfIndex(name) != null) {
      if (create.ifNotExists()) {
        return new Result.Void();
      }
      throw CqlException.invalid("Index '" + name + "' already exists");
    }
    Map<String, String> options = new TreeMap<>(userOptions);
    options.put("target", IndexMetadata.target(column.name(), targetType));
    if (!legacy) {
      options.put("class_name", className);
    }
    IndexMetadata index = new IndexMetadata(name, legacy ? IndexMetadata.Kind.COMPOSITES : IndexMetadata.Kind.CUSTOM, options);
    for (IndexMetadata existing : table.indexes().values()) {
      if (equivalent(existing, index)) {
        if (create.ifNotExists()) {
          return new Result.Void();
        }
        throw CqlException.invalid("Index " + name + " is a duplicate of existing index " + existing.name());
      }
    }
    if (sai) {
      try {
        validateSai(table, column, index);
      } catch (RuntimeException e) {
        // 5.0 validates the table's indexes in order, the new one last: each vector index before it warns
        throw dev.ringlet.internal.exec.WarnedFailure.attach(e, vectorWarnings(table));
      }
    }
    String finalName = name;
    boolean[] created = {false};
    schema.apply("create index " + ksName + "." + name, s -> {
      KeyspaceMetadata current = s.keyspace(ksName);
      TableMetadata t = current == null ? null : current.tables().get(table.name());
      if (t == null) {
        throw CqlException.invalid("Table '" + table.name() + "' doesn't exist");
      }
      if (current.tableOfIndex(finalName) != null) {
        if (create.ifNotExists()) {
          return s;
        }
        throw CqlException.invalid("Index '" + finalName + "' already exists");
      }
      Map<String, IndexMetadata> indexes = new TreeMap<>(t.indexes());
      indexes.put(finalName, index);
      created[0] = true;
      return s.with(current.withTable(rebuilt(t, indexes)), s.version());
    });
    if (!created[0]) {
      return new Result.Void();
    }
    List<String> warnings = sai ? vectorWarnings(schema.current().table(ksName, table.name())) : List.of();
    return new Result.SchemaChange("UPDATED", "TABLE", ksName, table.name(), List.of(), warnings);
  }

  /** 5.0's experimental warning, once per SAI index of the table on a vector column. */
  private static List<String> vectorWarnings(TableMetadata table) {
    List<String> warnings = new ArrayList<>();
    for (IndexMetadata i : table.indexes().values()) {
      ColumnMetadata c = table.column(i.column());
      if (i.isSai() && c != null && c.type() instanceof VectorType) {
        warnings.add(VECTOR_WARNING);
      }
    }
    return warnings;
  }

  Result drop(Statement.DropIndex drop, String ksName) {
    String name = drop.index().name();
    KeyspaceMetadata ks = schema.current().keyspace(ksName);
    TableMetadata table = ks == null ? null : ks.tableOfIndex(name);
    if (table == null) {
      if (drop.ifExists()) {
        return new Result.Void();
      }
      throw CqlException.invalid("Index '" + ksName + "." + name + "' doesn't exist'");
    }
    boolean[] dropped = {false};
    schema.apply("drop index " + ksName + "." + name, s -> {
      KeyspaceMetadata current = s.keyspace(ksName);
      TableMetadata t = current == null ? null : current.tableOfIndex(name);
      if (t == null) {
        if (drop.ifExists()) {
          return s;
        }
        throw CqlException.invalid("Index '" + ksName + "." + name + "' doesn't exist'");
      }
      Map<String, IndexMetadata> indexes = new TreeMap<>(t.indexes());
      indexes.remove(name);
      dropped[0] = true;
      return s.with(current.withTable(rebuilt(t, indexes)), s.version());
    });
    return dropped[0] ? new Result.SchemaChange("UPDATED", "TABLE", ksName, table.name(), List.of()) : new Result.Void();
  }

  /**
   * The table with new indexes. Like any table change in Cassandra, it is rebuilt from its
   * columns in Cassandra's internal order (static then regular columns; in each, single-cell columns
   * by name, then multi-cell ones by name), which DESCRIBE then shows.
   */
  private static TableMetadata rebuilt(TableMetadata t, Map<String, IndexMetadata> indexes) {
    List<ColumnMetadata> others = new ArrayList<>(t.others());
    others.sort(java.util.Comparator.comparing((ColumnMetadata c) -> !c.isStatic())
        .thenComparing(c -> c.type().isMultiCell())
        .thenComparing(ColumnMetadata::name));
    return new TableMetadata(t.keyspace(), t.name(), t.id(), t.partitionKey(), t.clustering(), others, t.params(),
        t.counter(), t.virtual(), dev.ringlet.internal.schema.DroppedColumnOrder.rebuilt(t.droppedColumns(), List.of()),
        indexes, t.view());
  }

  private static Map<String, String> options(Statement.CreateIndex create) {
    Map<String, Object> props = PropertyValues.of(create.properties());
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : props.entrySet()) {
      if (!e.getKey().equals("options")) {
        throw CqlException.syntax("Unknown property '" + e.getKey() + "'");
      }
      if (!(e.getValue() instanceof Map<?, ?> m)) {
        throw CqlException.syntax("Invalid value for property 'options'. It should be a map.");
      }
      m.forEach((k, v) -> out.put((String) k, (String) v));
    }
    if (out.containsKey("target")) {
      throw CqlException.invalid("Cannot specify target as a CUSTOM option");
    }
    return out;
  }

  /** The target type a statement asked for; a bare collection column means values(). */
  private static IndexMetadata.TargetType targetType(String kind, CqlType type) {
    if (kind == null || kind.equals("SIMPLE")) {
      boolean collection = type instanceof ListType || type instanceof SetType || type instanceof MapType;
      return collection ? IndexMetadata.TargetType.VALUES : IndexMetadata.TargetType.SIMPLE;
    }
    return IndexMetadata.TargetType.valueOf(kind);
  }

  private static void validateTarget(TableMetadata table, ColumnMetadata column, IndexMetadata.TargetType target) {
    CqlType type = column.type();
    if (CqlTypes.referencesDuration(type)) {
      throw CqlException.invalid("Secondary indexes are not supported on duration columns");
    }
    if (column.kind() == ColumnMetadata.Kind.PARTITION_KEY && table.partitionKey().size() == 1) {
      throw CqlException.invalid("Cannot create secondary index on the only partition key column " + column.name());
    }
    boolean collection = type instanceof ListType || type instanceof SetType || type instanceof MapType;
    boolean frozenCollection = collection && !type.isMultiCell();
    if (frozenCollection && target != IndexMetadata.TargetType.FULL) {
      throw CqlException.invalid("Cannot create " + target.function() + "() index on frozen column " + column.name()
          + ". Frozen collections are immutable and must be fully indexed by using the 'full(" + column.name() + ")' modifier");
    }
    if (target == IndexMetadata.TargetType.FULL && !frozenCollection) {
      throw CqlException.invalid("full() indexes can only be created on frozen collections");
    }
    boolean wrapped = type instanceof dev.ringlet.internal.types.CustomType c && c.wrapped() != null;
    if (wrapped && !(dev.ringlet.internal.types.CustomType.unreversed(type) instanceof MapType)
        && (target == IndexMetadata.TargetType.KEYS || target == IndexMetadata.TargetType.ENTRIES)) {
      throw CqlException.invalid("Cannot create index on " + target.function() + " of column " + column.name()
          + " with non-map type");
    }
    if (wrapped) {
      return; // 5.0 takes the other targets on a column's ReversedType of a collection (no query uses them)
    }
    if (!collection && target != IndexMetadata.TargetType.SIMPLE) {
      throw CqlException.invalid("Cannot create " + target.function() + "() index on " + column.name()
          + ". Non-collection columns only support simple indexes");
    }
    if ((target == IndexMetadata.TargetType.KEYS || target == IndexMetadata.TargetType.ENTRIES)
        && !(type instanceof MapType && type.isMultiCell())) {
      throw CqlException.invalid("Cannot create index on " + target.function() + " of column " + column.name()
          + " with non-map type");
    }
    if (type instanceof UserType && type.isMultiCell()) {
      throw CqlException.invalid("Cannot create index on non-frozen UDT column " + column.name());
    }
  }

  /** {@code <table>_<column>_idx}, then {@code _1}, {@code _2}... until no index of the keyspace has it. */
  private static String generatedName(KeyspaceMetadata ks, String table, String column) {
    String base = (table + "_" + column + "_idx").replaceAll("\\W", "");
    String name = base;
    for (int i = 1; ks.tableOfIndex(name) != null; i++) {
      name = base + "_" + i;
    }
    return name;
  }

  /** Two indexes Cassandra treats as the same: same kind, class and options (the target included). */
  private static boolean equivalent(IndexMetadata a, IndexMetadata b) {
    if (a.isSai() && b.isSai()) {
      return false; // SAI reports its own message for a second index on a column
    }
    return a.kind() == b.kind() && a.options().equals(b.options());
  }

  private static void validateSai(TableMetadata table, ColumnMetadata column, IndexMetadata index) {
    for (IndexMetadata existing : table.indexes().values()) {
      if (existing.isSai() && existing.options().get("target").equals(index.options().get("target"))) {
        throw CqlException.invalid("Cannot create more than one storage-attached index on the same column: " + column.name());
      }
    }
    SaiOptions.validate(column, index);
    if (column.type() instanceof dev.ringlet.internal.types.CustomType c && c.wrapped() != null) {
      // SAI finds no index type for a ReversedType of a collection; 5.0 prints the options as a map
      throw CqlException.config("Failed to validate custom indexer options: " + new TreeMap<>(index.options()));
    }
  }
}
