package dev.ringlet.internal.tls;

import dev.ringlet.api.ClientEncryption;
import dev.ringlet.wire.ClientTls;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import javax.net.ssl.SSLContext;

/**
 * What a cluster's nodes serve for {@code client_encryption_options}, made once per cluster start:
 * the protocol server's TLS settings, and for a generated certificate the client context the
 * cluster handle hands out.
 *
 * @param wire what every node's protocol server is given
 * @param contexts the loaded or generated key material
 * @param encryption what was asked for
 */
public record ServedTls(ClientTls wire, TlsContexts contexts, ClientEncryption encryption) {

  /** Nothing (plain connections only) when {@code encryption} is null. */
  public static ServedTls of(ClientEncryption encryption, List<InetAddress> addresses, Instant now) {
    if (encryption == null) {
      return null;
    }
    TlsContexts contexts = TlsContexts.of(encryption, addresses, now, new SecureRandom());
    return new ServedTls(new ClientTls(contexts.server(), encryption.optional(), encryption.requireClientAuth()),
        contexts, encryption);
  }

  /** The client context of {@code RingletCluster.clientSslContext()} for a cluster serving {@code tls} (may be null). */
  public static SSLContext clientContext(ServedTls tls) {
    if (tls == null) {
      throw new IllegalStateException("clientSslContext: the cluster serves plain connections"
          + " (expected: ClusterSpec.withClientEncryption(ClientEncryption.selfSigned()))");
    }
    if (tls.contexts().client() == null) {
      throw new IllegalStateException("clientSslContext: the cluster serves the certificate of "
          + tls.encryption().keystore() + " (expected: a client SSLContext built from your own truststore, or"
          + " ClientEncryption.selfSigned())");
    }
    return tls.contexts().client();
  }

  /** A clock's microseconds as an instant. */
  public static Instant instant(long micros) {
    return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
  }
}
