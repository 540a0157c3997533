package dev.ringlet.internal.coordinator;

import dev.ringlet.internal.storage.Cell;
import dev.ringlet.internal.storage.ComplexColumn;
import dev.ringlet.internal.storage.DeletionTime;
import dev.ringlet.internal.storage.PartitionUpdate;
import dev.ringlet.internal.storage.RangeTombstone;
import dev.ringlet.internal.storage.RowUpdate;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.TreeMap;

/**
 * The digest of a partition as stored: a 64-bit FNV-1a hash over a canonical walk of everything
 * reconciliation looks at (deletions, liveness, cell values, timestamps, TTLs, expiry), with maps
 * visited in key order. Equal partitions have equal digests; different ones almost surely not.
 */
final class Digests {

  private static final long OFFSET = 0xcbf29ce484222325L;
  private static final long PRIME = 0x100000001b3L;

  private Digests() {}

  static long of(PartitionUpdate p) {
    if (p == null) {
      return 0;
    }
    Hash h = new Hash();
    h.bytes(p.key().key());
    deletion(h, p.partitionDeletion());
    for (RangeTombstone rt : p.rangeTombstones()) {
      bound(h, rt.start());
      bound(h, rt.end());
      deletion(h, rt.deletion());
    }
    if (p.staticRow() != null) {
      row(h, p.staticRow());
    }
    h.number(p.rows().size());
    for (RowUpdate r : p.rows()) {
      row(h, r);
    }
    return h.value;
  }

  private static void row(Hash h, RowUpdate r) {
    for (ByteBuffer b : r.clustering().values()) {
      h.bytes(b);
    }
    h.number(r.liveness().timestamp());
    h.number(r.liveness().ttl());
    h.number(r.liveness().expiresAt());
    deletion(h, r.deletion());
    for (Map.Entry<String, Cell> c : new TreeMap<>(r.cells()).entrySet()) {
      h.text(c.getKey());
      cell(h, c.getValue());
    }
    for (Map.Entry<String, ComplexColumn> c : new TreeMap<>(r.complex()).entrySet()) {
      h.text(c.getKey());
      deletion(h, c.getValue().deletion());
      TreeMap<ByteBuffer, Cell> cells = new TreeMap<>(c.getValue().cells());
      for (Map.Entry<ByteBuffer, Cell> e : cells.entrySet()) {
        h.bytes(e.getKey());
        cell(h, e.getValue());
      }
    }
  }

  private static void bound(Hash h, dev.ringlet.internal.storage.ClusteringComparator.Bound b) {
    h.number(b.prefix().size());
    for (ByteBuffer v : b.prefix().values()) {
      h.bytes(v);
    }
    h.number((b.isStart() ? 2 : 0) + (b.inclusive() ? 1 : 0));
  }

  private static void cell(Hash h, Cell c) {
    h.bytes(c.value());
    h.number(c.timestamp());
    h.number(c.ttl());
    h.number(c.localDeletionTime());
    h.number(c.counter() ? 1 : 0);
  }

  private static void deletion(Hash h, DeletionTime d) {
    h.number(d.markedForDeleteAt());
    h.number(d.localDeletionTime());
  }

  private static final class Hash {
    long value = OFFSET;

    void octet(int b) {
      value ^= (b & 0xff);
      value *= PRIME;
    }

    void number(long n) {
      for (int i = 0; i < 8; i++) {
        octet((int) (n >>> (i * 8)));
      }
    }

    void bytes(ByteBuffer b) {
      if (b == null) {
        number(-1);
        return;
      }
      number(b.remaining());
      for (int i = b.position(); i < b.limit(); i++) {
        octet(b.get(i));
      }
    }

    void text(String s) {
      bytes(ByteBuffer.wrap(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
  }
}
