package dev.ringlet.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;
import com.datastax.oss.driver.api.core.type.CustomType;
import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.Ringlet;
import dev.ringlet.api.RingletCluster;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * User functions as 5.0 types and binds them in terms: a top-level {@code timeuuid} is its
 * {@code LegacyTimeUUIDType}, a set result is sorted only when assigned to a column, and aggregate
 * messages name the state function by the types as written.
 */
class DriverUdfTermsTest {

  private static final UUID TIME = UUID.fromString("50554d6e-29bb-11e5-b345-feff819cdc9f");

  private static RingletCluster cluster;
  private static CqlSession session;

  @BeforeAll
  static void start() {
    cluster = Ringlet.start(ClusterSpec.defaults().withUserDefinedFunctions(true));
    session = UdfSessions.connect(cluster);
    session.execute("CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
    session.execute("CREATE TABLE ks.t (k int PRIMARY KEY, u timeuuid, id uuid, fs frozen<set<int>>)");
    session.execute("INSERT INTO ks.t (k, u, id) VALUES (1, ?, f47ac10b-58cc-4372-a567-0e02b2c3d479)", TIME);
    session.execute("CREATE FUNCTION ks.set_order(x int) RETURNS NULL ON NULL INPUT RETURNS set<int> LANGUAGE java"
        + " AS 'Set<Integer> s = new LinkedHashSet<Integer>(); s.add(3); s.add(1); s.add(x); return s;'");
  }

  @AfterAll
  static void stop() {
    session.close();
    cluster.close();
  }

  @Test
  void should_hand_a_timeuuid_to_a_body_as_bytes_and_type_its_result_as_legacy_timeuuid() {
    // Given a body that must treat its timeuuid argument as a ByteBuffer (5.0: LegacyTimeUUIDType)
    session.execute("CREATE FUNCTION ks.tu_id(x timeuuid) RETURNS NULL ON NULL INPUT RETURNS timeuuid LANGUAGE java"
        + " AS 'return x.remaining() == 16 ? x : null;'");

    // When it is called on a timeuuid column
    Row row = session.execute("SELECT ks.tu_id(u) FROM ks.t WHERE k = 1").one();

    // Then the result is the custom type with the value's bytes, and the type is timeuuid again in a WHERE
    assertThat(row.getColumnDefinitions().get(0).getType()).isInstanceOf(CustomType.class);
    assertThat(((CustomType) row.getColumnDefinitions().get(0).getType()).getClassName())
        .isEqualTo("org.apache.cassandra.db.marshal.LegacyTimeUUIDType");
    ByteBuffer bytes = row.getBytesUnsafe(0);
    assertThat(new UUID(bytes.getLong(0), bytes.getLong(8))).isEqualTo(TIME);
    assertThat(session.execute("SELECT k FROM ks.t WHERE u = ks.tu_id(" + TIME + ") ALLOW FILTERING").all())
        .hasSize(1);
    assertThatThrownBy(() -> session.execute("CREATE FUNCTION ks.tu_uuid(x timeuuid) RETURNS NULL ON NULL INPUT"
        + " RETURNS text LANGUAGE java AS 'return \"\" + x.version();'"))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessageContaining("The method version() is undefined for the type ByteBuffer");
  }

  @Test
  void should_resolve_a_timeuuid_column_to_the_timeuuid_overload_and_refuse_a_uuid() {
    session.execute("CREATE FUNCTION ks.ov(x timeuuid) RETURNS NULL ON NULL INPUT RETURNS text LANGUAGE java"
        + " AS 'return \"timeuuid\";'");
    session.execute("CREATE FUNCTION ks.ov(x uuid) RETURNS NULL ON NULL INPUT RETURNS text LANGUAGE java"
        + " AS 'return \"uuid\";'");
    session.execute("CREATE FUNCTION ks.only_time(x timeuuid) RETURNS NULL ON NULL INPUT RETURNS text LANGUAGE java"
        + " AS 'return \"t\";'");

    Row row = session.execute("SELECT ks.ov(u), ks.ov(id), ks.ov(" + TIME + "), ks.ov(now()) FROM ks.t WHERE k = 1")
        .one();

    assertThat(List.of(row.getString(0), row.getString(1), row.getString(2), row.getString(3)))
        .containsExactly("timeuuid", "uuid", "timeuuid", "timeuuid");
    assertThatThrownBy(() -> session.execute("SELECT ks.only_time(id) FROM ks.t WHERE k = 1"))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessage("Type error: id cannot be passed as argument 0 of function ks.only_time of type timeuuid");
    assertThatThrownBy(() -> session.execute(
        "SELECT ks.only_time(f47ac10b-58cc-4372-a567-0e02b2c3d479) FROM ks.t WHERE k = 1"))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessage("TimeUUID supports only version 1 UUIDs");
  }

  @Test
  void should_sort_a_set_result_when_assigned_but_compare_it_unsorted_in_a_restriction() {
    // Given a frozen set column assigned from a body's unsorted set, and a key written by one
    session.execute("UPDATE ks.t SET fs = ks.set_order(9) WHERE k = 1");
    session.execute("CREATE TABLE ks.pk (k frozen<set<int>> PRIMARY KEY, v int)");
    session.execute("INSERT INTO ks.pk (k, v) VALUES (ks.set_order(9), 1)");

    // Then the column holds the sorted set, which the unsorted result does not equal
    assertThat(session.execute("SELECT fs FROM ks.t WHERE k = 1").one().getSet(0, Integer.class))
        .containsExactly(1, 3, 9);
    assertThat(session.execute("SELECT k FROM ks.t WHERE fs = ks.set_order(9) ALLOW FILTERING").all()).isEmpty();
    assertThat(session.execute("SELECT k FROM ks.t WHERE fs = {1, 3, 9} ALLOW FILTERING").all()).hasSize(1);
    // and the key keeps the body's order: only the same call finds it
    assertThat(session.execute("SELECT k FROM ks.pk").one().getSet(0, Integer.class)).containsExactly(3, 1, 9);
    assertThat(session.execute("SELECT v FROM ks.pk WHERE k = ks.set_order(9)").all()).hasSize(1);
    assertThat(session.execute("SELECT v FROM ks.pk WHERE k = {1, 3, 9}").all()).isEmpty();
  }

  @Test
  void should_name_a_missing_state_function_by_the_types_as_written() {
    session.execute("CREATE TYPE ks.addr (street text, num int)");

    assertThatThrownBy(() -> session.execute(
        "CREATE AGGREGATE ks.agg(addr, varchar) SFUNC nosuch STYPE frozen<tuple<int, frozen<addr>>>"))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessage("State function ks.nosuch(tuple<int, frozen<ks.addr>>, ks.addr, varchar) doesn't exist");
    assertThatThrownBy(() -> session.execute("CREATE AGGREGATE ks.agg(frozen<list<int>>) SFUNC nosuch STYPE int"))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessage("Argument 'frozen<list<int>>' cannot be frozen; remove frozen<> modifier from 'frozen<list<int>>'");
  }
}
