package dev.ringlet.internal.exec.select;

import dev.ringlet.internal.exec.BoundValues;
import dev.ringlet.internal.exec.PartitionKeys;
import dev.ringlet.internal.exec.QueryOptions;
import dev.ringlet.internal.schema.ColumnMetadata;
import dev.ringlet.internal.schema.TableMetadata;
import dev.ringlet.internal.storage.DecoratedKey;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A SELECT's read command as Cassandra 5.0 prints it in tombstone warnings
 * ({@code ReadCommand.toCQLString}): {@code SELECT v FROM ks.t WHERE k = 1 LIMIT 5000 ALLOW FILTERING},
 * with the static and regular columns read, the partition key's value, the page's row limit and
 * Cassandra's unconditional {@code ALLOW FILTERING}. Clustering and regular-column restrictions are
 * not printed (Ringlet's plan keeps them as predicates, not as text).
 */
final class ReadCommandCql {

  private static final Pattern UNQUOTED = Pattern.compile("[a-z][a-z0-9_]*");

  private ReadCommandCql() {}

  static String of(SelectPlan plan, List<dev.ringlet.internal.cql.ast.Selector.Aliased> selectors, BoundValues values,
      QueryOptions options, int limit, int perPartitionLimit) {
    TableMetadata table = plan.table();
    StringBuilder sb = new StringBuilder("SELECT ").append(columns(table, selectors)).append(" FROM ")
        .append(quote(table.keyspace())).append('.').append(quote(table.name()));
    List<DecoratedKey> keys = plan.keys() == null ? null : plan.keys().bind(table, values);
    if (keys != null && keys.size() == 1) {
      List<ColumnMetadata> pk = table.partitionKey();
      List<ByteBuffer> components = PartitionKeys.split(table, keys.get(0).key());
      List<String> names = new ArrayList<>();
      List<String> literals = new ArrayList<>();
      for (int i = 0; i < pk.size(); i++) {
        names.add(quote(pk.get(i).name()));
        literals.add(pk.get(i).type().toCqlLiteral(components.get(i)));
      }
      sb.append(" WHERE ");
      if (pk.size() == 1) {
        sb.append(names.get(0)).append(" = ").append(literals.get(0));
      } else {
        sb.append('(').append(String.join(", ", names)).append(") = (").append(String.join(", ", literals)).append(')');
      }
    }
    int rows = Math.min(limit, options.pageSize() > 0 ? options.pageSize() : Integer.MAX_VALUE);
    if (rows != Integer.MAX_VALUE) {
      sb.append(" LIMIT ").append(rows);
    }
    if (perPartitionLimit != Integer.MAX_VALUE) {
      sb.append(" PER PARTITION LIMIT ").append(perPartitionLimit);
    }
    return sb.append(" ALLOW FILTERING").toString();
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
