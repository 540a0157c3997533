package dev.ringlet.internal.tls;

import dev.ringlet.api.ClientEncryption;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.time.Instant;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Turns a cluster's {@link ClientEncryption} into the {@link SSLContext}s its nodes serve with:
 * loads the keystore and truststore (PKCS12 or JKS, the type is recognised from the file), or
 * generates one certificate for every node's address. Protocols and cipher suites are the JDK's
 * defaults.
 *
 * @param server what every node serves with (its key, and the trusted client certificates)
 * @param client for a generated certificate, a client context that trusts it and presents it as the
 *     client certificate; null for a keystore the user gave
 * @param certificate the generated certificate, or null
 */
public record TlsContexts(SSLContext server, SSLContext client, SelfSignedCertificate certificate) {

  private static final char[] GENERATED_PASSWORD = "ringlet".toCharArray();

  /**
   * @param addresses every node's native address, for a generated certificate's names
   * @param now the cluster clock's time, a generated certificate's start
   * @throws IllegalArgumentException when a store cannot be read or a password is wrong
   */
  public static TlsContexts of(ClientEncryption encryption, List<InetAddress> addresses, Instant now,
      SecureRandom random) {
    if (encryption.generated()) {
      SelfSignedCertificate cert = SelfSignedCertificate.forAddresses(addresses, now, random);
      KeyStore keys = keyStoreOf(cert);
      KeyStore trust = trustStoreOf(cert);
      // One context serves both sides: the same key, trusting the same certificate.
      SSLContext both = context(keys, GENERATED_PASSWORD, trust);
      return new TlsContexts(both, both, cert);
    }
    char[] password = encryption.keystorePassword().toCharArray();
    KeyStore keys = load("keystore", encryption.keystore(), password);
    KeyStore trust = encryption.truststore() == null ? null
        : load("truststore", encryption.truststore(), encryption.truststorePassword().toCharArray());
    return new TlsContexts(context(keys, password, trust), null, null);
  }

  /** A PKCS12 store holding the certificate's key under alias {@code ringlet}, password {@code ringlet}. */
  public static KeyStore keyStoreOf(SelfSignedCertificate cert) {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry("ringlet", cert.keyPair().getPrivate(), GENERATED_PASSWORD, new Certificate[] {cert.certificate()});
      return store;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot build an in-memory PKCS12 key store: " + e.getMessage(), e);
    }
  }

  /** A PKCS12 store trusting the certificate alone. */
  public static KeyStore trustStoreOf(SelfSignedCertificate cert) {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setCertificateEntry("ringlet", cert.certificate());
      return store;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot build an in-memory PKCS12 trust store: " + e.getMessage(), e);
    }
  }

  /** The password of the key in {@link #keyStoreOf}. */
  public static char[] generatedPassword() {
    return GENERATED_PASSWORD.clone();
  }

  /** A TLS context with the key store's key (if any) and the trust store's certificates (the JDK's when null). */
  public static SSLContext context(KeyStore keys, char[] keyPassword, KeyStore trust) {
    try {
      KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      if (keys != null) {
        kmf.init(keys, keyPassword);
      }
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("client_encryption_options: cannot use the key material: " + e.getMessage(), e);
    }
  }

  private static KeyStore load(String what, Path path, char[] password) {
    if (!Files.isReadable(path)) {
      throw new IllegalArgumentException("client_encryption_options " + what + ": " + path
          + " (expected: a readable PKCS12 or JKS file)");
    }
    try {
      return KeyStore.getInstance(path.toFile(), password);
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException("client_encryption_options " + what + ": cannot load " + path + ": "
          + e.getMessage() + " (expected: a PKCS12 or JKS store and its password)", e);
    }
  }
}
