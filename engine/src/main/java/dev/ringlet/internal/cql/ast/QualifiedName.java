package dev.ringlet.internal.cql.ast;

/**
 * A possibly keyspace-qualified name, as written: identifiers already case-folded (unquoted ones
 * lower-cased, quoted ones kept with {@code ""} un-doubled). {@code keyspace} is null when absent.
 */
public record QualifiedName(String keyspace, String name) {

  @Override
  public String toString() {
    return keyspace == null ? name : keyspace + "." + name;
  }
}
