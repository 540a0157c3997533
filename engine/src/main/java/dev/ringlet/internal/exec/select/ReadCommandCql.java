package dev.ringlet.internal.exec.select;

import dev.ringlet.internal.exec.BoundValues;
import dev.ringlet.internal.exec.PartitionKeys;
import dev.ringlet.internal.schema.ColumnMetadata;
import dev.ringlet.internal.schema.TableMetadata;
import dev.ringlet.internal.storage.DecoratedKey;
import dev.ringlet.internal.storage.RowSlice;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A SELECT's read commands as Cassandra 5.0 prints them in tombstone warnings
 * ({@code ReadCommand.toCQLString}): {@code SELECT v FROM ks.t WHERE k = 1 AND c >= 1 AND v = 0 ORDER BY c DESC
 * LIMIT 5000 ALLOW FILTERING}, with the static and regular columns read, the partition key's value
 * (for a single-partition command), the clustering slice the command reads (narrowed by paging),
 * the row filter, the reversed order, the command's row limit and Cassandra's unconditional
 * {@code ALLOW FILTERING}. The columns read include those the row filter tests. A slice prints each
 * clustering column's bounds on its own ({@code c1 >= 0 AND c2 >= 1} for {@code (c1, c2) >= (0, 1)}),
 * named rows as {@code c IN (...)} or {@code (c1, c2) IN ((...), ...)}, as 5.0.9's
 * {@code Slices.toCQLString} and {@code ClusteringIndexNamesFilter.toCQLString} do.
 */
final class ReadCommandCql {

  private static final Pattern UNQUOTED = Pattern.compile("[a-z][a-z0-9_]*");

  /** One restriction of a regular or static column: Cassandra's row filter prints them after the clustering. */
  record Filter(ColumnMetadata column, RowFilter.Factory expression) {}

  private final List<dev.ringlet.internal.cql.ast.Selector.Aliased> selectors;
  private final List<Filter> filters;

  ReadCommandCql(List<dev.ringlet.internal.cql.ast.Selector.Aliased> selectors, List<Filter> filters) {
    this.selectors = List.copyOf(selectors);
    this.filters = List.copyOf(filters);
  }

  /**
   * One command: of the partition {@code key} (null: a scan), reading {@code slice} (its bounds and
   * direction), at most {@code limit} rows ({@link Integer#MAX_VALUE}: none printed).
   */
  String of(SelectPlan plan, BoundValues values, DecoratedKey key, RowSlice slice,
      List<dev.ringlet.internal.storage.Clustering> names, int limit, int perPartitionLimit) {
    return of(plan, values, key, slice, names, limit, perPartitionLimit, null, false, Integer.MAX_VALUE);
  }

