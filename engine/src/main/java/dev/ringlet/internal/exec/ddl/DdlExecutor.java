package dev.ringlet.internal.exec.ddl;

import dev.ringlet.internal.cql.ast.ColumnDefinition;
import dev.ringlet.internal.cql.ast.Ordering;
import dev.ringlet.internal.cql.ast.QualifiedName;
import dev.ringlet.internal.cql.ast.Statement;
import dev.ringlet.internal.error.AlreadyExistsException;
import dev.ringlet.internal.error.CqlException;
import dev.ringlet.internal.error.ErrorCode;
import dev.ringlet.internal.exec.ClientSession;
import dev.ringlet.internal.exec.Result;
import dev.ringlet.internal.schema.ColumnMetadata;
import dev.ringlet.internal.schema.KeyspaceMetadata;
import dev.ringlet.internal.schema.ReplicationParams;
import dev.ringlet.internal.schema.Schema;
import dev.ringlet.internal.schema.SchemaManager;
import dev.ringlet.internal.schema.TableMetadata;
import dev.ringlet.internal.schema.TableParams;
import dev.ringlet.internal.storage.Storage;
import dev.ringlet.internal.types.CqlType;
import dev.ringlet.internal.types.NativeType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** Executes keyspace and table statements against the schema, with Cassandra 5.0's checks. */
public final class DdlExecutor {

  private static final Pattern NAME = Pattern.compile("\\w+");
  private static final int MAX_NAME_LENGTH = 48;

  private final SchemaManager schema;
  private final Storage storage;
  private final Supplier<Map<String, Integer>> datacenters;
  private final Supplier<UUID> tableIds;
  private final dev.ringlet.internal.time.Clock clock;
  private final dev.ringlet.internal.exec.TableSource tables;

  private final FunctionDdl functions;
  private boolean materializedViews;
  private ColumnMasks masks;

  /** @param datacenters the cluster's datacenters with their number of nodes */
  public DdlExecutor(SchemaManager schema, Storage storage, dev.ringlet.internal.exec.TableSource tables,
      Supplier<Map<String, Integer>> datacenters, Supplier<UUID> tableIds, dev.ringlet.internal.time.Clock clock) {
    this(schema, storage, tables, datacenters, tableIds, clock, false);
  }

  /**
   * @param userDefinedFunctions whether CREATE FUNCTION is allowed (Cassandra's
   *     {@code user_defined_functions_enabled}, off by default)
   */
  public DdlExecutor(SchemaManager schema, Storage storage, dev.ringlet.internal.exec.TableSource tables,
      Supplier<Map<String, Integer>> datacenters, Supplier<UUID> tableIds, dev.ringlet.internal.time.Clock clock,
      boolean userDefinedFunctions) {
    this.functions = new FunctionDdl(schema, clock, userDefinedFunctions);
    this.clock = clock;
    this.tables = tables;
    this.schema = schema;
    this.storage = storage;
    this.datacenters = datacenters;
    this.tableIds = tableIds;
    this.masks = new ColumnMasks(new dev.ringlet.internal.exec.TermFunctions(clock, schema::current), false);
  }

  /**
   * Allows or refuses masking columns with {@code MASKED WITH} (Cassandra's
   * {@code dynamic_data_masking_enabled}, off by default); call it while building the node.
   */
  public DdlExecutor withDynamicDataMasking(boolean enabled) {
    this.masks = new ColumnMasks(new dev.ringlet.internal.exec.TermFunctions(clock, schema::current), enabled);
    return this;
  }

  /**
   * Allows or refuses CREATE MATERIALIZED VIEW (Cassandra's {@code materialized_views_enabled},
   * off by default); call it while building the node.
   */
  public DdlExecutor withMaterializedViews(boolean enabled) {
    this.materializedViews = enabled;
    return this;
  }

  public Result use(Statement.Use use, ClientSession session) {
    if (schema.current().keyspace(use.keyspace()) == null) {
      throw CqlException.invalid("Keyspace '" + use.keyspace() + "' does not exist");
    }
    session.useKeyspace(use.keyspace());
    return new Result.SetKeyspace(use.keyspace());
  }

  // ------------------------------------------------------------------ keyspaces

