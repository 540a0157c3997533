package dev.ringlet.internal.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringlet.internal.types.NativeType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * The memtable's hash index ({@link PartitionIndex}, keys compared from the partition's own fields)
 * and the one-row partition of a table without clustering columns.
 */
class MemtableTest {

  private static final ClusteringComparator NO_CLUSTERING = new ClusteringComparator(List.of(), List.of());
  private static final ClusteringComparator INT_CLUSTERING = new ClusteringComparator(List.of(NativeType.INT), List.of(false));

  private static ByteBuffer bytes(int length, int seed) {
    ByteBuffer b = ByteBuffer.allocate(length);
    for (int i = 0; i < length; i++) {
      b.put(i, (byte) (seed * 31 + i * 7));
    }
    return b;
  }

  private static PartitionUpdate write(DecoratedKey key, Clustering clustering, String value, long ts) {
    return new PartitionUpdate(key, DeletionTime.LIVE, List.of(), null, List.of(new RowUpdate(clustering,
        LivenessInfo.of(ts, 0, 0), DeletionTime.LIVE, Map.of("v", Cell.live(NativeType.TEXT.encode(value), ts)))));
  }

  private static String value(LivePartition p) {
    return (String) NativeType.TEXT.decode(p.rows().get(0).cell("v").value());
  }

  @Test
  void should_find_each_partition_by_its_own_key_when_keys_share_a_token_and_differ_in_any_byte_or_length() {
    Memtable memtable = new Memtable(NO_CLUSTERING);
    List<DecoratedKey> keys = new ArrayList<>();
    for (int length : new int[] {0, 1, 4, 7, 8, 9, 15, 16, 17, 40}) {
      for (int seed = 0; seed < (length == 0 ? 1 : 3); seed++) {
        keys.add(new DecoratedKey(7, bytes(length, seed))); // one token for all: every lookup probes past the others
      }
      ByteBuffer lastByteDiffers = bytes(length, 0);
      if (length > 0) {
        lastByteDiffers.put(length - 1, (byte) (lastByteDiffers.get(length - 1) + 1));
        keys.add(new DecoratedKey(7, lastByteDiffers));
      }
    }
    for (int i = 0; i < keys.size(); i++) {
      memtable.apply(write(keys.get(i), Clustering.EMPTY, "v" + i, 1));
    }
    assertThat(memtable.partitionCount()).isEqualTo(keys.size());
    for (int i = 0; i < keys.size(); i++) {
      assertThat(value(memtable.read(keys.get(i), 0))).isEqualTo("v" + i);
    }
    assertThat(memtable.read(new DecoratedKey(7, bytes(5, 0)), 0)).isNull();
    assertThat(memtable.read(new DecoratedKey(8, bytes(4, 0)), 0)).isNull();
  }

  @Test
  void should_find_a_key_given_in_a_sliced_little_endian_or_direct_buffer() {
    Memtable memtable = new Memtable(NO_CLUSTERING);
    for (int length : new int[] {3, 8, 12, 16, 20}) {
      DecoratedKey stored = new DecoratedKey(length, bytes(length, length));
      memtable.apply(write(stored, Clustering.EMPTY, "len" + length, 1));

      ByteBuffer padded = ByteBuffer.allocate(length + 10);
      padded.position(5);
      padded.put(bytes(length, length));
      padded.position(5).limit(5 + length);
      ByteBuffer little = bytes(length, length).order(ByteOrder.LITTLE_ENDIAN);
      ByteBuffer direct = ByteBuffer.allocateDirect(length).put(bytes(length, length)).flip();
      for (ByteBuffer probe : List.of(padded, little, direct)) {
        assertThat(value(memtable.read(new DecoratedKey(length, probe), 0))).isEqualTo("len" + length);
      }
    }
  }

  @Test
  void should_keep_every_partition_findable_and_in_token_order_as_the_index_grows() {
    Memtable memtable = new Memtable(NO_CLUSTERING);
    int n = 5_000;
    for (int i = 0; i < n; i++) {
      memtable.apply(write(new DecoratedKey(i * 1_000_003L, NativeType.BIGINT.encode((long) i)), Clustering.EMPTY, "v" + i, 1));
    }
    for (int i = 0; i < n; i++) {
      // overwrites find the partition written first: no second partition for the key
      memtable.apply(write(new DecoratedKey(i * 1_000_003L, NativeType.BIGINT.encode((long) i)), Clustering.EMPTY, "w" + i, 2));
    }
    assertThat(memtable.partitionCount()).isEqualTo(n);
    for (int i = 0; i < n; i++) {
      assertThat(value(memtable.read(new DecoratedKey(i * 1_000_003L, NativeType.BIGINT.encode((long) i)), 0))).isEqualTo("w" + i);
    }
    long previous = Long.MIN_VALUE;
    int seen = 0;
    for (Iterator<LivePartition> it = memtable.scan(null, true, 0); it.hasNext(); seen++) {
      long token = it.next().key().token();
      assertThat(token).isGreaterThan(previous);
      previous = token;
    }
    assertThat(seen).isEqualTo(n);
  }

