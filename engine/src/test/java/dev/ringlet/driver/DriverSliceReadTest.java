package dev.ringlet.driver;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.Ringlet;
import dev.ringlet.api.RingletCluster;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Clustering slices, ORDER BY, LIMIT, PER PARTITION LIMIT and paging through the driver: a SELECT of
 * named partitions reads only the rows its slice selects (and, with nothing else to filter, only
 * the rows a page needs), which must never change what the pages hold. Seeded random queries over a
 * table with an ASC and a DESC clustering column, a static column and deleted rows are checked
 * against a model of the table kept by the test.
 */
class DriverSliceReadTest {

  private static RingletCluster cluster;
  private static CqlSession session;
  /** The model: pk -> (a, b) -> v, rows in the table's clustering order (a ASC, b DESC). */
  private static final TreeMap<Integer, TreeMap<List<Integer>, String>> MODEL = new TreeMap<>();
  private static final Comparator<List<Integer>> CLUSTERING =
      Comparator.<List<Integer>>comparingInt(c -> c.get(0)).thenComparing(c -> c.get(1), Comparator.reverseOrder());

  @BeforeAll
  static void start() {
    cluster = Ringlet.start(ClusterSpec.defaults());
    session = CqlSession.builder().addContactPoints(cluster.contactPoints()).withLocalDatacenter(cluster.localDatacenter()).build();
    session.execute("CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
    session.execute("CREATE TABLE ks.w (pk int, a int, b int, s int static, v text, PRIMARY KEY (pk, a, b))"
        + " WITH CLUSTERING ORDER BY (a ASC, b DESC)");
    Random random = new Random(42);
    PreparedStatement insert = session.prepare("INSERT INTO ks.w (pk, a, b, v) VALUES (?, ?, ?, ?)");
    for (int pk = 0; pk < 4; pk++) {
      MODEL.put(pk, new TreeMap<>(CLUSTERING));
      for (int i = 0; i < 40; i++) {
        int a = random.nextInt(6);
        int b = random.nextInt(8);
        String v = "v" + random.nextInt(3);
        session.execute(insert.bind(pk, a, b, v));
        MODEL.get(pk).put(List.of(a, b), v);
      }
    }
    // Deleted rows and a deleted range, so some rows are tombstones; a partition with only static data.
    session.execute("DELETE FROM ks.w WHERE pk = 1 AND a = 2");
    MODEL.get(1).keySet().removeIf(c -> c.get(0) == 2);
    session.execute("DELETE FROM ks.w WHERE pk = 2 AND a = 3 AND b >= 2 AND b < 6");
    MODEL.get(2).keySet().removeIf(c -> c.get(0) == 3 && c.get(1) >= 2 && c.get(1) < 6);
    session.execute("DELETE FROM ks.w WHERE pk = 3 AND a = 0 AND b = 1");
    MODEL.get(3).remove(List.of(0, 1));
    session.execute("UPDATE ks.w SET s = 1 WHERE pk = 9");
    MODEL.put(9, new TreeMap<>(CLUSTERING));
  }

  @AfterAll
  static void stop() {
    session.close();
    cluster.close();
  }

  /** One random query: its CQL, bound values, and how the model answers it. */
  private record Query(String cql, List<Object> values, List<Integer> keys, Restriction restriction, boolean reversed,
      int perPartitionLimit, int limit) {}

  /** What the WHERE clause says about the clustering columns and v; null bounds: none. */
  private record Restriction(Integer aEq, Integer aFrom, boolean aFromInclusive, Integer aTo, boolean aToInclusive,
      Integer bFrom, Integer bTo, String vEq) {
    boolean clusteringRestricted() {
      return aEq != null || aFrom != null || aTo != null || bFrom != null || bTo != null;
    }

    boolean matches(List<Integer> c, String v) {
      int a = c.get(0);
      int b = c.get(1);
      return (aEq == null || a == aEq) && (aFrom == null || (aFromInclusive ? a >= aFrom : a > aFrom))
          && (aTo == null || (aToInclusive ? a <= aTo : a < aTo)) && (bFrom == null || b > bFrom) && (bTo == null || b <= bTo)
          && (vEq == null || vEq.equals(v));
    }
  }

  @Test
  void should_return_the_rows_the_model_selects_whatever_the_slice_order_limits_and_page_size() {
    Random random = new Random(7);
    for (int i = 0; i < 300; i++) {
      Query q = randomQuery(random);
      int pageSize = 1 + random.nextInt(7);
      PreparedStatement ps = session.prepare(q.cql());
      ResultSet rs = session.execute(ps.bind(q.values().toArray()).setPageSize(pageSize));
      List<String> actual = new ArrayList<>();
      for (Row row : rs) {
        actual.add(row.getInt("pk") + ":" + (row.isNull("a") ? "-" : row.getInt("a")) + ":"
            + (row.isNull("b") ? "-" : row.getInt("b")) + ":" + row.getString("v"));
      }
      assertThat(actual).as("%s with %s, page size %d", q.cql(), q.values(), pageSize).isEqualTo(expected(q));
    }
  }

  private static Query randomQuery(Random random) {
    List<Integer> keys = new ArrayList<>();
    List<Object> values = new ArrayList<>();
    StringBuilder where = new StringBuilder();
    boolean in = random.nextInt(4) == 0;
    if (in) {
      keys.addAll(List.of(random.nextInt(2), 2 + random.nextInt(2), 9));
      where.append("pk IN ?");
      values.add(List.copyOf(keys));
    } else {
      keys.add(random.nextInt(4));
      where.append("pk = ?");
      values.add(keys.get(0));
    }
    Integer aEq = null;
    Integer aFrom = null;
    boolean aFromInclusive = false;
    Integer aTo = null;
    boolean aToInclusive = false;
    Integer bFrom = null;
    Integer bTo = null;
    String vEq = null;
    switch (random.nextInt(5)) {
      case 0:
        break;
      case 1:
        aEq = random.nextInt(6);
        where.append(" AND a = ?");
        values.add(aEq);
        break;
      case 2:
        aEq = random.nextInt(6);
        bFrom = random.nextInt(8);
        bTo = bFrom + random.nextInt(5);
        where.append(" AND a = ? AND b > ? AND b <= ?");
        values.addAll(List.of(aEq, bFrom, bTo));
        break;
      case 3:
        if (random.nextBoolean()) {
          aFrom = random.nextInt(6);
          aFromInclusive = random.nextBoolean();
          where.append(aFromInclusive ? " AND a >= ?" : " AND a > ?");
          values.add(aFrom);
        }
        if (random.nextBoolean() || aFrom == null) {
          aTo = random.nextInt(6);
          aToInclusive = random.nextBoolean();
          where.append(aToInclusive ? " AND a <= ?" : " AND a < ?");
          values.add(aTo);
        }
        break;
      default:
        vEq = "v" + random.nextInt(3);
        where.append(" AND v = ?");
        values.add(vEq);
        break;
    }
    boolean reversed = !in && random.nextBoolean();
    int ppl = random.nextInt(3) == 0 ? 1 + random.nextInt(4) : Integer.MAX_VALUE;
    int limit = random.nextInt(3) == 0 ? 1 + random.nextInt(12) : Integer.MAX_VALUE;
    String cql = "SELECT pk, a, b, v FROM ks.w WHERE " + where + (reversed ? " ORDER BY a DESC" : "")
        + (ppl != Integer.MAX_VALUE ? " PER PARTITION LIMIT " + ppl : "") + (limit != Integer.MAX_VALUE ? " LIMIT " + limit : "")
        + (vEq != null ? " ALLOW FILTERING" : "");
    return new Query(cql, values, keys.stream().sorted().distinct().collect(Collectors.toList()),
        new Restriction(aEq, aFrom, aFromInclusive, aTo, aToInclusive, bFrom, bTo, vEq), reversed, ppl, limit);
  }

  private static List<String> expected(Query q) {
    List<String> out = new ArrayList<>();
    for (int pk : q.keys()) {
      List<List<Integer>> clusterings = new ArrayList<>(MODEL.get(pk).keySet());
      if (q.reversed()) {
        java.util.Collections.reverse(clusterings);
      }
      int inPartition = 0;
      for (List<Integer> c : clusterings) {
        String v = MODEL.get(pk).get(c);
        if (q.restriction().matches(c, v) && inPartition < q.perPartitionLimit()) {
          out.add(pk + ":" + c.get(0) + ":" + c.get(1) + ":" + v);
          inPartition++;
        }
      }
      boolean staticOnly = pk == 9; // static data and no rows
      if (staticOnly && !q.restriction().clusteringRestricted() && q.restriction().vEq() == null) {
        out.add(pk + ":-:-:null");
      }
    }
    return out.size() > q.limit() ? out.subList(0, q.limit()) : out;
  }
}