  /**
   * A scan's command that starts at the partition {@code scanFrom} (a later page: 5.0's pager
   * restricts the range to {@code token(k) >= token(<that key>)}, or {@code >} when the partition
   * is done, and prints no clustering position), or at the start of the ring when null. A
   * {@code GROUP BY} query's command prints 5.0's group limits instead: {@code GROUP LIMIT limit},
   * {@code GROUP PER PARTITION LIMIT perPartitionLimit}, then its row limit {@code LIMIT pageSize}
   * (the page size it reads groups by; 10,000 unpaged).
   */
  String of(SelectPlan plan, BoundValues values, DecoratedKey key, RowSlice slice,
      List<dev.ringlet.internal.storage.Clustering> names, int limit, int perPartitionLimit, DecoratedKey scanFrom,
      boolean fromInclusive, int pageSize) {
    TableMetadata table = plan.table();
    StringBuilder sb = new StringBuilder("SELECT ").append(columns(table, selectors, filters)).append(" FROM ")
        .append(quote(table.keyspace())).append('.').append(quote(table.name()));
    List<String> where = new ArrayList<>();
    if (key == null && scanFrom == null) {
      // the scan's token restrictions: 5.0's DataRange prints its key range with their operators
      RowFilter filter = plan.rowFilter(values);
      for (RowFilter.Expression e : filter == null ? List.<RowFilter.Expression>of() : filter.expressions()) {
        if (e.kind() == RowFilter.Kind.TOKEN) {
          List<String> keyNames = new ArrayList<>();
          table.partitionKey().forEach(c -> keyNames.add(quote(c.name())));
          where.add("token(" + String.join(", ", keyNames) + ") " + e.operator() + " "
              + e.values().get(0).getLong(e.values().get(0).position()));
        }
      }
    }
    if (key == null && scanFrom != null) {
      List<ColumnMetadata> pk = table.partitionKey();
      List<ByteBuffer> components = PartitionKeys.split(table, scanFrom.key());
      List<String> keyNames = new ArrayList<>();
      List<String> literals = new ArrayList<>();
      for (int i = 0; i < pk.size(); i++) {
        keyNames.add(quote(pk.get(i).name()));
        literals.add(pk.get(i).type().toCqlLiteral(components.get(i)));
      }
      where.add("token(" + String.join(", ", keyNames) + ") " + (fromInclusive ? ">=" : ">") + " token("
          + String.join(", ", literals) + ")");
    }
    if (key != null) {
      List<ColumnMetadata> pk = table.partitionKey();
      List<ByteBuffer> components = PartitionKeys.split(table, key.key());
      List<String> keyNames = new ArrayList<>();
      List<String> literals = new ArrayList<>();
      for (int i = 0; i < pk.size(); i++) {
        keyNames.add(quote(pk.get(i).name()));
        literals.add(pk.get(i).type().toCqlLiteral(components.get(i)));
      }
      if (pk.size() == 1) {
        where.add(keyNames.get(0) + " = " + literals.get(0));
      } else {
        where.add("(" + String.join(", ", keyNames) + ") = (" + String.join(", ", literals) + ")");
      }
    }
    if (names != null) {
      names(table, names, where);
    } else if (slice != null) {
      clustering(table, slice, where);
    }
    for (Filter f : filters) {
      RowFilter.Expression e = f.expression().bind(values);
      if (!e.values().contains(null) && !e.values().contains(dev.ringlet.internal.exec.QueryOptions.UNSET)) {
        where.add(e.cql(f.column()));
      }
    }
    if (!where.isEmpty()) {
      sb.append(" WHERE ").append(String.join(" AND ", where));
    }
    if (slice != null && slice.reversed() && !table.clustering().isEmpty()) {
      List<String> order = new ArrayList<>();
      for (ColumnMetadata c : table.clustering()) {
        order.add(quote(c.name()) + (c.reversed() ? " ASC" : " DESC"));
      }
      sb.append(" ORDER BY ").append(String.join(", ", order));
    }
    if (plan.grouping() != null) {
      // 5.0's CQLGroupByLimits: the groups the page reads, then its rows
      if (limit != Integer.MAX_VALUE) {
        sb.append(" GROUP LIMIT ").append(limit);
      }
      if (perPartitionLimit != Integer.MAX_VALUE) {
        sb.append(" GROUP PER PARTITION LIMIT ").append(perPartitionLimit);
      }
      return sb.append(" LIMIT ").append(pageSize == Integer.MAX_VALUE ? 10_000 : pageSize).append(" ALLOW FILTERING")
          .toString();
    }
    if (limit != Integer.MAX_VALUE) {
      sb.append(" LIMIT ").append(limit);
    }
    if (perPartitionLimit != Integer.MAX_VALUE) {
      sb.append(" PER PARTITION LIMIT ").append(perPartitionLimit);
    }
    return sb.append(" ALLOW FILTERING").toString();
  }

  /** A names read: {@code c = 1}, {@code c IN (1, 2)}, or the tuple forms for several clustering columns. */
  private static void names(TableMetadata table, List<dev.ringlet.internal.storage.Clustering> names, List<String> where) {
    List<ColumnMetadata> columns = table.clustering();
    List<String> tuples = new ArrayList<>();
    for (dev.ringlet.internal.storage.Clustering c : names) {
      List<String> literals = new ArrayList<>();
      for (int i = 0; i < c.size(); i++) {
        literals.add(columns.get(i).type().toCqlLiteral(c.get(i)));
      }
      tuples.add(literals.size() == 1 ? literals.get(0) : "(" + String.join(", ", literals) + ")");
    }
    List<String> quoted = new ArrayList<>();
    columns.forEach(c -> quoted.add(quote(c.name())));
    String lhs = quoted.size() == 1 ? quoted.get(0) : "(" + String.join(", ", quoted) + ")";
    if (names.size() == 1) {
      where.add(lhs + " = " + tuples.get(0));
    } else {
      where.add(lhs + " IN (" + String.join(", ", tuples) + ")");
    }
  }

