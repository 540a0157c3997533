package dev.ringlet.internal.coordinator;

import dev.ringlet.internal.cluster.Endpoint;
import dev.ringlet.internal.cluster.RangeMovements;
import dev.ringlet.internal.cluster.ReplicaPlacement;
import dev.ringlet.internal.cluster.Ring;
import dev.ringlet.internal.cluster.TokenRange;
import dev.ringlet.internal.exec.TableComparators;
import dev.ringlet.internal.messaging.Verb;
import dev.ringlet.internal.schema.KeyspaceMetadata;
import dev.ringlet.internal.schema.Schema;
import dev.ringlet.internal.schema.TableMetadata;
import dev.ringlet.internal.storage.DecoratedKey;
import dev.ringlet.internal.storage.MemoryTableStore;
import dev.ringlet.internal.storage.PartitionUpdate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Full repair ({@code nodetool repair -full}) of the ranges this node replicates. See {@code Repair.md}.
 *
 * <p>Per table and per group of ranges with the same replicas, every replica answers a validation:
 * the digest of each partition it holds in those ranges. The repairing node folds them into one hash
 * per range and replica; ranges whose hashes agree are done. In the others, each partition that is
 * missing on a replica or has different digests is read in full from every replica, reconciled by
 * timestamp, and written to each replica whose copy differs. Afterwards every replica of the ranges
 * holds the same data, whichever of them a CL=ONE read reaches.
 */
public final class Repair {

  private final Coordinator c;
  private final Supplier<Schema> schema;
  private final Function<UUID, String> describe;

  /** @param describe how an error names a node, e.g. {@code /127.0.0.2:7000} */
  public Repair(Coordinator coordinator, Supplier<Schema> schema, Function<UUID, String> describe) {
    this.c = coordinator;
    this.schema = schema;
    this.describe = describe;
  }

  /**
   * Repairs the tables (all of the keyspace's when none is named); returns how many partition
   * copies were written to replicas that differed.
   *
   * @throws IllegalArgumentException for an unknown keyspace or table
   * @throws IllegalStateException when a replica is down, with Cassandra's message
   */
  public int repair(String keyspace, List<String> tables) {
    KeyspaceMetadata ks = schema.get().keyspace(keyspace);
    if (ks == null) {
      throw new IllegalArgumentException("Keyspace [" + keyspace + "] does not exist.");
    }
    List<TableMetadata> targets = new ArrayList<>();
    if (tables.isEmpty()) {
      targets.addAll(ks.tables().values());
    } else {
      for (String name : tables) {
        TableMetadata t = ks.tables().get(name);
        if (t == null) {
          throw new IllegalArgumentException("Unknown keyspace/cf pair (" + keyspace + "." + name + ")");
        }
        targets.add(t);
      }
    }
    if (!RangeStreamer.replicated(ks)) {
      return 0;
    }
    Ring ring = c.ring.get();
    String strategy = ks.replication().strategyClass();
    Map<String, Integer> factors = Coordinator.factors(ks);
    // Ranges grouped by their replica set, so each replica validates each group once per table.
    Map<List<Endpoint>, List<TokenRange>> groups = new LinkedHashMap<>();
    for (TokenRange r : RangeMovements.rangesOf(ring, strategy, factors, c.self)) {
      groups.computeIfAbsent(ReplicaPlacement.replicas(ring, strategy, factors, r.end()), k -> new ArrayList<>()).add(r);
    }
    for (List<Endpoint> replicas : groups.keySet()) {
      for (Endpoint e : replicas) {
        if (!c.alive.test(e.hostId())) {
          throw new IllegalStateException("Endpoint not alive: " + describe.apply(e.hostId()));
        }
      }
    }
    int written = 0;
    for (TableMetadata table : targets) {
      for (Map.Entry<List<Endpoint>, List<TokenRange>> g : groups.entrySet()) {
        if (g.getKey().size() > 1) {
          written += repairGroup(table, g.getKey(), g.getValue());
        }
      }
    }
    return written;
  }

