package dev.ringlet.internal.node;

import dev.ringlet.internal.storage.StorageStartupException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a durable node remembers of itself, as Cassandra's {@code system.local} table: its host id
 * and tokens (kept across restarts, so a node comes back as itself and owns the same data), and the
 * cluster name, datacenter and rack it was started with, which Cassandra refuses to see change; and
 * the gossip generation of its last start, which the next start goes above (as 5.0's
 * {@code SystemKeyspace.incrementAndGetGeneration}). Kept in {@code system.local} (one
 * {@code key=value} per line) in the node's directory.
 *
 * @param gossipGeneration the generation of the node's last start (0: not started yet, or saved before
 *     generations were)
 */
record LocalState(String clusterName, UUID hostId, List<Long> tokens, String datacenter, String rack, int gossipGeneration) {

  static final String FILE = "system.local";

  LocalState {
    tokens = List.copyOf(tokens);
  }

  static LocalState of(NodeConfig config) {
    return new LocalState(config.clusterName(), config.hostId(), config.tokens(), config.datacenter(), config.rack(), 0);
  }

  /** The state saved in {@code nodeDirectory}, or null when the node never ran there. */
  static LocalState load(Path nodeDirectory) {
    Path file = nodeDirectory.resolve(FILE);
    if (!Files.exists(file)) {
      return null;
    }
    Map<String, String> values = new LinkedHashMap<>();
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        int eq = line.indexOf('=');
        if (eq > 0 && !line.startsWith("#")) {
          values.put(line.substring(0, eq), line.substring(eq + 1));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    try {
      List<Long> tokens = new ArrayList<>();
      for (String t : values.get("tokens").split(",")) {
        if (!t.isEmpty()) {
          tokens.add(Long.parseLong(t));
        }
      }
      String generation = values.get("gossip_generation");
      return new LocalState(values.get("cluster_name"), UUID.fromString(values.get("host_id")), tokens,
          values.get("data_center"), values.get("rack"), generation == null ? 0 : Integer.parseInt(generation));
    } catch (RuntimeException e) {
      throw new StorageStartupException("Cannot read the saved local state in " + file + ": " + e + " (expected: cluster_name,"
          + " host_id, tokens, data_center and rack lines)", e);
    }
  }

  /**
   * The generation of a start at {@code nowSeconds} after this state's: the start second, or one above
   * the last start's when the clock has not passed it (a restart within its second, or a clock set back),
   * as 5.0's {@code SystemKeyspace.incrementAndGetGeneration}.
   */
  int nextGossipGeneration(int nowSeconds) {
    return Math.max(nowSeconds, gossipGeneration + 1);
  }

  /** This state with the generation of a new start. */
  LocalState withGossipGeneration(int generation) {
    return new LocalState(clusterName, hostId, tokens, datacenter, rack, generation);
  }

  /** Writes this state to {@code nodeDirectory} atomically. */
  void save(Path nodeDirectory) {
    StringBuilder out = new StringBuilder("# Ringlet node's local state, as Cassandra's system.local\n");
    out.append("cluster_name=").append(clusterName).append('\n');
    out.append("host_id=").append(hostId).append('\n');
    out.append("data_center=").append(datacenter).append('\n');
    out.append("rack=").append(rack).append('\n');
    out.append("bootstrapped=COMPLETED\n");
    StringBuilder t = new StringBuilder();
    for (Long token : tokens) {
      t.append(t.length() == 0 ? "" : ",").append(token);
    }
    out.append("tokens=").append(t).append('\n');
    if (gossipGeneration > 0) {
      out.append("gossip_generation=").append(gossipGeneration).append('\n');
    }
    Path file = nodeDirectory.resolve(FILE);
    try {
      Files.createDirectories(nodeDirectory);
      Path tmp = nodeDirectory.resolve(FILE + ".tmp");
      Files.writeString(tmp, out, StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new StorageStartupException("Cannot save the local state to " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * The node as configured, but with the host id and tokens it had before; refused, with
   * Cassandra's messages, when the cluster name, datacenter or rack changed.
   */
  NodeConfig restore(NodeConfig configured) {
    if (!clusterName.equals(configured.clusterName())) {
      throw new StorageStartupException("Saved cluster name " + clusterName + " != configured name " + configured.clusterName());
    }
    if (!datacenter.equals(configured.datacenter())) {
      throw new StorageStartupException("Cannot start node if snitch's data center (" + configured.datacenter()
          + ") differs from previous data center (" + datacenter + "). Please fix the snitch configuration, decommission and"
          + " rebootstrap this node");
    }
    if (!rack.equals(configured.rack())) {
      throw new StorageStartupException("Cannot start node if snitch's rack (" + configured.rack()
          + ") differs from previous rack (" + rack + "). Please fix the snitch configuration, decommission and rebootstrap"
          + " this node");
    }
    return new NodeConfig(configured.clusterName(), configured.datacenter(), configured.rack(), configured.address(),
        configured.port(), configured.releaseVersion(), hostId, tokens, configured.clock(), configured.storagePort(),
        configured.authentication(), configured.userDefinedFunctions(), configured.materializedViews(),
        configured.dynamicDataMasking(), configured.readThresholds(), configured.udfTimeouts());
  }
}
