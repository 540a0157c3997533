package dev.ringlet.internal.standalone;

import dev.ringlet.api.ClusterSpec;
import dev.ringlet.internal.node.ProcessCluster;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * The standalone server's command line, parsed and validated once.
 *
 * @param process how to join a multi-process cluster over TCP, or null for a cluster in this JVM
 */
record StandaloneOptions(ClusterSpec spec, boolean help, ProcessCluster.Options process) {

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
      "  --initial-token LIST  the node's tokens, comma-separated Murmur3 tokens (Cassandra's initial_token;",
      "                        as many as --num-tokens); one node only (alone or with --seeds)",
      "  --enable-user-defined-functions",
      "                        allow CREATE FUNCTION (Java UDFs, compiled with ECJ); off by default, as in Cassandra",
      "  --user-defined-functions-warn-timeout MS",
      "                        a function call running longer adds a client warning (default 500, 0: never)",
      "  --user-defined-functions-fail-timeout MS",
      "                        a function call running longer fails and its body is stopped (default 1500)",
      "  --user-function-timeout-policy P",
      "                        die (default), die_immediate or ignore: only the failure's wording; the node keeps running",
      "  --tombstone-warn-threshold N",
      "                        a read scanning more tombstones on a replica adds a client warning (default 1000)",
      "  --tombstone-failure-threshold N",
      "                        a read scanning more tombstones on a replica fails with READ_FAILURE (default 100000)",
      "  --enable-materialized-views",
      "                        allow CREATE MATERIALIZED VIEW; off by default, as in Cassandra",
      "  --enable-dynamic-data-masking",
      "                        allow MASKED WITH columns and apply their masks; off by default, as in Cassandra",
      "  --read-thresholds-enabled",
      "                        read_thresholds_enabled: one aggregated tombstone warning per read command from",
      "                        every replica it contacted (N nodes scanned up to M tombstones ...); off by default",
      "",
      "Client-to-node TLS (client_encryption_options):",
      "  --tls-keystore FILE   serve CQL over TLS with the key and certificate of FILE (PKCS12 or JKS)",
      "  --tls-keystore-password P  the keystore's (and its key's) password",
      "  --tls-optional        also accept plain clients on the same port (optional: true)",
      "  --tls-require-client-auth  clients must present a certificate the truststore trusts",
      "  --tls-truststore FILE trusted client certificates (PKCS12 or JKS), for --tls-require-client-auth",
      "  --tls-truststore-password P  the truststore's password",
      "",
      "One node of a cluster spread over several processes or containers (over TCP):",
      "  --seeds LIST          internode addresses of seed nodes, host[:port],... (port default 7000);",
      "                        the node joins through them; a seed lists itself or the first node",
      "  --listen-address ADDR internode address to bind and advertise (default: --address)",
      "  --internode-port PORT internode (storage) port (default 7000; 0: a free one, shown in the",
      "                        ready line; a first node then names itself ADDRESS:0 in --seeds)",
      "  --join-timeout SECS   how long to wait for a seed to answer (default 60), and for the",
      "                        cluster's schema when the node bootstraps",
      "  A node that is not a seed and has no data yet bootstraps into a cluster that has a schema:",
      "  it takes tokens for an even share of its datacenter (or --initial-token), streams its ranges",
      "  from the other nodes, then serves; a seed, a restarted node, or a node joining a cluster",
      "  without any schema change joins at once.",
      "  --help                print this help and exit",
      "",
      "Operating a running node of a multi-process cluster (nodetool over its internode port):",
      "  java -jar ringlet.jar nodetool [--host H] [--port P] status|decommission|removenode ID|repair [KS [TABLE...]]",
      "  (java -jar ringlet.jar nodetool --help for details)",
      "");

  static StandaloneOptions parse(List<String> args) {
    ClusterSpec spec = ClusterSpec.defaults().withPort(9042);
    String seeds = null;
    String listenAddress = null;
    int internodePort = DEFAULT_INTERNODE_PORT;
    boolean internodeOption = false;
    int joinTimeoutSeconds = 60;
    String initialToken = null;
    Tls tls = new Tls();
    Integer udfWarnMillis = null;
    Integer udfFailMillis = null;
    Integer tombstoneWarn = null;
    Integer tombstoneFailure = null;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("--help") || arg.equals("-h")) {
        return new StandaloneOptions(spec, true, null);
      }
      if (arg.equals("--enable-user-defined-functions")) {
        spec = spec.withUserDefinedFunctions(true);
        continue;
      }
      if (arg.equals("--enable-materialized-views")) {
        spec = spec.withMaterializedViews(true);
        continue;
      }
      if (arg.equals("--enable-dynamic-data-masking")) {
        spec = spec.withDynamicDataMasking(true);
        continue;
      }
      if (arg.equals("--read-thresholds-enabled")) {
        spec = spec.withReadThresholdsEnabled(true);
        continue;
      }
      if (arg.equals("--tls-optional")) {
        tls.optional = true;
        continue;
      }
      if (arg.equals("--tls-require-client-auth")) {
        tls.requireClientAuth = true;
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
        case "--seeds":
          seeds = value;
          break;
        case "--initial-token":
          initialToken = value;
          break;
        case "--tls-keystore":
          tls.keystore = value;
          break;
        case "--tls-keystore-password":
          tls.keystorePassword = value;
          break;
        case "--tls-truststore":
          tls.truststore = value;
          break;
        case "--tls-truststore-password":
          tls.truststorePassword = value;
          break;
        case "--listen-address":
          listenAddress = value;
          internodeOption = true;
          break;
        case "--internode-port":
          internodePort = portOf(name, value);
          internodeOption = true;
          break;
        case "--user-defined-functions-warn-timeout":
          udfWarnMillis = number(name, value);
          break;
        case "--user-defined-functions-fail-timeout":
          udfFailMillis = number(name, value);
          break;
        case "--tombstone-warn-threshold":
          tombstoneWarn = number(name, value);
          break;
        case "--tombstone-failure-threshold":
          tombstoneFailure = number(name, value);
          break;
        case "--user-function-timeout-policy":
          spec = spec.withUserFunctionTimeoutPolicy(timeoutPolicy(value));
          break;
        case "--join-timeout":
          joinTimeoutSeconds = number(name, value);
          internodeOption = true;
          break;
        default:
          throw new IllegalArgumentException("unknown option " + name + " (see --help)");
      }
    }
    if (udfWarnMillis != null || udfFailMillis != null) {
      spec = spec.withUserDefinedFunctionTimeouts(
          udfWarnMillis == null ? spec.userDefinedFunctionWarnTimeout() : java.time.Duration.ofMillis(udfWarnMillis),
          udfFailMillis == null ? spec.userDefinedFunctionFailTimeout() : java.time.Duration.ofMillis(udfFailMillis));
    }
    if (tombstoneWarn != null || tombstoneFailure != null) {
      int warn = tombstoneWarn == null ? spec.tombstoneWarnThreshold() : tombstoneWarn;
      int failure = tombstoneFailure == null ? spec.tombstoneFailureThreshold() : tombstoneFailure;
      if (warn < 1 || failure < 1) {
        throw new IllegalArgumentException("--tombstone-warn-threshold: " + warn + ", --tombstone-failure-threshold: "
            + failure + " (expected: positive)");
      }
      spec = spec.withTombstoneThresholds(warn, failure);
    }
    if (initialToken != null) {
      if (spec.nodeCount() != 1) {
        throw new IllegalArgumentException("--initial-token gives one node its tokens: it cannot be combined with --nodes or"
            + " --datacenters (expected: a single node, alone or with --seeds)");
      }
      dev.ringlet.api.DatacenterSpec dc = spec.datacenters().get(0).withTokens(0, initialToken.split(","));
      spec = spec.withDatacenters(dc);
    }
    spec = spec.withClientEncryption(tls.encryption());
    if (seeds == null) {
      if (internodeOption) {
        throw new IllegalArgumentException("--listen-address, --internode-port and --join-timeout need --seeds");
      }
      return new StandaloneOptions(spec, false, null);
    }
    if (spec.nodeCount() != 1) {
      throw new IllegalArgumentException("--seeds starts one node of a multi-process cluster: it cannot be combined with"
          + " --nodes or --datacenters");
    }
    String listenHost = listenAddress != null ? listenAddress : spec.address();
    InetSocketAddress listen = new InetSocketAddress(host("--listen-address", listenHost), internodePort);
    return new StandaloneOptions(spec, false, new ProcessCluster.Options(spec, listen, seeds(seeds),
        java.time.Duration.ofSeconds(joinTimeoutSeconds)));
  }

  static final int DEFAULT_INTERNODE_PORT = 7000;

  /** The {@code --tls-*} options as given, checked together once all are read. */
  private static final class Tls {
    String keystore;
    String keystorePassword;
    String truststore;
    String truststorePassword;
    boolean optional;
    boolean requireClientAuth;

    /** Null when no TLS option was given. */
    dev.ringlet.api.ClientEncryption encryption() {
      if (keystore == null) {
        if (keystorePassword != null || truststore != null || truststorePassword != null || optional || requireClientAuth) {
          throw new IllegalArgumentException("--tls-* options need --tls-keystore");
        }
        return null;
      }
      if (keystorePassword == null) {
        throw new IllegalArgumentException("--tls-keystore needs --tls-keystore-password");
      }
      if ((truststore == null) != (truststorePassword == null)) {
        throw new IllegalArgumentException("--tls-truststore and --tls-truststore-password go together");
      }
      if (requireClientAuth && truststore == null) {
        throw new IllegalArgumentException("--tls-require-client-auth needs --tls-truststore (the trusted client certificates)");
      }
      dev.ringlet.api.ClientEncryption e = dev.ringlet.api.ClientEncryption.keystore(java.nio.file.Path.of(keystore), keystorePassword)
          .withOptional(optional)
          .withRequireClientAuth(requireClientAuth);
      return truststore == null ? e : e.withTruststore(java.nio.file.Path.of(truststore), truststorePassword);
    }
  }

  /** {@code host[:port],...}; IPv6 literals in brackets; names that do not resolve yet stay unresolved. */
  static List<InetSocketAddress> seeds(String value) {
    List<InetSocketAddress> out = new java.util.ArrayList<>();
    for (String part : value.split(",")) {
      String p = part.trim();
      if (p.isEmpty()) {
        throw new IllegalArgumentException("--seeds: " + value + " (expected: host[:port],...)");
      }
      String host = p;
      int port = DEFAULT_INTERNODE_PORT;
      if (p.startsWith("[")) {
        int close = p.indexOf(']');
        if (close < 0) {
          throw new IllegalArgumentException("--seeds: " + p + " (expected: [ipv6]:port)");
        }
        host = p.substring(1, close);
        if (close + 1 < p.length()) {
          if (p.charAt(close + 1) != ':') {
            throw new IllegalArgumentException("--seeds: " + p + " (expected: [ipv6]:port)");
          }
          port = portOf("--seeds", p.substring(close + 2));
        }
      } else if (p.indexOf(':') >= 0 && p.indexOf(':') == p.lastIndexOf(':')) {
        host = p.substring(0, p.indexOf(':'));
        port = portOf("--seeds", p.substring(p.indexOf(':') + 1));
      }
      // Resolved now if possible, else on each connection attempt (a container's peers may not be
      // resolvable before they start).
      out.add(new InetSocketAddress(host, port));
    }
    return out;
  }

  private static InetAddress host(String option, String host) {
    try {
      return InetAddress.getByName(host);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(option + ": " + host + " (expected: a resolvable host name or address)");
    }
  }

  private static int portOf(String option, String value) {
    int port;
    try {
      port = Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + ": " + value + " (expected: a number 0-65535)");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException(option + ": " + value + " (expected: a number 0-65535)");
    }
    return port;
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

  private static dev.ringlet.api.UserFunctionTimeoutPolicy timeoutPolicy(String value) {
    for (dev.ringlet.api.UserFunctionTimeoutPolicy p : dev.ringlet.api.UserFunctionTimeoutPolicy.values()) {
      if (p.name().equalsIgnoreCase(value.trim())) {
        return p;
      }
    }
    throw new IllegalArgumentException("--user-function-timeout-policy: " + value + " (expected: die, die_immediate or ignore)");
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
