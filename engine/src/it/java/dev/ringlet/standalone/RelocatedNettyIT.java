package dev.ringlet.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The published engine as an application's tests get it (Netty relocated inside, logback on the class
 * path): a first {@code Ringlet.start()} does not initialise the application's logging backend, the
 * relocated Netty's warnings still reach it (or, when SLF4J has no provider, the backend Netty's own
 * default would fall back to), and {@code -Dringlet.netty.debugLogging=true} brings back
 * Netty's DEBUG logging (and with it the backend's initialisation during the start).
 */
class RelocatedNettyIT {

  /** The standalone jar: the shaded engine, SLF4J and logback; failsafe passes its absolute path. */
  private static final String JAR = System.getProperty("ringlet.jar", "target/ringlet.jar");

  @TempDir
  Path dir;

  private record Run(List<String> classesLoaded, String output) {
    /** Classes loaded before the probe's start returned. */
    List<String> loadedBeforeReady() {
      List<String> before = new ArrayList<>();
      for (String line : classesLoaded) {
        if (line.contains(RelocatedNettyProbe.Ready.class.getName())) {
          return before;
        }
        before.add(line);
      }
      throw new AssertionError("the probe never got ready:\n" + output);
    }
  }

  private Run probe(String rootLevel, String... properties) throws Exception {
    Path config = dir.resolve("logback-" + rootLevel + ".xml");
    Files.writeString(config, "<configuration>\n"
        + "  <appender name=\"OUT\" class=\"ch.qos.logback.core.ConsoleAppender\">\n"
        + "    <encoder><pattern>LOG %level %logger %msg%n</pattern></encoder>\n"
        + "  </appender>\n"
        + "  <root level=\"" + rootLevel + "\"><appender-ref ref=\"OUT\"/></root>\n"
        + "</configuration>\n");
    Path classes = dir.resolve("classes-" + rootLevel + ".txt");
    Path testClasses = Path.of(RelocatedNettyProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xlog:class+load=info:file=" + classes, "-Dlogback.configurationFile=" + config));
    command.addAll(List.of(properties));
    command.addAll(List.of("-cp", Path.of(JAR).toAbsolutePath() + File.pathSeparator + testClasses,
        RelocatedNettyProbe.class.getName()));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("probe finished").isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    return new Run(Files.readAllLines(classes), output);
  }

  @Test
  void should_start_without_initialising_the_logging_backend_and_still_log_netty_warnings() throws Exception {
    Run run = probe("DEBUG");

    assertThat(run.loadedBeforeReady()).as("classes loaded by the start").noneMatch(line -> line.contains("ch.qos.logback"));
    assertThat(run.output)
        .contains("PROBE ready")
        .contains("LOG WARN dev.ringlet.shaded.io.netty.Probe probe warning 42")
        .doesNotContain("LOG DEBUG dev.ringlet.shaded.io.netty")
        .doesNotContain("intercepted and are now being replayed");
  }

  @Test
  void should_log_netty_warnings_where_netty_would_when_slf4j_has_no_provider() throws Exception {
    // SLF4J's own no-provider fallback, chosen explicitly (the jar carries logback): as with no provider at all
    Run run = probe("DEBUG", "-Dslf4j.provider=org.slf4j.helpers.NOP_FallbackServiceProvider");

    // Netty's default would take java.util.logging next (no Log4j on this class path): its console handler
    assertThat(run.output)
        .contains("PROBE done")
        .contains("WARNING: probe warning 42")
        .doesNotContain("LOG WARN");
  }

  @Test
  void should_log_netty_debug_when_asked_to() throws Exception {
    Run run = probe("DEBUG", "-Dringlet.netty.debugLogging=true");

    assertThat(run.loadedBeforeReady()).anyMatch(line -> line.contains("ch.qos.logback.classic.LoggerContext"));
    assertThat(run.output)
        .contains("LOG DEBUG dev.ringlet.shaded.io.netty")
        .contains("LOG WARN dev.ringlet.shaded.io.netty.Probe probe warning 42")
        .doesNotContain("intercepted and are now being replayed");
  }
}
