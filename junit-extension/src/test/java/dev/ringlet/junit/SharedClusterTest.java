package dev.ringlet.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlet.api.RingletCluster;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Classes with the same spec share one cluster per run, closed at the end of the run; others get their own. */
class SharedClusterTest {

  static final Set<RingletCluster> SEEN_BY_FIRST = ConcurrentHashMap.newKeySet();
  static final Set<RingletCluster> SEEN_BY_SECOND = ConcurrentHashMap.newKeySet();
  static final Set<RingletCluster> SEEN_BY_OWN = ConcurrentHashMap.newKeySet();

  @BeforeEach
  void clear() {
    SEEN_BY_FIRST.clear();
    SEEN_BY_SECOND.clear();
    SEEN_BY_OWN.clear();
  }

  @OnlyInTestKit
  @CassandraCluster(name = "Shared")
  static class FirstFixture {
    @Test
    void records(RingletCluster cluster) {
      SEEN_BY_FIRST.add(cluster);
    }
  }

  @OnlyInTestKit
  @CassandraCluster(name = "Shared", keyspace = "other_keyspace")
  static class SecondFixture {
    @Test
    void records(RingletCluster cluster) {
      SEEN_BY_SECOND.add(cluster);
    }
  }

  @OnlyInTestKit
  @CassandraCluster(name = "Shared", shared = false)
  static class OwnClusterFixture {
    @Test
    void records(RingletCluster cluster) {
      SEEN_BY_OWN.add(cluster);
    }
  }

  @Test
  void should_share_one_cluster_between_classes_with_the_same_spec() {
    TestKit.assertAllSucceeded(TestKit.run(FirstFixture.class, SecondFixture.class), 2);

    assertThat(SEEN_BY_FIRST).hasSize(1);
    assertThat(SEEN_BY_SECOND).isEqualTo(SEEN_BY_FIRST);
  }

  @Test
  void should_share_when_classes_run_in_parallel() {
    TestKit.assertAllSucceeded(TestKit.runInParallel(FirstFixture.class, SecondFixture.class), 2);

    assertThat(SEEN_BY_FIRST).hasSize(1);
    assertThat(SEEN_BY_SECOND).isEqualTo(SEEN_BY_FIRST);
  }

  @Test
  void should_start_a_cluster_of_its_own_for_a_class_that_asks() {
    TestKit.assertAllSucceeded(TestKit.run(FirstFixture.class, OwnClusterFixture.class), 2);

    assertThat(SEEN_BY_OWN).hasSize(1).doesNotContainAnyElementsOf(SEEN_BY_FIRST);
  }

  @Test
  void should_close_the_clusters_at_the_end_of_the_run() {
    TestKit.assertAllSucceeded(TestKit.run(FirstFixture.class, OwnClusterFixture.class), 2);

    List<InetSocketAddress> addresses = List.of(
        SEEN_BY_FIRST.iterator().next().contactPoints().get(0), SEEN_BY_OWN.iterator().next().contactPoints().get(0));
    for (InetSocketAddress address : addresses) {
      assertThat(accepts(address)).as("%s still accepts connections", address).isFalse();
    }
  }

  private static boolean accepts(InetSocketAddress address) {
    try (Socket socket = new Socket()) {
      socket.connect(address, 1000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
