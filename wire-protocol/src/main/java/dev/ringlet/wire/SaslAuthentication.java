package dev.ringlet.wire;

import com.datastax.oss.protocol.internal.Message;

/**
 * The authentication a connection must pass between STARTUP and its first request, as Cassandra's
 * {@code IAuthenticator} with its SASL negotiator: the server answers STARTUP with AUTHENTICATE
 * naming {@link #authenticatorClass()}, and hands every AUTH_RESPONSE token to {@link #evaluate}
 * until it answers AUTH_SUCCESS. Belongs to one connection; the server calls it on the connection's
 * event loop, one token at a time.
 */
public interface SaslAuthentication {

  /** The authenticator's class name sent in AUTHENTICATE, e.g. {@code org.apache.cassandra.auth.PasswordAuthenticator}. */
  String authenticatorClass();

  /**
   * Evaluates one AUTH_RESPONSE token.
   *
   * @param token the SASL token the client sent (never null; empty when the client sent none)
   * @return {@code AuthSuccess} when the client is authenticated (the connection becomes ready),
   *     {@code AuthChallenge} when the exchange goes on, or an {@code Error} (usually
   *     AUTH_ERROR 0x0100) when it failed; after a failure the next token starts a new exchange
   */
  Message evaluate(byte[] token);
}
