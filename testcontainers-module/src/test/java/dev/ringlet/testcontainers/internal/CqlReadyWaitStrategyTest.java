package dev.ringlet.testcontainers.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.command.InspectContainerResponse;
import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.Ringlet;
import dev.ringlet.api.RingletCluster;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.ContainerLaunchException;
import org.testcontainers.containers.wait.strategy.WaitStrategyTarget;

/**
 * The wait strategy against real sockets on this machine: a Ringlet node is ready, a port that only
 * accepts connections is not, and a stopped container fails at once with its output.
 */
class CqlReadyWaitStrategyTest {

  /** A container stand-in whose CQL port 9042 is mapped to {@code port} on 127.0.0.1. */
  private static WaitStrategyTarget target(int port, boolean running, String logs) {
    return new WaitStrategyTarget() {
      @Override
      public List<Integer> getExposedPorts() {
        return List.of(9042);
      }

      @Override
      public InspectContainerResponse getContainerInfo() {
        throw new UnsupportedOperationException("not a container");
      }

      @Override
      public String getHost() {
        return "127.0.0.1";
      }

      @Override
      public Integer getMappedPort(int originalPort) {
        return port;
      }

      @Override
      public boolean isRunning() {
        return running;
      }

      @Override
      public String getLogs() {
        return logs;
      }
    };
  }

  @Test
  void should_be_ready_when_a_node_answers_the_protocol_exchange() {
    try (RingletCluster node = Ringlet.start(ClusterSpec.defaults().withPort(0))) {
      int port = node.contactPoints().get(0).getPort();
      assertThatCode(() -> new CqlReadyWaitStrategy(9042).withStartupTimeout(Duration.ofSeconds(30))
          .waitUntilReady(target(port, true, ""))).doesNotThrowAnyException();
    }
  }

  @Test
  void should_not_be_ready_when_the_port_only_accepts_connections() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
      Thread acceptor = new Thread(() -> {
        try (Socket accepted = silent.accept()) {
          accepted.getInputStream().readAllBytes(); // reads the OPTIONS frame, answers nothing
        } catch (Exception closed) {
          // the test is over
        }
      });
      acceptor.setDaemon(true);
      acceptor.start();
      assertThatThrownBy(() -> new CqlReadyWaitStrategy(9042).withStartupTimeout(Duration.ofMillis(500))
          .waitUntilReady(target(silent.getLocalPort(), true, "")))
          .isInstanceOf(ContainerLaunchException.class)
          .hasMessageContaining("CQL not ready on 127.0.0.1:" + silent.getLocalPort())
          .hasMessageContaining("Read timed out");
    }
  }

  @Test
  void should_fail_at_once_with_the_output_when_the_container_stopped() throws Exception {
    // a port held by a bound socket that does not listen: refused, and no other process can take it
    try (Socket held = new Socket()) {
      held.bind(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0));
      int closedPort = held.getLocalPort();
      assertThatThrownBy(() -> new CqlReadyWaitStrategy(9042).withStartupTimeout(Duration.ofMinutes(5))
          .waitUntilReady(target(closedPort, false, "ringlet: unknown option --frobnicate\n")))
          .isInstanceOf(ContainerLaunchException.class)
          .hasMessageContaining("the container stopped before CQL was ready")
          .hasMessageContaining("ringlet: unknown option --frobnicate");
    }
  }
}
