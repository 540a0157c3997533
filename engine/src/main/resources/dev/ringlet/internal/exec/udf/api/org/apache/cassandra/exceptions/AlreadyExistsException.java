package org.apache.cassandra.exceptions;

/** 5.0's AlreadyExistsException, with its messages for a table and for a keyspace. */
public class AlreadyExistsException extends ConfigurationException {
  private static final long serialVersionUID = 1L;

  public final String ksName;
  public final String cfName;

  private AlreadyExistsException(String ksName, String cfName, String msg) {
    super(ExceptionCode.ALREADY_EXISTS, msg);
    this.ksName = ksName;
    this.cfName = cfName;
  }

  public AlreadyExistsException(String ksName, String cfName) {
    this(ksName, cfName, String.format("Cannot add already existing table \"%s\" to keyspace \"%s\"", cfName, ksName));
  }

  public AlreadyExistsException(String ksName) {
    this(ksName, "", String.format("Cannot add existing keyspace \"%s\"", ksName));
  }
}
