package dev.ringlet.spring.internal;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundleKey;
import org.springframework.boot.ssl.SslManagerBundle;
import org.springframework.boot.ssl.SslOptions;
import org.springframework.boot.ssl.SslStoreBundle;

/**
 * The SslBundle of a cluster started with {@code ringlet.tls=true}: its TLS context is the
 * cluster's {@code clientSslContext()} (trusting the generated certificate, presenting it when
 * client certificates are required), with the JDK's default protocols and ciphers. What Spring
 * Boot's Cassandra auto-configuration reads of a bundle ({@link #createSslContext()},
 * {@link #getOptions()}) is complete. The key material itself stays inside the cluster: there are no
 * stores, no key, and the managers can only make that same context; asking them for their factories
 * fails with a message saying so.
 */
final class ClusterSslBundle implements SslBundle {

  private final SSLContext context;
  private final SslManagerBundle managers;

  ClusterSslBundle(SSLContext context) {
    this.context = context;
    this.managers = new SslManagerBundle() {
      @Override
      public KeyManagerFactory getKeyManagerFactory() {
        throw unsupported("getKeyManagerFactory");
      }

      @Override
      public TrustManagerFactory getTrustManagerFactory() {
        throw unsupported("getTrustManagerFactory");
      }

      @Override
      public SSLContext createSslContext(String protocol) {
        return context;
      }
    };
  }

  private static UnsupportedOperationException unsupported(String what) {
    return new UnsupportedOperationException(what + ": the Ringlet cluster's TLS bundle has only its SSLContext"
        + " (expected: createSslContext(), or RingletCluster.clientSslContext())");
  }

  @Override
  public SslStoreBundle getStores() {
    return SslStoreBundle.NONE;
  }

  @Override
  public SslBundleKey getKey() {
    return SslBundleKey.NONE;
  }

  @Override
  public SslOptions getOptions() {
    return SslOptions.NONE;
  }

  @Override
  public String getProtocol() {
    return context.getProtocol();
  }

  @Override
  public SslManagerBundle getManagers() {
    return managers;
  }

  @Override
  public SSLContext createSslContext() {
    return context;
  }
}
