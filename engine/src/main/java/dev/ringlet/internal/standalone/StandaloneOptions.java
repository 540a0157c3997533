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
      "  --nodes N             start an in-JVM cluster of N nodes in the datacenter (default 1)",
      "  --datacenters LIST    start an in-JVM cluster over datacenters, e.g. dc1:3,dc2:2 (dc:nodes[:racks])",
      "  --num-tokens N        vnodes per node (default " + ClusterSpec.DEFAULT_NUM_TOKENS + ")",
      "  --help                print this help and exit",
      "");

  static StandaloneOptions parse(List<String> args) {
    ClusterSpec spec = ClusterSpec.defaults().withPort(9042);
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("--help") || arg.equals("-h")) {
        return new StandaloneOptions(spec, true);
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
