package dev.ringlet.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;
import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.Ringlet;
import dev.ringlet.api.RingletCluster;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** WRITETIME and TTL of one element, field or slice of a collection or user type, through the driver. */
class DriverElementWriteTimeTest {

  @Test
  void should_answer_each_elements_own_timestamp_and_remaining_ttl() {
    try (RingletCluster cluster = Ringlet.start(ClusterSpec.defaults().withManualClock(true));
        CqlSession session = CqlSession.builder().addContactPoints(cluster.contactPoints())
            .withLocalDatacenter(cluster.localDatacenter()).build()) {
      session.execute("CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
      session.execute("CREATE TYPE ks.pt (x int, y int)");
      session.execute("CREATE TABLE ks.t (k int PRIMARY KEY, m map<text, int>, s set<int>, u pt, l list<int>)");
      session.execute("INSERT INTO ks.t (k, m, s, u) VALUES (1, {'a': 1}, {1}, {x: 1, y: 2}) USING TIMESTAMP 100");
      session.execute("UPDATE ks.t USING TIMESTAMP 200 AND TTL 60 SET m['b'] = 2, s = s + {2}, u.y = 3 WHERE k = 1");
      cluster.advanceClock(Duration.ofSeconds(10));

      Row times = session.execute("SELECT writetime(m['a']), writetime(m['b']), writetime(m['z']), writetime(s[2]),"
          + " writetime(u.x), writetime(u.y), maxwritetime(m['a']) FROM ks.t WHERE k = 1").one();
      assertThat(Arrays.asList(times.getObject(0), times.getObject(1), times.getObject(2), times.getObject(3),
          times.getObject(4), times.getObject(5), times.getObject(6)))
          .containsExactly(100L, 200L, null, 200L, 100L, 200L, 100L);
      assertThat(times.getColumnDefinitions().get(0).getName().asInternal()).isEqualTo("writetime(m['a'])");

      Row ttls = session.execute("SELECT ttl(m['a']), ttl(m['b']), ttl(s[2]), ttl(u.y) FROM ks.t WHERE k = 1").one();
      assertThat(Arrays.asList(ttls.getObject(0), ttls.getObject(1), ttls.getObject(2), ttls.getObject(3)))
          .containsExactly(null, 50, 50, 50);

      Row slice = session.execute("SELECT writetime(m['a'..'b']), ttl(s[1..2]) FROM ks.t WHERE k = 1").one();
      assertThat(slice.getList(0, Long.class)).containsExactly(100L, 200L);
      assertThat(slice.getList(1, Integer.class)).containsExactly(null, 50);

      assertThatThrownBy(() -> session.execute("SELECT writetime(l[0]) FROM ks.t WHERE k = 1"))
          .isInstanceOf(InvalidQueryException.class)
          .hasMessage("Element selection is only allowed on sets and maps, but l is a list");
    }
  }
}
