package dev.ringlet.driver.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringlet.driver.wait.Await;
import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.ProtocolVersion;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.metadata.Node;
import com.datastax.oss.driver.api.core.metadata.TokenMap;
import com.datastax.oss.driver.api.core.servererrors.WriteTimeoutException;
import com.datastax.oss.driver.api.core.servererrors.WriteType;
import com.datastax.oss.driver.api.core.type.codec.TypeCodecs;
import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.MessageRule;
import dev.ringlet.api.MessageVerb;
import dev.ringlet.api.Ringlet;
import dev.ringlet.api.RingletCluster;
import dev.ringlet.api.RingletNode;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** A LOGGED batch whose coordinator fails half way is completed from the batchlog. */
class BatchlogTest {

  @Test
  void should_replay_a_logged_batch_that_its_coordinator_could_not_finish() {
    try (RingletCluster cluster = Ringlet.start(ClusterSpec.defaults().withNodes(3).withManualClock(true));
        CqlSession session = CqlSession.builder().addContactPoints(cluster.contactPoints()).withLocalDatacenter(cluster.localDatacenter())
            .withConfigLoader(DriverConfigLoader.programmaticBuilder()
                .withDuration(DefaultDriverOption.METADATA_SCHEMA_WINDOW, Duration.ofMillis(1))
                .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(10)).build())
            .build()) {
      session.execute("CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
      session.execute("CREATE TABLE ks.t (k int PRIMARY KEY, v int)");
      TokenMap tokens = session.getMetadata().getTokenMap().orElseThrow();
      RingletNode coordinator = cluster.node(0);
      // Two keys on two different nodes, neither of them the coordinator.
      int first = -1;
      int second = -1;
      for (int k = 0; k < 1000 && second < 0; k++) {
        Node owner = owner(tokens, k);
        if (owner.getHostId().equals(coordinator.hostId())) {
          continue;
        }
        if (first < 0) {
          first = k;
        } else if (!owner.equals(owner(tokens, first))) {
          second = k;
        }
      }
      Node lost = owner(tokens, second);
      RingletNode lostNode = cluster.nodes().stream().filter(n -> n.hostId().equals(lost.getHostId())).findFirst().orElseThrow();
      cluster.addRule(MessageRule.drop().verb(MessageVerb.MUTATION).from(coordinator).to(lostNode));
      cluster.addRule(MessageRule.drop().verb(MessageVerb.HINT).from(coordinator).to(lostNode)); // only the batchlog can help

      SimpleStatement batch = SimpleStatement.newInstance("BEGIN BATCH INSERT INTO ks.t (k, v) VALUES (" + first + ", 1); "
          + "INSERT INTO ks.t (k, v) VALUES (" + second + ", 2); APPLY BATCH").setConsistencyLevel(ConsistencyLevel.ONE)
          .setNode(session.getMetadata().getNodes().get(coordinator.hostId()));
      CompletableFuture<?> pending = session.executeAsync(batch).toCompletableFuture();
      Await.until(() -> {
        cluster.advanceClock(Duration.ofMillis(500));
        return pending.isDone();
      });
      assertThatThrownBy(pending::get).hasCauseInstanceOf(WriteTimeoutException.class)
          .satisfies(t -> assertThat(((WriteTimeoutException) t.getCause()).getWriteType()).isEqualTo(WriteType.BATCH));
      SimpleStatement read = SimpleStatement.newInstance("SELECT v FROM ks.t WHERE k = " + second).setNode(lost)
          .setConsistencyLevel(ConsistencyLevel.ONE);

      // The coordinator's write and hint to that replica are both lost: only a batchlog replay, two
      // write timeouts after the batch was stored, can bring the row there.
      cluster.advanceClock(Duration.ofSeconds(5));
      assertThat(session.execute(read).one().getInt(0)).isEqualTo(2);
    }
  }

  private static Node owner(TokenMap tokens, int key) {
    return tokens.getReplicas("ks", tokens.newToken(TypeCodecs.INT.encode(key, ProtocolVersion.DEFAULT))).iterator().next();
  }
}
