package dev.ringlet.internal.exec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PreparedStatementCacheTest {

  @Test
  void should_give_the_same_id_for_the_same_query_and_keyspace_and_different_ids_otherwise() {
    PreparedStatementCache cache = new PreparedStatementCache();
    byte[] a = cache.put("SELECT * FROM t", "ks");
    assertThat(cache.put("SELECT * FROM t", "ks")).isEqualTo(a);
    assertThat(cache.put("SELECT * FROM t", "other")).isNotEqualTo(a);
    assertThat(cache.put("SELECT * FROM t", null)).isNotEqualTo(a);
    assertThat(a).hasSize(16);
  }

  @Test
  void should_know_nothing_of_an_id_it_never_gave() {
    PreparedStatementCache cache = new PreparedStatementCache();
    assertThat(cache.get(new byte[16])).isNull();
  }

  @Test
  void should_stay_within_its_capacity_evicting_statements_not_used_since_the_last_pass() {
    long one = PreparedStatementCache.weight("SELECT * FROM t0", "ks");
    PreparedStatementCache cache = new PreparedStatementCache(one * 3);
    byte[] hot = cache.put("SELECT * FROM t0", "ks");
    byte[] cold = cache.put("SELECT * FROM t1", "ks");
    byte[] third = cache.put("SELECT * FROM t2", "ks");
    assertThat(cache.get(hot)).isNotNull(); // used since it was prepared

    byte[] fourth = cache.put("SELECT * FROM t3", "ks");

    assertThat(cache.sizeBytes()).isLessThanOrEqualTo(one * 3);
    assertThat(cache.get(cold)).isNull();
    assertThat(cache.get(hot).query()).isEqualTo("SELECT * FROM t0");
    assertThat(cache.get(third)).isNotNull();
    assertThat(cache.get(fourth).query()).isEqualTo("SELECT * FROM t3");
  }

  @Test
  void should_keep_the_statement_just_prepared_even_when_it_alone_exceeds_the_capacity() {
    PreparedStatementCache cache = new PreparedStatementCache(10);
    byte[] a = cache.put("SELECT * FROM a", "ks");
    byte[] b = cache.put("SELECT * FROM b", "ks");
    assertThat(cache.get(a)).isNull();
    assertThat(cache.get(b).keyspace()).isEqualTo("ks");
  }

  @Test
  void should_not_grow_when_the_same_statement_is_prepared_again() {
    PreparedStatementCache cache = new PreparedStatementCache();
    cache.put("SELECT * FROM t", "ks");
    long size = cache.sizeBytes();
    cache.put("SELECT * FROM t", "ks");
    assertThat(cache.sizeBytes()).isEqualTo(size);
  }
}