  /**
   * The slice's bounds column by column, as 5.0.9 prints a slice: a column whose start and end
   * components are equal as {@code c = v}, else its start component ({@code c >= v}, {@code c > v})
   * and its end component ({@code c <= v}, {@code c < v}; the operators turned for a DESC column),
   * up to the first column neither bound reaches.
   */
  private static void clustering(TableMetadata table, RowSlice slice, List<String> where) {
    List<ColumnMetadata> columns = table.clustering();
    List<ByteBuffer> start = slice.start().prefix().values();
    List<ByteBuffer> end = slice.end().prefix().values();
    for (int i = 0; i < columns.size(); i++) {
      if (i >= start.size() && i >= end.size()) {
        return;
      }
      ColumnMetadata c = columns.get(i);
      ByteBuffer from = i < start.size() ? start.get(i) : null;
      ByteBuffer to = i < end.size() ? end.get(i) : null;
      if (java.util.Objects.equals(from, to)) {
        where.add(quote(c.name()) + " = " + c.type().toCqlLiteral(from));
        continue;
      }
      boolean fromInclusive = i >= start.size() || slice.start().inclusive();
      boolean toInclusive = i >= end.size() || slice.end().inclusive();
      if (from != null) {
        String op = c.reversed() ? (fromInclusive ? "<=" : "<") : (fromInclusive ? ">=" : ">");
        where.add(quote(c.name()) + " " + op + " " + c.type().toCqlLiteral(from));
      }
      if (to != null) {
        String op = c.reversed() ? (toInclusive ? ">=" : ">") : (toInclusive ? "<=" : "<");
        where.add(quote(c.name()) + " " + op + " " + c.type().toCqlLiteral(to));
      }
    }
  }

  /**
   * The static and regular columns the command reads, those its row filter tests included, as
   * Cassandra's column filter prints them (statics first, then by name), or {@code *} when it reads
   * all of them ({@code SELECT *}) or none (only key columns, {@code count(*)}).
   */
  private static String columns(TableMetadata table, List<dev.ringlet.internal.cql.ast.Selector.Aliased> selectors,
      List<Filter> filters) {
    java.util.Set<String> names = new java.util.HashSet<>();
    for (dev.ringlet.internal.cql.ast.Selector.Aliased a : selectors) {
      collect(a.selector(), names);
    }
    if (!selectors.isEmpty()) {
      filters.forEach(f -> names.add(f.column().name()));
    }
    List<ColumnMetadata> queried = new ArrayList<>();
    for (String name : names) {
      ColumnMetadata c = table.column(name);
      if (c != null && c.kind() != ColumnMetadata.Kind.PARTITION_KEY && c.kind() != ColumnMetadata.Kind.CLUSTERING) {
        queried.add(c);
      }
    }
    if (queried.isEmpty()) {
      return "*";
    }
    queried.sort(java.util.Comparator.comparing((ColumnMetadata c) -> !c.isStatic()).thenComparing(ColumnMetadata::name));
    List<String> out = new ArrayList<>();
    queried.forEach(c -> out.add(quote(c.name())));
    return String.join(", ", out);
  }

  private static void collect(dev.ringlet.internal.cql.ast.Selector s, java.util.Set<String> names) {
    if (s instanceof dev.ringlet.internal.cql.ast.Selector.Column c) {
      names.add(c.name());
    } else if (s instanceof dev.ringlet.internal.cql.ast.Selector.WriteTimeOrTtl w) {
      collect(w.column(), names);
    } else if (s instanceof dev.ringlet.internal.cql.ast.Selector.Function f) {
      f.arguments().forEach(a -> collect(a, names));
    } else if (s instanceof dev.ringlet.internal.cql.ast.Selector.Cast c) {
      collect(c.selector(), names);
    } else if (s instanceof dev.ringlet.internal.cql.ast.Selector.Field f) {
      collect(f.selector(), names);
    } else if (s instanceof dev.ringlet.internal.cql.ast.Selector.Element e) {
      collect(e.selector(), names);
    } else if (s instanceof dev.ringlet.internal.cql.ast.Selector.Slice sl) {
      collect(sl.selector(), names);
    } else if (s instanceof dev.ringlet.internal.cql.ast.Selector.Arithmetic a) {
      collect(a.left(), names);
      collect(a.right(), names);
    }
  }

  static String quote(String name) {
    return UNQUOTED.matcher(name).matches() ? name : "\"" + name.replace("\"", "\"\"") + "\"";
  }
}
