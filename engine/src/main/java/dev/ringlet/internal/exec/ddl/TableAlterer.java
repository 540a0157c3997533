package dev.ringlet.internal.exec.ddl;

import dev.ringlet.internal.cql.ast.ColumnDefinition;
import dev.ringlet.internal.cql.ast.Statement;
import dev.ringlet.internal.error.CqlException;
import dev.ringlet.internal.schema.ColumnMetadata;
import dev.ringlet.internal.schema.DroppedColumn;
import dev.ringlet.internal.schema.KeyspaceMetadata;
import dev.ringlet.internal.schema.TableMetadata;
import dev.ringlet.internal.types.CqlType;
import java.util.ArrayList;
import java.util.List;

/** Applies ALTER TABLE to a table's metadata with Cassandra 5.0's restrictions. */
final class TableAlterer {

  private final KeyspaceMetadata keyspace;
  private final TableMetadata table;
  private final long nowMicros;
  /** Columns this statement drops, in order; the table's dropped columns are rebuilt with them. */
  private final List<DroppedColumn> newlyDropped = new ArrayList<>();
  private final ColumnMasks masks;

  TableAlterer(KeyspaceMetadata keyspace, TableMetadata table, long nowMicros, ColumnMasks masks) {
    this.keyspace = keyspace;
    this.table = table;
    this.nowMicros = nowMicros;
    this.masks = masks;
  }

  TableMetadata apply(Statement.AlterTableAction action) {
    if (action instanceof Statement.AlterTableAction.Add add) {
      return add(add);
    }
    if (action instanceof Statement.AlterTableAction.Drop drop) {
      return drop(drop);
    }
    if (action instanceof Statement.AlterTableAction.Rename rename) {
      return rename(rename);
    }
    if (action instanceof Statement.AlterTableAction.Mask mask) {
      return mask(mask);
    }
    if (action instanceof Statement.AlterTableAction.With with) {
      if (PropertyValues.of(with.properties()).containsKey("id")) {
        throw CqlException.config("Cannot alter table id.");
      }
      return new TableMetadata(table.keyspace(), table.name(), table.id(), table.partitionKey(), table.clustering(),
          table.others(), table.params().altered(PropertyValues.of(with.properties())), table.counter(), false, droppedAfter(), table.indexes());
    }
    throw CqlException.invalid("Altering column types is no longer supported");
  }

  private TableMetadata add(Statement.AlterTableAction.Add add) {
    List<ColumnMetadata> others = new ArrayList<>(table.others());
    boolean changed = false;
    for (ColumnDefinition d : add.columns()) {
      if (table.column(d.name()) != null) {
        if (add.ifNotExists()) {
          continue;
        }
        throw CqlException.invalid("Column with name '" + d.name() + "' already exists");
      }
      CqlType type = TypeResolver.resolve(d.type(), keyspace);
      dev.ringlet.internal.schema.ColumnMask mask = masks.prepare(d.mask(), table.keyspace(), table.name(), d.name(), type);
      if (d.isStatic() && table.clustering().isEmpty()) {
        throw CqlException.invalid("Static columns are only useful (and thus allowed) if the table has at least one clustering column");
      }
      checkReAddable(d.name(), type, d.isStatic());
      if (table.counter() != (type == dev.ringlet.internal.types.NativeType.COUNTER)) {
        throw CqlException.config(table.keyspace() + "." + table.name() + ": " + (table.counter()
            ? "Cannot have a non counter column (\"" + d.name() + "\") in a counter table"
            : "Cannot have a counter column (\"" + d.name() + "\") in a non counter table"));
      }
      others.add(new ColumnMetadata(d.name(), type, d.isStatic() ? ColumnMetadata.Kind.STATIC : ColumnMetadata.Kind.REGULAR, -1, false,
          mask));
      changed = true;
    }
    return changed ? with(table.partitionKey(), table.clustering(), others) : table;
  }

  /**
   * Cassandra 5.0's checks on adding a column of a dropped column's name: a type whose values the
   * dropped data can be read as, the same kind (static or regular), and never a counter.
   */
  private void checkReAddable(String name, CqlType type, boolean isStatic) {
    DroppedColumn d = table.droppedColumns().get(name);
    if (d == null) {
      return;
    }
    if (!DroppedColumnCompatibility.canReadDroppedData(UserTypeExpansion.expand(type), d.type())) {
      throw CqlException.invalid("Cannot add a column '" + name + "' of type " + type.cql()
          + ", incompatible with previously dropped column '" + name + "' of type " + d.type().cql());
    }
    if (d.isStatic() != isStatic) {
      throw CqlException.invalid("Cannot re-add previously dropped column '" + name + "' of kind "
          + (isStatic ? "STATIC" : "REGULAR") + ", incompatible with previous kind " + (d.isStatic() ? "STATIC" : "REGULAR"));
    }
    if (table.counter()) {
      throw CqlException.invalid("Cannot re-add previously dropped counter column " + name);
    }
  }

