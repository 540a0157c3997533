package dev.ringlet.compat;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.Ringlet;
import dev.ringlet.api.RingletCluster;
import io.netty.util.Version;
import org.junit.jupiter.api.Test;

/**
 * Ringlet inside an application that pins an older Netty and driver: the application keeps its
 * versions, and Ringlet runs on its own relocated copy.
 */
class ClasspathHygieneTest {

  @Test
  void should_leave_the_applications_netty_version_alone_and_still_serve_the_driver() {
    assertThat(Version.identify().get("netty-common").artifactVersion()).isEqualTo("4.1.94.Final");
    try (RingletCluster cluster = Ringlet.start(ClusterSpec.defaults());
        CqlSession session = CqlSession.builder().addContactPoints(cluster.contactPoints())
            .withLocalDatacenter(cluster.localDatacenter()).build()) {
      assertThat(session.execute("SELECT release_version FROM system.local").one().getString(0)).startsWith("5.0");
    }
  }

  @Test
  void should_run_ringlet_on_its_relocated_netty() throws ClassNotFoundException {
    // Present only when the engine artifact is the packaged (shaded) one, as applications get it.
    Class<?> relocated = Class.forName("dev.ringlet.shaded.io.netty.channel.Channel");
    assertThat(relocated.getProtectionDomain().getCodeSource().getLocation().toString()).contains("ringlet");
  }
}
