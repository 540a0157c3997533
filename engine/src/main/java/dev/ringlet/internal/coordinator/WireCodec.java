package dev.ringlet.internal.coordinator;

import dev.ringlet.internal.gossip.Heartbeat;
import dev.ringlet.internal.gossip.MemberInfo;
import dev.ringlet.internal.gossip.MemberList;
import dev.ringlet.internal.messaging.PayloadCodec;
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
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The binary encoding of every payload the cluster verbs carry, for the TCP transport. Each payload
 * starts with a one-byte tag naming its type; schema snapshots are encoded by {@link SchemaWire}. A
 * payload of any other type is refused ({@link IllegalArgumentException}), so the transport drops it.
 *
 * <p>It is long because it is the one place that knows the whole wire format: every tag with its
 * encoder and decoder side by side, so a change to a payload changes both directions in one file and
 * the tag table cannot drift between them (schema snapshots, the other large part, are apart).
 */
public final class WireCodec implements PayloadCodec {

  private static final int NULL = 0;
  private static final int ACK = 1;
  private static final int BOOLEAN = 2;
  private static final int UUID_TAG = 3;
  private static final int MUTATION = 4;
  private static final int READ = 5;
  private static final int READ_ANSWER = 6;
  private static final int RANGE_READ = 7;
  private static final int RANGE_ANSWER = 8;
  private static final int TRUNCATE = 9;
  private static final int DROP_COLUMN = 10;
  private static final int BATCH_STORE = 11;
  private static final int PREPARE = 12;
  private static final int PROMISE = 13;
  private static final int PROPOSE = 14;
  private static final int ACCEPTED = 15;
  private static final int COMMIT = 16;
  private static final int HEARTBEAT = 17;
  private static final int STRING = 18;
  private static final int INTEGER = 19;
  private static final int LONG = 20;
  private static final int SCHEMA = 21;
  private static final int MEMBERS = 22;
  private static final int COUNTER_MUTATION = 23;
  private static final int FAULTS = 24;
  private static final int RANGES_REQUEST = 25;
  private static final int VALIDATION = 26;
  private static final int RING_CHANGE = 27;
  private static final int ADMIN_COMMAND = 28;

