package dev.ringlet.spring.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.RingletCluster;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The registry with stand-in clusters that only count starts and closes. */
class SharedClustersTest {

  private final List<ClusterSpec> started = new ArrayList<>();
  private final AtomicInteger closed = new AtomicInteger();
  private final SharedClusters clusters = new SharedClusters(spec -> {
    started.add(spec);
    return fakeCluster();
  });

  @Test
  void should_share_one_cluster_between_leases_of_equal_specs() {
    SharedClusters.Lease first = clusters.acquire(ClusterSpec.defaults());
    SharedClusters.Lease second = clusters.acquire(ClusterSpec.defaults());

    assertThat(second.cluster()).isSameAs(first.cluster());
    assertThat(started).hasSize(1);
  }

  @Test
  void should_start_one_cluster_per_distinct_spec() {
    SharedClusters.Lease first = clusters.acquire(ClusterSpec.defaults());
    SharedClusters.Lease second = clusters.acquire(ClusterSpec.defaults().withClusterName("other"));

    assertThat(second.cluster()).isNotSameAs(first.cluster());
    assertThat(clusters.runningCount()).isEqualTo(2);
  }

  @Test
  void should_close_the_cluster_when_the_last_lease_is_released() {
    SharedClusters.Lease first = clusters.acquire(ClusterSpec.defaults());
    SharedClusters.Lease second = clusters.acquire(ClusterSpec.defaults());

    first.close();
    first.close();
    assertThat(closed).hasValue(0);

    second.close();
    assertThat(closed).hasValue(1);
    assertThat(clusters.runningCount()).isZero();

    clusters.acquire(ClusterSpec.defaults());
    assertThat(started).hasSize(2);
  }

  @Test
  void should_run_a_set_up_step_once_per_cluster_unless_it_failed() {
    SharedClusters.Lease first = clusters.acquire(ClusterSpec.defaults());
    SharedClusters.Lease second = clusters.acquire(ClusterSpec.defaults());
    AtomicInteger runs = new AtomicInteger();

    first.once("script a", runs::incrementAndGet);
    second.once("script a", runs::incrementAndGet);
    second.once("script b", runs::incrementAndGet);
    assertThat(runs).hasValue(2);

    assertThatThrownBy(() -> first.once("script c", () -> {
      throw new IllegalStateException("boom");
    })).hasMessage("boom");
    second.once("script c", runs::incrementAndGet);
    assertThat(runs).hasValue(3);
  }

  /** A proxy, so the stand-in follows the RingletCluster interface as it grows. */
  private RingletCluster fakeCluster() {
    return (RingletCluster) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {RingletCluster.class},
        (proxy, method, args) -> {
          switch (method.getName()) {
            case "close":
              closed.incrementAndGet();
              return null;
            case "hashCode":
              return System.identityHashCode(proxy);
            case "equals":
              return proxy == args[0];
            default:
              throw new UnsupportedOperationException(method.getName());
          }
        });
  }
}
