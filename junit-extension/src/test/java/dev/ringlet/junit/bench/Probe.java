package dev.ringlet.junit.bench;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.Ringlet;
import dev.ringlet.api.RingletCluster;
import dev.ringlet.junit.internal.TestDriverConfig;

public class Probe {
  public static void main(String[] args) {
    long t0 = System.nanoTime();
    RingletCluster cluster = Ringlet.start(ClusterSpec.defaults());
    long t1 = System.nanoTime();
    System.out.printf("start %d ms%n", (t1 - t0) / 1_000_000);
    for (int round = 0; round < 2; round++) {
      long a = System.nanoTime();
      CqlSession s = CqlSession.builder().addContactPoints(cluster.contactPoints()).withLocalDatacenter(cluster.localDatacenter())
          .withConfigLoader((args.length > 0 ? TestDriverConfig.setUpLoader() : TestDriverConfig.loader())).build();
      long b = System.nanoTime();
      System.out.printf("session %d ms%n", (b - a) / 1_000_000);
      s.execute("CREATE KEYSPACE k" + round + " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
      long c = System.nanoTime();
      System.out.printf("create ks %d ms%n", (c - b) / 1_000_000);
      s.execute("CREATE TABLE k" + round + ".t (k int PRIMARY KEY, v text)");
      long d = System.nanoTime();
      System.out.printf("create table %d ms%n", (d - c) / 1_000_000);
      s.execute("TRUNCATE k" + round + ".t");
      long e = System.nanoTime();
      System.out.printf("truncate %d ms%n", (e - d) / 1_000_000);
      s.execute("DROP KEYSPACE k" + round);
      long f = System.nanoTime();
      System.out.printf("drop %d ms%n", (f - e) / 1_000_000);
      s.close();
      System.out.printf("close %d ms%n", (System.nanoTime() - f) / 1_000_000);
    }
    cluster.close();
  }
}