  @Override
  public void write(Object p, DataOutput out) throws IOException {
    if (p == null) {
      out.writeByte(NULL);
    } else if (p instanceof Payloads.Ack) {
      out.writeByte(ACK);
    } else if (p instanceof Boolean b) {
      out.writeByte(BOOLEAN);
      out.writeBoolean(b);
    } else if (p instanceof UUID id) {
      out.writeByte(UUID_TAG);
      uuid(id, out);
    } else if (p instanceof String s) {
      out.writeByte(STRING);
      out.writeUTF(s);
    } else if (p instanceof Integer i) {
      out.writeByte(INTEGER);
      out.writeInt(i);
    } else if (p instanceof Long l) {
      out.writeByte(LONG);
      out.writeLong(l);
    } else if (p instanceof Payloads.Mutation m) {
      out.writeByte(MUTATION);
      mutation(m, out);
    } else if (p instanceof dev.ringlet.internal.messaging.Faults.State f) {
      out.writeByte(FAULTS);
      faults(f, out);
    } else if (p instanceof Payloads.CounterMutation m) {
      out.writeByte(COUNTER_MUTATION);
      uuid(m.tableId(), out);
      update(m.update(), out);
      out.writeUTF(m.level().name());
    } else if (p instanceof Payloads.Read r) {
      out.writeByte(READ);
      uuid(r.tableId(), out);
      key(r.key(), out);
      out.writeBoolean(r.digestOnly());
      out.writeBoolean(r.sliced());
      if (r.sliced()) {
        bound(r.start(), out);
        bound(r.end(), out);
      }
      out.writeBoolean(r.reversed());
      out.writeInt(r.limit());
      nullableClusterings(r.names(), out);
      rowFilter(r.filter(), out);
      parts(r.parts(), out);
    } else if (p instanceof Payloads.ReadAnswer a) {
      out.writeByte(READ_ANSWER);
      nullableUpdate(a.data(), out);
      out.writeLong(a.digest());
      out.writeBoolean(a.digestOnly());
      out.writeInt(a.liveRows());
      out.writeInt(a.tombstones());
    } else if (p instanceof Payloads.RangeRead r) {
      out.writeByte(RANGE_READ);
      uuid(r.tableId(), out);
      out.writeBoolean(r.from() != null);
      if (r.from() != null) {
        key(r.from(), out);
      }
      out.writeBoolean(r.inclusive());
      out.writeBoolean(r.start() != null);
      if (r.start() != null) {
        bound(r.start(), out);
        bound(r.end(), out);
      }
      out.writeInt(r.scan().limit());
      out.writeInt(r.scan().perPartitionLimit());
      out.writeBoolean(r.scan().resumeAfter() != null);
      if (r.scan().resumeAfter() != null) {
        clustering(r.scan().resumeAfter(), out);
      }
      out.writeBoolean(r.scan().skipFrom());
      rowFilter(r.scan().filter(), out);
      nullableClusterings(r.scan().names(), out);
      parts(r.parts(), out);
    } else if (p instanceof Payloads.RangeAnswer a) {
      out.writeByte(RANGE_ANSWER);
      out.writeInt(a.partitions().size());
      for (PartitionUpdate u : a.partitions()) {
        update(u, out);
      }
      out.writeInt(a.tombstones());
    } else if (p instanceof Payloads.Truncate t) {
      out.writeByte(TRUNCATE);
      uuid(t.tableId(), out);
    } else if (p instanceof Payloads.DropColumn d) {
      out.writeByte(DROP_COLUMN);
      uuid(d.tableId(), out);
      out.writeUTF(d.column());
      out.writeLong(d.timestampMicros());
    } else if (p instanceof Batchlog.Store s) {
      out.writeByte(BATCH_STORE);
      uuid(s.id(), out);
      out.writeInt(s.mutations().size());
      for (Payloads.Mutation m : s.mutations()) {
        mutation(m, out);
      }
    } else if (p instanceof PaxosMessages.Prepare pr) {
      out.writeByte(PREPARE);
      uuid(pr.tableId(), out);
      key(pr.key(), out);
      ballot(pr.ballot(), out);
    } else if (p instanceof PaxosMessages.Promise pr) {
      out.writeByte(PROMISE);
      out.writeBoolean(pr.promised());
      ballot(pr.highest(), out);
      nullableProposal(pr.accepted(), out);
      nullableProposal(pr.committed(), out);
    } else if (p instanceof PaxosMessages.Propose pr) {
      out.writeByte(PROPOSE);
      uuid(pr.tableId(), out);
      key(pr.key(), out);
      proposal(pr.proposal(), out);
    } else if (p instanceof PaxosMessages.Accepted a) {
      out.writeByte(ACCEPTED);
      out.writeBoolean(a.accepted());
      ballot(a.highest(), out);
    } else if (p instanceof PaxosMessages.Commit c) {
      out.writeByte(COMMIT);
      uuid(c.tableId(), out);
      key(c.key(), out);
      proposal(c.proposal(), out);
    } else if (p instanceof Heartbeat h) {
      out.writeByte(HEARTBEAT);
      out.writeLong(h.generation());
      out.writeLong(h.version());
      out.writeLong(h.schemaEpoch());
      out.writeBoolean(h.schemaVersion() != null);
      if (h.schemaVersion() != null) {
        uuid(h.schemaVersion(), out);
      }
    } else if (p instanceof MemberList list) {
      out.writeByte(MEMBERS);
      out.writeInt(list.members().size());
      for (MemberInfo m : list.members()) {
        member(m, out);
      }
    } else if (p instanceof Payloads.RangesRequest r) {
      out.writeByte(RANGES_REQUEST);
      uuid(r.tableId(), out);
      out.writeInt(r.ranges().size());
      for (dev.ringlet.internal.cluster.TokenRange range : r.ranges()) {
        out.writeLong(range.start());
        out.writeLong(range.end());
      }
    } else if (p instanceof Payloads.Validation v) {
      out.writeByte(VALIDATION);
      out.writeInt(v.digests().size());
      for (Payloads.KeyDigest d : v.digests()) {
        key(d.key(), out);
        out.writeLong(d.digest());
      }
    } else if (p instanceof dev.ringlet.internal.gossip.RingChange c) {
      out.writeByte(RING_CHANGE);
      out.writeUTF(c.kind().name());
      member(c.member(), out);
    } else if (p instanceof dev.ringlet.internal.gossip.AdminCommand c) {
      out.writeByte(ADMIN_COMMAND);
      out.writeUTF(c.name());
      out.writeInt(c.arguments().size());
      for (String a : c.arguments()) {
        out.writeUTF(a);
      }
    } else if (p instanceof Payloads.SchemaSnapshot s) {
      out.writeByte(SCHEMA);
      out.writeLong(s.epoch());
      SchemaWire.write(s.schema(), out);
    } else {
      throw new IllegalArgumentException("no wire encoding for " + p.getClass().getSimpleName());
    }
  }