  @Test
  void should_hold_every_partition_once_when_two_threads_add_and_read_while_the_index_grows() throws Exception {
    Memtable memtable = new Memtable(NO_CLUSTERING);
    int perThread = 20_000;
    CountDownLatch start = new CountDownLatch(1);
    List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 2; t++) {
      int offset = t; // thread 0 writes even keys, thread 1 odd ones; each also writes the other's next key
      threads.add(new Thread(() -> {
        try {
          start.await();
          for (int i = 0; i < perThread; i++) {
            long k = 2L * i + offset;
            DecoratedKey key = new DecoratedKey(k, NativeType.BIGINT.encode(k));
            memtable.apply(write(key, Clustering.EMPTY, "v" + k, 1));
            if (memtable.read(key, 0) == null) {
              throw new AssertionError("a partition just written is not found: " + k);
            }
            long other = 2L * i + (1 - offset);
            memtable.apply(write(new DecoratedKey(other, NativeType.BIGINT.encode(other)), Clustering.EMPTY, "v" + other, 1));
          }
        } catch (Throwable e) {
          failures.add(e);
        }
      }));
    }
    threads.forEach(Thread::start);
    start.countDown();
    for (Thread t : threads) {
      t.join();
    }
    assertThat(failures).isEmpty();
    assertThat(memtable.partitionCount()).isEqualTo(2 * perThread);
    for (long k = 0; k < 2L * perThread; k++) {
      assertThat(value(memtable.read(new DecoratedKey(k, NativeType.BIGINT.encode(k)), 0))).isEqualTo("v" + k);
    }
  }

  @Test
  void should_reconcile_delete_expire_and_drop_the_one_row_of_a_table_without_clustering_columns() {
    Memtable memtable = new Memtable(NO_CLUSTERING);
    DecoratedKey key = new DecoratedKey(1, NativeType.INT.encode(1));
    memtable.apply(write(key, Clustering.EMPTY, "new", 20));
    memtable.apply(write(key, Clustering.EMPTY, "older", 10));
    assertThat(value(memtable.read(key, 0))).isEqualTo("new");
    assertThat(memtable.readRaw(key).rows()).hasSize(1);

    memtable.apply(new PartitionUpdate(key, new DeletionTime(25, 0), List.of(), null, List.of()));
    assertThat(memtable.read(key, 0).rows()).isEmpty();
    assertThat(memtable.readRaw(key).partitionDeletion()).isEqualTo(new DeletionTime(25, 0));

    memtable.apply(new PartitionUpdate(key, DeletionTime.LIVE, List.of(), null, List.of(new RowUpdate(Clustering.EMPTY,
        LivenessInfo.of(30, 60, 1000), DeletionTime.LIVE, Map.of("v", Cell.expiring(NativeType.TEXT.encode("ttl"), 30, 60, 1000))))));
    assertThat(value(memtable.read(key, 1059))).isEqualTo("ttl");
    assertThat(memtable.read(key, 1060).rows()).isEmpty();

    memtable.apply(write(key, Clustering.EMPTY, "kept", 40));
    memtable.dropColumn("v", 35);
    assertThat(value(memtable.read(key, 0))).isEqualTo("kept");
    memtable.dropColumn("v", 45);
    assertThat(memtable.read(key, 0).rows().get(0).cell("v")).isNull();
    assertThat(memtable.read(key, new RowSlice(ClusteringComparator.Bound.BOTTOM, ClusteringComparator.Bound.TOP, false, 0), 0)
        .rows()).isEmpty();
    assertThat(memtable.readRaw(key, ClusteringComparator.Bound.BOTTOM, ClusteringComparator.Bound.TOP).rows()).hasSize(1);
  }

  @Test
  void should_refuse_a_clustered_row_in_a_table_without_clustering_columns() {
    Memtable memtable = new Memtable(NO_CLUSTERING);
    Clustering c = new Clustering(List.of(NativeType.INT.encode(1)));
    assertThatThrownBy(() -> memtable.apply(write(new DecoratedKey(1, NativeType.INT.encode(1)), c, "x", 1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void should_read_static_and_clustered_rows_of_a_table_with_clustering_columns() {
    Memtable memtable = new Memtable(INT_CLUSTERING);
    DecoratedKey key = new DecoratedKey(1, NativeType.INT.encode(1));
    assertThat(memtable.read(key, 0)).isNull();
    for (int i = 3; i >= 1; i--) {
      memtable.apply(write(key, new Clustering(List.of(NativeType.INT.encode(i))), "v" + i, 1));
    }
    LivePartition p = memtable.read(key, 0);
    assertThat(p.staticRow().isEmpty()).isTrue();
    assertThat(p.rows()).extracting(r -> NativeType.INT.decode(r.clustering().get(0))).containsExactly(1, 2, 3);
    assertThat(memtable.readRaw(key).staticRow()).isNull();

    memtable.apply(new PartitionUpdate(key, DeletionTime.LIVE, List.of(), new RowUpdate(Clustering.EMPTY, LivenessInfo.EMPTY,
        DeletionTime.LIVE, Map.of("s", Cell.live(NativeType.TEXT.encode("static"), 1))), List.of()));
    assertThat(memtable.read(key, 0).staticRow().cell("s")).isNotNull();
    assertThat(memtable.readRaw(key).staticRow()).isNotNull();
  }
}
