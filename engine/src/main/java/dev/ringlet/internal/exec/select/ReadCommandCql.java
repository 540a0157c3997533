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
 * {@code ALLOW FILTERING}. A clustering IN is printed as the slice between its smallest and largest
 * values (Cassandra prints {@code c IN (...)}).
 */
final class ReadCommandCql {

  private static final Pattern UNQUOTED = Pattern.compile("[a-z][a-z0-9_]*");

  /** One restriction of a regular or static column: Cassandra's row filter prints them after the clustering. */
  record Filter(ColumnMetadata column, dev.ringlet.internal.cql.ast.Operator operator, dev.ringlet.internal.exec.BoundTerm value) {}

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
    StringBuilder sb = new StringBuilder("SELECT ").append(columns(table, selectors)).append(" FROM ")
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
      ByteBuffer v = f.value().bind(values);
      if (v != null && v != dev.ringlet.internal.exec.QueryOptions.UNSET) {
        where.add(quote(f.column().name()) + " " + f.operator() + " " + f.column().type().toCqlLiteral(v));
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
    if (names.size() == 1 && columns.size() == 1) {
      where.add(lhs + " = " + tuples.get(0));
    } else if (names.size() == 1) {
      for (int i = 0; i < columns.size(); i++) {
        where.add(quoted.get(i) + " = " + columns.get(i).type().toCqlLiteral(names.get(0).get(i)));
      }
    } else {
      where.add(lhs + " IN (" + String.join(", ", tuples) + ")");
    }
  }

  /** The slice's bounds: equal leading values as {@code c = v}, then each bound on the next columns. */
  private static void clustering(TableMetadata table, RowSlice slice, List<String> where) {
    List<ColumnMetadata> columns = table.clustering();
    List<ByteBuffer> start = slice.start().prefix().values();
    List<ByteBuffer> end = slice.end().prefix().values();
    int equal = 0;
    while (equal < start.size() && equal < end.size() && start.get(equal).equals(end.get(equal))) {
      equal++;
    }
    boolean point = equal == start.size() && equal == end.size() && slice.start().inclusive() && slice.end().inclusive();
    int fixed = point ? equal : Math.min(equal, Math.min(start.size(), end.size()) - 1);
    if (start.size() == end.size() && !point) {
      fixed = Math.min(equal, start.size() - 1);
    }
    fixed = Math.max(0, fixed);
    for (int i = 0; i < fixed; i++) {
      where.add(quote(columns.get(i).name()) + " = " + columns.get(i).type().toCqlLiteral(start.get(i)));
    }
    if (point) {
      return;
    }
    if (start.size() > fixed) {
      where.add(bound(columns, start, fixed, slice.start().inclusive() ? ">=" : ">", columns.get(fixed).reversed()));
    }
    if (end.size() > fixed) {
      where.add(bound(columns, end, fixed, slice.end().inclusive() ? "<=" : "<", columns.get(fixed).reversed()));
    }
  }

  private static String bound(List<ColumnMetadata> columns, List<ByteBuffer> values, int from, String op, boolean reversed) {
    if (reversed) {
      op = op.replace('>', '#').replace('<', '>').replace('#', '<');
    }
    List<String> names = new ArrayList<>();
    List<String> literals = new ArrayList<>();
    for (int i = from; i < values.size(); i++) {
      names.add(quote(columns.get(i).name()));
      literals.add(columns.get(i).type().toCqlLiteral(values.get(i)));
    }
    if (names.size() == 1) {
      return names.get(0) + " " + op + " " + literals.get(0);
    }
    return "(" + String.join(", ", names) + ") " + op + " (" + String.join(", ", literals) + ")";
  }

  /**
   * The static and regular columns the selection reads, as Cassandra's column filter prints them
   * (statics first, single-cell before multi-cell, each by name), or {@code *} when it reads all of
   * them ({@code SELECT *}) or none (only key columns, {@code count(*)}).
   */
  private static String columns(TableMetadata table, List<dev.ringlet.internal.cql.ast.Selector.Aliased> selectors) {
    java.util.Set<String> names = new java.util.HashSet<>();
    for (dev.ringlet.internal.cql.ast.Selector.Aliased a : selectors) {
      collect(a.selector(), names);
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
    queried.sort(java.util.Comparator.comparing((ColumnMetadata c) -> !c.isStatic())
        .thenComparing(c -> c.type().isMultiCell()).thenComparing(ColumnMetadata::name));
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

  private static String quote(String name) {
    return UNQUOTED.matcher(name).matches() ? name : "\"" + name.replace("\"", "\"\"") + "\"";
  }
}
