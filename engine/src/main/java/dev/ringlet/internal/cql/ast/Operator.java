package dev.ringlet.internal.cql.ast;

/** Relation and condition operators, with the text Cassandra prints in messages. */
public enum Operator {
  EQ("="),
  LT("<"),
  LTE("<="),
  GT(">"),
  GTE(">="),
  NEQ("!="),
  IN("IN"),
  CONTAINS("CONTAINS"),
  CONTAINS_KEY("CONTAINS KEY"),
  LIKE("LIKE"),
  IS_NOT("IS NOT");

  private final String text;

  Operator(String text) {
    this.text = text;
  }

  @Override
  public String toString() {
    return text;
  }
}
