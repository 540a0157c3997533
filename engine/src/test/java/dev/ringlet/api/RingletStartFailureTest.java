package dev.ringlet.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A start whose protocol server cannot bind fails with the bind error and leaves no thread behind:
 * the I/O threads, made on a thread of their own while the node is built, are closed with it.
 */
class RingletStartFailureTest {

  @Test
  void should_fail_with_the_bind_error_and_stop_every_thread_it_started_when_the_port_is_taken() throws Exception {
    Set<Thread> before = new HashSet<>(Thread.getAllStackTraces().keySet());
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      ClusterSpec spec = ClusterSpec.defaults().withAddress("127.0.0.1").withPort(taken.getLocalPort());

      assertThatThrownBy(() -> Ringlet.start(spec)).isInstanceOf(UncheckedIOException.class)
          .hasMessage("Cannot bind 127.0.0.1:" + taken.getLocalPort());
    }

    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (!before.contains(t) && t.getName().startsWith("ringlet-")) {
        t.join(10_000); // a stopped event loop's thread ends just after its termination is signalled
        assertThat(t.isAlive()).as("thread %s", t.getName()).isFalse();
      }
    }
  }

  @Test
  void should_start_after_a_failed_start() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      ClusterSpec spec = ClusterSpec.defaults().withAddress("127.0.0.1").withPort(taken.getLocalPort());
      assertThatThrownBy(() -> Ringlet.start(spec)).isInstanceOf(UncheckedIOException.class);
    }

    try (RingletCluster cluster = Ringlet.start(ClusterSpec.defaults())) {
      assertThat(cluster.contactPoints()).singleElement().satisfies(a -> assertThat(a.getPort()).isPositive());
    }
  }
}
