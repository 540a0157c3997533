package dev.ringlet.wire;

import java.util.Objects;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;

/**
 * How a {@link ProtocolServer} encrypts client connections: Cassandra's
 * {@code client_encryption_options} once the key and trust material is loaded. Protocols and cipher
 * suites are the {@link SSLContext}'s defaults (the JDK's).
 *
 * @param context the server's key (and, for client authentication, trust) material
 * @param optional whether plain connections are accepted on the same port: the first bytes of each
 *     connection decide (a TLS record header starts a handshake, anything else is plain CQL), as
 *     Cassandra's {@code optional: true}
 * @param requireClientAuth whether a client must present a certificate the context trusts
 *     ({@code require_client_auth: true}); the handshake of a client without one fails
 */
public record ClientTls(SSLContext context, boolean optional, boolean requireClientAuth) {

  public ClientTls {
    Objects.requireNonNull(context, "context");
  }

  /** A server-side engine for one connection, configured as this record says. */
  public SSLEngine newEngine() {
    SSLEngine engine = context.createSSLEngine();
    engine.setUseClientMode(false);
    if (requireClientAuth) {
      engine.setNeedClientAuth(true);
    }
    return engine;
  }
}
