package dev.ringlet.internal.exec.select;

import dev.ringlet.internal.cql.ast.Selector;
import dev.ringlet.internal.error.CqlException;
import dev.ringlet.internal.exec.ColumnSpec;
import dev.ringlet.internal.schema.ColumnMetadata;
import dev.ringlet.internal.schema.TableMetadata;
import dev.ringlet.internal.storage.Cell;
import dev.ringlet.internal.types.CqlType;
import dev.ringlet.internal.types.NativeType;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** The result columns of a SELECT and how each is computed. */
public final class Selection {

  private final List<ColumnSpec> columns;
  private final List<Output> outputs;
  private final boolean aggregate;
  private final boolean selectsStatic;

  private Selection(List<ColumnSpec> columns, List<Output> outputs, boolean selectsStatic) {
    this.columns = List.copyOf(columns);
    this.outputs = List.copyOf(outputs);
    this.aggregate = outputs.stream().anyMatch(o -> o instanceof Output.Aggregated);
    this.selectsStatic = selectsStatic;
  }

  public List<ColumnSpec> columns() {
    return columns;
  }

  public List<Output> outputs() {
    return outputs;
  }

  public boolean isAggregate() {
    return aggregate;
  }

  /** Whether a partition's static-only row should appear (it selects a static column, or {@code *}). */
  public boolean selectsStatic() {
    return selectsStatic;
  }

  /** The selection for {@code selectors} (empty: {@code *}) on {@code table}. */
  public static Selection of(TableMetadata table, List<Selector.Aliased> selectors) {
    List<ColumnSpec> specs = new ArrayList<>();
    List<Output> outputs = new ArrayList<>();
    if (selectors.isEmpty()) {
      for (ColumnMetadata c : table.columns()) {
        specs.add(spec(table, c.name(), c.type()));
        outputs.add(new Output.PerRow(row -> row.value(c)));
      }
      return new Selection(specs, outputs, table.hasStatics());
    }
    boolean statics = false;
    for (Selector.Aliased a : selectors) {
      Compiled compiled = compile(table, a.selector());
      specs.add(spec(table, a.alias() != null ? a.alias() : compiled.name, compiled.type));
      outputs.add(compiled.output);
      statics |= compiled.usesStatic;
    }
    return new Selection(specs, outputs, statics);
  }

  private static ColumnSpec spec(TableMetadata table, String name, CqlType type) {
    return new ColumnSpec(table.keyspace(), table.name(), name, type);
  }

  private record Compiled(String name, CqlType type, Output output, boolean usesStatic) {}

  private static Compiled compile(TableMetadata table, Selector selector) {
    if (selector instanceof Selector.Column col) {
      ColumnMetadata c = column(table, col.name());
      return new Compiled(c.name(), c.type(), new Output.PerRow(row -> row.value(c)), c.isStatic());
    }
    if (selector instanceof Selector.CountAll) {
      return new Compiled("count", NativeType.BIGINT, new Output.Aggregated(Aggregates::countRows), false);
    }
    if (selector instanceof Selector.WriteTimeOrTtl w) {
      return writeTimeOrTtl(table, w);
    }
    if (selector instanceof Selector.Function f) {
      return function(table, f);
    }
    throw CqlException.invalid("Unsupported selector " + selector);
  }

  private static Compiled writeTimeOrTtl(TableMetadata table, Selector.WriteTimeOrTtl w) {
    String fn = w.kind().name().toLowerCase(java.util.Locale.ROOT);
    if (!(w.column() instanceof Selector.Column col)) {
      throw CqlException.invalid("Invalid selection for " + fn);
    }
    ColumnMetadata c = column(table, col.name());
    if (c.isPrimaryKey()) {
      throw CqlException.invalid("Cannot use selection function " + fn + " on PRIMARY KEY part " + c.name());
    }
    String name = fn + "(" + c.name() + ")";
    if (w.kind() == Selector.WriteTimeOrTtl.Kind.TTL) {
      return new Compiled(name, NativeType.INT, new Output.PerRow(row -> {
        Cell cell = row.cell(c);
        if (cell == null || cell.ttl() == 0) {
          return null;
        }
        return NativeType.INT.encode(cell.remainingTtl(row.nowInSeconds()));
      }), c.isStatic());
    }
    return new Compiled(name, NativeType.BIGINT, new Output.PerRow(row -> {
      Cell cell = row.cell(c);
      return cell == null ? null : NativeType.BIGINT.encode(cell.timestamp());
    }), c.isStatic());
  }

  private static Compiled function(TableMetadata table, Selector.Function f) {
    String name = f.function().name();
    List<Selector> args = f.arguments();
    if (name.equals("token")) {
      List<String> names = new ArrayList<>();
      for (Selector s : args) {
        if (!(s instanceof Selector.Column col)) {
          throw CqlException.invalid("Invalid argument for token()");
        }
        names.add(column(table, col.name()).name());
      }
      List<String> expected = table.partitionKey().stream().map(ColumnMetadata::name).toList();
      if (!names.equals(expected)) {
        throw CqlException.invalid("Type error: " + String.join(", ", names)
            + " cannot be passed as argument 0 of function system.token of type " + expected);
      }
      return new Compiled("system.token(" + String.join(", ", names) + ")", NativeType.BIGINT,
          new Output.PerRow(row -> NativeType.BIGINT.encode(row.token())), false);
    }
    if (args.size() == 1 && args.get(0) instanceof Selector.Column col) {
      ColumnMetadata c = column(table, col.name());
      String display = "system." + name + "(" + c.name() + ")";
      switch (name) {
        case "count":
          return new Compiled(display, NativeType.BIGINT, new Output.Aggregated(() -> Aggregates.count(c)), false);
        case "min":
        case "max":
          boolean max = name.equals("max");
          return new Compiled(display, c.type(), new Output.Aggregated(() -> Aggregates.minMax(c, max)), false);
        case "sum":
        case "avg":
          boolean avg = name.equals("avg");
          Aggregates.sumOrAvg(c, avg);
          return new Compiled(display, c.type(), new Output.Aggregated(() -> Aggregates.sumOrAvg(c, avg)), false);
        default:
          break;
      }
    }
    if (args.size() == 1 && args.get(0) instanceof Selector.Value v && name.equals("count")) {
      return new Compiled("count", NativeType.BIGINT, new Output.Aggregated(Aggregates::countRows), false);
    }
    throw CqlException.invalid("Unknown function '" + f.function() + "'");
  }

  static ColumnMetadata column(TableMetadata table, String name) {
    ColumnMetadata c = table.column(name);
    if (c == null) {
      throw CqlException.invalid("Undefined column name " + name + " in table " + table.keyspace() + "." + table.name());
    }
    return c;
  }
}
