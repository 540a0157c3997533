package dev.ringlet.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code java -jar engine/target/ringlet.jar} as a newcomer runs it: it prints the ready line with
 * its contact point, a driver connects and works, and SIGTERM stops it through its shutdown hook.
 */
class StandaloneServerIT {

  /** The jar under test; failsafe passes its absolute path (its working directory varies). */
  private static final String JAR = System.getProperty("ringlet.jar", "target/ringlet.jar");

  private static final Pattern READY = Pattern.compile("^Ringlet ready: ([0-9.]+):(\\d+) .*");

  @Test
  void should_print_the_ready_line_serve_a_driver_and_stop_on_sigterm() throws Exception {
    Path jar = Path.of(JAR);
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process = new ProcessBuilder(List.of(java.toString(), "-jar", jar.toString(), "--port", "0",
        "--cluster-name", "standalone-it"))
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line = out.readLine();
      assertThat(line).as("first line of output").isNotNull().startsWith("Ringlet ready: ");
      Matcher m = READY.matcher(line);
      assertThat(m.matches()).as(line).isTrue();
      InetSocketAddress contact = new InetSocketAddress(m.group(1), Integer.parseInt(m.group(2)));
      try (CqlSession session = CqlSession.builder().addContactPoint(contact).withLocalDatacenter("datacenter1").build()) {
        assertThat(session.execute("SELECT cluster_name FROM system.local").one().getString(0)).isEqualTo("standalone-it");
      }
      process.destroy(); // SIGTERM
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("stopped within 30 s").isTrue();
      // The JVM's status after SIGTERM with shutdown hooks run is 128 + 15.
      assertThat(process.exitValue()).isIn(0, 143);
    } finally {
      process.destroyForcibly();
    }
  }

  @Test
  void should_print_usage_for_help_and_refuse_unknown_options() throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process help = new ProcessBuilder(java.toString(), "-jar", JAR, "--help").redirectErrorStream(true).start();
    String text = new String(help.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(help.waitFor()).isZero();
    assertThat(text).contains("Usage: java -jar ringlet.jar").contains("--port").contains("--datacenter");
    Process bad = new ProcessBuilder(java.toString(), "-jar", JAR, "--frobnicate", "1").redirectErrorStream(true).start();
    String err = new String(bad.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(bad.waitFor()).isEqualTo(2);
    assertThat(err).contains("unknown option --frobnicate");
  }
}
