package dev.ringlet.bench.jmh;

import dev.ringlet.internal.cql.ast.Statement;
import dev.ringlet.internal.cql.parse.CqlParser;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** {@code CqlParser.parse} on the statement shapes a test suite sends most. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CqlParseBenchmark {

  @Param({"select", "insert", "create_table", "batch"})
  public String kind;

  private String cql;

  @org.openjdk.jmh.annotations.Setup
  public void setUp() {
    cql = switch (kind) {
      case "select" -> "SELECT id, name, score FROM shop.orders WHERE id = ? AND seq >= ? LIMIT 100";
      case "insert" -> "INSERT INTO shop.orders (id, seq, name, score, tags) VALUES (?, ?, ?, ?, ?) USING TTL 3600";
      case "create_table" -> "CREATE TABLE IF NOT EXISTS shop.orders (id int, seq int, name text, score double,"
          + " tags set<text>, PRIMARY KEY ((id), seq)) WITH CLUSTERING ORDER BY (seq DESC) AND comment = 'orders'";
      case "batch" -> "BEGIN BATCH INSERT INTO shop.orders (id, seq, name) VALUES (1, 1, 'a');"
          + " UPDATE shop.orders SET score = 2.5 WHERE id = 1 AND seq = 2; DELETE FROM shop.orders WHERE id = 1 AND seq = 3;"
          + " APPLY BATCH";
      default -> throw new IllegalArgumentException("kind: " + kind);
    };
  }

  @Benchmark
  public Statement parse() {
    return CqlParser.parse(cql);
  }
}
