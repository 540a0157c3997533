package dev.ringlet.internal.types;

/** The lexical kinds of CQL constants, as in Cassandra's error messages ("Invalid STRING constant"). */
public enum LiteralKind {
  STRING,
  INTEGER,
  UUID,
  FLOAT,
  BOOLEAN,
  DURATION,
  HEX
}
