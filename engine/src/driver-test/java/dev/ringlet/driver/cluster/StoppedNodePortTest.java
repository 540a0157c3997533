package dev.ringlet.driver.cluster;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.Ringlet;
import dev.ringlet.api.RingletCluster;
import dev.ringlet.api.RingletNode;
import java.net.ConnectException;
import java.net.Socket;
import org.junit.jupiter.api.Test;

/** A stopped node's CQL port is closed: clients are refused at once, as by a Cassandra node that is down. */
class StoppedNodePortTest {

  @Test
  void should_refuse_connections_to_a_stopped_node() {
    try (RingletCluster cluster = Ringlet.start(ClusterSpec.defaults().withNodes(3).withManualClock(true))) {
      RingletNode stopped = cluster.nodes().get(1);
      stopped.stop();
      assertThatThrownBy(() -> new Socket(stopped.nativeAddress().getAddress(), stopped.nativeAddress().getPort()).close())
          .isInstanceOf(ConnectException.class);
    }
  }
}
