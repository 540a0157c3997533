package dev.ringlet.internal.querylog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlet.api.LoggedQuery;
import dev.ringlet.internal.exec.QueryOptions;
import dev.ringlet.internal.exec.Result;
import dev.ringlet.internal.time.ManualClock;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class QueryLogBookTest {

  private final ManualClock clock = new ManualClock(1_700_000_000_000_000L);
  private final QueryLogBook book = new QueryLogBook(4);
  private final UUID hostA = new UUID(1, 1);
  private final UUID hostB = new UUID(2, 2);
  private final QueryRecorder a = book.recorder(hostA, () -> new InetSocketAddress("127.0.0.1", 1), clock);
  private final QueryRecorder b = book.recorder(hostB, () -> new InetSocketAddress("127.0.0.2", 2), clock);

  private static final Result VOID = new Result.Void(List.of());

  @Test
  void entries_carry_the_injected_clock_and_their_coordinator_in_cluster_order() {
    a.query("SELECT 1", QueryOptions.simple(List.of()), "ks", VOID, 0, null);
    clock.advance(java.time.Duration.ofNanos(5_000));
    b.query("SELECT 2", QueryOptions.simple(List.of()), null, VOID, 0, null);

    List<LoggedQuery> all = book.queries();
    assertThat(all).extracting(LoggedQuery::query).containsExactly("SELECT 1", "SELECT 2");
    assertThat(all).extracting(LoggedQuery::timestampMicros).containsExactly(1_700_000_000_000_000L, 1_700_000_000_000_005L);
    assertThat(all).extracting(LoggedQuery::coordinatorHostId).containsExactly(hostA, hostB);
    assertThat(all.get(1).coordinator()).isEqualTo(new InetSocketAddress("127.0.0.2", 2));
    assertThat(all.get(0).keyspace()).isEqualTo("ks");
    assertThat(all.get(0).toString()).startsWith("#0 2023-11-14T22:13:20Z 127.0.0.1:1 QUERY ONE [ks] SELECT 1 -> VOID");
  }

  @Test
  void keeps_the_last_capacity_entries_across_laps() {
    for (int i = 0; i < 10; i++) {
      a.query("Q" + i, QueryOptions.simple(List.of()), null, VOID, 0, null);
    }
    assertThat(book.queries()).extracting(LoggedQuery::query).containsExactly("Q6", "Q7", "Q8", "Q9");
    assertThat(book.queries(q -> q.query().compareTo("Q8") >= 0)).extracting(LoggedQuery::query).containsExactly("Q8", "Q9");
    assertThat(book.recorded()).isEqualTo(10);
  }

  @Test
  void an_execute_of_an_id_never_prepared_has_no_text_and_raw_values() {
    a.execute(new byte[] {1, 2}, QueryOptions.simple(List.of(java.nio.ByteBuffer.wrap(new byte[] {7}))), "ks", null, 0x2500,
        "Prepared query with ID 0102 not found");
    LoggedQuery q = book.queries().get(0);
    assertThat(q.query()).isNull();
    assertThat(q.values()).containsExactly(java.nio.ByteBuffer.wrap(new byte[] {7}));
    assertThat(q.errorCode()).isEqualTo(0x2500);
  }

  @Test
  void an_execute_shows_its_prepared_text_keyspace_and_decoded_values_in_a_batch_too() {
    // Given a statement prepared in keyspace "app", then executed from a session in "other", alone and in a batch
    byte[] id = {9, 9};
    a.prepare("INSERT INTO t (k) VALUES (?)", "app",
        new Result.Prepared(id, List.of(new dev.ringlet.internal.exec.ColumnSpec("app", "t", "k",
            dev.ringlet.internal.types.NativeType.INT)), new int[] {0}, List.of()), 0, null);
    java.nio.ByteBuffer seven = dev.ringlet.internal.types.NativeType.INT.encode(7);
    a.execute(id, QueryOptions.simple(List.of(seven)), "other", VOID, 0, null);
    a.batch(List.of(id), List.of(List.of(seven)), QueryOptions.simple(List.of()), "other", VOID, 0, null);

    // Then reading the log finds the text, the statement's keyspace and the values by their types
    List<LoggedQuery> all = book.queries();
    LoggedQuery execute = all.get(1);
    assertThat(execute.query()).isEqualTo("INSERT INTO t (k) VALUES (?)");
    assertThat(execute.keyspace()).isEqualTo("app");
    assertThat(execute.values()).containsExactly(7);
    LoggedQuery child = all.get(2).children().get(0);
    assertThat(child.query()).isEqualTo("INSERT INTO t (k) VALUES (?)");
    assertThat(child.keyspace()).isEqualTo("app");
    assertThat(child.values()).containsExactly(7);
  }
}
