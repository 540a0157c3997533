package dev.ringlet.internal.exec;

import dev.ringlet.internal.exec.select.SelectStatement;
import java.util.ArrayList;
import java.util.List;

/**
 * The warning Cassandra 5.0 sends with a read that scanned more tombstones than
 * {@code tombstone_warn_threshold} on the coordinator's replica:
 * {@code Read 0 live rows and 1001 tombstone cells for query SELECT ... ; token 123 (see tombstone_warn_threshold)},
 * naming the read command as Cassandra prints it (first 512 characters).
 */
final class TombstoneWarning {

  private TombstoneWarning() {}

  static Result.Rows attach(Result.Rows rows, ScannedTombstones scanned, SelectStatement select,
      dev.ringlet.internal.cql.ast.Statement.Select statement, BoundValues values, QueryOptions options) {
    if (!scanned.overWarnThreshold()) {
      return rows;
    }
    String query = select.readCommandCql(statement.selectors(), values, options);
    if (query.length() > 512) {
      query = query.substring(0, 512);
    }
    List<String> warnings = new ArrayList<>(rows.warnings());
    warnings.add("Read " + scanned.liveRows() + " live rows and " + scanned.tombstones() + " tombstone cells for query "
        + query + "; token " + scanned.lastToken() + " (see tombstone_warn_threshold)");
    return new Result.Rows(rows.columns(), rows.rows(), rows.pagingState(), warnings);
  }
}
