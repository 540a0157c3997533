package org.apache.cassandra.exceptions;

import org.apache.cassandra.db.ConsistencyLevel;

/** 5.0's UnavailableException: its constructor and factories take {@link ConsistencyLevel}, which the sandbox hides. */
public class UnavailableException extends RequestExecutionException {
  private static final long serialVersionUID = 1L;

  public final ConsistencyLevel consistency;
  public final int required;
  public final int alive;

  public static UnavailableException create(ConsistencyLevel consistency, int required, int alive) {
    return new UnavailableException("Cannot achieve consistency level " + consistency, consistency, required, alive);
  }

  public static UnavailableException create(ConsistencyLevel consistency, int required, int requiredFull, int alive,
      int aliveFull) {
    if (required > alive) {
      return new UnavailableException("Cannot achieve consistency level " + consistency, consistency, required, alive);
    }
    return new UnavailableException("Insufficient full replicas", consistency, requiredFull, aliveFull);
  }

  public static UnavailableException create(ConsistencyLevel consistency, String dc, int required, int requiredFull,
      int alive, int aliveFull) {
    if (required > alive) {
      return new UnavailableException("Cannot achieve consistency level " + consistency + " in DC " + dc,
          consistency, required, alive);
    }
    return new UnavailableException("Insufficient full replicas in DC " + dc, consistency, requiredFull, aliveFull);
  }

  public UnavailableException(String msg, ConsistencyLevel consistency, int required, int alive) {
    super(ExceptionCode.UNAVAILABLE, msg);
    this.consistency = consistency;
    this.required = required;
    this.alive = alive;
  }
}
