package dev.ringlet.internal.auth;

/** A refused login; the message is the one Cassandra sends in its AuthenticationException (0x0100). */
public final class AuthenticationFailure extends RuntimeException {

  public AuthenticationFailure(String message) {
    super(message, null, false, false);
  }
}
