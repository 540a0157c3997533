package dev.ringlet.internal.cluster;

/** What kind of write timed out, as the protocol's WRITE_TIMEOUT reports it. */
public enum WriteType {
  SIMPLE,
  BATCH,
  UNLOGGED_BATCH,
  COUNTER,
  BATCH_LOG,
  CAS,
  VIEW,
  CDC
}