  public Result createKeyspace(Statement.CreateKeyspace create) {
    String name = create.keyspace();
    validateKeyspaceName(name);
    if (SystemNames.isSystem(name)) {
      throw CqlException.invalid("System keyspace '" + name + "' is not user-modifiable");
    }
    Map<String, Object> props = PropertyValues.of(create.properties());
    KeyspaceMetadata ks = keyspaceFrom(name, props, null);
    if (schema.current().keyspace(name) != null) {
      if (create.ifNotExists()) {
        return new Result.Void();
      }
      throw AlreadyExistsException.keyspace(name);
    }
    boolean[] created = {false};
    schema.apply("create keyspace " + name, s -> {
      if (s.keyspace(name) != null) {
        if (create.ifNotExists()) {
          return s;
        }
        throw AlreadyExistsException.keyspace(name);
      }
      created[0] = true;
      return s.with(ks, s.version());
    });
    return created[0]
        ? new Result.SchemaChange("CREATED", "KEYSPACE", name, null, List.of(), replicationWarnings(ks, null))
        : new Result.Void();
  }

  /** Cassandra's warnings for a replication factor above the node count, and for raising it. */
  private List<String> replicationWarnings(KeyspaceMetadata ks, KeyspaceMetadata before) {
    List<String> warnings = new ArrayList<>();
    Map<String, Integer> dcs = datacenters.get();
    ReplicationParams r = ks.replication();
    boolean increased = false;
    if (r.strategyClass().equals(ReplicationParams.SIMPLE)) {
      int rf = r.totalReplicationFactor();
      int nodes = dcs.values().stream().mapToInt(Integer::intValue).sum();
      if (rf > nodes) {
        warnings.add("Your replication factor " + rf + " for keyspace " + ks.name() + " is higher than the number of nodes " + nodes);
      }
    } else {
      for (Map.Entry<String, Integer> dc : new java.util.TreeMap<>(dcs).entrySet()) {
        int rf = r.replicationFactor(dc.getKey());
        if (rf > dc.getValue()) {
          warnings.add("Your replication factor " + rf + " for keyspace " + ks.name()
              + " is higher than the number of nodes " + dc.getValue() + " for datacenter " + dc.getKey());
        }
      }
    }
    if (before != null) {
      for (String dc : dcs.keySet()) {
        increased |= r.replicationFactor(dc) > before.replication().replicationFactor(dc);
      }
    }
    if (increased) {
      warnings.add("When increasing replication factor you need to run a full (-full) repair to distribute the data.");
    }
    return warnings;
  }

  public Result alterKeyspace(Statement.AlterKeyspace alter) {
    String name = alter.keyspace();
    checkUserModifiable(name);
    KeyspaceMetadata existing = schema.current().keyspace(name);
    if (existing == null) {
      if (alter.ifExists()) {
        return new Result.Void();
      }
      throw CqlException.invalid("Keyspace '" + name + "' doesn't exist");
    }
    KeyspaceMetadata updated = keyspaceFrom(name, PropertyValues.of(alter.properties()), existing);
    schema.apply("alter keyspace " + name, s -> s.with(updated, s.version()));
    return new Result.SchemaChange("UPDATED", "KEYSPACE", name, null, List.of(), replicationWarnings(updated, existing));
  }

  public Result dropKeyspace(Statement.DropKeyspace drop) {
    String name = drop.keyspace();
    checkUserModifiable(name);
    KeyspaceMetadata existing = schema.current().keyspace(name);
    if (existing == null) {
      if (drop.ifExists()) {
        return new Result.Void();
      }
      throw CqlException.invalid("Keyspace '" + name + "' doesn't exist");
    }
    schema.apply("drop keyspace " + name, s -> s.without(name, s.version()));
    for (TableMetadata t : existing.tables().values()) {
      storage.drop(t.id());
    }
    return new Result.SchemaChange("DROPPED", "KEYSPACE", name, null, List.of());
  }

