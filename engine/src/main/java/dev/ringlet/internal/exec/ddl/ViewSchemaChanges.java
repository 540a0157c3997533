package dev.ringlet.internal.exec.ddl;

import dev.ringlet.internal.cql.parse.Identifiers;
import dev.ringlet.internal.schema.ColumnMetadata;
import dev.ringlet.internal.schema.TableMetadata;
import dev.ringlet.internal.schema.ViewMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How ALTER TABLE on a base table carries over to its materialized views, as in Cassandra 5.0: a
 * column added to the base joins every view that selects all columns, and a renamed primary key
 * column is renamed in every view (its key, its WHERE clause). Dropping base columns is refused
 * before this runs. A column's mask follows the base column's.
 */
final class ViewSchemaChanges {

  private ViewSchemaChanges() {}

  static List<TableMetadata> follow(TableMetadata before, TableMetadata after, List<TableMetadata> views) {
    List<TableMetadata> out = new ArrayList<>();
    for (TableMetadata view : views) {
      out.add(follow(before, after, view));
    }
    return out;
  }

  private static TableMetadata follow(TableMetadata before, TableMetadata after, TableMetadata view) {
    List<ColumnMetadata> pk = new ArrayList<>(view.partitionKey());
    List<ColumnMetadata> ck = new ArrayList<>(view.clustering());
    List<ColumnMetadata> others = new ArrayList<>(view.others());
    ViewMetadata meta = view.view();
    List<ColumnMetadata> oldKey = new ArrayList<>(before.partitionKey());
    oldKey.addAll(before.clustering());
    List<ColumnMetadata> newKey = new ArrayList<>(after.partitionKey());
    newKey.addAll(after.clustering());
    for (int i = 0; i < oldKey.size(); i++) {
      String from = oldKey.get(i).name();
      String to = newKey.get(i).name();
      if (!from.equals(to)) {
        rename(pk, from, to);
        rename(ck, from, to);
        rename(others, from, to);
        // the clause names columns as CQL does, quoted where needed
        String where = Pattern.compile("(?<![\\w\"])" + Pattern.quote(Identifiers.maybeQuote(from)) + "(?![\\w\"])")
            .matcher(meta.whereClause()).replaceAll(Matcher.quoteReplacement(Identifiers.maybeQuote(to)));
        meta = new ViewMetadata(meta.baseTableId(), meta.baseTableName(), meta.includeAllColumns(), where,
            meta.withRenamedColumn(from, to).restrictions());
      }
    }
    if (meta.includeAllColumns()) {
      for (ColumnMetadata c : after.others()) {
        if (before.column(c.name()) == null) {
          others.add(new ColumnMetadata(c.name(), c.type(), ColumnMetadata.Kind.REGULAR, -1, false, c.mask()));
        }
      }
    }
    return new TableMetadata(view.keyspace(), view.name(), view.id(), masked(pk, after), masked(ck, after),
        masked(others, after), view.params(), false, false, view.droppedColumns(), view.indexes(), meta);
  }

  /** A view's columns carry the masks of the base columns they copy, as 5.0's ALTER ... MASKED WITH does. */
  private static List<ColumnMetadata> masked(List<ColumnMetadata> columns, TableMetadata base) {
    List<ColumnMetadata> out = new ArrayList<>(columns.size());
    for (ColumnMetadata c : columns) {
      ColumnMetadata b = base.column(c.name());
      out.add(b == null ? c : c.withMask(b.mask()));
    }
    return out;
  }

  private static void rename(List<ColumnMetadata> columns, String from, String to) {
    for (int i = 0; i < columns.size(); i++) {
      ColumnMetadata c = columns.get(i);
      if (c.name().equals(from)) {
        columns.set(i, new ColumnMetadata(to, c.type(), c.kind(), c.position(), c.reversed(), c.mask()));
      }
    }
  }
}
