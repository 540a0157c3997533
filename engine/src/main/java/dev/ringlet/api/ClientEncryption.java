package dev.ringlet.api;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Client-to-node TLS, as Cassandra 5.0's {@code client_encryption_options}: every node of the cluster
 * serves CQL over TLS on its native port. Immutable; {@code withX} returns a new value. Protocols
 * and cipher suites are the JDK's defaults.
 *
 * <p>Two sources of key material:
 *
 * <ul>
 *   <li>{@link #selfSigned()}: a certificate generated when the cluster starts, whose subject
 *       alternative names cover every node's address, so a driver with hostname validation on
 *       connects with {@link RingletCluster#clientSslContext()}. Nothing to prepare: for tests.
 *   <li>{@link #keystore(Path, String)}: your PKCS12 or JKS keystore ({@code keystore},
 *       {@code keystore_password}), and for client authentication a truststore
 *       ({@code truststore}, {@code truststore_password}).
 * </ul>
 *
 * <p>Defaults: TLS only ({@code optional: false}), no client certificate required
 * ({@code require_client_auth: false}).
 */
public final class ClientEncryption {

  private final Path keystore;
  private final String keystorePassword;
  private final Path truststore;
  private final String truststorePassword;
  private final boolean optional;
  private final boolean requireClientAuth;

  private ClientEncryption(Path keystore, String keystorePassword, Path truststore, String truststorePassword,
      boolean optional, boolean requireClientAuth) {
    this.keystore = keystore;
    this.keystorePassword = keystorePassword;
    this.truststore = truststore;
    this.truststorePassword = truststorePassword;
    this.optional = optional;
    this.requireClientAuth = requireClientAuth;
  }

  /**
   * TLS with a self-signed certificate generated at start-up (an EC P-256 key, valid for a year),
   * naming every node's address and {@code localhost}. With {@link #withRequireClientAuth} the nodes
   * trust that same certificate as a client certificate, which {@link RingletCluster#clientSslContext()}
   * presents. A node of a cluster spread over processes ({@code --seeds}) generates a certificate
   * for its own address only; give such clusters a {@link #keystore} instead.
   */
  public static ClientEncryption selfSigned() {
    return new ClientEncryption(null, null, null, null, false, false);
  }

  /**
   * TLS with the key and certificate of a keystore file (PKCS12 or JKS, recognised from the file).
   *
   * @param password the store's password, which must also be the key's
   */
  public static ClientEncryption keystore(Path keystore, String password) {
    Objects.requireNonNull(keystore, "keystore");
    Objects.requireNonNull(password, "password");
    return new ClientEncryption(keystore, password, null, null, false, false);
  }

  /**
   * The certificates client certificates must chain to, for {@link #withRequireClientAuth}
   * (Cassandra's {@code truststore} and {@code truststore_password}). Only with {@link #keystore}.
   */
  public ClientEncryption withTruststore(Path truststore, String password) {
    Objects.requireNonNull(truststore, "truststore");
    Objects.requireNonNull(password, "password");
    if (generated()) {
      throw new IllegalStateException("withTruststore: a selfSigned() cluster trusts its own generated certificate"
          + " (expected: ClientEncryption.keystore(...) to bring your own trust material)");
    }
    return new ClientEncryption(keystore, keystorePassword, truststore, password, optional, requireClientAuth);
  }

  /**
   * Whether plain (unencrypted) clients are still accepted on the same port; the first bytes of a
   * connection tell a TLS ClientHello from a CQL frame (Cassandra's {@code optional}). Default false.
   */
  public ClientEncryption withOptional(boolean acceptPlain) {
    return new ClientEncryption(keystore, keystorePassword, truststore, truststorePassword, acceptPlain, requireClientAuth);
  }

  /**
   * Whether a client must present a certificate the nodes trust (Cassandra's
   * {@code require_client_auth}); a client without one fails its TLS handshake. With
   * {@link #keystore} it needs {@link #withTruststore}. Default false.
   */
  public ClientEncryption withRequireClientAuth(boolean required) {
    return new ClientEncryption(keystore, keystorePassword, truststore, truststorePassword, optional, required);
  }

  /** Whether the certificate is generated at start-up ({@link #selfSigned()}). */
  public boolean generated() {
    return keystore == null;
  }

  /** The keystore file, or null for {@link #selfSigned()}. */
  public Path keystore() {
    return keystore;
  }

  /** The keystore's password, or null for {@link #selfSigned()}. */
  public String keystorePassword() {
    return keystorePassword;
  }

  /** The truststore file, or null when none was given. */
  public Path truststore() {
    return truststore;
  }

  /** The truststore's password, or null when no truststore was given. */
  public String truststorePassword() {
    return truststorePassword;
  }

  /** Whether plain clients are accepted too. */
  public boolean optional() {
    return optional;
  }

  /** Whether clients must present a trusted certificate. */
  public boolean requireClientAuth() {
    return requireClientAuth;
  }

  /** @throws IllegalArgumentException when a client certificate is required but nothing says which to trust */
  void validate() {
    if (requireClientAuth && !generated() && truststore == null) {
      throw new IllegalArgumentException("clientEncryption: require_client_auth without a truststore"
          + " (expected: withTruststore(path, password))");
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ClientEncryption other && Objects.equals(keystore, other.keystore)
        && Objects.equals(keystorePassword, other.keystorePassword) && Objects.equals(truststore, other.truststore)
        && Objects.equals(truststorePassword, other.truststorePassword) && optional == other.optional
        && requireClientAuth == other.requireClientAuth;
  }

  @Override
  public int hashCode() {
    return Objects.hash(keystore, keystorePassword, truststore, truststorePassword, optional, requireClientAuth);
  }

  /** Never shows the passwords. */
  @Override
  public String toString() {
    return "ClientEncryption[" + (generated() ? "self-signed" : "keystore=" + keystore)
        + (truststore == null ? "" : ", truststore=" + truststore) + (optional ? ", optional" : "")
        + (requireClientAuth ? ", require_client_auth" : "") + "]";
  }
}
