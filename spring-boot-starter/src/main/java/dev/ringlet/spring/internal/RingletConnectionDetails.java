package dev.ringlet.spring.internal;

import dev.ringlet.api.RingletCluster;
import java.util.List;
import org.springframework.boot.cassandra.autoconfigure.CassandraConnectionDetails;

/**
 * Where Spring Boot's session connects: every node of the cluster, its local datacenter. No
 * credentials: the engine does not authenticate clients yet, so username and password stay null.
 */
public final class RingletConnectionDetails implements CassandraConnectionDetails {

  private final List<Node> contactPoints;
  private final String localDatacenter;

  public RingletConnectionDetails(RingletCluster cluster) {
    this.contactPoints = cluster.contactPoints().stream()
        .map(a -> new Node(a.getHostString(), a.getPort()))
        .toList();
    this.localDatacenter = cluster.localDatacenter();
  }

  @Override
  public List<Node> getContactPoints() {
    return contactPoints;
  }

  @Override
  public String getLocalDatacenter() {
    return localDatacenter;
  }
}
