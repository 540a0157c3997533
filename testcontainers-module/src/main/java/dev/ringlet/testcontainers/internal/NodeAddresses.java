package dev.ringlet.testcontainers.internal;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Network;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Fixed container addresses for the nodes of a group, taken from the top of the network's IPv4
 * subnet (the engine hands out addresses from the bottom). A container engine gives a stopped
 * container a new address when it starts again unless the address was fixed at creation; a Ringlet
 * node is known to its peers by its address, so a node that came back elsewhere would be a new node
 * and the old one would stay down for ever.
 */
public final class NodeAddresses {

  private NodeAddresses() {}

  /**
   * {@code count} addresses of the network's first IPv4 subnet, counting down from the last usable
   * one.
   *
   * @throws IllegalStateException when the network has no IPv4 subnet large enough
   */
  public static List<String> reserve(DockerClient docker, String networkId, int count) {
    Network network = docker.inspectNetworkCmd().withNetworkId(networkId).exec();
    List<Network.Ipam.Config> configs = network.getIpam() == null ? null : network.getIpam().getConfig();
    if (configs != null) {
      for (Network.Ipam.Config config : configs) {
        List<String> addresses = fromSubnet(config.getSubnet(), count);
        if (addresses != null) {
          return addresses;
        }
      }
    }
    throw new IllegalStateException("network " + network.getName() + " has no IPv4 subnet with room for " + count
        + " fixed node addresses (its IPAM configuration: " + configs + ")");
  }

  /** {@code count} addresses down from the last usable one of an IPv4 CIDR subnet; null if it does not fit. */
  static List<String> fromSubnet(String cidr, int count) {
    if (cidr == null || cidr.indexOf('/') < 0) {
      return null;
    }
    InetAddress base;
    int prefix;
    try {
      base = InetAddress.getByName(cidr.substring(0, cidr.indexOf('/')));
      prefix = Integer.parseInt(cidr.substring(cidr.indexOf('/') + 1));
    } catch (UnknownHostException | NumberFormatException e) {
      return null;
    }
    if (!(base instanceof Inet4Address) || prefix < 1 || prefix > 30) {
      return null;
    }
    long size = 1L << (32 - prefix);
    // network address, gateway (usually the first host) and broadcast stay out; keep half for the engine
    if (count > (size - 3) / 2) {
      return null;
    }
    byte[] b = base.getAddress();
    long network = ((b[0] & 0xFFL) << 24 | (b[1] & 0xFFL) << 16 | (b[2] & 0xFFL) << 8 | (b[3] & 0xFFL)) & ~(size - 1);
    long last = network + size - 2;
    List<String> addresses = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      long a = last - i;
      addresses.add(((a >> 24) & 0xFF) + "." + ((a >> 16) & 0xFF) + "." + ((a >> 8) & 0xFF) + "." + (a & 0xFF));
    }
    return addresses;
  }
}
