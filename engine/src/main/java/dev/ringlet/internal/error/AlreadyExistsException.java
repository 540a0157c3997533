package dev.ringlet.internal.error;

/** A CREATE of something that exists. {@code table} is empty for a keyspace. */
public final class AlreadyExistsException extends CqlException {

  private final String keyspace;
  private final String table;

  public AlreadyExistsException(String keyspace, String table, String message) {
    super(ErrorCode.ALREADY_EXISTS, message);
    this.keyspace = keyspace;
    this.table = table;
  }

  /** Cassandra's message for an existing keyspace. */
  public static AlreadyExistsException keyspace(String keyspace) {
    return new AlreadyExistsException(
        keyspace, "", "Cannot add existing keyspace \"" + keyspace + "\"");
  }

  /** Cassandra's message for an existing table (or view, type: {@code what} names the kind). */
  public static AlreadyExistsException table(String keyspace, String table) {
    return new AlreadyExistsException(
        keyspace,
        table,
        "Cannot add already existing table \"" + table + "\" to keyspace \"" + keyspace + "\"");
  }

  public String keyspace() {
    return keyspace;
  }

  public String table() {
    return table;
  }
}
