package dev.ringlet.bench.load;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The load program's keyspace, tables and prepared statements, and one asynchronous operation per
 * {@link Workload}. Rows read are decoded (one column each) so every target pays the same client cost.
 */
final class BenchSchema {

  static final String KEYSPACE = "ringlet_bench";
  static final int ROWS_PER_WIDE_PARTITION = 100;
  static final int SCAN_PAGE_SIZE = 20;
  static final int SLICE_ROWS = 10;
  static final int BATCH_SIZE = 5;
  private static final String VALUE = "v".repeat(64);

  private final CqlSession session;
  private final int partitions;
  private final int widePartitions;
  private final AtomicLong lwtKeys = new AtomicLong(System.nanoTime());
  private final PreparedStatement insert;
  private final PreparedStatement select;
  private final PreparedStatement insertWide;
  private final PreparedStatement slice;
  private final PreparedStatement scan;
  private final PreparedStatement lwt;

  /** Creates the schema (idempotent) and prepares every statement. */
  BenchSchema(CqlSession session, int partitions) {
    this.session = session;
    this.partitions = partitions;
    this.widePartitions = Math.max(1, partitions / ROWS_PER_WIDE_PARTITION);
    session.execute("CREATE KEYSPACE IF NOT EXISTS " + KEYSPACE
        + " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
    session.execute("CREATE TABLE IF NOT EXISTS " + KEYSPACE + ".kv (k bigint PRIMARY KEY, v text)");
    session.execute("CREATE TABLE IF NOT EXISTS " + KEYSPACE + ".wide (pk bigint, ck int, v text, PRIMARY KEY (pk, ck))");
    session.execute("CREATE TABLE IF NOT EXISTS " + KEYSPACE + ".lwt (k bigint PRIMARY KEY, v text)");
    insert = session.prepare("INSERT INTO " + KEYSPACE + ".kv (k, v) VALUES (?, ?)");
    select = session.prepare("SELECT v FROM " + KEYSPACE + ".kv WHERE k = ?");
    insertWide = session.prepare("INSERT INTO " + KEYSPACE + ".wide (pk, ck, v) VALUES (?, ?, ?)");
    slice = session.prepare("SELECT ck, v FROM " + KEYSPACE + ".wide WHERE pk = ? AND ck >= ? AND ck < ?");
    scan = session.prepare("SELECT pk, ck, v FROM " + KEYSPACE + ".wide WHERE pk = ?");
    lwt = session.prepare("INSERT INTO " + KEYSPACE + ".lwt (k, v) VALUES (?, ?) IF NOT EXISTS");
  }

  /** Writes every key the read workloads ask for; returns the number of rows written. */
  long populate(int concurrency) throws InterruptedException {
    LoadRunner.Op kv = i -> session.executeAsync(insert.bind(i, VALUE));
    LoadRunner.run(kv, partitions, concurrency, null);
    long wideRows = (long) widePartitions * ROWS_PER_WIDE_PARTITION;
    LoadRunner.Op wide = i -> session.executeAsync(
        insertWide.bind(i / ROWS_PER_WIDE_PARTITION, (int) (i % ROWS_PER_WIDE_PARTITION), VALUE));
    LoadRunner.run(wide, wideRows, concurrency, null);
    return partitions + wideRows;
  }

  LoadRunner.Op op(Workload w) {
    return switch (w) {
      case INSERT -> i -> session.executeAsync(insert.bind(randomKey(), VALUE));
      case SELECT -> i -> session.executeAsync(select.bind(randomKey())).thenApply(BenchSchema::consume);
      case SLICE -> i -> {
        int from = ThreadLocalRandom.current().nextInt(ROWS_PER_WIDE_PARTITION - SLICE_ROWS);
        return session.executeAsync(slice.bind(randomWideKey(), from, from + SLICE_ROWS)).thenApply(BenchSchema::consume);
      };
      case SCAN -> i -> session.executeAsync(scan.bind(randomWideKey()).setPageSize(SCAN_PAGE_SIZE))
          .thenCompose(BenchSchema::drain);
      case LWT -> i -> session.executeAsync(lwt.bind(lwtKeys.incrementAndGet(), VALUE));
      case BATCH -> i -> {
        long pk = randomWideKey();
        BatchStatement batch = BatchStatement.newInstance(DefaultBatchType.LOGGED);
        for (int c = 0; c < BATCH_SIZE; c++) {
          batch = batch.add(insertWide.bind(pk, c, VALUE));
        }
        return session.executeAsync(batch);
      };
    };
  }

  private long randomKey() {
    return ThreadLocalRandom.current().nextInt(partitions);
  }

  private long randomWideKey() {
    return ThreadLocalRandom.current().nextInt(widePartitions);
  }

  private static int consume(AsyncResultSet rs) {
    int n = 0;
    for (Row row : rs.currentPage()) {
      if (row.getString("v") != null) {
        n++;
      }
    }
    return n;
  }

  private static CompletionStage<Integer> drain(AsyncResultSet rs) {
    consume(rs);
    if (rs.hasMorePages()) {
      return rs.fetchNextPage().thenCompose(BenchSchema::drain);
    }
    return CompletableFuture.completedFuture(0);
  }
}
