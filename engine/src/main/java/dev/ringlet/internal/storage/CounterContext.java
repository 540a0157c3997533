package dev.ringlet.internal.storage;

import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The value of a counter cell: a context of shards, one per replica that led increments of the
 * counter ({@code counterId} = that replica's host id), each with a logical clock and the count that
 * replica has accumulated, plus an unsharded delta. A read sums everything; two contexts merge shard
 * by shard, the higher clock winning (on equal clocks the greater count, as Cassandra does), so
 * merging is commutative, associative and idempotent and replicas converge whatever they saw in
 * which order.
 *
 * <p>The unsharded delta is what a counter update carries before a leader replica turns it into its
 * shard (an {@code UPDATE ... SET c = c + n} builds one), and what a single node, which has no
 * replicas to reconcile, stores. Deltas add up when merged: they are increments, not states.
 *
 * <p>Encoding (the cell's value bytes, also in SSTables, the commit log and messages):
 *
 * <pre>
 * int64 delta                                  unsharded delta
 * (uuid counterId, int64 clock, int64 count)*  shards by ascending counterId; uuid = 2 × int64
 * </pre>
 *
 * A value of 8 bytes is a pure delta (the pre-shard encoding of counter cells, which stays
 * readable). Equal states have equal bytes, so replica digests compare them.
 */
public record CounterContext(long delta, Map<UUID, Shard> shards) {

  /** One replica's part of a counter. */
  public record Shard(long clock, long count) {}

  private static final int SHARD_BYTES = 32;

  public CounterContext {
    shards = Collections.unmodifiableMap(new TreeMap<>(shards));
  }

  /** An increment not yet given to a shard. */
  public static CounterContext ofDelta(long delta) {
    return new CounterContext(delta, Map.of());
  }

  /** A context holding one shard only. */
  public static CounterContext ofShard(UUID counterId, long clock, long count) {
    return new CounterContext(0, Map.of(counterId, new Shard(clock, count)));
  }

  /** Decodes a counter cell's value; the buffer's position is left untouched. */
  public static CounterContext decode(ByteBuffer value) {
    int length = value.remaining();
    if (length < 8 || (length - 8) % SHARD_BYTES != 0) {
      throw new IllegalArgumentException("counter context: " + length + " bytes (expected: 8 + 32 × shards)");
    }
    int p = value.position();
    long delta = value.getLong(p);
    Map<UUID, Shard> shards = new TreeMap<>();
    for (int at = p + 8; at < p + length; at += SHARD_BYTES) {
      UUID id = new UUID(value.getLong(at), value.getLong(at + 8));
      shards.put(id, new Shard(value.getLong(at + 16), value.getLong(at + 24)));
    }
    return new CounterContext(delta, shards);
  }

  public ByteBuffer encode() {
    ByteBuffer out = ByteBuffer.allocate(8 + SHARD_BYTES * shards.size());
    out.putLong(delta);
    for (Map.Entry<UUID, Shard> e : shards.entrySet()) {
      out.putLong(e.getKey().getMostSignificantBits()).putLong(e.getKey().getLeastSignificantBits());
      out.putLong(e.getValue().clock()).putLong(e.getValue().count());
    }
    return out.flip();
  }

  /** The counter's value: the delta plus every shard's count. */
  public long total() {
    long sum = delta;
    for (Shard s : shards.values()) {
      sum += s.count();
    }
    return sum;
  }

  /** The shard of {@code counterId}, or a shard at clock 0 with count 0 when it has none. */
  public Shard shard(UUID counterId) {
    Shard s = shards.get(counterId);
    return s != null ? s : new Shard(0, 0);
  }

  /** Whether this is only an increment (no shard yet): what a leader still has to apply. */
  public boolean isUpdate() {
    return shards.isEmpty();
  }

  /** The two contexts merged: deltas added, shards by highest clock, then greatest count. */
  public CounterContext merge(CounterContext other) {
    Map<UUID, Shard> merged = new TreeMap<>(shards);
    for (Map.Entry<UUID, Shard> e : other.shards.entrySet()) {
      merged.merge(e.getKey(), e.getValue(), CounterContext::newer);
    }
    return new CounterContext(delta + other.delta, merged);
  }

  private static Shard newer(Shard a, Shard b) {
    if (a.clock() != b.clock()) {
      return a.clock() > b.clock() ? a : b;
    }
    return a.count() >= b.count() ? a : b;
  }
}
