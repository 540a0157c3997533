package dev.ringlet.internal.exec.ddl;

import dev.ringlet.internal.error.CqlException;
import dev.ringlet.internal.schema.KeyspaceMetadata;
import dev.ringlet.internal.schema.Schema;
import dev.ringlet.internal.schema.TableMetadata;

/**
 * The check that a new table's or view's id ({@code WITH ID = ...}) is used by no live table or
 * view of any keyspace. Ids of dropped ones may be used again.
 *
 * <p>Cassandra 5.0 has no check of its own: its schema keys every table and view by id in a Guava
 * {@code ImmutableMap}, whose builder fails with a server error naming the two entries, the one
 * added first first. The order follows 5.0's (recorded in the {@code ddl_ids} and
 * {@code describe_internals} scenarios): the changed keyspace comes first, its views before its
 * tables, a new view after the existing views and a new table before the existing tables.
 */
final class TableIds {

  private TableIds() {}

  static void requireUnused(Schema schema, TableMetadata created) {
    for (KeyspaceMetadata ks : schema.keyspaces().values()) {
      for (TableMetadata other : ks.tables().values()) {
        if (other.id().equals(created.id())) {
          boolean existingFirst = other.keyspace().equals(created.keyspace()) && other.isView();
          throw duplicate(existingFirst ? other : created, existingFirst ? created : other);
        }
      }
    }
  }

  private static CqlException duplicate(TableMetadata first, TableMetadata second) {
    return CqlException.serverError("java.lang.IllegalArgumentException: Multiple entries with same key: "
        + first.id() + "=" + first.keyspace() + "." + first.name() + " and "
        + second.id() + "=" + second.keyspace() + "." + second.name());
  }
}
