package dev.ringlet.internal.coordinator;

import dev.ringlet.internal.cluster.ConsistencyArithmetic;
import dev.ringlet.internal.cluster.ConsistencyLevel;
import dev.ringlet.internal.cluster.Endpoint;
import dev.ringlet.internal.cluster.ReplicaCounts;
import dev.ringlet.internal.exec.TableComparators;
import dev.ringlet.internal.messaging.Verb;
import dev.ringlet.internal.schema.KeyspaceMetadata;
import dev.ringlet.internal.schema.TableMetadata;
import dev.ringlet.internal.storage.ClusteringComparator.Bound;
import dev.ringlet.internal.storage.DecoratedKey;
import dev.ringlet.internal.storage.MemoryTableStore;
import dev.ringlet.internal.storage.PartitionUpdate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Single-partition and range reads across replicas. A partition read sends a data request to the
 * closest contacted replica and digest requests to the others it needs for the level; when the
 * digests disagree it reads full data from all of them, reconciles by timestamp, and writes the
 * reconciled partition back to each replica that differed before answering (blocking read repair).
 * Counter cells reconcile like any other: their contexts merge shard by shard, so a replica that
 * missed an increment is repaired with the shard it lacks.
 *
 * <p>A range read sends data requests to the replicas the level needs for each vnode range,
 * reconciles what they return, and before answering writes each reconciled partition back to the
 * contacted replicas whose version of it differed, or that lacked it (blocking read repair, as
 * Cassandra does for range reads). A replica answers a range read with every partition from the
 * start key on, so the repair covers the rest of the table, not only the page returned.
 */
final class ReadCoordinator {

  private final Coordinator c;

  ReadCoordinator(Coordinator coordinator) {
    this.c = coordinator;
  }

  /**
   * Told what the coordinator's own replica scanned for a read it served: 5.0 sends the client the
   * tombstone warning of the coordinator's own replica only (with {@code read_thresholds_enabled:
   * false}, its default, a remote replica's warning goes to that replica's log).
   */
  interface OwnScan {
    /** The own replica read the partition {@code key} and scanned {@code count} (null: nothing stored). */
    void scanned(DecoratedKey key, dev.ringlet.internal.storage.TombstoneCount.SliceCount count);

    /** The tombstones each replica that answered the command scanned (for {@code read_thresholds_enabled}). */
    default void replicas(List<Integer> tombstones) {
    }

    /** The own replica gave the command up past the failure threshold, having scanned {@code scanned}. */
    default void failed(dev.ringlet.internal.exec.ScannedTombstones.Scanned scanned) {
    }

    /**
     * The command was sent to its replicas: {@code failure} is what the client gets when each of
     * them fails it while reading a row (5.0 answers at the first replica failure that leaves the
     * level out of reach: none received, one failure, the data replica's).
     */
    default void contacted(java.util.function.Supplier<dev.ringlet.internal.cluster.ReadFailureException> failure) {
    }
  }

  /** The failure 5.0 answers when the replica {@code first} fails a read command at {@code level}. */
  private java.util.function.Supplier<dev.ringlet.internal.cluster.ReadFailureException> replicaFailed(ConsistencyLevel level,
      int blockFor, Endpoint first) {
    return () -> {
      ReplicaFailures failures = new ReplicaFailures();
      failures.failed(first);
      return failures.readFailure(level, 0, blockFor, false, c.local);
    };
  }

  /** The partition as stored after reconciliation, or null when no replica has anything. */
  PartitionUpdate read(KeyspaceMetadata ks, TableMetadata table, DecoratedKey key, ConsistencyLevel level) {
    return read(ks, table, key, level, null, null);
  }

  /** {@link #read(KeyspaceMetadata, TableMetadata, Payloads.Read, ConsistencyLevel, OwnScan)} between two bounds. */
  PartitionUpdate read(KeyspaceMetadata ks, TableMetadata table, DecoratedKey key, ConsistencyLevel level, Bound start, Bound end) {
    return read(ks, table, new Payloads.Read(table.id(), key, false, start, end), level, null);
  }