  /** {@code ALTER [IF EXISTS] c MASKED WITH ...} / {@code DROP MASKED}; the same mask again changes nothing. */
  private TableMetadata mask(Statement.AlterTableAction.Mask action) {
    ColumnMetadata c = table.column(action.column());
    if (c == null) {
      if (action.ifColumnExists()) {
        return table;
      }
      throw CqlException.invalid("Column with name '" + action.column() + "' doesn't exist on table '" + table.name() + "'");
    }
    dev.ringlet.internal.schema.ColumnMask mask = masks.prepare(action.mask(), table.keyspace(), table.name(), c.name(), c.type());
    if (java.util.Objects.equals(mask, c.mask())) {
      return table;
    }
    List<ColumnMetadata> pk = new ArrayList<>(table.partitionKey());
    List<ColumnMetadata> ck = new ArrayList<>(table.clustering());
    List<ColumnMetadata> others = new ArrayList<>(table.others());
    for (List<ColumnMetadata> columns : List.of(pk, ck, others)) {
      int i = columns.indexOf(c);
      if (i >= 0) {
        columns.set(i, c.withMask(mask));
      }
    }
    return with(pk, ck, others);
  }

  private TableMetadata drop(Statement.AlterTableAction.Drop drop) {
    List<ColumnMetadata> others = new ArrayList<>(table.others());
    boolean changed = false;
    for (String name : drop.columns()) {
      ColumnMetadata c = table.column(name);
      if (c == null) {
        if (drop.ifExists()) {
          continue;
        }
        throw CqlException.invalid("Column " + name + " was not found in table '" + table.keyspace() + "." + table.name() + "'");
      }
      if (c.isPrimaryKey()) {
        throw CqlException.invalid("Cannot drop PRIMARY KEY column " + name);
      }
      if (c.type() instanceof dev.ringlet.internal.types.UserType u && u.isMultiCell()) {
        throw CqlException.invalid("Cannot drop non-frozen column " + name + " of user type " + u.cql());
      }
      checkNoDependentIndexes("drop", name);
      others.remove(c);
      long at = nowMicros;
      if (drop.timestamp() != null) {
        at = Long.parseLong(((dev.ringlet.internal.cql.ast.Term.Constant) drop.timestamp()).text());
      }
      newlyDropped.add(new DroppedColumn(name, UserTypeExpansion.expand(c.type()), c.isStatic(), at));
      changed = true;
    }
    return changed ? with(table.partitionKey(), table.clustering(), others) : table;
  }

  private TableMetadata rename(Statement.AlterTableAction.Rename rename) {
    List<ColumnMetadata> pk = new ArrayList<>(table.partitionKey());
    List<ColumnMetadata> ck = new ArrayList<>(table.clustering());
    for (int i = 0; i < rename.from().size(); i++) {
      String from = rename.from().get(i);
      String to = rename.to().get(i);
      ColumnMetadata c = table.column(from);
      if (c == null) {
        if (rename.ifExists()) {
          continue;
        }
        throw CqlException.invalid("Undefined column name " + from + " in table " + table.keyspace() + "." + table.name());
      }
      if (!c.isPrimaryKey()) {
        throw CqlException.invalid("Cannot rename non PRIMARY KEY column " + from);
      }
      checkNoDependentIndexes("rename", from);
      if (table.column(to) != null) {
        throw CqlException.invalid("Cannot rename column " + from + " to " + to + " in table '" + table.name() + "'; another column with that name already exists");
      }
      ColumnMetadata renamed = new ColumnMetadata(to, c.type(), c.kind(), c.position(), c.reversed(), c.mask());
      if (c.kind() == ColumnMetadata.Kind.PARTITION_KEY) {
        pk.set(c.position(), renamed);
      } else {
        ck.set(c.position(), renamed);
      }
    }
    return with(pk, ck, table.others());
  }

  private void checkNoDependentIndexes(String action, String column) {
    List<String> names = table.indexesOn(column).stream().map(dev.ringlet.internal.schema.IndexMetadata::name).toList();
    if (!names.isEmpty()) {
      throw CqlException.invalid((action.equals("rename") ? "Can't " : "Cannot ") + action + " column " + column + " because it has dependent secondary indexes ("
          + String.join(", ", names) + ")");
    }
  }

  private TableMetadata with(List<ColumnMetadata> pk, List<ColumnMetadata> ck, List<ColumnMetadata> others) {
    return new TableMetadata(table.keyspace(), table.name(), table.id(), pk, ck, others, table.params(), table.counter(), false,
        droppedAfter(), table.indexes());
  }

  /** The table's dropped columns once rebuilt by this statement, in Cassandra's order. */
  private java.util.Map<String, DroppedColumn> droppedAfter() {
    return dev.ringlet.internal.schema.DroppedColumnOrder.rebuilt(table.droppedColumns(), newlyDropped);
  }
}
