package dev.ringlet.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.data.CqlDuration;
import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;
import com.datastax.oss.driver.api.core.servererrors.ReadFailureException;
import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.Ringlet;
import dev.ringlet.api.RingletCluster;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code GROUP BY k, floor(c, duration)} as 5.0.9 answers it (recorded in the functions_floor
 * scenario): groups of time windows, pages and limits counted in groups, a function failing on a
 * row failing the read as 5.0's replicas fail it, and a function that is not monotonic refused when
 * the statement is executed.
 */
class DriverGroupByFloorTest {

  private static CqlSession connect(RingletCluster cluster) {
    return CqlSession.builder().addContactPoints(cluster.contactPoints()).withLocalDatacenter(cluster.localDatacenter())
        .build();
  }

  private static void events(CqlSession session) {
    session.execute("CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
    session.execute("CREATE TABLE ks.ev (k int, c timestamp, v int, PRIMARY KEY (k, c))");
    for (String time : List.of("16:10", "16:20", "16:50", "17:05", "19:00")) {
      session.execute("INSERT INTO ks.ev (k, c, v) VALUES (1, '2016-09-27 " + time + ":00+0000', 1)");
    }
  }

  @Test
  void should_page_hourly_windows_two_groups_at_a_time() {
    try (RingletCluster cluster = Ringlet.start(ClusterSpec.defaults()); CqlSession session = connect(cluster)) {
      events(session);
      SimpleStatement query = SimpleStatement.newInstance(
          "SELECT floor(c, 1h), count(*) FROM ks.ev WHERE k = 1 GROUP BY k, floor(c, 1h)").setPageSize(2);

      List<Integer> pageSizes = new ArrayList<>();
      List<String> windows = new ArrayList<>();
      AsyncResultSet page = session.executeAsync(query).toCompletableFuture().join();
      while (true) {
        pageSizes.add(page.remaining());
        for (Row row : page.currentPage()) {
          windows.add(row.getInstant(0) + "=" + row.getLong(1));
        }
        if (!page.hasMorePages()) {
          break;
        }
        page = page.fetchNextPage().toCompletableFuture().join();
      }

      // a full page of groups always says where to resume, so the last one comes back empty
      assertThat(pageSizes).containsExactly(2, 1);
      assertThat(windows).containsExactly("2016-09-27T16:00:00Z=3", "2016-09-27T17:00:00Z=1", "2016-09-27T19:00:00Z=1");
      assertThat(session.execute("SELECT count(*) FROM ks.ev WHERE k = 1 GROUP BY k, floor(c, 1h) LIMIT 2").all())
          .extracting(r -> r.getLong(0)).containsExactly(3L, 1L);
    }
  }

  @Test
  void should_fail_the_read_when_the_window_fails_on_a_row() {
    try (RingletCluster cluster = Ringlet.start(ClusterSpec.defaults()); CqlSession session = connect(cluster)) {
      events(session);
      PreparedStatement prepared = session.prepare("SELECT count(*) FROM ks.ev WHERE k = ? GROUP BY k, floor(c, ?)");

      assertThat(session.execute(prepared.bind(1, CqlDuration.from("1d"))).one().getLong(0)).isEqualTo(5);
      assertThatThrownBy(() -> session.execute(prepared.bind(1, CqlDuration.from("-1h"))))
          .isInstanceOf(ReadFailureException.class);
      // no row, nothing to floor
      assertThat(session.execute(prepared.bind(2, CqlDuration.from("-1h"))).all()).isEmpty();
    }
  }

  @Test
  void should_refuse_a_function_that_is_not_monotonic_when_executed() {
    try (RingletCluster cluster = Ringlet.start(ClusterSpec.defaults()); CqlSession session = connect(cluster)) {
      events(session);

      PreparedStatement prepared =
          session.prepare("SELECT count(*) FROM ks.ev WHERE k = 1 GROUP BY k, blobAsTimestamp(timestampAsBlob(c))");

      assertThatThrownBy(() -> session.execute(prepared.bind())).isInstanceOf(InvalidQueryException.class)
          .hasMessage("Only monotonic functions are supported in the GROUP BY clause."
              + " Got: system.blobastimestamp : (blob) -> timestamp ");
      assertThat(session.execute("SELECT count(*) FROM ks.ev WHERE k = 1 GROUP BY k, toDate(c)").one().getLong(0))
          .isEqualTo(5);
    }
  }
}
