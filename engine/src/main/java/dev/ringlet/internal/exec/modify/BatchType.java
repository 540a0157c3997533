package dev.ringlet.internal.exec.modify;

/** The kinds of BATCH. */
public enum BatchType {
  LOGGED,
  UNLOGGED,
  COUNTER
}