  /**
   * The partition as stored after reconciliation with only the command's rows between its bounds
   * (both null: all), or null when no replica has anything there. Replicas send (and digest) only
   * those rows, and a read repair writes back only them, as Cassandra repairs only what a read
   * read. Each replica counts the tombstones its command scans; {@code own} (null: nobody) is told
   * what the coordinator's own replica scanned.
   */
  PartitionUpdate read(KeyspaceMetadata ks, TableMetadata table, Payloads.Read command, ConsistencyLevel level, OwnScan own) {
    DecoratedKey key = command.key();
    List<Endpoint> replicas = c.replicas(ks, key.token());
    List<Endpoint> live = c.byProximity(c.live(replicas));
    ReplicaCounts counts = c.counts(ks, live);
    ConsistencyArithmetic.assureSufficientLiveReplicas(level, counts);
    int blockFor = ConsistencyArithmetic.blockFor(level, counts);
    List<Endpoint> contacts = contacts(level, live, counts, blockFor);
    if (own != null) {
      own.contacted(replicaFailed(level, blockFor, contacts.get(0)));
    }
    Map<Endpoint, Payloads.ReadAnswer> answers = new java.util.concurrent.ConcurrentHashMap<>();
    ReplicaFailures failures = new ReplicaFailures();
    long deadline = c.deadline(c.timeouts.read());
    // The other replicas first, each traced as 5.0's makeRequests traces it, then this node's own
    // read (5.0 runs it on another stage once the messages are on their way).
    dev.ringlet.internal.trace.Tracer tracer = c.messaging.tracer();
    boolean traced = tracer != null && tracer.current() != null;
    int self = -1;
    for (int i = 0; i < contacts.size(); i++) {
      Endpoint e = contacts.get(i);
      if (e.equals(c.self)) {
        self = i;
        continue;
      }
      if (traced) {
        tracer.trace("reading " + (i > 0 ? "digest" : "data") + " from " + c.messaging.describe(e.hostId()));
      }
      ask(command.withDigestOnly(i > 0), e, answers, failures, own);
    }
    if (self >= 0) {
      ask(command.withDigestOnly(self > 0), c.self, answers, failures, own);
    }
    int needed = contacts.size();
    boolean done = c.time.awaitUntil(() -> answers.size() >= needed || failures.fatal(needed, blockFor), deadline);
    if (failures.fatal(needed, blockFor)) {
      if (own != null) {
        // the replicas that answered before the read failed still report their counts (5.0's WarningContext)
        List<Integer> scanned = new ArrayList<>();
        answers.values().forEach(a -> scanned.add(a.tombstones()));
        own.replicas(scanned);
      }
      throw failures.readFailure(level, answers.size(), blockFor, answers.containsKey(contacts.get(0)), c.local);
    }
    if (!done) {
      boolean dataPresent = answers.containsKey(contacts.get(0));
      throw Coordinator.readTimeout(level, answers.size(), blockFor, dataPresent);
    }
    if (own != null) {
      List<Integer> scanned = new ArrayList<>();
      answers.values().forEach(a -> scanned.add(a.tombstones()));
      own.replicas(scanned);
    }
    Payloads.ReadAnswer data = answers.get(contacts.get(0));
    if (contacts.size() == 1) {
      return data.data();
    }
    boolean agree = true;
    for (Payloads.ReadAnswer a : answers.values()) {
      agree &= a.digest() == data.digest();
    }
    if (agree) {
      return data.data();
    }
    return repair(table, command.withDigestOnly(false), level, contacts, blockFor, deadline);
  }

  private void ask(Payloads.Read request, Endpoint e, Map<Endpoint, Payloads.ReadAnswer> answers, ReplicaFailures failures,
      OwnScan own) {
    if (e.equals(c.self)) {
      try {
        ReplicaService.CountedRead read = c.local.readCounted(request);
        answers.put(e, read.answer());
        if (own != null) {
          own.scanned(request.key(), read.scanned());
        }
      } catch (TombstoneOverwhelmingException t) {
        failures.tooManyTombstones(e, t);
        if (own != null) {
          own.failed(t.scanned());
        }
      }
      return;
    }
    c.messaging.request(e.hostId(), Verb.READ, request, a -> {
      if (a.failure()) {
        failures.failed(e, a);
      } else {
        answers.put(e, (Payloads.ReadAnswer) a.payload());
      }
    });
  }

