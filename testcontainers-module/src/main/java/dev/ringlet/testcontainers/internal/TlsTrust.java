package dev.ringlet.testcontainers.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Collections;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The client side of a node's TLS: an SSL context trusting exactly the certificates held in the
 * node's keystore (its own certificate chains), so the readiness probe, the init script and the
 * user's driver verify the node rather than trusting anything.
 */
public final class TlsTrust {

  private final SSLContext sslContext;

  private TlsTrust(SSLContext sslContext) {
    this.sslContext = sslContext;
  }

  /**
   * Reads {@code keystore} (PKCS12 or JKS, told apart by the JDK's keystore loader) with
   * {@code password}.
   *
   * @throws IllegalArgumentException when it cannot be read, or holds no certificate
   */
  public static TlsTrust of(Path keystore, String password) {
    char[] secret = password == null ? null : password.toCharArray();
    try {
      KeyStore keys = KeyStore.getInstance(keystore.toFile(), secret);
      KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
      trusted.load(null, null);
      int n = 0;
      for (String alias : Collections.list(keys.aliases())) {
        Certificate[] chain = keys.getCertificateChain(alias);
        if (chain == null && keys.getCertificate(alias) != null) {
          chain = new Certificate[] {keys.getCertificate(alias)};
        }
        if (chain == null) {
          continue;
        }
        for (Certificate certificate : chain) {
          trusted.setCertificateEntry("c" + n++, certificate);
        }
      }
      if (n == 0) {
        throw new IllegalArgumentException("keystore " + keystore + " holds no certificate");
      }
      TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(trusted);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return new TlsTrust(context);
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException("keystore " + keystore + " cannot be read with the given password: " + e, e);
    }
  }

  /** An SSL context trusting the keystore's certificates. */
  public SSLContext sslContext() {
    return sslContext;
  }
}