  private KeyspaceMetadata keyspaceFrom(String name, Map<String, Object> props, KeyspaceMetadata existing) {
    ReplicationParams replication = existing == null ? null : existing.replication();
    boolean durable = existing == null || existing.durableWrites();
    for (Map.Entry<String, Object> e : props.entrySet()) {
      switch (e.getKey()) {
        case "replication":
          if (!(e.getValue() instanceof Map<?, ?> m)) {
            throw CqlException.syntax("Invalid value for property 'replication'. It should be a map.");
          }
          Map<String, String> map = new LinkedHashMap<>();
          m.forEach((k, v) -> map.put((String) k, (String) v));
          replication = ReplicationParams.fromOptions(name, map, datacenters.get().keySet(), replication);
          break;
        case "durable_writes":
          durable = bool("durable_writes", e.getValue());
          break;
        default:
          throw CqlException.syntax("Unknown property '" + e.getKey() + "'");
      }
    }
    if (replication == null) {
      throw CqlException.invalid("Missing mandatory option 'replication'");
    }
    Map<String, TableMetadata> tables = existing == null ? Map.of() : existing.tables();
    return new KeyspaceMetadata(name, durable, replication, tables,
        existing == null ? Map.of() : existing.types(), false,
        existing == null ? dev.ringlet.internal.schema.UserFunctions.NONE : existing.functions(),
        existing == null ? Map.of() : existing.leftoverMasks());
  }

  private static boolean bool(String property, Object value) {
    if (value instanceof String s) {
      switch (s.toLowerCase(java.util.Locale.ROOT)) {
        case "1": case "true": case "yes":
          return true;
        case "0": case "false": case "no":
          return false;
        default:
          break;
      }
    }
    throw CqlException.syntax("Invalid boolean value " + value + " for '" + property
        + "'. Positive values can be '1', 'true' or 'yes'. Negative values can be '0', 'false' or 'no'.");
  }

  // ------------------------------------------------------------------ tables

  public Result createTable(Statement.CreateTable create, ClientSession session) {
    if (create.columns().stream().anyMatch(c -> c.mask() != null)) {
      masks.ensureEnabled();
    }
    String ksName = keyspaceOf(create.table(), session);
    String name = create.table().name();
    KeyspaceMetadata ks = schema.current().keyspace(ksName);
    if (ks == null) {
      throw CqlException.invalid("Keyspace '" + ksName + "' doesn't exist");
    }
    checkUserModifiable(ksName);
    validateTableName(ksName, name);
    if (ks.tables().containsKey(name)) {
      if (create.ifNotExists()) {
        return new Result.Void();
      }
      throw AlreadyExistsException.table(ksName, name);
    }
    // WITH id = '<uuid>' (Cassandra's ID option) keeps a table's id, e.g. when a durable node recreates its schema
    UUID id = dev.ringlet.internal.schema.TableParams.tableId(PropertyValues.of(create.properties())).orElseGet(tableIds);
    TableMetadata table = new TableBuilder(ks, name, id, masks).build(create);
    TableIds.requireUnused(schema.current(), table);
    boolean[] created = {false};
    schema.apply("create table " + ksName + "." + name, s -> {
      KeyspaceMetadata current = s.keyspace(ksName);
      if (current == null) {
        throw CqlException.invalid("Keyspace '" + ksName + "' doesn't exist");
      }
      if (current.tables().containsKey(name)) {
        if (create.ifNotExists()) {
          return s;
        }
        throw AlreadyExistsException.table(ksName, name);
      }
      created[0] = true;
      return s.with(current.withTable(table), s.version());
    });
    return created[0] ? new Result.SchemaChange("CREATED", "TABLE", ksName, name, List.of()) : new Result.Void();
  }

  public Result dropTable(Statement.DropTable drop, ClientSession session) {
    String ksName = keyspaceOf(drop.table(), session);
    String name = drop.table().name();
    KeyspaceMetadata ks = schema.current().keyspace(ksName);
    if (ks == null) {
      if (drop.ifExists()) {
        return new Result.Void();
      }
      throw CqlException.invalid("Table '" + ksName + "." + name + "' doesn't exist");
    }
    checkUserModifiable(ksName);
    TableMetadata table = ks.tables().get(name);
    if (table != null && table.isView()) {
      throw CqlException.invalid("Cannot use DROP TABLE on a materialized view. Please use DROP MATERIALIZED VIEW instead.");
    }
    if (table == null) {
      if (drop.ifExists()) {
        return new Result.Void();
      }
      throw CqlException.invalid("Table '" + ksName + "." + name + "' doesn't exist");
    }
    if (!ks.viewsOf(table.id()).isEmpty()) {
      throw CqlException.invalid("Cannot drop a table when materialized views still depend on it (" + ksName + ")");
    }
    schema.apply("drop table " + ksName + "." + name, s -> s.with(s.keyspace(ksName).withoutTable(name), s.version()));
    storage.drop(table.id());
    return new Result.SchemaChange("DROPPED", "TABLE", ksName, name, List.of());
  }

