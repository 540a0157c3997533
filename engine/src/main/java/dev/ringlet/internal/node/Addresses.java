package dev.ringlet.internal.node;

import dev.ringlet.api.ClusterSpec;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Chooses where the nodes of a multi-node cluster listen. With distinct addresses, a random block
 * {@code 127.a.b.1 ... 127.a.b.n} ({@code a >= 1}, so never 127.0.0.x) is taken only if every address
 * can be bound on the port: binding is the lock, so another cluster in this JVM or another one that
 * holds any address of the block makes us try another block. With a shared address, each node gets
 * its own free port.
 */
final class Addresses {

  private static final int ATTEMPTS = 32;

  private Addresses() {}

  /** A planned listening address; the real bind happens when the node starts. */
  record Slot(InetAddress address, int port, int storagePort) {}

  static List<Slot> plan(ClusterSpec spec, Random random) {
    int n = spec.nodeCount();
    ClusterSpec.Addressing mode = spec.addressing();
    if (mode == ClusterSpec.Addressing.AUTO) {
      mode = distinctAddressesWork() ? ClusterSpec.Addressing.DISTINCT_ADDRESSES : ClusterSpec.Addressing.SHARED_ADDRESS;
    }
    if (mode == ClusterSpec.Addressing.DISTINCT_ADDRESSES) {
      int port = spec.port() == 0 ? 9042 : spec.port();
      if (n > 254) {
        throw new IllegalArgumentException("nodes: " + n + " (expected: at most 254 with distinct addresses)");
      }
      for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
        int a = 1 + random.nextInt(254);
        int b = random.nextInt(256);
        List<Slot> slots = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          slots.add(new Slot(address(new byte[] {127, (byte) a, (byte) b, (byte) (i + 1)}), port, 7000));
        }
        if (allFree(slots)) {
          return slots;
        }
      }
      throw new IllegalStateException("no free block of " + n + " loopback addresses on port " + port + " after " + ATTEMPTS
          + " attempts (expected: a free 127.a.b.0/24 block)");
    }
    InetAddress shared = address(spec.address());
    List<Slot> slots = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int port = spec.port() == 0 ? freePort(shared) : spec.port() + i;
      slots.add(new Slot(shared, port, 7000 + i));
    }
    return slots;
  }

  /**
   * Where a node added to a running cluster listens: the next free address of the cluster's block
   * (distinct addresses), or a free port on the shared address.
   */
  static Slot next(ClusterSpec spec, List<NodeConfig> existing) {
    ClusterSpec.Addressing mode = spec.addressing();
    if (mode == ClusterSpec.Addressing.AUTO) {
      mode = distinctAddressesWork() ? ClusterSpec.Addressing.DISTINCT_ADDRESSES : ClusterSpec.Addressing.SHARED_ADDRESS;
    }
    NodeConfig first = existing.get(0);
    if (mode == ClusterSpec.Addressing.DISTINCT_ADDRESSES) {
      byte[] block = first.address().getAddress();
      int last = 0;
      for (NodeConfig c : existing) {
        last = Math.max(last, c.address().getAddress()[3] & 0xff);
      }
      for (int i = last + 1; i < 255; i++) {
        Slot slot = new Slot(address(new byte[] {block[0], block[1], block[2], (byte) i}), first.port(), first.storagePort());
        if (allFree(List.of(slot))) {
          return slot;
        }
      }
      throw new IllegalStateException("no free address left in " + first.address().getHostAddress() + "'s /24 block on port "
          + first.port() + " (expected: at most 254 nodes)");
    }
    int storagePort = 0;
    for (NodeConfig c : existing) {
      storagePort = Math.max(storagePort, c.storagePort());
    }
    return new Slot(first.address(), freePort(first.address()), storagePort + 1);
  }

  static boolean distinctAddressesWork() {
    try (ServerSocket s = new ServerSocket()) {
      s.bind(new InetSocketAddress(address(new byte[] {127, 0, 0, 2}), 0));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean allFree(List<Slot> slots) {
    List<ServerSocket> held = new ArrayList<>();
    try {
      for (Slot s : slots) {
        ServerSocket socket = new ServerSocket();
        held.add(socket);
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(s.address(), s.port()));
      }
      return true;
    } catch (BindException e) {
      return false;
    } catch (IOException e) {
      return false;
    } finally {
      for (ServerSocket s : held) {
        try {
          s.close();
        } catch (IOException ignored) {
          // closing a probe socket cannot fail in a way that matters
        }
      }
    }
  }

  private static int freePort(InetAddress address) {
    try (ServerSocket s = new ServerSocket(0, 1, address)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("no free port on " + address.getHostAddress(), e);
    }
  }

  static InetAddress address(byte[] bytes) {
    try {
      return InetAddress.getByAddress(bytes);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(e);
    }
  }

  static InetAddress address(String name) {
    try {
      return InetAddress.getByName(name);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("address: " + name + " (expected: an IP address or resolvable name)", e);
    }
  }
}
