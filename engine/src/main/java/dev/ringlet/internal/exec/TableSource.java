package dev.ringlet.internal.exec;

import dev.ringlet.internal.schema.TableMetadata;
import dev.ringlet.internal.storage.TableStore;

/** Where a statement finds a table's data: user tables' stores, or system tables generated on read. */
@FunctionalInterface
public interface TableSource {

  TableStore store(TableMetadata table);
}
