package dev.ringlet.internal.exec.ddl;

import dev.ringlet.internal.cql.ast.Operator;
import dev.ringlet.internal.cql.ast.Ordering;
import dev.ringlet.internal.cql.ast.Relation;
import dev.ringlet.internal.cql.ast.Selector;
import dev.ringlet.internal.cql.ast.Statement;
import dev.ringlet.internal.cql.ast.Term;
import dev.ringlet.internal.cql.parse.Identifiers;
import dev.ringlet.internal.error.AlreadyExistsException;
import dev.ringlet.internal.error.CqlException;
import dev.ringlet.internal.exec.BoundValues;
import dev.ringlet.internal.exec.ColumnSpec;
import dev.ringlet.internal.exec.Result;
import dev.ringlet.internal.exec.TermCompiler;
import dev.ringlet.internal.exec.TermFunctions;
import dev.ringlet.internal.exec.TermText;
import dev.ringlet.internal.exec.Variables;
import dev.ringlet.internal.schema.ColumnMetadata;
import dev.ringlet.internal.schema.KeyspaceMetadata;
import dev.ringlet.internal.schema.SchemaManager;
import dev.ringlet.internal.schema.TableMetadata;
import dev.ringlet.internal.schema.TableParams;
import dev.ringlet.internal.schema.ViewMetadata;
import dev.ringlet.internal.types.CqlType;
import dev.ringlet.internal.types.NativeType;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * CREATE, ALTER and DROP MATERIALIZED VIEW with Cassandra 5.0's checks, in its order and with its
 * messages. A view is stored as a table of its keyspace carrying {@link ViewMetadata}; CREATE
 * builds it from the base table's existing data before it returns.
 */
final class ViewDdl {

  static final String EXPERIMENTAL_WARNING =
      "Materialized views are experimental and are not recommended for production use.";

  private final SchemaManager schema;
  private final Supplier<UUID> tableIds;
  private final TermFunctions functions;
  private final boolean enabled;
  private final dev.ringlet.internal.exec.TableSource tables;
  private final dev.ringlet.internal.storage.Storage storage;
  private final dev.ringlet.internal.time.Clock clock;

  /**
   * @param enabled Cassandra's {@code materialized_views_enabled}
   * @param tables where the initial build reads the base and writes the view (every node in a cluster)
   */
  ViewDdl(SchemaManager schema, Supplier<UUID> tableIds, TermFunctions functions, boolean enabled,
      dev.ringlet.internal.exec.TableSource tables, dev.ringlet.internal.storage.Storage storage,
      dev.ringlet.internal.time.Clock clock) {
    this.schema = schema;
    this.tableIds = tableIds;
    this.functions = functions;
    this.enabled = enabled;
    this.tables = tables;
    this.storage = storage;
    this.clock = clock;
  }

  private boolean build = true;

  /** When {@code skip}, a created view is not built from its base table (a saved schema being recreated). */
  ViewDdl withoutBuild(boolean skip) {
    this.build = !skip;
    return this;
  }

  Result createView(Statement.CreateMaterializedView create, String ksName) {
    TableMetadata view = create(create, ksName);
    if (view == null) {
      return new Result.Void(List.of(EXPERIMENTAL_WARNING));
    }
    TableIds.requireUnused(schema.current(), view);
    boolean[] created = {false};
    schema.apply("create materialized view " + ksName + "." + view.name(), s -> {
      KeyspaceMetadata current = s.keyspace(ksName);
      if (current == null) {
        throw CqlException.invalid("Keyspace '" + ksName + "' doesn't exist");
      }
      if (current.tables().containsKey(view.name())) {
        if (create.ifNotExists()) {
          return s;
        }
        throw new AlreadyExistsException(ksName, view.name(), "Object " + ksName + "." + view.name() + " already exists");
      }
      TableMetadata base = current.tables().get(view.view().baseTableName());
      if (base == null || !base.id().equals(view.view().baseTableId())) {
        throw CqlException.invalid("Base table '" + view.view().baseTableName() + "' doesn't exist");
      }
      created[0] = true;
      return s.with(current.withTable(view), s.version());
    });
    if (!created[0]) {
      return new Result.Void(List.of(EXPERIMENTAL_WARNING));
    }
    if (build) {
      build(schema.current().table(ksName, view.view().baseTableName()), view);
    }
    return created(ksName, view.name());
  }

