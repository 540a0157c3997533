package dev.ringlet.bench.jmh;

import dev.ringlet.internal.dht.Murmur3Partitioner;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** {@code Murmur3Partitioner.token} for a bigint key, a uuid-sized key and a 64-byte text key. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class Murmur3Benchmark {

  @Param({"8", "16", "64"})
  public int keyBytes;

  private ByteBuffer key;

  @Setup
  public void setUp() {
    key = ByteBuffer.wrap("k".repeat(keyBytes).getBytes(StandardCharsets.US_ASCII));
  }

  @Benchmark
  public long token() {
    return Murmur3Partitioner.token(key);
  }
}
