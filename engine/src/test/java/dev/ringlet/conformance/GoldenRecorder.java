package dev.ringlet.conformance;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Records the golden answers: runs every scenario (or the ones named) against a running Cassandra
 * and writes {@code golden/<scenario>.golden}. Run on demand through {@code tools/record-golden.sh},
 * never by the build.
 *
 * <pre>
 * GoldenRecorder [--target host:port] [--datacenter dc] [--dir conformance-folder] [--authenticated] [scenario...]
 * </pre>
 *
 * Scenarios named {@code auth_*} need a server with PasswordAuthenticator and CassandraAuthorizer
 * (login {@code cassandra}/{@code cassandra}): they are recorded only with {@code --authenticated},
 * and the others only without it.
 *
 * Defaults: {@code 127.0.0.1:9142} (the reference Cassandra), {@code datacenter1}, and {@code
 * engine/src/test/resources/conformance} (or {@code src/test/resources/conformance}) under the
 * working directory.
 */
public final class GoldenRecorder {

  private GoldenRecorder() {}

  public static void main(String[] args) throws Exception {
    String target = "127.0.0.1:9142";
    String datacenter = "datacenter1";
    Path dir = null;
    List<String> only = new ArrayList<>();
    boolean authenticated = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--target" -> target = args[++i];
        case "--datacenter" -> datacenter = args[++i];
        case "--dir" -> dir = Path.of(args[++i]);
        case "--authenticated" -> authenticated = true;
        default -> {
          if (args[i].startsWith("--")) {
            throw new IllegalArgumentException("option: " + args[i]
                + " (expected: --target host:port, --datacenter dc, --dir folder, --authenticated, or scenario names)");
          }
          only.add(args[i]);
        }
      }
    }
    Path conformance = dir != null ? dir : defaultFolder();
    boolean withAuthentication = authenticated;
    List<Scenario> scenarios = ScenarioReader.readFolder(conformance.resolve("scenarios")).stream()
        .filter(s -> only.isEmpty() || only.contains(s.name()))
        .filter(s -> ConformanceTarget.needsAuthentication(s) == withAuthentication)
        // recorded only when named: they need a reference with read_thresholds_enabled (docs/conformance.md)
        .filter(s -> only.contains(s.name()) || !ConformanceTarget.needsReadThresholds(s))
        .toList();
    if (scenarios.isEmpty()) {
      throw new IllegalArgumentException("no scenario to record in " + conformance.resolve("scenarios")
          + (only.isEmpty() ? "" : " named " + only));
    }
    Path goldenFolder = Files.createDirectories(conformance.resolve("golden"));
    try (ConformanceTarget server = authenticated
        ? ConformanceTarget.externalWithAuthentication(target, datacenter)
        : ConformanceTarget.external(target, datacenter)) {
      String source = describeServer(server);
      int statements = 0;
      int errors = 0;
      for (Scenario scenario : scenarios) {
        List<StatementAnswer> answers = server.run(scenario);
        Path file = goldenFolder.resolve(scenario.name() + ".golden");
        Files.writeString(file, GoldenFile.render(scenario.name(), source, answers), StandardCharsets.UTF_8);
        long failed = answers.stream().filter(StatementAnswer::isError).count();
        statements += answers.size();
        errors += failed;
        System.out.printf("%-32s %4d statements, %3d errors -> %s%n",
            scenario.name(), answers.size(), failed, file);
        warnAboutClientErrors(scenario, answers);
      }
      System.out.printf("recorded %d scenarios, %d statements (%d errors) from %s%n",
          scenarios.size(), statements, errors, source);
    }
  }

  private static Path defaultFolder() {
    for (String candidate : List.of("engine/src/test/resources/conformance", "src/test/resources/conformance")) {
      Path path = Path.of(candidate);
      if (Files.isDirectory(path.resolve("scenarios"))) {
        return path;
      }
    }
    throw new IllegalArgumentException(
        "no conformance folder under " + Path.of("").toAbsolutePath() + " (expected: --dir <folder>)");
  }

  private static String describeServer(ConformanceTarget server) {
    try (CqlSession session = server.openSession()) {
      Row local = session.execute("SELECT release_version FROM system.local").one();
      return "Apache Cassandra " + (local == null ? "?" : local.getString(0));
    }
  }

  /** A driver-side error in a golden file is almost always a scenario bug; say so loudly. */
  private static void warnAboutClientErrors(Scenario scenario, List<StatementAnswer> answers) {
    for (StatementAnswer answer : answers) {
      boolean clientError = answer.lines().stream()
          .anyMatch(l -> l.startsWith(AnswerFormatter.ERROR_PREFIX) && l.endsWith(" client"));
      if (clientError) {
        System.out.printf("  WARNING %s #%d (line %d) failed in the driver, not the server: %s%n",
            scenario.name(), answer.number(), answer.line(), answer.lines());
      }
    }
  }
}