  /**
   * Fills a new view from its base table's data before CREATE returns (Cassandra builds views in
   * the background; a test expects the view complete once the statement answered).
   */
  private void build(TableMetadata base, TableMetadata view) {
    long now = clock.nowInSeconds();
    dev.ringlet.internal.storage.TableStore viewStore = tables.store(view);
    java.util.Iterator<dev.ringlet.internal.storage.PartitionUpdate> partitions = tables.store(base).scanRaw(null, true);
    while (partitions.hasNext()) {
      for (dev.ringlet.internal.storage.PartitionUpdate u
          : dev.ringlet.internal.exec.view.ViewMaintenance.build(base, view, partitions.next(), now)) {
        viewStore.apply(u);
      }
    }
  }

  Result alterView(Statement.AlterMaterializedView alter, String ksName) {
    TableMetadata altered = alter(alter, ksName);
    if (altered == null) {
      return new Result.Void();
    }
    schema.apply("alter materialized view " + ksName + "." + altered.name(),
        s -> s.with(s.keyspace(ksName).withTable(altered), s.version()));
    return new Result.SchemaChange("UPDATED", "TABLE", ksName, altered.name(), List.of());
  }

  Result dropView(Statement.DropMaterializedView drop, String ksName) {
    TableMetadata view = existingView(ksName, drop.view().name(), drop.ifExists());
    if (view == null) {
      return new Result.Void();
    }
    schema.apply("drop materialized view " + ksName + "." + view.name(),
        s -> s.with(s.keyspace(ksName).withoutTable(view.name()), s.version()));
    storage.drop(view.id());
    return new Result.SchemaChange("DROPPED", "TABLE", ksName, view.name(), List.of());
  }

