package dev.ringlet.bench.jmh;

import dev.ringlet.bench.engine.EngineFixture;
import dev.ringlet.internal.exec.ClientSession;
import dev.ringlet.internal.exec.QueryOptions;
import dev.ringlet.internal.exec.QueryProcessor;
import dev.ringlet.internal.exec.Result;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The engine's whole query path below the protocol layer ({@link QueryProcessor}): EXECUTE of a
 * prepared INSERT and SELECT by key, a clustering slice, and a QUERY whose text is already cached.
 * The difference between these and the driver load numbers is the protocol layer, the driver and
 * the scheduling of two cores.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class QueryPathBenchmark {

  private static final int PARTITIONS = 10_000;
  private static final int WIDE_PARTITIONS = 100;
  private static final int ROWS_PER_WIDE = 100;

  private QueryProcessor processor;
  private final ClientSession session = new ClientSession();
  private byte[] insert;
  private byte[] select;
  private byte[] slice;
  private final ByteBuffer value = ByteBuffer.wrap("v".repeat(64).getBytes(StandardCharsets.UTF_8));

  @Setup
  public void setUp() {
    processor = new EngineFixture(InetAddress.getLoopbackAddress()).processor();
    run("CREATE KEYSPACE jmh WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
    run("CREATE TABLE jmh.kv (k bigint PRIMARY KEY, v text)");
    run("CREATE TABLE jmh.wide (pk bigint, ck int, v text, PRIMARY KEY (pk, ck))");
    insert = processor.prepare("INSERT INTO jmh.kv (k, v) VALUES (?, ?)", session).id();
    select = processor.prepare("SELECT v FROM jmh.kv WHERE k = ?", session).id();
    slice = processor.prepare("SELECT ck, v FROM jmh.wide WHERE pk = ? AND ck >= ? AND ck < ?", session).id();
    byte[] insertWide = processor.prepare("INSERT INTO jmh.wide (pk, ck, v) VALUES (?, ?, ?)", session).id();
    for (long k = 0; k < PARTITIONS; k++) {
      processor.execute(insert, options(bigint(k), value), session);
    }
    for (long pk = 0; pk < WIDE_PARTITIONS; pk++) {
      for (int ck = 0; ck < ROWS_PER_WIDE; ck++) {
        processor.execute(insertWide, options(bigint(pk), integer(ck), value), session);
      }
    }
  }

  private void run(String cql) {
    processor.query(cql, QueryOptions.simple(List.of()), session);
  }

  private static QueryOptions options(ByteBuffer... values) {
    return QueryOptions.simple(List.of(values));
  }

  private static ByteBuffer bigint(long v) {
    return ByteBuffer.allocate(8).putLong(0, v);
  }

  private static ByteBuffer integer(int v) {
    return ByteBuffer.allocate(4).putInt(0, v);
  }

  @Benchmark
  public Result executeInsert() {
    return processor.execute(insert, options(bigint(ThreadLocalRandom.current().nextInt(PARTITIONS)), value), session);
  }

  @Benchmark
  public Result executeSelect() {
    return processor.execute(select, options(bigint(ThreadLocalRandom.current().nextInt(PARTITIONS))), session);
  }

  @Benchmark
  public Result executeSlice() {
    ThreadLocalRandom rnd = ThreadLocalRandom.current();
    int from = rnd.nextInt(ROWS_PER_WIDE - 10);
    return processor.execute(slice, options(bigint(rnd.nextInt(WIDE_PARTITIONS)), integer(from), integer(from + 10)), session);
  }

  @Benchmark
  public Result queryCachedText() {
    return processor.query("SELECT v FROM jmh.kv WHERE k = 42", QueryOptions.simple(List.of()), session);
  }
}
