package dev.ringlet.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import dev.ringlet.api.ClusterSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ProgrammaticRegistrationTest {

  static final String CLUSTER_NAME = "Computed " + Runtime.version().feature();

  @RegisterExtension
  static final RingletExtension RINGLET = RingletExtension
      .forSpec(ClusterSpec.defaults().withClusterName(CLUSTER_NAME).withDatacenter("computed-dc"))
      .withKeyspace("computed")
      .withSchema("classpath:schema/fresh.cql")
      .withOwnCluster();

  @Test
  void should_start_the_computed_spec(CqlSession session) {
    assertThat(session.execute("SELECT cluster_name, data_center FROM system.local").one().getString(0))
        .isEqualTo(CLUSTER_NAME);
    assertThat(session.getKeyspace()).contains(CqlIdentifier.fromCql("computed"));
    assertThat(session.execute("SELECT * FROM notes").all()).isEmpty();
  }
}
