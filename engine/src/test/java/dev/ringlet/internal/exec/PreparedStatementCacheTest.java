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
}
