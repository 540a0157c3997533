package dev.ringlet.internal.coordinator;

import dev.ringlet.internal.cluster.Endpoint;
import dev.ringlet.internal.cluster.RangeMovements;
import dev.ringlet.internal.cluster.Ring;
import dev.ringlet.internal.cluster.TokenRange;
import dev.ringlet.internal.exec.ddl.SystemNames;
import dev.ringlet.internal.messaging.Verb;
import dev.ringlet.internal.schema.KeyspaceMetadata;
import dev.ringlet.internal.schema.ReplicationParams;
import dev.ringlet.internal.schema.Schema;
import dev.ringlet.internal.schema.TableMetadata;
import dev.ringlet.internal.storage.PartitionUpdate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Streaming for membership changes: a node fetches the data of the ranges it gains when the ring
 * changes from {@code current} to {@code future} (bootstrap: the joining node; decommission and
 * removenode: every node that takes over a range). Each range comes from one live current replica,
 * one that loses the range first (the leaving node itself during a decommission, as Cassandra's
 * consistent range movement does), else the first live one. Partitions arrive as stored, tombstones
 * included, and are applied to the local stores like any write, so they reconcile with writes the
 * node already received as a pending replica.
 *
 * <p>The replicated system keyspaces ({@code system_auth}, {@code system_distributed},
 * {@code system_traces}) are kept on every node ({@link EverywhereStore}): a joining node copies
 * their tables whole from one live member, and nothing moves when a node leaves.
 */
public final class RangeStreamer {

  private final Coordinator c;
  private final Supplier<Schema> schema;

  public RangeStreamer(Coordinator coordinator, Supplier<Schema> schema) {
    this.c = coordinator;
    this.schema = schema;
  }

  /**
   * Fetches every partition this node gains; returns how many partitions it received.
   *
   * @param strict whether a range no live replica can send fails the operation (bootstrap,
   *     decommission) or is skipped (removenode: data only the dead node held is lost, as in Cassandra)
   * @throws IllegalStateException when no live replica can send a range (strict), or a source does not answer
   */
  public int fetchGained(Ring current, Ring future, boolean strict) {
    int received = 0;
    boolean joining = !current.endpoints().containsKey(c.self.hostId());
    for (KeyspaceMetadata ks : schema.get().keyspaces().values()) {
      if (!replicated(ks)) {
        continue;
      }
      if (SystemNames.isSystem(ks.name())) {
        if (joining) {
          received += copyEverywhereTables(ks, current);
        }
        continue;
      }
      Map<Endpoint, List<TokenRange>> bySource = new LinkedHashMap<>();
      for (RangeMovements.Movement m : RangeMovements.movements(current, future, ks.replication().strategyClass(),
          Coordinator.factors(ks))) {
        if (!m.gainers().contains(c.self)) {
          continue;
        }
        // A replica that stays in the ring first: a node being removed may not be known dead here yet
        // (removenode of a process that just stopped), and a leaving node is asked only when it alone
        // holds a range (decommission with RF 1).
        Endpoint source = null;
        for (Endpoint s : m.sources()) {
          if (!s.equals(c.self) && future.endpoints().containsKey(s.hostId()) && c.alive.test(s.hostId())) {
            source = s;
            break;
          }
        }
        if (source == null) {
          for (Endpoint s : m.sources()) {
            if (!s.equals(c.self) && c.alive.test(s.hostId())) {
              source = s;
              break;
            }
          }
        }
        if (source == null && !strict) {
          continue;
        }
        if (source == null) {
          throw new IllegalStateException("unable to find sufficient sources for streaming range " + m.range() + " in keyspace "
              + ks.name() + " (expected: a live replica among " + m.sources().stream().map(Endpoint::hostId).toList() + ")");
        }
        bySource.computeIfAbsent(source, k -> new ArrayList<>()).add(m.range());
      }
      for (TableMetadata table : ks.tables().values()) {
        for (Map.Entry<Endpoint, List<TokenRange>> e : bySource.entrySet()) {
          received += fetch(ks, table, e.getKey(), e.getValue());
        }
      }
    }
    return received;
  }

  /** A joining node's copy of a keyspace kept on every node, from the first live member. */
  private int copyEverywhereTables(KeyspaceMetadata ks, Ring current) {
    Endpoint source = null;
    for (Endpoint e : current.endpoints().values()) {
      if (c.alive.test(e.hostId())) {
        source = e;
        break;
      }
    }
    if (source == null) {
      throw new IllegalStateException("unable to find a live member to copy keyspace " + ks.name() + " from");
    }
    int received = 0;
    List<TokenRange> wholeRing = List.of(new TokenRange(Long.MIN_VALUE, Long.MIN_VALUE));
    for (TableMetadata table : ks.tables().values()) {
      if (dev.ringlet.internal.system.SystemKeyspaces.table(ks.name(), table.name()) == null) {
        received += fetch(ks, table, source, wholeRing);
      }
    }
    return received;
  }

  private int fetch(KeyspaceMetadata ks, TableMetadata table, Endpoint source, List<TokenRange> ranges) {
    Map<Endpoint, Payloads.RangeAnswer> answer = new ConcurrentHashMap<>();
    c.messaging.request(source.hostId(), Verb.STREAM, new Payloads.RangesRequest(table.id(), ranges), a -> {
      if (!a.failure()) {
        answer.put(source, (Payloads.RangeAnswer) a.payload());
      }
    });
    if (!c.time.awaitUntil(() -> answer.containsKey(source), c.deadline(c.timeouts.range()))) {
      throw new IllegalStateException("Stream failed: " + source.hostId() + " did not send " + ks.name() + "." + table.name()
          + " for ranges " + ranges + " within " + c.timeouts.range().toMillis() + " ms");
    }
    List<PartitionUpdate> partitions = answer.get(source).partitions();
    for (PartitionUpdate p : partitions) {
      c.local.apply(new Payloads.Mutation(table.id(), p));
    }
    return partitions.size();
  }

  /** Whether the keyspace's data is placed on the ring (SimpleStrategy or NTS), not local to each node. */
  static boolean replicated(KeyspaceMetadata ks) {
    if (ks.virtual()) {
      return false;
    }
    String strategy = ks.replication().strategyClass();
    return strategy.equals(ReplicationParams.SIMPLE) || strategy.equals(ReplicationParams.NETWORK_TOPOLOGY);
  }
}
