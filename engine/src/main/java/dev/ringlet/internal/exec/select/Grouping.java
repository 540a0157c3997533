package dev.ringlet.internal.exec.select;

import dev.ringlet.internal.cql.ast.Selector;
import dev.ringlet.internal.error.CqlException;
import dev.ringlet.internal.exec.BoundValues;
import dev.ringlet.internal.exec.TermCompiler;
import dev.ringlet.internal.exec.functions.CompiledSelector;
import dev.ringlet.internal.exec.functions.NativeFunction;
import dev.ringlet.internal.exec.functions.SelectorCompiler;
import dev.ringlet.internal.schema.ColumnMetadata;
import dev.ringlet.internal.schema.TableMetadata;
import dev.ringlet.internal.storage.ClusteringComparator;
import dev.ringlet.internal.storage.LiveRow;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * {@code GROUP BY} as 5.0 groups rows ({@code AggregationSpecification}, {@code GroupMaker}): rows
 * of one partition whose first {@code clusteringPrefix} clustering values are equal form a group;
 * with a function of the last element ({@code GROUP BY k, floor(c, 1h)}), the last of those values
 * is compared through the function instead. A partition's static-only row is a group of its own.
 *
 * <p>The function is checked as 5.0 checks it: its column when the statement is prepared, and
 * whether it is monotonic when it is executed ({@link #validate}).
 */
final class Grouping {

  private final ClusteringComparator comparator;
  private final int clusteringPrefix;
  /** The function of the last element, or null. */
  private final CompiledSelector function;
  private final SelectorCompiler compiler;

  private Grouping(ClusteringComparator comparator, int clusteringPrefix, CompiledSelector function,
      SelectorCompiler compiler) {
    this.comparator = comparator;
    this.clusteringPrefix = clusteringPrefix;
    this.function = function;
    this.compiler = compiler;
  }

  /**
   * The grouping of {@code groupBy} (not empty), with 5.0's checks in its order
   * ({@code SelectStatement.RawStatement.getAggregationSpecFactory}); {@code eqRestricted} tells the
   * primary key columns the WHERE clause restricts by equality, which the elements may skip.
   */
  static Grouping of(TableMetadata table, List<Selector> groupBy, Predicate<ColumnMetadata> eqRestricted, boolean distinct,
      TermCompiler terms, ClusteringComparator comparator) {
    List<ColumnMetadata> key = new ArrayList<>(table.partitionKey());
    key.addAll(table.clustering());
    Iterator<ColumnMetadata> pk = key.iterator();
    int clusteringPrefix = 0;
    CompiledSelector function = null;
    SelectorCompiler compiler = null;
    for (Selector element : groupBy) {
      ColumnMetadata column;
      if (element instanceof Selector.Function) {
        compiler = new SelectorCompiler(table, terms.functions().registry(), terms);
        function = compiler.compile(element);
        SelectorCompiler.Call call = compiler.call(function);
        if (call.function() instanceof NativeFunction.Aggregate) {
          throw CqlException.invalid("Aggregate functions are not supported within the GROUP BY clause, got: "
              + NativeFunction.qualified(call.function().name()));
        }
        List<ColumnMetadata> columns = new ArrayList<>();
        collectColumns(compiler, function, columns);
        if (columns.isEmpty()) {
          throw CqlException.invalid("GROUP BY functions must have one clustering column name as parameter");
        }
        if (columns.size() > 1) {
          throw CqlException.invalid("GROUP BY functions accept only one clustering column as parameter, got: "
              + columns.stream().map(ColumnMetadata::name).collect(Collectors.joining(",")));
        }
        column = columns.get(0);
        if (column.kind() != ColumnMetadata.Kind.CLUSTERING) {
          throw CqlException.invalid("Group by functions are only supported on clustering columns, got " + column.name());
        }
      } else if (element instanceof Selector.Column c) {
        column = table.column(c.name());
        if (column == null) {
          throw CqlException.invalid("Undefined column name " + dev.ringlet.internal.cql.parse.Identifiers.maybeQuote(c.name())
              + " in table " + table.keyspace() + "." + table.name());
        }
        if (!column.isPrimaryKey()) {
          throw CqlException.invalid("Group by is currently only supported on the columns of the PRIMARY KEY, got " + column.name());
        }
        if (function != null) {
          throw CqlException.invalid("Functions are only supported on the last element of the GROUP BY clause");
        }
      } else {
        throw CqlException.invalid("Only column names and monotonic scalar functions are supported in the GROUP BY clause.");
      }
      while (true) {
        if (!pk.hasNext()) {
          throw outOfOrder();
        }
        ColumnMetadata next = pk.next();
        if (next.kind() == ColumnMetadata.Kind.CLUSTERING) {
          clusteringPrefix++;
        }
        if (next == column) {
          break;
        }
        if (!eqRestricted.test(next)) {
          throw outOfOrder();
        }
      }
    }
    if (pk.hasNext() && pk.next().kind() == ColumnMetadata.Kind.PARTITION_KEY) {
      throw CqlException.invalid("Group by is not supported on only a part of the partition key");
    }
    if (clusteringPrefix > 0 && distinct) {
      throw CqlException.invalid("Grouping on clustering columns is not allowed for SELECT DISTINCT queries");
    }
    return new Grouping(comparator, clusteringPrefix, function, compiler);
  }

  private static CqlException outOfOrder() {
    return CqlException.invalid("Group by currently only support groups of columns following their declared order in the PRIMARY KEY");
  }

  /** The columns {@code s} reads, each once, in the order its arguments name them. */
  private static void collectColumns(SelectorCompiler compiler, CompiledSelector s, List<ColumnMetadata> out) {
    ColumnMetadata column = compiler.column(s);
    if (column != null && !out.contains(column)) {
      out.add(column);
    }
    SelectorCompiler.Call call = compiler.call(s);
    if (call != null) {
      for (CompiledSelector arg : call.arguments()) {
        collectColumns(compiler, arg, out);
      }
    }
  }

  /**
   * 5.0's checks when it instantiates the grouping for an execution, before it reads: the calls of
   * terminals in the function are evaluated, and every call left must be monotonic.
   */
  void validate(BoundValues values) {
    if (function == null) {
      return;
    }
    for (CompiledSelector call : compiler.terminalCalls()) {
      call.valueOf(null, values);
    }
    validate(function);
  }

  private void validate(CompiledSelector s) {
    SelectorCompiler.Call call = compiler.call(s);
    if (call == null) {
      if (compiler.column(s) == null) {
        throw CqlException.invalid("Only column names and monotonic scalar functions are supported in the GROUP BY clause.");
      }
      return;
    }
    List<Boolean> constant = call.arguments().stream().map(compiler::isTerminal).toList();
    if (!call.monotonic(constant)) {
      throw CqlException.invalid("Only monotonic functions are supported in the GROUP BY clause. Got: " + describe(call, constant));
    }
    for (int i = 0; i < constant.size(); i++) {
      if (!constant.get(i) || !call.pure()) {
        validate(call.arguments().get(i));
      }
    }
  }

  /**
   * How 5.0 prints the function in its refusal: {@code system.abs : (int) -> int }, the constant
   * arguments of a partial application marked ({@code duration(constant)}).
   */
  private static String describe(SelectorCompiler.Call call, List<Boolean> constant) {
    NativeFunction fn = call.function();
    boolean partial = call.pure() && constant.contains(true);
    List<String> args = new ArrayList<>();
    for (int i = 0; i < fn.argTypes().size(); i++) {
      args.add(fn.argTypes().get(i).cql() + (partial && constant.get(i) ? "(constant)" : ""));
    }
    return NativeFunction.qualified(fn.name()) + " : (" + String.join(", ", args) + ") -> " + fn.returnType().cql() + " ";
  }

  /** A fresh grouping state for one read. */
  Maker maker(BoundValues values) {
    return new Maker(values);
  }

  /** Tells where groups start in a sequence of rows (5.0's {@code GroupMaker}). */
  final class Maker {

    private final BoundValues values;
    private boolean started;
    private ByteBuffer lastPartition;
    private LiveRow lastRow;
    private ByteBuffer lastOutput;

    private Maker(BoundValues values) {
      this.values = values;
    }

    /**
     * Whether {@code row} (of the partition {@code partitionKey}; a null row is the partition's
     * static-only row) starts a new group. The function may throw, as 5.0's does on its replica.
     */
    boolean isNewGroup(ByteBuffer partitionKey, RowAccess access) {
      LiveRow row = access.row();
      ByteBuffer output = function == null || row == null ? null : function.valueOf(access, values);
      boolean newGroup = !started || !partitionKey.equals(lastPartition) || lastRow == null || row == null
          || !sameClustering(lastRow, row) || function != null && compareOutput(output) != 0;
      started = true;
      lastPartition = partitionKey;
      lastRow = row;
      lastOutput = output;
      return newGroup;
    }

    private boolean sameClustering(LiveRow a, LiveRow b) {
      int compared = function == null ? clusteringPrefix : clusteringPrefix - 1;
      for (int i = 0; i < compared; i++) {
        if (comparator.compareComponent(i, a.clustering().get(i), b.clustering().get(i)) != 0) {
          return false;
        }
      }
      return true;
    }

    private int compareOutput(ByteBuffer output) {
      if (output == null) {
        return lastOutput == null ? 0 : -1;
      }
      return lastOutput == null ? 1 : function.type().compare(output, lastOutput);
    }
  }
}