  /** The view's metadata, or null when it exists and IF NOT EXISTS says to do nothing. */
  private TableMetadata create(Statement.CreateMaterializedView create, String ksName) {
    String name = create.view().name();
    if (create.baseTable().keyspace() != null && !create.baseTable().keyspace().equals(ksName)) {
      throw CqlException.invalid("Cannot create a materialized view on a table in a different keyspace");
    }
    if (!create.boundNames().isEmpty()) {
      throw CqlException.invalid("Bind variables are not allowed in CREATE MATERIALIZED VIEW statements");
    }
    if (!enabled) {
      throw CqlException.invalid("Materialized views are disabled. Enable in cassandra.yaml to use.");
    }
    KeyspaceMetadata ks = schema.current().keyspace(ksName);
    if (ks == null) {
      throw CqlException.invalid("Keyspace '" + ksName + "' doesn't exist");
    }
    TableMetadata existing = ks.tables().get(name);
    if (existing != null && !existing.isView()) {
      throw CqlException.invalid("Cannot create materialized view '" + name + "' - a table with the same name already exists");
    }
    if (existing != null) {
      if (create.ifNotExists()) {
        return null;
      }
      throw new AlreadyExistsException(ksName, name, "Object " + ksName + "." + name + " already exists");
    }
    String baseName = create.baseTable().name();
    TableMetadata base = ks.tables().get(baseName);
    if (base == null || base.isView()) {
      throw CqlException.invalid("Base table '" + baseName + "' doesn't exist");
    }
    if (base.counter()) {
      throw CqlException.invalid("Materialized views are not supported on counter tables");
    }
    if (base.params().gcGraceSeconds() == 0) {
      throw CqlException.invalid("Cannot create materialized view '" + name + "' for base table '" + baseName
          + "' with gc_grace_seconds of 0, since this value is used to TTL undelivered updates. Setting gc_grace_seconds"
          + " too low might cause undelivered updates to expire before being replayed.");
    }
    Set<String> selected = selectedColumns(create, base);
    for (String c : selected) {
      if (base.column(c).isStatic()) {
        throw CqlException.invalid("Cannot include static column '" + c + "' in materialized view '" + name + "'");
      }
    }
    List<String> keyColumns = new ArrayList<>(create.partitionKey());
    keyColumns.addAll(create.clusteringColumns());
    Set<String> seen = new LinkedHashSet<>();
    for (String k : keyColumns) {
      ColumnMetadata c = base.column(k);
      if (c == null || !selected.contains(k)) {
        throw CqlException.invalid("Unknown column '" + k + "' referenced in PRIMARY KEY for materialized view '" + name + "'");
      }
      if (!seen.add(k)) {
        throw CqlException.invalid("Duplicate column '" + k + "' in PRIMARY KEY clause for materialized view '" + name + "'");
      }
      checkKeyType(c);
    }
    List<String> orderColumns = create.clusteringOrder().stream().map(Ordering::column).toList();
    if (!orderColumns.isEmpty() && !orderColumns.equals(create.clusteringColumns())) {
      throw CqlException.invalid("Clustering key columns must exactly match columns in CLUSTERING ORDER BY directive");
    }
    List<String> missing = new ArrayList<>();
    for (ColumnMetadata c : basePrimaryKey(base)) {
      if (!seen.contains(c.name())) {
        missing.add(c.name());
      }
    }
    if (!missing.isEmpty()) {
      throw CqlException.invalid("Cannot create materialized view '" + name + "' without primary key columns "
          + String.join(", ", missing) + " from base table '" + baseName + "'");
    }
    List<String> regularInKey = keyColumns.stream().filter(k -> !base.column(k).isPrimaryKey()).toList();
    if (regularInKey.size() > 1) {
      throw CqlException.invalid("Cannot include more than one non-primary key column in materialized view primary key (got "
          + String.join(", ", regularInKey) + ")");
    }
    List<ViewMetadata.Restriction> restrictions = new ArrayList<>();
    Set<String> restricted = restrictions(create, base, restrictions);
    List<String> unrestricted = keyColumns.stream().filter(k -> !restricted.contains(k)).toList();
    if (!unrestricted.isEmpty()) {
      throw CqlException.invalid("Primary key columns " + String.join(", ", unrestricted)
          + " must be restricted with 'IS NOT NULL' or otherwise");
    }
    Map<String, Object> options = PropertyValues.of(create.properties());
    Object ttl = options.get("default_time_to_live");
    if (ttl != null && !"0".equals(String.valueOf(ttl).trim())) {
      throw CqlException.invalid("Cannot set default_time_to_live for a materialized view. Data in a materialized view always"
          + " expire at the same time than the corresponding data in the parent table.");
    }
    TableParams params = TableParams.defaults().withOptions(options);
    UUID id = TableParams.tableId(options).orElseGet(tableIds);
    Map<String, Boolean> descending = new LinkedHashMap<>();
    for (Ordering o : create.clusteringOrder()) {
      descending.put(o.column(), o.descending());
    }
    List<ColumnMetadata> pk = new ArrayList<>();
    for (int i = 0; i < create.partitionKey().size(); i++) {
      ColumnMetadata c = base.column(create.partitionKey().get(i));
      pk.add(new ColumnMetadata(c.name(), c.type(), ColumnMetadata.Kind.PARTITION_KEY, i, false, c.mask()));
    }
    List<ColumnMetadata> ck = new ArrayList<>();
    for (int i = 0; i < create.clusteringColumns().size(); i++) {
      ColumnMetadata c = base.column(create.clusteringColumns().get(i));
      // as 5.0's CreateViewStatement: a column keeps the base table's order (a DESC clustering column
      // stays DESC) unless CLUSTERING ORDER BY names it
      ck.add(new ColumnMetadata(c.name(), c.type(), ColumnMetadata.Kind.CLUSTERING, i,
          descending.getOrDefault(c.name(), c.kind() == ColumnMetadata.Kind.CLUSTERING && c.reversed()), c.mask()));
    }
    List<ColumnMetadata> others = new ArrayList<>();
    for (ColumnMetadata c : base.columnsInDescribeOrder()) {
      if (selected.contains(c.name()) && !seen.contains(c.name())) {
        others.add(new ColumnMetadata(c.name(), c.type(), ColumnMetadata.Kind.REGULAR, -1, false, c.mask()));
      }
    }
    ViewMetadata view = new ViewMetadata(base.id(), baseName, create.selectors().isEmpty(), whereClause(create.where()),
        restrictions);
    return new TableMetadata(ksName, name, id, pk, ck, others, params, false, false, Map.of(), Map.of(), view);
  }

