package dev.ringlet.bench.load;

import java.util.List;
import java.util.Locale;

/** The request kinds the load program can send; each is one prepared statement (or batch of them). */
public enum Workload {
  /** {@code INSERT INTO kv (k, v) VALUES (?, ?)}, random key. */
  INSERT,
  /** {@code SELECT v FROM kv WHERE k = ?}, random populated key, one row. */
  SELECT,
  /** {@code SELECT ck, v FROM wide WHERE pk = ? AND ck >= ? AND ck < ?}: 10 of a partition's 100 rows. */
  SLICE,
  /** {@code SELECT ... FROM wide WHERE pk = ?} with page size 20: all 100 rows in 5 pages, one op. */
  SCAN,
  /** {@code INSERT ... IF NOT EXISTS} on a fresh key (Paxos in Cassandra). */
  LWT,
  /** A LOGGED batch of 5 prepared inserts into one partition. */
  BATCH;

  public static List<Workload> parseList(String csv) {
    return java.util.Arrays.stream(csv.split(","))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .map(s -> {
          try {
            return valueOf(s.toUpperCase(Locale.ROOT));
          } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("workload: " + s + " (expected: one of "
                + java.util.Arrays.toString(values()).toLowerCase(Locale.ROOT) + ")", e);
          }
        })
        .toList();
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
