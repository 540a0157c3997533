package dev.ringlet.internal.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlet.internal.gossip.Heartbeat;
import dev.ringlet.internal.gossip.MemberInfo;
import dev.ringlet.internal.gossip.MemberList;
import dev.ringlet.internal.schema.ColumnMetadata;
import dev.ringlet.internal.schema.DroppedColumn;
import dev.ringlet.internal.schema.KeyspaceMetadata;
import dev.ringlet.internal.schema.ReplicationParams;
import dev.ringlet.internal.schema.Schema;
import dev.ringlet.internal.schema.TableMetadata;
import dev.ringlet.internal.schema.TableParams;
import dev.ringlet.internal.system.SystemKeyspaces;
import dev.ringlet.internal.types.ListType;
import dev.ringlet.internal.types.MapType;
import dev.ringlet.internal.types.NativeType;
import dev.ringlet.internal.types.SetType;
import dev.ringlet.internal.types.TupleType;
import dev.ringlet.internal.types.UserType;
import dev.ringlet.internal.types.VectorType;
import dev.ringlet.internal.storage.Cell;
import dev.ringlet.internal.storage.Clustering;
import dev.ringlet.internal.storage.ClusteringComparator;
import dev.ringlet.internal.storage.ComplexColumn;
import dev.ringlet.internal.storage.DecoratedKey;
import dev.ringlet.internal.storage.DeletionTime;
import dev.ringlet.internal.storage.LivenessInfo;
import dev.ringlet.internal.storage.PartitionUpdate;
import dev.ringlet.internal.storage.RangeTombstone;
import dev.ringlet.internal.storage.RowUpdate;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WireCodecTest {

  private final WireCodec codec = new WireCodec();

  private Object roundTrip(Object payload) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    codec.write(payload, out);
    out.flush();
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
    Object back = codec.read(in);
    assertThat(in.available()).as("bytes left after decoding").isZero();
    return back;
  }

  @Test
  void random_partition_updates_should_survive_encoding() throws IOException {
    for (long seed = 0; seed < 300; seed++) {
      Random r = new Random(seed);
      PartitionUpdate u = update(r);
      Payloads.Mutation m = new Payloads.Mutation(new UUID(r.nextLong(), r.nextLong()), u);
      assertThat(roundTrip(m)).as("seed %d", seed).isEqualTo(m);
      assertThat(roundTrip(new Payloads.ReadAnswer(u, seed, false))).as("seed %d", seed).isEqualTo(new Payloads.ReadAnswer(u, seed, false));
    }
  }

  @Test
  void every_tombstone_kind_and_complex_cells_should_survive_encoding() throws IOException {
    DecoratedKey key = new DecoratedKey(-42, bytes(1, 2, 3));
    Map<ByteBuffer, Cell> elements = new HashMap<>();
    elements.put(bytes(9), Cell.live(bytes(7), 10));
    elements.put(bytes(8), Cell.tombstone(11, 1000));
    elements.put(bytes(6), Cell.expiring(bytes(5), 12, 60, 1000));
    RowUpdate row = new RowUpdate(new Clustering(List.of(bytes(1), bytes())), LivenessInfo.of(5, 30, 1000), new DeletionTime(4, 999),
        Map.of("a", Cell.live(bytes(1), 5), "b", Cell.tombstone(6, 1000), "c", Cell.counterDelta(-3, 7),
            "d", Cell.expiring(bytes(2), 8, 10, 1000)),
        Map.of("m", new ComplexColumn(new DeletionTime(3, 998), elements), "l", ComplexColumn.EMPTY));
    RowUpdate staticRow = new RowUpdate(Clustering.EMPTY, LivenessInfo.EMPTY, DeletionTime.LIVE, Map.of("s", Cell.live(bytes(4), 2)));
    List<RangeTombstone> rts = List.of(
        new RangeTombstone(ClusteringComparator.Bound.BOTTOM, ClusteringComparator.Bound.TOP, new DeletionTime(1, 990)),
        new RangeTombstone(new ClusteringComparator.Bound(new Clustering(List.of(bytes(3))), true, false),
            new ClusteringComparator.Bound(new Clustering(List.of(bytes(4))), false, true), new DeletionTime(2, 991)));
    PartitionUpdate u = new PartitionUpdate(key, new DeletionTime(0, 900), rts, staticRow, List.of(row));

    assertThat(((Payloads.Mutation) roundTrip(new Payloads.Mutation(UUID.randomUUID(), u))).update()).isEqualTo(u);
    PartitionUpdate empty = new PartitionUpdate(key, DeletionTime.LIVE, List.of(), null, List.of());
    assertThat(((Payloads.Mutation) roundTrip(new Payloads.Mutation(new UUID(1, 2), empty))).update()).isEqualTo(empty);
  }

  @Test
  void replica_payloads_should_survive_encoding() throws IOException {
    Random r = new Random(7);
    UUID table = new UUID(3, 4);
    DecoratedKey key = new DecoratedKey(99, bytes(5));
    PartitionUpdate u = update(r);
    List<Object> payloads = List.of(
        Payloads.Ack.OK,
        Boolean.TRUE,
        new UUID(5, 6),
        7,
        8L,
        "text",
        new Payloads.Mutation(table, u),
        new Payloads.CounterMutation(table, u, dev.ringlet.internal.cluster.ConsistencyLevel.LOCAL_QUORUM),
        new dev.ringlet.internal.messaging.Faults.State(List.of(
            new dev.ringlet.internal.messaging.FaultRule(null, null, null, null, null),
            new dev.ringlet.internal.messaging.FaultRule(dev.ringlet.internal.messaging.Verb.MUTATION, new UUID(1, 1), new UUID(2, 2),
                dev.ringlet.internal.messaging.FaultRule.Direction.RESPONSE, java.time.Duration.ofMillis(1500))),
            List.of(java.util.Set.of(new UUID(1, 1)), java.util.Set.of(new UUID(2, 2), new UUID(3, 3)))),
        new Payloads.Read(table, key, true),
        new Payloads.Read(table, key, false, new ClusteringComparator.Bound(new Clustering(List.of(bytes(3))), true, false),
            ClusteringComparator.Bound.TOP),
        // a command's walk, limit and named rows, which the replica counts tombstones by
        new Payloads.Read(table, key, true, ClusteringComparator.Bound.BOTTOM,
            new ClusteringComparator.Bound(new Clustering(List.of(bytes(9))), false, true), true, 7,
            List.of(new Clustering(List.of(bytes(1))), new Clustering(List.of(bytes(4)))), null),
        new Payloads.Read(table, key, false, null, null, false, 0, List.of(), null),
        // a command's row filter: each kind of expression, IS NOT NULL without a value, a null IN value
        new Payloads.Read(table, key, false, null, null, true, 3, null, rowFilter()),
        // a read of several slices
        new Payloads.Read(table, key, false, ClusteringComparator.Bound.BOTTOM, ClusteringComparator.Bound.TOP, false, 3, null, null,
            List.of(new dev.ringlet.internal.storage.RowSlice.Part(ClusteringComparator.Bound.BOTTOM,
                new ClusteringComparator.Bound(new Clustering(List.of(bytes(1))), false, true)),
                new dev.ringlet.internal.storage.RowSlice.Part(
                    new ClusteringComparator.Bound(new Clustering(List.of(bytes(5))), true, false), ClusteringComparator.Bound.TOP))),
        new Payloads.ReadAnswer(u, 1234L, false),
        new Payloads.ReadAnswer(null, -5L, true),
        new Payloads.ReadAnswer(u, 99L, false, 3, 1001),
        new Payloads.RangeRead(table, key, false),
        new Payloads.RangeRead(table, null, true),
        new Payloads.RangeRead(table, key, true, new ClusteringComparator.Bound(new Clustering(List.of(bytes(2))), true, true),
            ClusteringComparator.Bound.TOP, new Payloads.ScanLimits(100, 3, new Clustering(List.of(bytes(5))), false, null, null)),
        // a scan naming its rows
        new Payloads.RangeRead(table, key, true, null, null, new Payloads.ScanLimits(5000, Integer.MAX_VALUE, null, true, null,
            List.of(new Clustering(List.of(bytes(1))), new Clustering(List.of(bytes(2)))))),
        new Payloads.RangeRead(table, null, true, null, null, new Payloads.ScanLimits(10, 2, null, false, rowFilter(), null)),
        new Payloads.RangeRead(table, null, true, ClusteringComparator.Bound.BOTTOM, ClusteringComparator.Bound.TOP,
            Payloads.ScanLimits.NONE, List.of(new dev.ringlet.internal.storage.RowSlice.Part(
                new ClusteringComparator.Bound(new Clustering(List.of(bytes(2))), true, true), ClusteringComparator.Bound.TOP))),
        new Payloads.RangeAnswer(List.of(u, update(r))),
        new Payloads.RangeAnswer(List.of()),
        new Payloads.RangeAnswer(List.of(u), 1234),
        new Payloads.Truncate(table),
        new Payloads.DropColumn(table, "col", 77L),
        new Batchlog.Store(new UUID(8, 9), List.of(new Payloads.Mutation(table, u), new Payloads.Mutation(new UUID(1, 1), update(r)))),
        new Heartbeat(1000, 3, 2, new UUID(1, 9)),
        new Heartbeat(1000, 3, 0, null),
        new MemberList(List.of(
            new MemberInfo("c", new UUID(1, 2), "dc1", "r1", "5.0.4", java.net.InetAddress.getByName("127.0.0.2"), 9042,
                java.net.InetAddress.getByName("127.0.0.2"), 7000, List.of(-5L, 17L)),
            new MemberInfo("c", new UUID(3, 4), "dc2", "r2", "5.0.4", java.net.InetAddress.getByName("::1"), 19042,
                java.net.InetAddress.getByName("10.0.0.1"), 7001, List.of()))));
    for (Object p : payloads) {
      assertThat(roundTrip(p)).as(p.getClass().getSimpleName()).isEqualTo(p);
    }
    assertThat(roundTrip(null)).isNull();
  }

  @Test
  void streaming_repair_and_membership_payloads_should_survive_encoding() throws IOException {
    UUID table = new UUID(3, 4);
    MemberInfo member = new MemberInfo("c", new UUID(1, 2), "dc1", "r1", "5.0.4", java.net.InetAddress.getByName("127.0.0.2"), 9042,
        java.net.InetAddress.getByName("127.0.0.2"), 7000, List.of(-5L, 17L));
    List<Object> payloads = List.of(
        new Payloads.RangesRequest(table, List.of(new dev.ringlet.internal.cluster.TokenRange(Long.MIN_VALUE, Long.MIN_VALUE),
            new dev.ringlet.internal.cluster.TokenRange(-10, 42))),
        new Payloads.RangesRequest(table, List.of()),
        new Payloads.Validation(List.of(new Payloads.KeyDigest(new DecoratedKey(-42, bytes(1, 2, 3)), 77L),
            new Payloads.KeyDigest(new DecoratedKey(99, bytes(5)), -1L))),
        new Payloads.Validation(List.of()),
        new dev.ringlet.internal.gossip.RingChange(dev.ringlet.internal.gossip.RingChange.Kind.BEGIN_JOIN, member),
        new dev.ringlet.internal.gossip.RingChange(dev.ringlet.internal.gossip.RingChange.Kind.COMPLETE_LEAVE, member),
        new dev.ringlet.internal.gossip.AdminCommand("repair", List.of("ks", "t1", "t2")),
        new dev.ringlet.internal.gossip.AdminCommand("status", List.of()));
    for (Object p : payloads) {
      assertThat(roundTrip(p)).as(p.getClass().getSimpleName()).isEqualTo(p);
    }
  }

  @Test
  void paxos_payloads_should_survive_encoding() throws IOException {
    Random r = new Random(11);
    UUID table = new UUID(3, 4);
    DecoratedKey key = new DecoratedKey(Long.MIN_VALUE + 1, bytes(5, 6));
    Ballot ballot = new Ballot(123456789L, new UUID(7, 7));
    PaxosMessages.Proposal proposal = new PaxosMessages.Proposal(ballot, update(r));
    List<Object> payloads = List.of(
        new PaxosMessages.Prepare(table, key, ballot),
        new PaxosMessages.Promise(true, ballot, proposal, null),
        new PaxosMessages.Promise(false, Ballot.NONE, null, proposal),
        new PaxosMessages.Propose(table, key, proposal),
        new PaxosMessages.Accepted(false, ballot),
        new PaxosMessages.Commit(table, key, proposal));
    for (Object p : payloads) {
      assertThat(roundTrip(p)).as(p.getClass().getSimpleName()).isEqualTo(p);
    }
  }

  @Test
  void schema_snapshots_should_survive_encoding() throws IOException {
    Map<String, KeyspaceMetadata> keyspaces = new HashMap<>();
    for (KeyspaceMetadata ks : SystemKeyspaces.keyspaces()) {
      keyspaces.put(ks.name(), ks);
    }
    UserType inner = new UserType("app", "inner", List.of("x"), List.of(NativeType.INT), true);
    UserType address = new UserType("app", "address", List.of("street", "zip", "inner"),
        List.of(NativeType.TEXT, new SetType(NativeType.INT, true), inner), false);
    ColumnMetadata id = new ColumnMetadata("id", NativeType.UUID, ColumnMetadata.Kind.PARTITION_KEY, 0, false);
    ColumnMetadata ts = new ColumnMetadata("ts", NativeType.TIMEUUID, ColumnMetadata.Kind.CLUSTERING, 0, true);
    List<ColumnMetadata> others = List.of(
        new ColumnMetadata("home", address, ColumnMetadata.Kind.REGULAR, -1, false),
        new ColumnMetadata("tags", new MapType(NativeType.TEXT, new ListType(NativeType.BIGINT, true), false), ColumnMetadata.Kind.REGULAR, -1, false),
        new ColumnMetadata("pair", new TupleType(List.of(NativeType.INT, NativeType.DOUBLE)), ColumnMetadata.Kind.STATIC, -1, false),
        new ColumnMetadata("emb", new VectorType(NativeType.FLOAT, 3), ColumnMetadata.Kind.REGULAR, -1, false));
    TableParams params = TableParams.defaults().withOptions(Map.of("comment", "hello", "default_time_to_live", "60",
        "compaction", Map.of("class", "LeveledCompactionStrategy")));
    TableMetadata events = new TableMetadata("app", "events", new UUID(12, 34), List.of(id), List.of(ts), others, params, false, false,
        Map.of("old", new DroppedColumn("old", NativeType.TEXT, false, 5L)));
    TableMetadata counts = new TableMetadata("app", "counts", new UUID(56, 78), List.of(id), List.of(),
        List.of(new ColumnMetadata("n", NativeType.COUNTER, ColumnMetadata.Kind.REGULAR, -1, false)), TableParams.defaults(), true, false);
    keyspaces.put("app", new KeyspaceMetadata("app", true,
        new ReplicationParams("org.apache.cassandra.locator.NetworkTopologyStrategy", Map.of("dc1", "3", "dc2", "2")),
        Map.of("events", events, "counts", counts), Map.of("inner", inner, "address", address), false));
    Payloads.SchemaSnapshot snapshot = new Payloads.SchemaSnapshot(17, new Schema(new UUID(9, 9), keyspaces));
    assertThat(roundTrip(snapshot)).isEqualTo(snapshot);
  }

  @Test
  void should_carry_leftover_column_masks_in_a_schema_snapshot() throws IOException {
    // system_schema.column_masks rows 5.0.9 keeps after DROP TABLE, which every node lists
    Map<dev.ringlet.internal.schema.LeftoverMask.Key, dev.ringlet.internal.schema.ColumnMask> leftovers = Map.of(
        new dev.ringlet.internal.schema.LeftoverMask.Key("gone", "s"),
        new dev.ringlet.internal.schema.ColumnMask("system", "mask_default", List.of(), List.of()),
        new dev.ringlet.internal.schema.LeftoverMask.Key("gone", "p"),
        new dev.ringlet.internal.schema.ColumnMask("system", "mask_inner", List.of(NativeType.INT, NativeType.INT),
            java.util.Arrays.asList(bytes(0, 0, 0, 1), null)));
    KeyspaceMetadata ks = new KeyspaceMetadata("app", true,
        new ReplicationParams("org.apache.cassandra.locator.SimpleStrategy", Map.of("replication_factor", "1")),
        Map.of(), Map.of(), false).withLeftoverMasks(leftovers);
    Payloads.SchemaSnapshot snapshot = new Payloads.SchemaSnapshot(3, new Schema(new UUID(1, 1), Map.of("app", ks)));

    Payloads.SchemaSnapshot back = (Payloads.SchemaSnapshot) roundTrip(snapshot);

    assertThat(back.schema().keyspace("app").leftoverMasks()).isEqualTo(leftovers);
  }

  private static ByteBuffer bytes(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
    return ByteBuffer.wrap(b);
  }

  private static ByteBuffer randomBytes(Random r) {
    byte[] b = new byte[r.nextInt(12)];
    r.nextBytes(b);
    return ByteBuffer.wrap(b);
  }

  private static DeletionTime deletion(Random r) {
    return r.nextInt(3) == 0 ? DeletionTime.LIVE : new DeletionTime(r.nextLong(), r.nextInt(Integer.MAX_VALUE));
  }

  private static Cell cell(Random r) {
    long ts = r.nextLong();
    switch (r.nextInt(4)) {
      case 0:
        return Cell.live(randomBytes(r), ts);
      case 1:
        return Cell.tombstone(ts, r.nextInt(Integer.MAX_VALUE));
      case 2:
        return Cell.expiring(randomBytes(r), ts, 1 + r.nextInt(1000), r.nextInt(Integer.MAX_VALUE / 2));
      default:
        return r.nextBoolean() ? Cell.counterDelta(r.nextLong(), ts)
            : Cell.counter(dev.ringlet.internal.storage.CounterContext.ofShard(new UUID(r.nextLong(), r.nextLong()), r.nextLong(), r.nextLong())
                .merge(dev.ringlet.internal.storage.CounterContext.ofShard(new UUID(r.nextLong(), r.nextLong()), r.nextLong(), r.nextLong())), ts);
    }
  }

  private static Clustering clustering(Random r, int size) {
    if (size == 0) {
      return Clustering.EMPTY;
    }
    List<ByteBuffer> values = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      values.add(randomBytes(r));
    }
    return new Clustering(values);
  }

  private static RowUpdate row(Random r, int clusteringSize) {
    Map<String, Cell> cells = new HashMap<>();
    for (int i = r.nextInt(4); i > 0; i--) {
      cells.put("c" + r.nextInt(10), cell(r));
    }
    Map<String, ComplexColumn> complex = new HashMap<>();
    for (int i = r.nextInt(3); i > 0; i--) {
      Map<ByteBuffer, Cell> elements = new HashMap<>();
      for (int j = r.nextInt(4); j > 0; j--) {
        elements.put(randomBytes(r), cell(r));
      }
      complex.put("x" + r.nextInt(5), new ComplexColumn(deletion(r), elements));
    }
    LivenessInfo liveness = r.nextBoolean() ? LivenessInfo.EMPTY : LivenessInfo.of(r.nextLong(), r.nextInt(100), r.nextInt(1_000_000));
    DeletionTime shadowable = r.nextInt(3) == 0 ? deletion(r) : DeletionTime.LIVE; // materialized views
    return new RowUpdate(clustering(r, clusteringSize), liveness, deletion(r), cells, complex, shadowable);
  }

  private static PartitionUpdate update(Random r) {
    int clusteringSize = r.nextInt(3);
    List<RangeTombstone> rts = new ArrayList<>();
    for (int i = r.nextInt(3); i > 0; i--) {
      rts.add(new RangeTombstone(new ClusteringComparator.Bound(clustering(r, r.nextInt(clusteringSize + 1)), true, r.nextBoolean()),
          new ClusteringComparator.Bound(clustering(r, r.nextInt(clusteringSize + 1)), false, r.nextBoolean()), deletion(r)));
    }
    List<RowUpdate> rows = new ArrayList<>();
    for (int i = r.nextInt(5); i > 0; i--) {
      rows.add(row(r, clusteringSize));
    }
    RowUpdate staticRow = r.nextBoolean() ? row(r, 0) : null;
    return new PartitionUpdate(new DecoratedKey(r.nextLong(), randomBytes(r)), deletion(r), rts, staticRow, rows);
  }

  private static dev.ringlet.internal.exec.select.RowFilter rowFilter() {
    java.nio.ByteBuffer token = java.nio.ByteBuffer.allocate(8).putLong(0, -42L);
    return new dev.ringlet.internal.exec.select.RowFilter(List.of(
        new dev.ringlet.internal.exec.select.RowFilter.Expression(dev.ringlet.internal.exec.select.RowFilter.Kind.COMPARE, "v",
            dev.ringlet.internal.cql.ast.Operator.GTE, List.of(bytes(7))),
        new dev.ringlet.internal.exec.select.RowFilter.Expression(dev.ringlet.internal.exec.select.RowFilter.Kind.COMPARE, "w",
            dev.ringlet.internal.cql.ast.Operator.IS_NOT, List.of()),
        new dev.ringlet.internal.exec.select.RowFilter.Expression(dev.ringlet.internal.exec.select.RowFilter.Kind.IN, "x",
            dev.ringlet.internal.cql.ast.Operator.IN, java.util.Arrays.asList(bytes(1), null)),
        new dev.ringlet.internal.exec.select.RowFilter.Expression(dev.ringlet.internal.exec.select.RowFilter.Kind.TOKEN, null,
            dev.ringlet.internal.cql.ast.Operator.LTE, List.of(token)),
        new dev.ringlet.internal.exec.select.RowFilter.Expression(dev.ringlet.internal.exec.select.RowFilter.Kind.CONTAINS, "s",
            dev.ringlet.internal.cql.ast.Operator.CONTAINS_KEY, List.of(bytes(3)), true),
        new dev.ringlet.internal.exec.select.RowFilter.Expression(dev.ringlet.internal.exec.select.RowFilter.Kind.MAP_ENTRY, "m",
            dev.ringlet.internal.cql.ast.Operator.EQ, List.of(bytes(4), bytes(5)))));
  }
}
