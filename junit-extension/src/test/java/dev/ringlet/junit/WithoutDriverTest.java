package dev.ringlet.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.ringlet.api.RingletCluster;
import java.io.File;
import java.net.InetSocketAddress;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * The extension on a test classpath without the driver: JUnit, the extension and these fixtures are
 * loaded again by a class loader that leaves out {@code java-driver-core}.
 */
class WithoutDriverTest {

  @OnlyInTestKit
  @CassandraCluster(name = "No driver")
  static class ClusterOnlyFixture {
    @Test
    void gets_the_cluster_without_the_driver(RingletCluster cluster, List<InetSocketAddress> contactPoints) throws Exception {
      assertThat(contactPoints).isEqualTo(cluster.contactPoints()).hasSize(1);
      assertThat(WithoutDriverTest.class.getClassLoader().getResource(
          "com/datastax/oss/driver/api/core/CqlSession.class")).as("the driver is hidden").isNull();
    }
  }

  @OnlyInTestKit
  @CassandraCluster(name = "No driver", keyspace = "needs_driver")
  static class KeyspaceFixture {
    @Test
    void never_runs() {}
  }

  /** Runs inside the isolated class loader; returns what happened, one line per class. */
  public static final class Probe implements Supplier<String> {
    @Override
    public String get() {
      StringBuilder out = new StringBuilder();
      for (Class<?> fixture : List.of(ClusterOnlyFixture.class, KeyspaceFixture.class)) {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
            .configurationParameter(OnlyInTestKit.PARAMETER, "true")
            .configurationParameter("junit.jupiter.execution.parallel.enabled", "false")
            .selectors(selectClass(fixture))
            .execute();
        out.append(fixture.getSimpleName()).append(": succeeded ").append(results.testEvents().succeeded().count());
        results.allEvents().failed().stream().map(Event::getPayload).flatMap(java.util.Optional::stream)
            .map(p -> ((TestExecutionResult) p).getThrowable().map(Throwable::getMessage).orElse(""))
            .forEach(m -> out.append(", failed: ").append(m));
        out.append('\n');
      }
      return out.toString();
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void should_start_clusters_without_the_driver_and_say_what_needs_it() throws Exception {
    try (URLClassLoader withoutDriver = new URLClassLoader(classPathWithout("java-driver-core"),
        ClassLoader.getPlatformClassLoader())) {
      Supplier<String> probe = (Supplier<String>) withoutDriver.loadClass(Probe.class.getName())
          .getConstructor().newInstance();

      Thread thread = Thread.currentThread();
      ClassLoader previous = thread.getContextClassLoader();
      thread.setContextClassLoader(withoutDriver);
      String outcome;
      try {
        outcome = probe.get();
      } finally {
        thread.setContextClassLoader(previous);
      }

      assertThat(outcome).contains("ClusterOnlyFixture: succeeded 1\n");
      assertThat(outcome).contains("KeyspaceFixture: succeeded 0, failed: Ringlet cluster for "
          + KeyspaceFixture.class.getName() + ": @CassandraCluster(keyspace/schema) needs the Apache Cassandra Java"
          + " driver 4.x, but com.datastax.oss.driver.api.core.CqlSession is not on the test classpath (expected: a"
          + " test dependency on org.apache.cassandra:java-driver-core 4.18+ or com.datastax.oss:java-driver-core"
          + " 4.14-4.17)");
    }
  }

  private static URL[] classPathWithout(String excluded) throws MalformedURLException {
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<URL> urls = new ArrayList<>();
    for (String entry : classPath.split(File.pathSeparator)) {
      if (!entry.isEmpty() && !new File(entry).getName().startsWith(excluded)) {
        urls.add(new File(entry).toURI().toURL());
      }
    }
    return urls.toArray(new URL[0]);
  }
}