  private PartitionUpdate repair(TableMetadata table, Payloads.Read dataRead, ConsistencyLevel level, List<Endpoint> contacts,
      int blockFor, long deadline) {
    DecoratedKey key = dataRead.key();
    Map<Endpoint, Payloads.ReadAnswer> full = new java.util.concurrent.ConcurrentHashMap<>();
    ReplicaFailures failures = new ReplicaFailures();
    for (Endpoint e : contacts) {
      ask(dataRead, e, full, failures, null);
    }
    boolean done = c.time.awaitUntil(() -> full.size() >= contacts.size() || failures.fatal(contacts.size(), blockFor), deadline);
    if (failures.fatal(contacts.size(), blockFor)) {
      throw failures.readFailure(level, full.size(), blockFor, true, c.local);
    }
    if (!done) {
      throw Coordinator.readTimeout(level, full.size(), blockFor, true);
    }
    MemoryTableStore merged = new MemoryTableStore(TableComparators.clustering(table));
    for (Payloads.ReadAnswer a : full.values()) {
      if (a.data() != null) {
        merged.apply(a.data());
      }
    }
    PartitionUpdate result = merged.readRaw(key);
    long digest = Digests.of(result);
    List<Endpoint> acked = new java.util.concurrent.CopyOnWriteArrayList<>();
    List<Endpoint> repaired = new ArrayList<>();
    for (Map.Entry<Endpoint, Payloads.ReadAnswer> a : full.entrySet()) {
      if (a.getValue().digest() != digest && result != null) {
        repaired.add(a.getKey());
        Payloads.Mutation m = new Payloads.Mutation(table.id(), result);
        if (a.getKey().equals(c.self)) {
          c.local.apply(m);
          acked.add(a.getKey());
        } else {
          c.messaging.request(a.getKey().hostId(), Verb.MUTATION, m, r -> acked.add(a.getKey()));
        }
      }
    }
    if (!c.time.awaitUntil(() -> acked.size() >= repaired.size(), deadline)) {
      throw Coordinator.readTimeout(level, blockFor - (repaired.size() - acked.size()), blockFor, true);
    }
    return result;
  }

  private static List<Endpoint> contacts(ConsistencyLevel level, List<Endpoint> live, ReplicaCounts counts, int blockFor) {
    List<Endpoint> out = new ArrayList<>();
    switch (level) {
      case LOCAL_ONE:
      case LOCAL_QUORUM:
      case LOCAL_SERIAL:
        for (Endpoint e : live) {
          if (e.datacenter().equals(counts.localDatacenter()) && out.size() < blockFor) {
            out.add(e);
          }
        }
        return out;
      case EACH_QUORUM:
        if (!counts.networkTopology()) {
          return new ArrayList<>(live.subList(0, Math.min(blockFor, live.size()))); // QUORUM's contacts, as 5.0
        }
        Map<String, Integer> wanted = new HashMap<>();
        for (Map.Entry<String, Integer> dc : counts.replicas().entrySet()) {
          wanted.put(dc.getKey(), ConsistencyArithmetic.quorum(dc.getValue()));
        }
        for (Endpoint e : live) {
          int w = wanted.getOrDefault(e.datacenter(), 0);
          if (w > 0) {
            out.add(e);
            wanted.put(e.datacenter(), w - 1);
          }
        }
        return out;
      default:
        return new ArrayList<>(live.subList(0, Math.min(blockFor, live.size())));
    }
  }

  /**
   * Every partition from {@code from} on, reconciled: for each vnode range, the live replicas the
   * level needs answer for it; partitions are kept only from a range's contacted replicas.
   */
  List<PartitionUpdate> range(KeyspaceMetadata ks, TableMetadata table, DecoratedKey from, boolean inclusive, ConsistencyLevel level) {
    return range(ks, table, new Payloads.RangeRead(table.id(), from, inclusive), level).reconciled();
  }

  /**
   * A range read's reconciled partitions, and the coordinator's own replica's version of each it
   * had (empty when it was not contacted), for the warning of what that replica scanned.
   */
  record RangeResult(List<PartitionUpdate> reconciled, Map<DecoratedKey, PartitionUpdate> own, List<Integer> replicaTombstones) {}

