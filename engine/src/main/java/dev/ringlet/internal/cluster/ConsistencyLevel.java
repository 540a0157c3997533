package dev.ringlet.internal.cluster;

/** Cassandra's consistency levels, by the names CQL and the protocol use. */
public enum ConsistencyLevel {
  ANY,
  ONE,
  TWO,
  THREE,
  QUORUM,
  ALL,
  LOCAL_QUORUM,
  EACH_QUORUM,
  SERIAL,
  LOCAL_SERIAL,
  LOCAL_ONE,
  NODE_LOCAL;

  public boolean isSerial() {
    return this == SERIAL || this == LOCAL_SERIAL;
  }

  /** Whether the level involves the coordinator's datacenter only (Cassandra's {@code isDatacenterLocal}). */
  public boolean isDatacenterLocal() {
    return this == LOCAL_QUORUM || this == LOCAL_SERIAL || this == LOCAL_ONE || this == NODE_LOCAL;
  }
}
