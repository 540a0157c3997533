package dev.ringlet.api;

import java.util.Objects;

/**
 * A description of a cluster to start: immutable, built with {@code withX(...)}. A spec only
 * describes; {@link Ringlet#start} runs it and returns a {@link RingletCluster} handle.
 *
 * <p>Defaults: cluster name {@code "Ringlet Cluster"}, one node in datacenter {@code datacenter1}
 * rack {@code rack1}, address {@code 127.0.0.1}, port 0 (a free port is chosen), release version
 * {@code 5.0.9}.
 *
 * @param clusterName the name reported in {@code system.local.cluster_name}
 * @param datacenter the datacenter of the node(s)
 * @param rack the rack of the node(s)
 * @param address the address the node listens on
 * @param port the CQL port; 0 picks a free one
 * @param releaseVersion the Cassandra version advertised in {@code release_version}
 */
public record ClusterSpec(
    String clusterName, String datacenter, String rack, String address, int port, String releaseVersion) {

  public static final String DEFAULT_RELEASE_VERSION = "5.0.9";
  public static final String DEFAULT_CLUSTER_NAME = "Ringlet Cluster";
  public static final String DEFAULT_DATACENTER = "datacenter1";
  public static final String DEFAULT_RACK = "rack1";

  public ClusterSpec {
    requireName(clusterName, "clusterName");
    requireName(datacenter, "datacenter");
    requireName(rack, "rack");
    requireName(address, "address");
    requireName(releaseVersion, "releaseVersion");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port: " + port + " (expected: 0-65535)");
    }
    if (!releaseVersion.matches("\\d+\\.\\d+(\\.\\d+)?.*")) {
      throw new IllegalArgumentException(
          "releaseVersion: " + releaseVersion + " (expected: a version like 5.0.9)");
    }
  }

  private static void requireName(String value, String what) {
    Objects.requireNonNull(value, what);
    if (value.isBlank()) {
      throw new IllegalArgumentException(what + ": blank (expected: a non-empty name)");
    }
  }

  /** The default spec: one node on 127.0.0.1 and a free port. */
  public static ClusterSpec defaults() {
    return new ClusterSpec(DEFAULT_CLUSTER_NAME, DEFAULT_DATACENTER, DEFAULT_RACK, "127.0.0.1", 0, DEFAULT_RELEASE_VERSION);
  }

  public ClusterSpec withClusterName(String name) {
    return new ClusterSpec(name, datacenter, rack, address, port, releaseVersion);
  }

  public ClusterSpec withDatacenter(String name) {
    return new ClusterSpec(clusterName, name, rack, address, port, releaseVersion);
  }

  public ClusterSpec withRack(String name) {
    return new ClusterSpec(clusterName, datacenter, name, address, port, releaseVersion);
  }

  public ClusterSpec withAddress(String newAddress) {
    return new ClusterSpec(clusterName, datacenter, rack, newAddress, port, releaseVersion);
  }

  public ClusterSpec withPort(int newPort) {
    return new ClusterSpec(clusterName, datacenter, rack, address, newPort, releaseVersion);
  }

  public ClusterSpec withReleaseVersion(String version) {
    return new ClusterSpec(clusterName, datacenter, rack, address, port, version);
  }
}
