package dev.ringlet.internal.standalone;

import dev.ringlet.api.ClusterSpec;
import java.util.List;

/** The standalone server's command line, parsed and validated once. */
record StandaloneOptions(ClusterSpec spec, boolean help) {

  static final String USAGE = String.join("\n",
      "Usage: java -jar ringlet.jar [options]",
      "Starts a Ringlet node that Cassandra drivers and cqlsh can connect to.",
      "",
      "  --address ADDR        address to listen on (default 127.0.0.1)",
      "  --port PORT           CQL native protocol port (default 9042)",
      "  --cluster-name NAME   cluster name reported to clients (default \"Ringlet Cluster\")",
      "  --datacenter NAME     datacenter of the node (default datacenter1)",
      "  --rack NAME           rack of the node (default rack1)",
      "  --release-version V   Cassandra version to advertise (default " + ClusterSpec.DEFAULT_RELEASE_VERSION + ")",
      "  --authenticator A     AllowAllAuthenticator (default: no login) or PasswordAuthenticator",
      "                        (login required, superuser cassandra/cassandra, CassandraAuthorizer)",
      "  --data-dir DIR        keep data in DIR across restarts (default: in memory, nothing on disk)",
      "  --commitlog-sync MODE periodic (default), batch or group: when a write is acknowledged",
      "                        relative to the commit log's fsync (needs --data-dir)",
      "  --nodes N             start an in-JVM cluster of N nodes in the datacenter (default 1)",
      "  --datacenters LIST    start an in-JVM cluster over datacenters, e.g. dc1:3,dc2:2 (dc:nodes[:racks])",
      "  --num-tokens N        vnodes per node (default " + ClusterSpec.DEFAULT_NUM_TOKENS + ")",
      "  --enable-user-defined-functions",
      "                        allow CREATE FUNCTION (Java UDFs; needs a JDK); off by default, as in Cassandra",
      "  --help                print this help and exit",
      "");

  static StandaloneOptions parse(List<String> args) {
    ClusterSpec spec = ClusterSpec.defaults().withPort(9042);
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("--help") || arg.equals("-h")) {
        return new StandaloneOptions(spec, true);
      }
      if (arg.equals("--enable-user-defined-functions")) {
        spec = spec.withUserDefinedFunctions(true);
        continue;
      }
      String name = arg;
      String value;
      int eq = arg.indexOf('=');
      if (arg.startsWith("--") && eq > 0) {
        name = arg.substring(0, eq);
        value = arg.substring(eq + 1);
      } else {
        if (i + 1 >= args.size()) {
          throw new IllegalArgumentException(arg + ": missing value");
        }
        value = args.get(++i);
      }
      switch (name) {
        case "--address":
          spec = spec.withAddress(value);
          break;
        case "--port":
          spec = spec.withPort(port(value));
          break;
        case "--cluster-name":
          spec = spec.withClusterName(value);
          break;
        case "--datacenter":
          spec = spec.withDatacenter(value);
          break;
        case "--rack":
          spec = spec.withRack(value);
          break;
        case "--release-version":
          spec = spec.withReleaseVersion(value);
          break;
        case "--authenticator":
          spec = spec.withAuthentication(passwordAuthenticator(value));
          break;
        case "--data-dir":
          spec = spec.withDataDirectory(java.nio.file.Path.of(value));
          break;
        case "--commitlog-sync":
          spec = spec.withCommitLogSync(commitLogSync(value));
          break;
        case "--nodes":
          spec = spec.withNodes(number(name, value));
          break;
        case "--datacenters":
          spec = spec.withDatacenters(datacenters(value));
          break;
        case "--num-tokens":
          spec = spec.withNumTokens(number(name, value));
          break;
        default:
          throw new IllegalArgumentException("unknown option " + name + " (see --help)");
      }
    }
    return new StandaloneOptions(spec, false);
  }

  /** Cassandra's {@code authenticator} setting: the short or the fully qualified class name. */
  private static boolean passwordAuthenticator(String value) {
    String simple = value.startsWith("org.apache.cassandra.auth.") ? value.substring("org.apache.cassandra.auth.".length()) : value;
    switch (simple) {
      case "PasswordAuthenticator":
        return true;
      case "AllowAllAuthenticator":
        return false;
      default:
        throw new IllegalArgumentException("--authenticator: " + value
            + " (expected: AllowAllAuthenticator or PasswordAuthenticator)");
    }
  }

  private static ClusterSpec.CommitLogSync commitLogSync(String value) {
    switch (value.toLowerCase(java.util.Locale.ROOT)) {
      case "periodic":
        return ClusterSpec.CommitLogSync.PERIODIC;
      case "batch":
        return ClusterSpec.CommitLogSync.BATCH;
      case "group":
        return ClusterSpec.CommitLogSync.GROUP;
      default:
        throw new IllegalArgumentException("--commitlog-sync: " + value + " (expected: periodic, batch or group)");
    }
  }

  /** {@code dc1:3,dc2:2} or {@code dc1:3:3} (three racks). */
  static List<dev.ringlet.api.DatacenterSpec> datacenters(String value) {
    List<dev.ringlet.api.DatacenterSpec> out = new java.util.ArrayList<>();
    for (String part : value.split(",")) {
      String[] f = part.trim().split(":");
      if (f.length < 2 || f.length > 3 || f[0].isBlank()) {
        throw new IllegalArgumentException("--datacenters: " + part + " (expected: name:nodes or name:nodes:racks)");
      }
      int nodes = number("--datacenters", f[1]);
      if (f.length == 2) {
        out.add(dev.ringlet.api.DatacenterSpec.of(f[0], nodes));
      } else {
        out.add(dev.ringlet.api.DatacenterSpec.of(f[0], nodes, number("--datacenters", f[2])));
      }
    }
    return out;
  }

  private static int number(String option, String value) {
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + ": " + value + " (expected: a number)");
    }
  }

  private static int port(String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--port: " + value + " (expected: a number 0-65535)");
    }
  }
}
