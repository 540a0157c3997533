package dev.ringlet.internal.storage.sstable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The node-wide chunk cache: bounded by bytes, least recently used first out, released files dropped. */
class ChunkCacheTest {

  private static byte[] chunk(int size, int fill) {
    byte[] b = new byte[size];
    java.util.Arrays.fill(b, (byte) fill);
    return b;
  }

  @Test
  void should_stay_within_its_byte_budget_evicting_the_least_recently_used_chunks() {
    ChunkCache cache = new ChunkCache(10 * 1024);
    long file = cache.register();
    for (int i = 0; i < 10; i++) {
      cache.put(file, i, chunk(1024, i));
    }
    assertThat(cache.size()).isEqualTo(10 * 1024);
    assertThat(cache.get(file, 0)).as("chunk 0 read again: now the most recently used").isNotNull();
    cache.put(file, 10, chunk(1024, 10));
    cache.put(file, 11, chunk(1024, 11));
    assertThat(cache.size()).isEqualTo(10 * 1024);
    assertThat(cache.chunks()).isEqualTo(10);
    assertThat(cache.evictions()).isEqualTo(2);
    assertThat(cache.get(file, 1)).as("the least recently used went first").isNull();
    assertThat(cache.get(file, 2)).isNull();
    assertThat(cache.get(file, 0)).containsExactly(chunk(1024, 0));
    assertThat(cache.get(file, 11)).containsExactly(chunk(1024, 11));
  }

  @Test
  void should_split_a_large_budget_into_segments_that_together_stay_within_it() {
    ChunkCache cache = new ChunkCache(4L << 20);
    long file = cache.register();
    for (int i = 0; i < 1000; i++) {
      cache.put(file, i, new byte[16 * 1024]);
    }
    assertThat(cache.size()).isLessThanOrEqualTo(4L << 20).isGreaterThan(3L << 20);
    assertThat(cache.evictions()).isEqualTo(1000 - cache.chunks());
  }

  @Test
  void should_drop_only_the_released_files_chunks_and_never_answer_a_later_file_from_them() {
    ChunkCache cache = new ChunkCache(1 << 20);
    long a = cache.register();
    long b = cache.register();
    cache.put(a, 0, chunk(100, 1));
    cache.put(b, 0, chunk(200, 2));
    cache.invalidate(a);
    assertThat(cache.get(a, 0)).isNull();
    assertThat(cache.get(b, 0)).containsExactly(chunk(200, 2));
    assertThat(cache.size()).isEqualTo(200);
    long c = cache.register();
    assertThat(c).isNotIn(a, b);
    assertThat(cache.get(c, 0)).isNull();
  }

  @Test
  void should_count_hits_and_misses_and_skip_chunks_larger_than_a_segment() {
    ChunkCache cache = new ChunkCache(1000);
    long file = cache.register();
    assertThat(cache.get(file, 0)).isNull();
    cache.put(file, 0, new byte[1001]);
    assertThat(cache.get(file, 0)).isNull();
    cache.put(file, 1, new byte[10]);
    assertThat(cache.get(file, 1)).isNotNull();
    assertThat(cache.hits()).isEqualTo(1);
    assertThat(cache.misses()).isEqualTo(2);
  }

  @Test
  void should_hold_nothing_when_disabled_and_refuse_a_negative_budget() {
    ChunkCache cache = ChunkCache.disabled();
    long file = cache.register();
    cache.put(file, 0, new byte[1]);
    assertThat(cache.get(file, 0)).isNull();
    assertThat(cache.size()).isZero();
    assertThatThrownBy(() -> new ChunkCache(-1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("capacityBytes: -1 (expected: >= 0)");
  }
}
