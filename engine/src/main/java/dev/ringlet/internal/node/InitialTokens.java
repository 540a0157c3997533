package dev.ringlet.internal.node;

import dev.ringlet.internal.dht.NameUuids;
import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.DatacenterSpec;
import dev.ringlet.internal.cluster.Endpoint;
import dev.ringlet.internal.cluster.Ring;
import dev.ringlet.internal.cluster.TokenAllocation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The tokens of a cluster's nodes at start: explicit ones ({@link DatacenterSpec#withTokens},
 * Cassandra's {@code initial_token}) validated as Cassandra validates them, chosen ones for the
 * rest ({@link TokenAllocation#allocate}, balanced for Cassandra's default
 * {@code allocate_tokens_for_local_replication_factor: 3}, node after node in start order), never
 * two nodes on one token.
 */
final class InitialTokens {

  private InitialTokens() {}

  /**
   * Every node's tokens, in start order (datacenter by datacenter, node by node).
   *
   * @throws IllegalArgumentException with Cassandra's message when a node's explicit tokens are not
   *     {@code num_tokens} distinct tokens, or a token is given to two nodes
   */
  static List<List<Long>> assign(ClusterSpec spec) {
    List<List<Long>> out = new ArrayList<>();
    Map<Long, String> owners = new HashMap<>();
    List<DatacenterSpec> dcs = spec.datacenters();
    for (DatacenterSpec dc : dcs) {
      for (int i = 0; i < dc.nodes(); i++) {
        List<Long> explicit = dc.tokensOf(i);
        if (!explicit.isEmpty()) {
          validateCount(explicit, spec.numTokens(), dc.name(), i);
          for (Long t : explicit) {
            if (owners.putIfAbsent(t, dc.name() + "/" + i) != null) {
              throw new IllegalArgumentException("Bootstrapping to existing token " + t
                  + " is not allowed (decommission/removenode the old node first).");
            }
          }
        }
      }
    }
    // Explicit tokens are in the ring first; the others are allocated node by node, in start order,
    // as nodes bootstrapping one after another would get them.
    Map<Endpoint, List<Long>> ring = new LinkedHashMap<>();
    for (DatacenterSpec dc : dcs) {
      for (int i = 0; i < dc.nodes(); i++) {
        if (!dc.tokensOf(i).isEmpty()) {
          ring.put(endpoint(spec, dc, i), List.copyOf(new java.util.LinkedHashSet<>(dc.tokensOf(i))));
        }
      }
    }
    for (DatacenterSpec dc : dcs) {
      for (int i = 0; i < dc.nodes(); i++) {
        List<Long> explicit = dc.tokensOf(i);
        if (!explicit.isEmpty()) {
          out.add(explicit);
          continue;
        }
        Endpoint node = endpoint(spec, dc, i);
        List<Long> chosen = TokenAllocation.allocate(new Ring(ring), node, spec.numTokens(),
            TokenAllocation.LOCAL_REPLICATION_FACTOR, node.hostId().getMostSignificantBits());
        ring.put(node, chosen);
        out.add(chosen);
      }
    }
    return out;
  }

  /** Node {@code index} of a datacenter as the cluster starts it: its host id and rack (racks dealt in turn). */
  static Endpoint endpoint(ClusterSpec spec, DatacenterSpec dc, int index) {
    UUID hostId = NameUuids.of((spec.clusterName() + "/" + dc.name() + "/" + index).getBytes(StandardCharsets.UTF_8));
    return new Endpoint(hostId, dc.name(), dc.racks().get(index % dc.racks().size()));
  }

  /** A single node's tokens: explicit ones validated, or {@link Tokens#spread} seeded by its host id. */
  static List<Long> explicitOrSpread(ClusterSpec spec, UUID hostId) {
    return explicitOr(spec, () -> Tokens.spread(spec.numTokens(), hostId.getMostSignificantBits()));
  }

  /** A single node's tokens: explicit ones validated, or the chosen ones. */
  static List<Long> explicitOr(ClusterSpec spec, java.util.function.Supplier<List<Long>> chosen) {
    List<Long> explicit = spec.datacenters().get(0).tokensOf(0);
    if (explicit.isEmpty()) {
      return chosen.get();
    }
    validateCount(explicit, spec.numTokens(), spec.datacenter(), 0);
    return explicit;
  }

  private static void validateCount(List<Long> tokens, int numTokens, String datacenter, int index) {
    if (tokens.size() != numTokens) {
      throw new IllegalArgumentException(String.format(
          "The number of initial tokens (by initial_token) specified (%s) is different from num_tokens value (%s)", tokens.size(),
          numTokens) + " (node " + index + " of datacenter " + datacenter + "; expected: as many distinct tokens as"
          + " ClusterSpec.withNumTokens)");
    }
  }
}