  /**
   * {@link #range(KeyspaceMetadata, TableMetadata, DecoratedKey, boolean, ConsistencyLevel)} of a
   * request whose replicas count each partition's tombstones between its clustering bounds.
   */
  RangeResult range(KeyspaceMetadata ks, TableMetadata table, Payloads.RangeRead request, ConsistencyLevel level) {
    return range(ks, table, request, level, null);
  }

  /** As above; {@code own} (null: nobody) is told when the coordinator's own replica gives the read up. */
  RangeResult range(KeyspaceMetadata ks, TableMetadata table, Payloads.RangeRead request, ConsistencyLevel level,
      OwnScan own) {
    DecoratedKey from = request.from();
    boolean inclusive = request.inclusive();
    dev.ringlet.internal.cluster.Ring ring = c.ring.get();
    // Contacts per distinct replica set, found by walking the ring's range ends.
    Map<List<Endpoint>, List<Endpoint>> contactsByReplicas = new LinkedHashMap<>();
    List<Long> ends = ringTokens(ring);
    int blockFor = 0;
    for (long end : ends) {
      List<Endpoint> replicas = c.replicas(ks, end);
      if (contactsByReplicas.containsKey(replicas)) {
        continue;
      }
      List<Endpoint> live = c.byProximity(c.live(replicas));
      ReplicaCounts counts = c.counts(ks, live);
      ConsistencyArithmetic.assureSufficientLiveReplicas(level, counts);
      blockFor = ConsistencyArithmetic.blockFor(level, counts);
      contactsByReplicas.put(replicas, contacts(level, live, counts, blockFor));
    }
    java.util.Set<Endpoint> all = new java.util.LinkedHashSet<>();
    contactsByReplicas.values().forEach(all::addAll);
    if (own != null && !all.isEmpty()) {
      own.contacted(replicaFailed(level, blockFor, all.contains(c.self) ? c.self : all.iterator().next()));
    }
    dev.ringlet.internal.trace.Tracer tracer = traceRanges(ks, table, request, ends);
    Map<Endpoint, Payloads.RangeAnswer> answers = new java.util.concurrent.ConcurrentHashMap<>();
    ReplicaFailures failures = new ReplicaFailures();
    // The other replicas first, then this node's own part (as 5.0's local range read runs on another stage)
    for (Endpoint e : all) {
      if (!e.equals(c.self)) {
        c.messaging.request(e.hostId(), Verb.RANGE_READ, request, a -> {
          if (a.failure()) {
            failures.failed(e, a);
          } else {
            answers.put(e, (Payloads.RangeAnswer) a.payload());
          }
        });
      }
    }
    if (tracer != null) {
      tracer.trace(dev.ringlet.internal.trace.RangeTraces.submitted(all.size()));
    }
    if (all.contains(c.self)) {
      try {
        answers.put(c.self, c.local.range(request));
      } catch (TombstoneOverwhelmingException t) {
        failures.tooManyTombstones(c.self, t);
        if (own != null) {
          own.failed(t.scanned());
        }
      }
    }
    // Every contacted replica is needed for some range, so one failure fails the read.
    int contacted = all.size();
    boolean done = c.time.awaitUntil(() -> answers.size() >= contacted || failures.count() > 0, c.deadline(c.timeouts.range()));
    if (failures.count() > 0) {
      if (own != null) {
        List<Integer> scanned = new ArrayList<>();
        answers.values().forEach(a -> scanned.add(a.tombstones()));
        own.replicas(scanned);
      }
      throw failures.readFailure(level, Math.max(0, blockFor - 1), blockFor, false, c.local);
    }
    if (!done) {
      throw Coordinator.readTimeout(level, answers.size() * blockFor / Math.max(1, all.size()), blockFor, false);
    }
    MemoryTableStore merged = new MemoryTableStore(TableComparators.clustering(table));
    Map<Endpoint, Map<DecoratedKey, PartitionUpdate>> versions = new HashMap<>();
    Map<DecoratedKey, List<Endpoint>> contactsOf = new HashMap<>();
    for (Map.Entry<Endpoint, Payloads.RangeAnswer> a : answers.entrySet()) {
      for (PartitionUpdate p : a.getValue().partitions()) {
        List<Endpoint> contacts = contactsByReplicas.get(c.replicas(ks, p.key().token()));
        if (contacts != null && contacts.contains(a.getKey())) {
          merged.apply(p);
          versions.computeIfAbsent(a.getKey(), e -> new HashMap<>()).put(p.key(), p);
          contactsOf.put(p.key(), contacts);
        }
      }
    }
    List<PartitionUpdate> out = new ArrayList<>();
    merged.scanRaw(from, inclusive).forEachRemaining(out::add);
    if (contactsByReplicas.values().stream().anyMatch(contacts -> contacts.size() > 1)) {
      repairRange(table, level, blockFor, out, contactsOf, versions);
    }
    List<Integer> scanned = new ArrayList<>();
    answers.values().forEach(a -> scanned.add(a.tombstones()));
    return new RangeResult(out, versions.getOrDefault(c.self, Map.of()), scanned);
  }

