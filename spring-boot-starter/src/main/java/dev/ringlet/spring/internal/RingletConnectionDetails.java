package dev.ringlet.spring.internal;

import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.RingletCluster;
import java.util.List;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.cassandra.autoconfigure.CassandraConnectionDetails;

/**
 * Where Spring Boot's session connects: every node of the cluster, its local datacenter, and, when
 * the cluster authenticates clients, the credentials it logs in with.
 *
 * <p>Spring Boot reads credentials only from the connection details once such a bean exists, so
 * this class applies {@code spring.cassandra.username} and {@code spring.cassandra.password}
 * itself: each one the application sets wins, the other defaults to the superuser's
 * ({@link ClusterSpec#DEFAULT_SUPERUSER}/{@link ClusterSpec#DEFAULT_SUPERUSER_PASSWORD}). A wrong
 * password therefore fails the login as it would against Cassandra. Without authentication there
 * are no credentials (the cluster asks for none).
 */
public final class RingletConnectionDetails implements CassandraConnectionDetails {

  private final List<Node> contactPoints;
  private final String localDatacenter;
  private final String username;
  private final String password;
  private final SslBundle sslBundle;

  /** Details without credentials, for a cluster that does not authenticate. */
  public RingletConnectionDetails(RingletCluster cluster) {
    this(cluster, false, null, null);
  }

  /**
   * @param authentication whether the cluster authenticates clients
   * @param username {@code spring.cassandra.username}, or null
   * @param password {@code spring.cassandra.password}, or null
   */
  public RingletConnectionDetails(RingletCluster cluster, boolean authentication, String username, String password) {
    this.contactPoints = cluster.contactPoints().stream()
        .map(a -> new Node(a.getHostString(), a.getPort()))
        .toList();
    this.localDatacenter = cluster.localDatacenter();
    this.username = authentication ? (username != null ? username : ClusterSpec.DEFAULT_SUPERUSER) : null;
    this.password = authentication ? (password != null ? password : ClusterSpec.DEFAULT_SUPERUSER_PASSWORD) : null;
    this.sslBundle = null;
  }

  /** The same details with the cluster's TLS trust ({@code ringlet.tls}). */
  private RingletConnectionDetails(RingletConnectionDetails plain, SslBundle sslBundle) {
    this.contactPoints = plain.contactPoints;
    this.localDatacenter = plain.localDatacenter;
    this.username = plain.username;
    this.password = plain.password;
    this.sslBundle = sslBundle;
  }

  /** These details with an SslBundle trusting the cluster's generated certificate (see {@link ClusterSslBundle}). */
  public RingletConnectionDetails withTls(RingletCluster cluster) {
    return new RingletConnectionDetails(this, new ClusterSslBundle(cluster.clientSslContext()));
  }

  /** Null unless the cluster serves TLS: Spring Boot then connects in plain text. */
  @Override
  public SslBundle getSslBundle() {
    return sslBundle;
  }

  @Override
  public List<Node> getContactPoints() {
    return contactPoints;
  }

  @Override
  public String getLocalDatacenter() {
    return localDatacenter;
  }

  @Override
  public String getUsername() {
    return username;
  }

  @Override
  public String getPassword() {
    return password;
  }
}
