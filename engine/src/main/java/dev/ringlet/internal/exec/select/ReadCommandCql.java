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
  /** The clustering restrictions, whose row filter part (those the slices do not reach) is printed too; null: none. */
  private final ClusteringBounds clustering;

  ReadCommandCql(List<dev.ringlet.internal.cql.ast.Selector.Aliased> selectors, List<Filter> filters) {
    this(selectors, filters, null);
  }

  ReadCommandCql(List<dev.ringlet.internal.cql.ast.Selector.Aliased> selectors, List<Filter> filters,
      ClusteringBounds clustering) {
    this.selectors = List.copyOf(selectors);
    this.filters = List.copyOf(filters);
    this.clustering = clustering;
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
    // what the clustering filter prints, 5.0's RowFilter.without leaves out of the row filter
    List<Printed> printed = new ArrayList<>();
    if (names != null) {
      names(table, names, where, printed);
    } else if (slice != null) {
      clustering(table, slice.slices(), where, printed);
    }
    if (clustering != null) {
      for (ClusteringBounds.Filtered f : clustering.filtered(values)) {
        if (!printed.contains(new Printed(f.column().name(), f.operator(), f.values()))) {
          where.add(f.cql());
        }
      }
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

  /** A relation the clustering filter printed: 5.0 drops the row filter's expression of it. */
  private record Printed(String column, dev.ringlet.internal.cql.ast.Operator operator, List<ByteBuffer> values) {}

  /** A names read: {@code c = 1}, {@code c IN (1, 2)}, or the tuple forms for several clustering columns. */
  private static void names(TableMetadata table, List<dev.ringlet.internal.storage.Clustering> names, List<String> where,
      List<Printed> printed) {
    List<ColumnMetadata> columns = table.clustering();
    List<String> tuples = new ArrayList<>();
    for (dev.ringlet.internal.storage.Clustering c : names) {
      List<String> literals = new ArrayList<>();
      for (int i = 0; i < c.size(); i++) {
        literals.add(columns.get(i).type().toCqlLiteral(c.get(i)));
        printed.add(new Printed(columns.get(i).name(), dev.ringlet.internal.cql.ast.Operator.EQ,
            java.util.Collections.singletonList(c.get(i))));
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
   * The slices' bounds column by column, as 5.0.9's {@code Slices.toCQLString} prints them: for each
   * clustering column, the part of each slice on it (none once neither of a slice's bounds reaches
   * it); the column is printed from the first slice's part: {@code c = v} when its start and end are
   * equal (or {@code c IN (...)} of every slice's value when they differ between slices), else its
   * start ({@code c >= v}, {@code c > v}) and end ({@code c <= v}, {@code c < v}; the operators turned
   * for a DESC column), up to the first column no slice reaches.
   */
  private static void clustering(TableMetadata table, List<dev.ringlet.internal.storage.RowSlice.Part> slices,
      List<String> where, List<Printed> printed) {
    List<ColumnMetadata> columns = table.clustering();
    for (int i = 0; i < columns.size(); i++) {
      List<ByteBuffer[]> components = new ArrayList<>();
      List<boolean[]> inclusive = new ArrayList<>();
      for (dev.ringlet.internal.storage.RowSlice.Part slice : slices) {
        List<ByteBuffer> start = slice.start().prefix().values();
        List<ByteBuffer> end = slice.end().prefix().values();
        if (i >= start.size() && i >= end.size()) {
          continue;
        }
        components.add(new ByteBuffer[] {i < start.size() ? start.get(i) : null, i < end.size() ? end.get(i) : null});
        inclusive.add(new boolean[] {i >= start.size() || slice.start().inclusive(), i >= end.size() || slice.end().inclusive()});
      }
      if (components.isEmpty()) {
        return;
      }
      ColumnMetadata c = columns.get(i);
      String name = quote(c.name());
      ByteBuffer from = components.get(0)[0];
      ByteBuffer to = components.get(0)[1];
      if (java.util.Objects.equals(from, to)) {
        java.util.LinkedHashSet<ByteBuffer> distinct = new java.util.LinkedHashSet<>();
        components.forEach(component -> distinct.add(component[0]));
        List<String> literals = new ArrayList<>();
        for (ByteBuffer v : distinct) {
          literals.add(c.type().toCqlLiteral(v));
          printed.add(new Printed(c.name(), dev.ringlet.internal.cql.ast.Operator.EQ, java.util.Collections.singletonList(v)));
        }
        where.add(distinct.size() == 1 ? name + " = " + literals.get(0) : name + " IN (" + String.join(", ", literals) + ")");
        continue;
      }
      boolean fromInclusive = inclusive.get(0)[0];
      boolean toInclusive = inclusive.get(0)[1];
      if (from != null) {
        dev.ringlet.internal.cql.ast.Operator op = c.reversed()
            ? (fromInclusive ? dev.ringlet.internal.cql.ast.Operator.LTE : dev.ringlet.internal.cql.ast.Operator.LT)
            : (fromInclusive ? dev.ringlet.internal.cql.ast.Operator.GTE : dev.ringlet.internal.cql.ast.Operator.GT);
        where.add(name + " " + op + " " + c.type().toCqlLiteral(from));
        printed.add(new Printed(c.name(), op, java.util.Collections.singletonList(from)));
      }
      if (to != null) {
        dev.ringlet.internal.cql.ast.Operator op = c.reversed()
            ? (toInclusive ? dev.ringlet.internal.cql.ast.Operator.GTE : dev.ringlet.internal.cql.ast.Operator.GT)
            : (toInclusive ? dev.ringlet.internal.cql.ast.Operator.LTE : dev.ringlet.internal.cql.ast.Operator.LT);
        where.add(name + " " + op + " " + c.type().toCqlLiteral(to));
        printed.add(new Printed(c.name(), op, java.util.Collections.singletonList(to)));
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