  private int repairGroup(TableMetadata table, List<Endpoint> replicas, List<TokenRange> ranges) {
    Payloads.RangesRequest request = new Payloads.RangesRequest(table.id(), ranges);
    Map<Endpoint, Payloads.Validation> validations = await(replicas, Verb.REPAIR_VALIDATE, request, () -> c.local.validate(request),
        table);
    // Per range: each replica's hash, and each replica's digest per key.
    Set<DecoratedKey> suspects = new LinkedHashSet<>();
    for (TokenRange range : ranges) {
      Map<Endpoint, Map<DecoratedKey, Long>> byReplica = new HashMap<>();
      Set<Long> hashes = new java.util.HashSet<>();
      for (Endpoint e : replicas) {
        Map<DecoratedKey, Long> digests = new TreeMap<>();
        for (Payloads.KeyDigest d : validations.get(e).digests()) {
          if (range.contains(d.key().token())) {
            digests.put(d.key(), d.digest());
          }
        }
        byReplica.put(e, digests);
        hashes.add(hash(digests));
      }
      if (hashes.size() > 1) {
        Set<DecoratedKey> keys = new LinkedHashSet<>();
        byReplica.values().forEach(m -> keys.addAll(m.keySet()));
        for (DecoratedKey k : keys) {
          Long first = null;
          boolean differ = false;
          for (Endpoint e : replicas) {
            Long d = byReplica.get(e).get(k);
            if (d == null || first != null && !first.equals(d)) {
              differ = true;
            }
            first = first == null ? d : first;
          }
          if (differ) {
            suspects.add(k);
          }
        }
      }
    }
    int written = 0;
    for (DecoratedKey key : suspects) {
      written += repairPartition(table, replicas, key);
    }
    return written;
  }

  private int repairPartition(TableMetadata table, List<Endpoint> replicas, DecoratedKey key) {
    Payloads.Read read = new Payloads.Read(table.id(), key, false);
    Map<Endpoint, Payloads.ReadAnswer> answers = await(replicas, Verb.READ, read, () -> c.local.read(read), table);
    MemoryTableStore merged = new MemoryTableStore(TableComparators.clustering(table));
    for (Payloads.ReadAnswer a : answers.values()) {
      if (a.data() != null) {
        merged.apply(a.data());
      }
    }
    PartitionUpdate result = merged.readRaw(key);
    if (result == null) {
      return 0;
    }
    long digest = Digests.of(result);
    List<Endpoint> targets = new ArrayList<>();
    for (Map.Entry<Endpoint, Payloads.ReadAnswer> a : answers.entrySet()) {
      if (a.getValue().digest() != digest) {
        targets.add(a.getKey());
      }
    }
    Payloads.Mutation m = new Payloads.Mutation(table.id(), result);
    await(targets, Verb.MUTATION, m, () -> c.local.apply(m), table);
    return targets.size();
  }

  /** Asks every node (the local one by a direct call) and waits for all answers. */
  @SuppressWarnings("unchecked")
  private <T> Map<Endpoint, T> await(List<Endpoint> nodes, Verb verb, Object payload, Supplier<Object> local, TableMetadata table) {
    Map<Endpoint, T> answers = new ConcurrentHashMap<>();
    for (Endpoint e : nodes) {
      if (e.equals(c.self)) {
        answers.put(e, (T) local.get());
      } else {
        c.messaging.request(e.hostId(), verb, payload, a -> {
          if (!a.failure()) {
            answers.put(e, (T) a.payload());
          }
        });
      }
    }
    if (!c.time.awaitUntil(() -> answers.size() >= nodes.size(), c.deadline(c.timeouts.range()))) {
      List<String> silent = new ArrayList<>();
      for (Endpoint e : nodes) {
        if (!answers.containsKey(e)) {
          silent.add(describe.apply(e.hostId()));
        }
      }
      throw new IllegalStateException("Repair session failed for " + table.keyspace() + "." + table.name() + ": no " + verb
          + " answer from " + silent + " within " + c.timeouts.range().toMillis() + " ms");
    }
    return answers;
  }

  /** A range's hash: its partitions' keys and digests folded in token order. */
  static long hash(Map<DecoratedKey, Long> digests) {
    long h = 0x9E3779B97F4A7C15L;
    for (Map.Entry<DecoratedKey, Long> e : digests.entrySet()) {
      h = mix(h ^ e.getKey().token());
      h = mix(h ^ e.getKey().key().hashCode());
      h = mix(h ^ e.getValue());
    }
    return h;
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
