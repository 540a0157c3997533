package dev.ringlet.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Test;

@MetaAnnotationTest.ShopCluster
class MetaAnnotationTest {

  /** What an application would declare once and put on all its repository tests. */
  @Target(ElementType.TYPE)
  @Retention(RetentionPolicy.RUNTIME)
  @CassandraCluster(keyspace = "meta_shop", schema = "classpath:schema/fresh.cql")
  @interface ShopCluster {}

  @Test
  void should_take_the_settings_of_the_meta_annotation(CqlSession session) {
    assertThat(session.getKeyspace()).contains(CqlIdentifier.fromCql("meta_shop"));
    assertThat(session.execute("SELECT * FROM notes").all()).isEmpty();
  }
}
