package dev.ringlet.internal.exec.select;

import dev.ringlet.internal.cql.ast.Selector;
import dev.ringlet.internal.exec.BoundValues;
import dev.ringlet.internal.exec.ColumnSpec;
import dev.ringlet.internal.exec.TermCompiler;
import dev.ringlet.internal.exec.TermFunctions;
import dev.ringlet.internal.exec.Variables;
import dev.ringlet.internal.exec.functions.CompiledSelector;
import dev.ringlet.internal.exec.functions.FunctionRegistry;
import dev.ringlet.internal.exec.functions.SelectorCompiler;
import dev.ringlet.internal.schema.ColumnMetadata;
import dev.ringlet.internal.schema.TableMetadata;
import dev.ringlet.internal.time.Clock;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The result columns of a SELECT and how each is computed. The selectors are compiled by
 * {@link SelectorCompiler}; bind markers among them are read from the values given to
 * {@link #outputs(BoundValues)}.
 */
public final class Selection {

  private final List<ColumnSpec> columns;
  private final List<CompiledSelector> selectors;
  private final boolean aggregate;
  private final boolean plainColumns;
  /** The pure function calls of terminals anywhere in the selection, innermost first. */
  private final List<CompiledSelector> terminalCalls;
  /** Which result columns are terminals, whose value is the same for every row of an execution. */
  private final boolean[] terminal;

  private Selection(List<ColumnSpec> columns, List<CompiledSelector> selectors, boolean plainColumns,
      dev.ringlet.internal.exec.functions.SelectorCompiler compiler) {
    this.columns = List.copyOf(columns);
    this.selectors = List.copyOf(selectors);
    this.aggregate = selectors.stream().anyMatch(CompiledSelector::aggregate);
    this.plainColumns = plainColumns;
    this.terminalCalls = compiler.terminalCalls();
    this.terminal = new boolean[selectors.size()];
    for (int i = 0; i < terminal.length; i++) {
      terminal[i] = compiler.isTerminal(selectors.get(i)) && !selectors.get(i).aggregate();
    }
  }

  /**
   * Evaluates the selection's pure function calls of terminals with {@code values}, as 5.0 does
   * once per execution before it reads (when it instantiates its selectors): a call that fails
   * fails the query whether or not any row is read.
   */
  public void evaluateTerminalCalls(BoundValues values) {
    for (CompiledSelector call : terminalCalls) {
      call.valueOf(null, values);
    }
  }

  /**
   * Whether every result column is a column of the table as stored (no function, cast, literal,
   * bind marker, field or element, and no column mask): a row's values depend on the row alone.
   */
  public boolean plainColumns() {
    return plainColumns;
  }

  public List<ColumnSpec> columns() {
    return columns;
  }

  /** The outputs of a selection without bind markers. */
  public List<Output> outputs() {
    return outputs(BoundValues.NONE);
  }

  /** The outputs, bind markers of the selection reading {@code values}. */
  public List<Output> outputs(BoundValues values) {
    List<Output> out = new ArrayList<>(selectors.size());
    for (int i = 0; i < selectors.size(); i++) {
      CompiledSelector s = selectors.get(i);
      if (aggregate && s.aggregate()) {
        out.add(new Output.Aggregated(() -> accumulator(s.evaluator().apply(values))));
      } else if (terminal[i]) {
        // 5.0's TermSelector: one value for every row of the execution (uuid() included)
        ByteBuffer[] value = new ByteBuffer[1];
        boolean[] known = new boolean[1];
        out.add(new Output.PerRow(row -> {
          if (!known[0]) {
            value[0] = s.valueOf(row, values);
            known[0] = true;
          }
          return value[0] == null ? null : value[0].duplicate();
        }, true));
      } else {
        out.add(new Output.PerRow(row -> s.valueOf(row, values)));
      }
    }
    return out;
  }

  private static Output.Accumulator accumulator(CompiledSelector.Evaluator e) {
    return new Output.Accumulator() {
      @Override
      public void add(RowAccess row) {
        e.add(row);
      }

      @Override
      public java.nio.ByteBuffer result() {
        return e.result();
      }
    };
  }

  public boolean isAggregate() {
    return aggregate;
  }

  /** The selection for {@code selectors} (empty: {@code *}); {@code terms} compiles bind markers and literals. */
  public static Selection of(TableMetadata table, List<Selector.Aliased> selectors, FunctionRegistry functions,
      TermCompiler terms) {
    return of(table, selectors, functions, terms, false);
  }

  /** As {@link #of(TableMetadata, List, FunctionRegistry, TermCompiler)}; with {@code masked}, through the column masks. */
  public static Selection of(TableMetadata table, List<Selector.Aliased> selectors, FunctionRegistry functions,
      TermCompiler terms, boolean masked) {
    List<ColumnSpec> specs = new ArrayList<>();
    List<CompiledSelector> compiled = new ArrayList<>();
    if (selectors.isEmpty()) {
      SelectorCompiler compiler = new SelectorCompiler(table, functions, terms, masked);
      for (ColumnMetadata c : table.columns()) {
        specs.add(spec(table, c.name(), c));
        compiled.add(compiler.compile(new Selector.Column(c.name())));
      }
      return new Selection(specs, compiled, !masked || !table.hasMaskedColumns(), compiler);
    }
    SelectorCompiler compiler = new SelectorCompiler(table, functions, terms, masked);
    for (Selector.Aliased a : selectors) {
      CompiledSelector s = compiler.compile(a.selector());
      specs.add(new ColumnSpec(table.keyspace(), table.name(), a.alias() != null ? a.alias() : s.name(), s.type()));
      compiled.add(s);
    }
    boolean plain = !masked || !table.hasMaskedColumns();
    for (Selector.Aliased a : selectors) {
      plain &= a.selector() instanceof Selector.Column;
    }
    return new Selection(specs, compiled, plain, compiler);
  }

  private static ColumnSpec spec(TableMetadata table, String name, ColumnMetadata c) {
    return new ColumnSpec(table.keyspace(), table.name(), name, c.type());
  }
}
