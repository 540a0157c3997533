package dev.ringlet.internal.node;

import dev.ringlet.api.ClusterSpec;
import java.util.List;
import java.util.UUID;

/**
 * The tokens of a multi-process cluster's node at its first start, chosen as in-JVM clusters choose
 * theirs ({@link InitialTokens}): explicit ones ({@code --initial-token}) validated; a member the
 * ring already lists keeps its tokens; any other node gets tokens from the replication-aware
 * allocator ({@code TokenAllocation}, Cassandra 5.0's {@code allocate_tokens_for_local_replication_factor: 3})
 * against the ring the seeds described, seeded by its host id, as a node bootstrapping after the
 * ones before it. The host id comes from the cluster name and the internode address, so processes
 * started one after another on the same addresses get the same ring every time; a seed (or a node
 * with no seed to ask) allocates against an empty ring. Processes started at the same moment may
 * see different rings and then get different (still balanced-as-seen) tokens. A durable node
 * restores its saved tokens instead ({@link NodeDirectories#restore}).
 */
final class ProcessTokens {

  private ProcessTokens() {}

  /**
   * @param listed the tokens the seeds list for this host id, or null when the ring does not know it
   * @param ring the other members the seeds described (empty for a seed)
   */
  static List<Long> choose(ClusterSpec spec, UUID hostId, List<Long> listed, List<NodeConfig> ring) {
    return InitialTokens.explicitOr(spec, () -> listed != null ? listed
        : Membership.allocateTokens(ClusterContext.ringOf(ring), hostId, spec.datacenter(), spec.rack(), spec.numTokens()));
  }
}