  private static List<ColumnMetadata> basePrimaryKey(TableMetadata base) {
    List<ColumnMetadata> out = new ArrayList<>(base.partitionKey());
    out.addAll(base.clustering());
    return out;
  }

  private static Set<String> selectedColumns(Statement.CreateMaterializedView create, TableMetadata base) {
    Set<String> selected = new LinkedHashSet<>();
    if (create.selectors().isEmpty()) {
      base.columns().forEach(c -> selected.add(c.name()));
      return selected;
    }
    for (Selector.Aliased a : create.selectors()) {
      if (a.alias() != null) {
        throw CqlException.invalid("Cannot use aliases when defining a materialized view (got " + a.alias() + ")");
      }
      if (!(a.selector() instanceof Selector.Column column)) {
        throw CqlException.invalid("Can only select columns by name when defining a materialized view (got "
            + a.selector() + ")");
      }
      if (base.column(column.name()) == null) {
        throw CqlException.invalid("Undefined column name " + column.name() + " in table " + base.keyspace() + "." + base.name());
      }
      selected.add(column.name());
    }
    return selected;
  }

  private static void checkKeyType(ColumnMetadata c) {
    CqlType t = c.type();
    if (t.isMultiCell()) {
      if (t instanceof dev.ringlet.internal.types.UserType) {
        throw CqlException.invalid("Invalid non-frozen user-defined type \"" + t.cql() + "\" for PRIMARY KEY column '" + c.name() + "'");
      }
      throw CqlException.invalid("Invalid non-frozen collection type '" + MarshalTypeNames.of(t) + "' for PRIMARY KEY column '"
          + c.name() + "'");
    }
    if (t == NativeType.COUNTER) {
      throw CqlException.invalid("counter type is not supported for PRIMARY KEY column '" + c.name() + "'");
    }
    if (t == NativeType.DURATION) {
      throw CqlException.invalid("duration type is not supported for PRIMARY KEY column '" + c.name() + "'");
    }
  }

  /** Checks the WHERE clause; returns the restricted columns and collects the restrictions rows must satisfy. */
  private Set<String> restrictions(Statement.CreateMaterializedView create, TableMetadata base,
      List<ViewMetadata.Restriction> out) {
    for (Relation r : create.where()) {
      if (r instanceof Relation.Token) {
        throw CqlException.invalid("Cannot use token relation when defining a materialized view");
      }
    }
    Set<String> restricted = new LinkedHashSet<>();
    List<String> illegal = new ArrayList<>();
    for (Relation r : create.where()) {
      if (r instanceof Relation.Single s) {
        ColumnMetadata c = base.column(s.column());
        if (c == null) {
          throw CqlException.invalid("Undefined column name " + s.column() + " in table " + base.keyspace() + "." + base.name());
        }
        restricted.add(c.name());
        if (s.operator() == Operator.IS_NOT) {
          continue;
        }
        if (!c.isPrimaryKey() || !List.of(Operator.EQ, Operator.LT, Operator.LTE, Operator.GT, Operator.GTE, Operator.IN)
            .contains(s.operator())) {
          if (!c.isPrimaryKey()) {
            illegal.add(c.name());
            continue;
          }
          throw CqlException.invalid("Unsupported restriction on " + c.name() + " in a materialized view: " + s.operator());
        }
        List<Term> terms = s.operator() == Operator.IN ? s.inValues() : List.of(s.value());
        List<ByteBuffer> values = new ArrayList<>();
        for (Term t : terms) {
          values.add(new TermCompiler(new Variables(List.of()), functions)
              .compile(t, new ColumnSpec(base.keyspace(), base.name(), c.name(), c.type())).bind(BoundValues.NONE));
        }
        out.add(new ViewMetadata.Restriction(c.name(), s.operator().toString(), values));
      } else if (r instanceof Relation.Element e) {
        restricted.add(e.column());
        illegal.add(e.column());
      } else {
        throw CqlException.invalid("Multi-column relations are not supported in a materialized view's WHERE clause");
      }
    }
    if (!illegal.isEmpty()) {
      throw CqlException.invalid("Non-primary key columns can only be restricted with 'IS NOT NULL' (got: "
          + String.join(",", new LinkedHashSet<>(illegal)) + " restricted illegally)");
    }
    return restricted;
  }

