package dev.ringlet.internal.auth;

/** Cassandra 5.0's permissions, in the order it lists them. */
public enum Permission {
  CREATE,
  ALTER,
  DROP,
  SELECT,
  MODIFY,
  AUTHORIZE,
  DESCRIBE,
  EXECUTE,
  UNMASK,
  SELECT_MASKED
}