  @Override
  public Object read(DataInput in) throws IOException {
    int tag = in.readUnsignedByte();
    switch (tag) {
      case NULL:
        return null;
      case ACK:
        return Payloads.Ack.OK;
      case BOOLEAN:
        return in.readBoolean();
      case UUID_TAG:
        return uuid(in);
      case STRING:
        return in.readUTF();
      case INTEGER:
        return in.readInt();
      case LONG:
        return in.readLong();
      case MUTATION:
        return mutation(in);
      case FAULTS:
        return faults(in);
      case COUNTER_MUTATION:
        return new Payloads.CounterMutation(uuid(in), update(in), dev.ringlet.internal.cluster.ConsistencyLevel.valueOf(in.readUTF()));
      case READ: {
        UUID table = uuid(in);
        DecoratedKey key = key(in);
        boolean digestOnly = in.readBoolean();
        boolean sliced = in.readBoolean();
        ClusteringComparator.Bound start = sliced ? bound(in) : null;
        ClusteringComparator.Bound end = sliced ? bound(in) : null;
        boolean reversed = in.readBoolean();
        int limit = in.readInt();
        List<Clustering> names = nullableClusterings(in);
        dev.ringlet.internal.exec.select.RowFilter filter = rowFilter(in);
        return new Payloads.Read(table, key, digestOnly, start, end, reversed, limit, names, filter, parts(in));
      }
      case READ_ANSWER:
        return new Payloads.ReadAnswer(nullableUpdate(in), in.readLong(), in.readBoolean(), in.readInt(), in.readInt());
      case RANGE_READ: {
        UUID table = uuid(in);
        DecoratedKey from = in.readBoolean() ? key(in) : null;
        boolean inclusive = in.readBoolean();
        boolean bounded = in.readBoolean();
        ClusteringComparator.Bound start = bounded ? bound(in) : null;
        ClusteringComparator.Bound end = bounded ? bound(in) : null;
        int limit = in.readInt();
        int perPartitionLimit = in.readInt();
        Clustering resumeAfter = in.readBoolean() ? clustering(in) : null;
        boolean skipFrom = in.readBoolean();
        dev.ringlet.internal.exec.select.RowFilter filter = rowFilter(in);
        Payloads.ScanLimits scan = new Payloads.ScanLimits(limit, perPartitionLimit, resumeAfter, skipFrom, filter,
            nullableClusterings(in));
        return new Payloads.RangeRead(table, from, inclusive, start, end, scan, parts(in));
      }
      case RANGE_ANSWER: {
        int n = count(in);
        List<PartitionUpdate> parts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          parts.add(update(in));
        }
        return new Payloads.RangeAnswer(parts, in.readInt());
      }
      case TRUNCATE:
        return new Payloads.Truncate(uuid(in));
      case DROP_COLUMN:
        return new Payloads.DropColumn(uuid(in), in.readUTF(), in.readLong());
      case BATCH_STORE: {
        UUID id = uuid(in);
        int n = count(in);
        List<Payloads.Mutation> ms = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          ms.add(mutation(in));
        }
        return new Batchlog.Store(id, ms);
      }
      case PREPARE:
        return new PaxosMessages.Prepare(uuid(in), key(in), ballot(in));
      case PROMISE:
        return new PaxosMessages.Promise(in.readBoolean(), ballot(in), nullableProposal(in), nullableProposal(in));
      case PROPOSE:
        return new PaxosMessages.Propose(uuid(in), key(in), proposal(in));
      case ACCEPTED:
        return new PaxosMessages.Accepted(in.readBoolean(), ballot(in));
      case COMMIT:
        return new PaxosMessages.Commit(uuid(in), key(in), proposal(in));
      case HEARTBEAT: {
        long generation = in.readLong();
        long version = in.readLong();
        long epoch = in.readLong();
        UUID schema = in.readBoolean() ? uuid(in) : null;
        return new Heartbeat(generation, version, epoch, schema);
      }
      case MEMBERS: {
        int n = count(in);
        List<MemberInfo> members = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          members.add(member(in));
        }
        return new MemberList(members);
      }
      case SCHEMA:
        return new Payloads.SchemaSnapshot(in.readLong(), SchemaWire.read(in));
      case RANGES_REQUEST: {
        UUID table = uuid(in);
        int n = count(in);
        List<dev.ringlet.internal.cluster.TokenRange> ranges = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          ranges.add(new dev.ringlet.internal.cluster.TokenRange(in.readLong(), in.readLong()));
        }
        return new Payloads.RangesRequest(table, ranges);
      }
      case VALIDATION: {
        int n = count(in);
        List<Payloads.KeyDigest> digests = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          digests.add(new Payloads.KeyDigest(key(in), in.readLong()));
        }
        return new Payloads.Validation(digests);
      }
      case RING_CHANGE:
        return new dev.ringlet.internal.gossip.RingChange(dev.ringlet.internal.gossip.RingChange.Kind.valueOf(in.readUTF()), member(in));
      case ADMIN_COMMAND: {
        String name = in.readUTF();
        int n = count(in);
        List<String> args = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          args.add(in.readUTF());
        }
        return new dev.ringlet.internal.gossip.AdminCommand(name, args);
      }
      default:
        throw new IOException("unknown payload tag " + tag);
    }
  }

  private static void faults(dev.ringlet.internal.messaging.Faults.State f, DataOutput out) throws IOException {
    out.writeInt(f.rules().size());
    for (dev.ringlet.internal.messaging.FaultRule r : f.rules()) {
      out.writeUTF(r.verb() == null ? "" : r.verb().name());
      nullableUuid(r.from(), out);
      nullableUuid(r.to(), out);
      out.writeUTF(r.direction() == null ? "" : r.direction().name());
      out.writeLong(r.delay() == null ? -1 : r.delay().toMillis());
    }
    out.writeInt(f.partition().size());
    for (java.util.Set<UUID> group : f.partition()) {
      out.writeInt(group.size());
      for (UUID id : group) {
        uuid(id, out);
      }
    }
  }

  private static dev.ringlet.internal.messaging.Faults.State faults(DataInput in) throws IOException {
    int n = count(in);
    List<dev.ringlet.internal.messaging.FaultRule> rules = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String verb = in.readUTF();
      UUID from = nullableUuid(in);
      UUID to = nullableUuid(in);
      String direction = in.readUTF();
      long delay = in.readLong();
      rules.add(new dev.ringlet.internal.messaging.FaultRule(verb.isEmpty() ? null : dev.ringlet.internal.messaging.Verb.valueOf(verb), from, to,
          direction.isEmpty() ? null : dev.ringlet.internal.messaging.FaultRule.Direction.valueOf(direction),
          delay < 0 ? null : java.time.Duration.ofMillis(delay)));
    }
    int groups = count(in);
    List<java.util.Set<UUID>> partition = new ArrayList<>(groups);
    for (int g = 0; g < groups; g++) {
      int size = count(in);
      java.util.Set<UUID> ids = new java.util.HashSet<>();
      for (int i = 0; i < size; i++) {
        ids.add(uuid(in));
      }
      partition.add(ids);
    }
    return new dev.ringlet.internal.messaging.Faults.State(rules, partition);
  }

  private static void nullableUuid(UUID id, DataOutput out) throws IOException {
    out.writeBoolean(id != null);
    if (id != null) {
      uuid(id, out);
    }
  }

  private static UUID nullableUuid(DataInput in) throws IOException {
    return in.readBoolean() ? uuid(in) : null;
  }

  private static void member(MemberInfo m, DataOutput out) throws IOException {
    out.writeUTF(m.clusterName());
    uuid(m.hostId(), out);
    out.writeUTF(m.datacenter());
    out.writeUTF(m.rack());
    out.writeUTF(m.releaseVersion());
    address(m.nativeAddress(), out);
    out.writeInt(m.nativePort());
    address(m.internodeAddress(), out);
    out.writeInt(m.internodePort());
    out.writeInt(m.tokens().size());
    for (long t : m.tokens()) {
      out.writeLong(t);
    }
  }

  private static MemberInfo member(DataInput in) throws IOException {
    String cluster = in.readUTF();
    UUID id = uuid(in);
    String dc = in.readUTF();
    String rack = in.readUTF();
    String release = in.readUTF();
    InetAddress nativeAddress = address(in);
    int nativePort = in.readInt();
    InetAddress internode = address(in);
    int internodePort = in.readInt();
    int n = count(in);
    List<Long> tokens = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      tokens.add(in.readLong());
    }
    return new MemberInfo(cluster, id, dc, rack, release, nativeAddress, nativePort, internode, internodePort, tokens);
  }

  private static void address(InetAddress a, DataOutput out) throws IOException {
    byte[] b = a.getAddress();
    out.writeByte(b.length);
    out.write(b);
  }

  private static InetAddress address(DataInput in) throws IOException {
    byte[] b = new byte[in.readUnsignedByte()];
    in.readFully(b);
    return InetAddress.getByAddress(b);
  }

  private static int count(DataInput in) throws IOException {
    int n = in.readInt();
    if (n < 0) {
      throw new IOException("negative count " + n);
    }
    return n;
  }

  private static void uuid(UUID id, DataOutput out) throws IOException {
    out.writeLong(id.getMostSignificantBits());
    out.writeLong(id.getLeastSignificantBits());
  }

  private static UUID uuid(DataInput in) throws IOException {
    return new UUID(in.readLong(), in.readLong());
  }

  private static void bytes(ByteBuffer b, DataOutput out) throws IOException {
    if (b == null) {
      out.writeInt(-1);
      return;
    }
    ByteBuffer d = b.duplicate();
    out.writeInt(d.remaining());
    byte[] a = new byte[d.remaining()];
    d.get(a);
    out.write(a);
  }

  private static ByteBuffer bytes(DataInput in) throws IOException {
    int n = in.readInt();
    if (n < 0) {
      return null;
    }
    byte[] a = new byte[n];
    in.readFully(a);
    return ByteBuffer.wrap(a);
  }

  private static void key(DecoratedKey k, DataOutput out) throws IOException {
    out.writeLong(k.token());
    bytes(k.key(), out);
  }

  private static DecoratedKey key(DataInput in) throws IOException {
    return new DecoratedKey(in.readLong(), bytes(in));
  }

  private static void ballot(Ballot b, DataOutput out) throws IOException {
    out.writeLong(b.micros());
    uuid(b.node(), out);
  }

  private static Ballot ballot(DataInput in) throws IOException {
    return new Ballot(in.readLong(), uuid(in));
  }

  private static void proposal(PaxosMessages.Proposal p, DataOutput out) throws IOException {
    ballot(p.ballot(), out);
    update(p.update(), out);
  }

  private static PaxosMessages.Proposal proposal(DataInput in) throws IOException {
    return new PaxosMessages.Proposal(ballot(in), update(in));
  }

  private static void nullableProposal(PaxosMessages.Proposal p, DataOutput out) throws IOException {
    out.writeBoolean(p != null);
    if (p != null) {
      proposal(p, out);
    }
  }

  private static PaxosMessages.Proposal nullableProposal(DataInput in) throws IOException {
    return in.readBoolean() ? proposal(in) : null;
  }

  private static void mutation(Payloads.Mutation m, DataOutput out) throws IOException {
    uuid(m.tableId(), out);
    update(m.update(), out);
  }

  private static Payloads.Mutation mutation(DataInput in) throws IOException {
    return new Payloads.Mutation(uuid(in), update(in));
  }

  private static void nullableUpdate(PartitionUpdate u, DataOutput out) throws IOException {
    out.writeBoolean(u != null);
    if (u != null) {
      update(u, out);
    }
  }

  private static PartitionUpdate nullableUpdate(DataInput in) throws IOException {
    return in.readBoolean() ? update(in) : null;
  }

  /** A partition update: key, partition deletion, range tombstones, static row, rows. */
  static void update(PartitionUpdate u, DataOutput out) throws IOException {
    key(u.key(), out);
    deletion(u.partitionDeletion(), out);
    out.writeInt(u.rangeTombstones().size());
    for (RangeTombstone rt : u.rangeTombstones()) {
      bound(rt.start(), out);
      bound(rt.end(), out);
      deletion(rt.deletion(), out);
    }
    out.writeBoolean(u.staticRow() != null);
    if (u.staticRow() != null) {
      row(u.staticRow(), out);
    }
    out.writeInt(u.rows().size());
    for (RowUpdate r : u.rows()) {
      row(r, out);
    }
  }

  static PartitionUpdate update(DataInput in) throws IOException {
    DecoratedKey key = key(in);
    DeletionTime deletion = deletion(in);
    int n = count(in);
    List<RangeTombstone> rts = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      rts.add(new RangeTombstone(bound(in), bound(in), deletion(in)));
    }
    RowUpdate staticRow = in.readBoolean() ? row(in) : null;
    int rows = count(in);
    List<RowUpdate> list = new ArrayList<>(rows);
    for (int i = 0; i < rows; i++) {
      list.add(row(in));
    }
    return new PartitionUpdate(key, deletion, rts, staticRow, list);
  }

  private static void deletion(DeletionTime d, DataOutput out) throws IOException {
    out.writeLong(d.markedForDeleteAt());
    out.writeLong(d.localDeletionTime());
  }

  private static DeletionTime deletion(DataInput in) throws IOException {
    return new DeletionTime(in.readLong(), in.readLong());
  }

  private static void clustering(Clustering c, DataOutput out) throws IOException {
    out.writeInt(c.values().size());
    for (ByteBuffer b : c.values()) {
      bytes(b, out);
    }
  }

  /** A command's slices (null: the one between its bounds): present flag, count, each slice's two bounds. */
  private static void parts(List<dev.ringlet.internal.storage.RowSlice.Part> parts, DataOutput out) throws IOException {
    out.writeBoolean(parts != null);
    if (parts != null) {
      out.writeInt(parts.size());
      for (dev.ringlet.internal.storage.RowSlice.Part p : parts) {
        bound(p.start(), out);
        bound(p.end(), out);
      }
    }
  }

  private static List<dev.ringlet.internal.storage.RowSlice.Part> parts(DataInput in) throws IOException {
    if (!in.readBoolean()) {
      return null;
    }
    int n = count(in);
    List<dev.ringlet.internal.storage.RowSlice.Part> parts = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      parts.add(new dev.ringlet.internal.storage.RowSlice.Part(bound(in), bound(in)));
    }
    return parts;
  }

  /** A command's named rows (null: none): present flag, count, each clustering. */
  private static void nullableClusterings(List<Clustering> names, DataOutput out) throws IOException {
    out.writeBoolean(names != null);
    if (names != null) {
      out.writeInt(names.size());
      for (Clustering c : names) {
        clustering(c, out);
      }
    }
  }

  private static List<Clustering> nullableClusterings(DataInput in) throws IOException {
    if (!in.readBoolean()) {
      return null;
    }
    int n = count(in);
    List<Clustering> names = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      names.add(clustering(in));
    }
    return names;
  }

  private static Clustering clustering(DataInput in) throws IOException {
    int n = count(in);
    if (n == 0) {
      return Clustering.EMPTY;
    }
    List<ByteBuffer> values = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      values.add(bytes(in));
    }
    return new Clustering(values);
  }

  /**
   * A read command's row filter: present flag, then each expression's kind, whether an index serves
   * it, column (absent for a token), operator and values.
   */
  private static void rowFilter(dev.ringlet.internal.exec.select.RowFilter f, DataOutput out) throws IOException {
    out.writeBoolean(f != null);
    if (f == null) {
      return;
    }
    out.writeInt(f.expressions().size());
    for (dev.ringlet.internal.exec.select.RowFilter.Expression e : f.expressions()) {
      out.writeByte(e.kind().ordinal());
      out.writeBoolean(e.indexed());
      out.writeBoolean(e.column() != null);
      if (e.column() != null) {
        out.writeUTF(e.column());
      }
      out.writeUTF(e.operator().name());
      out.writeInt(e.values().size());
      for (ByteBuffer v : e.values()) {
        bytes(v, out);
      }
    }
  }

  private static dev.ringlet.internal.exec.select.RowFilter rowFilter(DataInput in) throws IOException {
    if (!in.readBoolean()) {
      return null;
    }
    int n = count(in);
    List<dev.ringlet.internal.exec.select.RowFilter.Expression> expressions = new ArrayList<>(n);
    dev.ringlet.internal.exec.select.RowFilter.Kind[] kinds = dev.ringlet.internal.exec.select.RowFilter.Kind.values();
    for (int i = 0; i < n; i++) {
      int kind = in.readUnsignedByte();
      if (kind >= kinds.length) {
        throw new IOException("row filter expression kind " + kind + " (expected: < " + kinds.length + ")");
      }
      boolean indexed = in.readBoolean();
      String column = in.readBoolean() ? in.readUTF() : null;
      dev.ringlet.internal.cql.ast.Operator op = dev.ringlet.internal.cql.ast.Operator.valueOf(in.readUTF());
      int m = count(in);
      List<ByteBuffer> values = new ArrayList<>(m);
      for (int j = 0; j < m; j++) {
        values.add(bytes(in));
      }
      expressions.add(new dev.ringlet.internal.exec.select.RowFilter.Expression(kinds[kind], column, op, values, indexed));
    }
    return new dev.ringlet.internal.exec.select.RowFilter(expressions);
  }

  private static void bound(ClusteringComparator.Bound b, DataOutput out) throws IOException {
    clustering(b.prefix(), out);
    out.writeBoolean(b.isStart());
    out.writeBoolean(b.inclusive());
  }

  private static ClusteringComparator.Bound bound(DataInput in) throws IOException {
    return new ClusteringComparator.Bound(clustering(in), in.readBoolean(), in.readBoolean());
  }

  /** The bit of a row's encoded liveness ttl saying a shadowable deletion follows its row deletion. */
  private static final int SHADOWABLE_ROW_DELETION = 0x80000000;

  private static void row(RowUpdate r, DataOutput out) throws IOException {
    clustering(r.clustering(), out);
    LivenessInfo l = r.liveness();
    out.writeLong(l.timestamp());
    // A ttl is never negative: its sign bit says a shadowable deletion follows the row deletion, so
    // hints and batchlog entries written before shadowable deletions existed read the same.
    boolean shadowable = !r.shadowableDeletion().isLive();
    out.writeInt(l.ttl() | (shadowable ? SHADOWABLE_ROW_DELETION : 0));
    out.writeLong(l.expiresAt());
    deletion(r.deletion(), out);
    if (shadowable) {
      deletion(r.shadowableDeletion(), out);
    }
    out.writeInt(r.cells().size());
    for (Map.Entry<String, Cell> e : r.cells().entrySet()) {
      out.writeUTF(e.getKey());
      cell(e.getValue(), out);
    }
    out.writeInt(r.complex().size());
    for (Map.Entry<String, ComplexColumn> e : r.complex().entrySet()) {
      out.writeUTF(e.getKey());
      deletion(e.getValue().deletion(), out);
      out.writeInt(e.getValue().cells().size());
      for (Map.Entry<ByteBuffer, Cell> c : e.getValue().cells().entrySet()) {
        bytes(c.getKey(), out);
        cell(c.getValue(), out);
      }
    }
  }

  private static RowUpdate row(DataInput in) throws IOException {
    Clustering clustering = clustering(in);
    long livenessTimestamp = in.readLong();
    int ttlAndFlag = in.readInt();
    LivenessInfo liveness = new LivenessInfo(livenessTimestamp, ttlAndFlag & ~SHADOWABLE_ROW_DELETION, in.readLong());
    DeletionTime deletion = deletion(in);
    DeletionTime shadowable = (ttlAndFlag & SHADOWABLE_ROW_DELETION) != 0 ? deletion(in) : DeletionTime.LIVE;
    int n = count(in);
    Map<String, Cell> cells = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      cells.put(in.readUTF(), cell(in));
    }
    int m = count(in);
    Map<String, ComplexColumn> complex = new LinkedHashMap<>();
    for (int i = 0; i < m; i++) {
      String name = in.readUTF();
      DeletionTime d = deletion(in);
      int k = count(in);
      Map<ByteBuffer, Cell> elements = new HashMap<>();
      for (int j = 0; j < k; j++) {
        elements.put(bytes(in), cell(in));
      }
      complex.put(name, new ComplexColumn(d, elements));
    }
    return new RowUpdate(clustering, liveness, deletion, cells, complex, shadowable);
  }

  private static void cell(Cell c, DataOutput out) throws IOException {
    bytes(c.value(), out);
    out.writeLong(c.timestamp());
    out.writeInt(c.ttl());
    out.writeLong(c.localDeletionTime());
    out.writeBoolean(c.counter());
  }

  private static Cell cell(DataInput in) throws IOException {
    return new Cell(bytes(in), in.readLong(), in.readInt(), in.readLong(), in.readBoolean());
  }
}
