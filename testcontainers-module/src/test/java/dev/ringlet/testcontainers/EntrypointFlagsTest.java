package dev.ringlet.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image's entrypoint turns {@link RingletContainer}'s environment into the server's flags: run
 * with {@code /bin/sh}, as the image runs it, with a {@code java} on the path that prints its
 * arguments instead of starting a server.
 */
class EntrypointFlagsTest {

  private static final Path ENTRYPOINT = Path.of("src/image/entrypoint.sh");

  @TempDir
  Path bin;

  @Test
  void should_pass_the_user_defined_function_timeouts_and_policy_as_server_flags() throws Exception {
    Map<String, String> env = new RingletContainer("ringlet:any").withUserDefinedFunctions()
        .withUserDefinedFunctionTimeouts(java.time.Duration.ofMillis(100), java.time.Duration.ofMillis(300))
        .withUserFunctionTimeoutPolicy("ignore").getEnvMap();

    List<String> args = run(env);

    assertThat(String.join(" ", args)).contains("--enable-user-defined-functions",
        "--user-defined-functions-warn-timeout 100", "--user-defined-functions-fail-timeout 300",
        "--user-function-timeout-policy ignore");
  }

  @Test
  void should_pass_the_tombstone_thresholds_as_server_flags() throws Exception {
    List<String> args = run(new RingletContainer("ringlet:any").withTombstoneThresholds(2, 5).getEnvMap());

    assertThat(String.join(" ", args)).contains("--tombstone-warn-threshold 2", "--tombstone-failure-threshold 5");
    assertThat(run(new RingletContainer("ringlet:any").getEnvMap()))
        .doesNotContain("--tombstone-warn-threshold", "--tombstone-failure-threshold");
  }

  @Test
  void should_pass_no_timeout_flags_by_default() throws Exception {
    List<String> args = run(new RingletContainer("ringlet:any").withUserDefinedFunctions().getEnvMap());

    assertThat(args).contains("--enable-user-defined-functions")
        .doesNotContain("--user-defined-functions-warn-timeout", "--user-defined-functions-fail-timeout",
            "--user-function-timeout-policy");
  }

  private List<String> run(Map<String, String> env) throws IOException, InterruptedException {
    Path java = bin.resolve("java");
    Files.writeString(java, "#!/bin/sh\nfor a in \"$@\"; do echo \"$a\"; done\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    ProcessBuilder pb = new ProcessBuilder("/bin/sh", ENTRYPOINT.toString()).redirectErrorStream(true);
    pb.environment().putAll(env);
    pb.environment().put("CASSANDRA_LISTEN_ADDRESS", "127.0.0.1");
    pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isZero();
    return out.lines().toList();
  }
}