  /** The WHERE clause as {@code system_schema.views.where_clause} keeps it (column names quoted where CQL needs it). */
  static String whereClause(List<Relation> where) {
    List<String> parts = new ArrayList<>();
    for (Relation r : where) {
      if (r instanceof Relation.Single s) {
        String column = Identifiers.maybeQuote(s.column());
        if (s.operator() == Operator.IS_NOT) {
          parts.add(column + " IS NOT NULL");
        } else if (s.operator() == Operator.IN) {
          parts.add(column + " IN (" + String.join(", ", s.inValues().stream().map(TermText::of).toList()) + ")");
        } else {
          parts.add(column + " " + s.operator() + " " + TermText.of(s.value()));
        }
      } else if (r instanceof Relation.Element e) {
        parts.add(Identifiers.maybeQuote(e.column()) + "[" + TermText.of(e.key()) + "] " + e.operator() + " "
            + TermText.of(e.value()));
      }
    }
    return String.join(" AND ", parts);
  }

  /** ALTER MATERIALIZED VIEW ... WITH: the altered view, or null when IF EXISTS finds none. */
  private TableMetadata alter(Statement.AlterMaterializedView alter, String ksName) {
    TableMetadata view = existingView(ksName, alter.view().name(), alter.ifExists());
    if (view == null) {
      return null;
    }
    Map<String, Object> options = PropertyValues.of(alter.properties());
    Object ttl = options.get("default_time_to_live");
    if (ttl != null && !"0".equals(String.valueOf(ttl).trim())) {
      throw CqlException.invalid("Forbidden default_time_to_live detected for a materialized view. Data in a materialized view"
          + " always expire at the same time than the corresponding data in the parent table. default_time_to_live must be"
          + " set to zero, see CASSANDRA-12868 for more information");
    }
    TableParams params = view.params().altered(options);
    if (params.gcGraceSeconds() == 0) {
      throw CqlException.invalid("Cannot alter gc_grace_seconds of a materialized view to 0, since this value is used to TTL"
          + " undelivered updates. Setting gc_grace_seconds too low might cause undelivered updates to expire before being"
          + " replayed.");
    }
    return new TableMetadata(view.keyspace(), view.name(), view.id(), view.partitionKey(), view.clustering(), view.others(),
        params, false, false, view.droppedColumns(), view.indexes(), view.view());
  }

  /** The view for DROP, or null when IF EXISTS finds none. */
  TableMetadata existingView(String ksName, String name, boolean ifExists) {
    KeyspaceMetadata ks = schema.current().keyspace(ksName);
    TableMetadata view = ks == null ? null : ks.tables().get(name);
    if (view == null || !view.isView()) {
      if (ifExists) {
        return null;
      }
      throw CqlException.invalid("Materialized view '" + ksName + "." + name + "' doesn't exist");
    }
    return view;
  }

  /** A result with the experimental warning CREATE answers. */
  static Result created(String ks, String view) {
    return new Result.SchemaChange("CREATED", "TABLE", ks, view, List.of(), List.of(EXPERIMENTAL_WARNING));
  }
}