  public Result alterTable(Statement.AlterTable alter, ClientSession session) {
    if (alter.action() instanceof Statement.AlterTableAction.Mask m && m.mask() != null) {
      masks.ensureEnabled(); // as in 5.0: not for DROP MASKED, nor for ADD ... MASKED WITH
    }
    String ksName = keyspaceOf(alter.table(), session);
    String name = alter.table().name();
    KeyspaceMetadata ks = schema.current().keyspace(ksName);
    if (ks == null) {
      if (alter.ifExists()) {
        return new Result.Void();
      }
      throw CqlException.invalid("Keyspace '" + ksName + "' doesn't exist");
    }
    checkUserModifiable(ksName);
    TableMetadata table = ks.tables().get(name);
    if (table == null) {
      if (alter.ifExists()) {
        return new Result.Void();
      }
      throw CqlException.invalid("Table '" + ksName + "." + name + "' doesn't exist");
    }
    if (table.isView()) {
      throw CqlException.invalid("Cannot use ALTER TABLE on a materialized view; use ALTER MATERIALIZED VIEW instead");
    }
    List<TableMetadata> views = ks.viewsOf(table.id());
    if (!views.isEmpty() && alter.action() instanceof Statement.AlterTableAction.Drop d && !d.columns().isEmpty()) {
      throw CqlException.invalid("Cannot drop column " + d.columns().get(0) + " on base table " + name + " with materialized views");
    }
    TableMetadata updated = new TableAlterer(ks, table, clock.currentTimeMicros(), masks).apply(alter.action());
    if (updated == table) {
      return new Result.Void();
    }
    if (!views.isEmpty()) {
      List<TableMetadata> updatedViews = ViewSchemaChanges.follow(table, updated, views);
      schema.apply("alter table " + ksName + "." + name, s -> {
        KeyspaceMetadata k = s.keyspace(ksName).withTable(updated);
        for (TableMetadata v : updatedViews) {
          k = k.withTable(v);
        }
        return s.with(k, s.version());
      });
      return new Result.SchemaChange("UPDATED", "TABLE", ksName, name, List.of());
    }
    for (dev.ringlet.internal.schema.DroppedColumn d : updated.droppedColumns().values()) {
      if (!d.equals(table.droppedColumns().get(d.name()))) {
        tables.store(table).dropColumn(d.name(), d.droppedTimeMicros());
      }
    }
    schema.apply("alter table " + ksName + "." + name, s -> s.with(s.keyspace(ksName).withTable(updated), s.version()));
    return new Result.SchemaChange("UPDATED", "TABLE", ksName, name, List.of());
  }

  public Result truncate(Statement.Truncate truncate, ClientSession session) {
    String ksName = keyspaceOf(truncate.table(), session);
    TableMetadata table = schema.current().table(ksName, truncate.table().name());
    if (schema.current().keyspace(ksName) == null) {
      throw CqlException.invalid("keyspace " + ksName + " does not exist");
    }
    if (table == null) {
      throw CqlException.invalid("table " + truncate.table().name() + " does not exist");
    }
    checkUserModifiable(ksName);
    if (table.isView()) {
      throw CqlException.invalid("Cannot TRUNCATE materialized view directly; must truncate base table instead");
    }
    tables.store(table).truncate();
    for (TableMetadata view : schema.current().keyspace(ksName).viewsOf(table.id())) {
      tables.store(view).truncate();
    }
    return new Result.Void();
  }

  // ------------------------------------------------------------------ user types

  public Result createType(Statement.CreateType create, ClientSession session) {
    String ks = keyspaceOf(create.type(), session);
    checkUserModifiable(ks);
    return new UserTypeDdl(schema).create(create, ks);
  }

  public Result alterType(Statement.AlterType alter, ClientSession session) {
    String ks = keyspaceOf(alter.type(), session);
    checkUserModifiable(ks);
    return new UserTypeDdl(schema).alter(alter, ks);
  }

  public Result dropType(Statement.DropType drop, ClientSession session) {
    String ks = keyspaceOf(drop.type(), session);
    checkUserModifiable(ks);
    return new UserTypeDdl(schema).drop(drop, ks);
  }