  /**
   * 5.0's coordinator events of a traced scan before its requests go out: the ranges the ring splits
   * it into and the concurrency 5.0 would choose; returns the tracer when the request is traced,
   * else null. (Ringlet sends every request at once; 5.0 sends them in rounds of that concurrency.)
   */
  private dev.ringlet.internal.trace.Tracer traceRanges(KeyspaceMetadata ks, TableMetadata table, Payloads.RangeRead request,
      List<Long> ringTokens) {
    dev.ringlet.internal.trace.Tracer tracer = c.messaging.tracer();
    if (tracer == null || tracer.current() == null) {
      return null;
    }
    tracer.trace("Computing ranges to query");
    int ranges = dev.ringlet.internal.trace.RangeTraces.ranges(ringTokens, request.from());
    int nodes = Math.max(1, c.ring.get().endpoints().size());
    float rows = dev.ringlet.internal.trace.RangeTraces.rowsPerRange(tracer.sstablePartitions(table.id()),
        ringTokens.size() / nodes, ks.replication().totalReplicationFactor());
    int limit = request.scan() == null ? Integer.MAX_VALUE : request.scan().limit();
    tracer.trace(dev.ringlet.internal.trace.RangeTraces.submitting(ranges,
        dev.ringlet.internal.trace.RangeTraces.concurrency(ranges, limit, rows), rows));
    return tracer;
  }

  /**
   * Writes each reconciled partition to the contacted replicas whose version differs (or that had
   * none), and waits for them as a partition read's repair does.
   */
  private void repairRange(TableMetadata table, ConsistencyLevel level, int blockFor, List<PartitionUpdate> reconciled,
      Map<DecoratedKey, List<Endpoint>> contactsOf, Map<Endpoint, Map<DecoratedKey, PartitionUpdate>> versions) {
    List<Endpoint> acked = new java.util.concurrent.CopyOnWriteArrayList<>();
    int sent = 0;
    for (PartitionUpdate p : reconciled) {
      long digest = Digests.of(p);
      for (Endpoint e : contactsOf.getOrDefault(p.key(), List.of())) {
        PartitionUpdate theirs = versions.getOrDefault(e, Map.of()).get(p.key());
        if (Digests.of(theirs) == digest) {
          continue;
        }
        sent++;
        Payloads.Mutation m = new Payloads.Mutation(table.id(), p);
        if (e.equals(c.self)) {
          c.local.apply(m);
          acked.add(e);
        } else {
          c.messaging.request(e.hostId(), Verb.MUTATION, m, r -> {
            if (!r.failure()) {
              acked.add(e);
            }
          });
        }
      }
    }
    int needed = sent;
    if (!c.time.awaitUntil(() -> acked.size() >= needed, c.deadline(c.timeouts.range()))) {
      throw Coordinator.readTimeout(level, Math.max(0, blockFor - 1), blockFor, true);
    }
  }

  private static List<Long> ringTokens(dev.ringlet.internal.cluster.Ring ring) {
    List<Long> out = new ArrayList<>(ring.size());
    for (int i = 0; i < ring.size(); i++) {
      out.add(ring.tokenAt(i));
    }
    return out;
  }
}
