package dev.ringlet.driver.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.metadata.Node;
import com.datastax.oss.driver.api.core.metadata.TokenMap;
import com.datastax.oss.driver.api.core.metadata.token.Token;
import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.DatacenterSpec;
import dev.ringlet.api.Ringlet;
import dev.ringlet.api.RingletCluster;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Explicit tokens ({@code initial_token}): in system.local/peers, in the driver's token map, validated as Cassandra does. */
class ExplicitTokensTest {

  @Test
  void should_place_nodes_on_their_explicit_tokens_for_system_tables_and_the_driver() {
    DatacenterSpec dc = DatacenterSpec.of("dc1", 3)
        .withTokens(0, "-9223372036854775807", "-3074457345618258603")
        .withTokens(1, "-6148914691236517205", "3074457345618258602")
        .withTokens(2, List.of(0L, 6148914691236517204L));
    try (RingletCluster cluster = Ringlet.start(ClusterSpec.defaults().withDatacenters(dc).withNumTokens(2));
        CqlSession session = CqlSession.builder().addContactPoints(cluster.contactPoints()).withLocalDatacenter("dc1").build()) {
      Row local = session.execute(SimpleStatement.newInstance("SELECT tokens FROM system.local")
          .setNode(session.getMetadata().getNodes().get(cluster.node(1).hostId()))).one();
      assertThat(local.getSet(0, String.class)).containsExactlyInAnyOrder("-6148914691236517205", "3074457345618258602");
      Row peer = session.execute(SimpleStatement.newInstance("SELECT tokens FROM system.peers WHERE peer = ?",
          cluster.node(2).nativeAddress().getAddress()).setNode(session.getMetadata().getNodes().get(cluster.node(0).hostId()))).one();
      assertThat(peer.getSet(0, String.class)).containsExactlyInAnyOrder("0", "6148914691236517204");

      TokenMap map = session.getMetadata().getTokenMap().orElseThrow();
      Node node0 = session.getMetadata().getNodes().get(cluster.node(0).hostId());
      Set<String> tokens = map.getTokens(node0).stream().map(map::format).collect(Collectors.toSet());
      assertThat(tokens).containsExactlyInAnyOrder("-9223372036854775807", "-3074457345618258603");
      // A key whose token is just above 0 lives on node 1's 3074457345618258602 range.
      session.execute("CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
      map = session.getMetadata().getTokenMap().orElseThrow();
      Token t = map.parse("1");
      assertThat(map.getReplicas("ks", t)).extracting(Node::getHostId).containsExactly(cluster.node(1).hostId());
    }
  }

  @Test
  void should_refuse_a_token_count_other_than_num_tokens_with_cassandras_message() {
    ClusterSpec spec = ClusterSpec.defaults().withDatacenters(DatacenterSpec.of("dc1", 2).withTokens(0, "1", "2", "2"))
        .withNumTokens(3);
    assertThatThrownBy(() -> Ringlet.start(spec)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("The number of initial tokens (by initial_token) specified (2) is different from num_tokens value (3)");
  }

  @Test
  void should_refuse_a_token_given_to_two_nodes_with_cassandras_message() {
    ClusterSpec spec = ClusterSpec.defaults().withNumTokens(1)
        .withDatacenters(DatacenterSpec.of("dc1", 2).withTokens(0, "42").withTokens(1, "42"));
    assertThatThrownBy(() -> Ringlet.start(spec)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Bootstrapping to existing token 42 is not allowed (decommission/removenode the old node first).");
  }

  @Test
  void should_start_a_single_node_on_its_explicit_token() {
    ClusterSpec spec = ClusterSpec.defaults().withNumTokens(1).withDatacenters(DatacenterSpec.of("datacenter1", 1).withTokens(0, "77"));
    try (RingletCluster cluster = Ringlet.start(spec);
        CqlSession session = CqlSession.builder().addContactPoints(cluster.contactPoints()).withLocalDatacenter("datacenter1").build()) {
      assertThat(session.execute("SELECT tokens FROM system.local").one().getSet(0, String.class)).containsExactly("77");
    }
  }
}