  // ------------------------------------------------------------------ indexes

  public Result createIndex(Statement.CreateIndex create, ClientSession session) {
    String ks = keyspaceOf(create.table(), session);
    checkUserModifiable(ks);
    TableMetadata target = schema.current().table(ks, create.table().name());
    if (target != null && target.isView()) {
      throw CqlException.invalid("Secondary indexes on materialized views aren't supported");
    }
    return new IndexDdl(schema).create(create, ks);
  }

  public Result dropIndex(Statement.DropIndex drop, ClientSession session) {
    String ks = keyspaceOf(drop.index(), session);
    checkUserModifiable(ks);
    return new IndexDdl(schema).drop(drop, ks);
  }

  // ------------------------------------------------------------------ materialized views

  private volatile boolean restoringSchema;

  public Result createView(Statement.CreateMaterializedView create, ClientSession session) {
    String ksName = keyspaceOf(create.view(), session);
    checkUserModifiable(ksName);
    return views().createView(create, ksName);
  }

  public Result alterView(Statement.AlterMaterializedView alter, ClientSession session) {
    String ksName = keyspaceOf(alter.view(), session);
    checkUserModifiable(ksName);
    return views().alterView(alter, ksName);
  }

  public Result dropView(Statement.DropMaterializedView drop, ClientSession session) {
    String ksName = keyspaceOf(drop.view(), session);
    checkUserModifiable(ksName);
    return views().dropView(drop, ksName);
  }

  private ViewDdl views() {
    return new ViewDdl(schema, tableIds, new dev.ringlet.internal.exec.TermFunctions(clock, schema::current), materializedViews,
        tables, storage, clock).withoutBuild(restoringSchema);
  }

  /**
   * Whether the statements executed now recreate a saved schema (a durable node starting): a view
   * created then is not built from its base table, whose data (and the view's own) is still on disk.
   * Cassandra likewise does not rebuild a view that {@code system.built_views} lists.
   */
  public void restoringSchema(boolean restoring) {
    this.restoringSchema = restoring;
  }

  // ------------------------------------------------------------------ functions and aggregates

  public Result createFunction(Statement.CreateFunction create, ClientSession session) {
    return functions.createFunction(create, keyspaceOf(create.function(), session));
  }

  public Result dropFunction(Statement.DropFunction drop, ClientSession session) {
    return functions.dropFunction(drop, keyspaceOf(drop.function(), session));
  }

  public Result createAggregate(Statement.CreateAggregate create, ClientSession session) {
    return functions.createAggregate(create, keyspaceOf(create.aggregate(), session));
  }

  public Result dropAggregate(Statement.DropAggregate drop, ClientSession session) {
    return functions.dropAggregate(drop, keyspaceOf(drop.aggregate(), session));
  }

  /** The statement's keyspace, or the session's; Cassandra's message when there is none. */
  public static String keyspaceOf(QualifiedName name, ClientSession session) {
    if (name.keyspace() != null) {
      return name.keyspace();
    }
    if (session.keyspace() == null) {
      throw CqlException.invalid("No keyspace has been specified. USE a keyspace, or explicitly specify keyspace.tablename");
    }
    return session.keyspace();
  }

  private static void checkUserModifiable(String keyspace) {
    if (SystemNames.isSystem(keyspace)) {
      throw new CqlException(ErrorCode.UNAUTHORIZED, keyspace + " keyspace is not user-modifiable.");
    }
  }

  static void validateKeyspaceName(String name) {
    if (name.isEmpty() || !NAME.matcher(name).matches()) {
      throw CqlException.invalid("Keyspace name must not be empty and must contain alphanumeric or underscore characters only (got \""
          + name + "\")");
    }
    if (name.length() > MAX_NAME_LENGTH) {
      throw CqlException.invalid("Keyspace name must not be more than " + MAX_NAME_LENGTH + " characters long (got "
          + name.length() + " characters for \"" + name + "\")");
    }
  }

  static void validateTableName(String keyspace, String name) {
    if (name.isEmpty() || !NAME.matcher(name).matches()) {
      throw CqlException.config(keyspace + "." + name
          + ": Table name must not be empty or not contain non-alphanumeric-underscore characters (got \"" + name + "\")");
    }
  }
}
