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
        default:
          throw new IllegalArgumentException("unknown option " + name + " (see --help)");
      }
    }
    return new StandaloneOptions(spec, false);
  }

  private static int port(String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--port: " + value + " (expected: a number 0-65535)");
    }
  }
}
