package dev.ringlet.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.metadata.schema.AggregateMetadata;
import com.datastax.oss.driver.api.core.metadata.schema.FunctionMetadata;
import com.datastax.oss.driver.api.core.metadata.schema.FunctionSignature;
import com.datastax.oss.driver.api.core.metadata.schema.KeyspaceMetadata;
import com.datastax.oss.driver.api.core.metadata.schema.SchemaChangeListener;
import com.datastax.oss.driver.api.core.metadata.schema.SchemaChangeListenerBase;
import com.datastax.oss.driver.api.core.servererrors.FunctionFailureException;
import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;
import com.datastax.oss.driver.api.core.type.DataTypes;
import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.Ringlet;
import dev.ringlet.api.RingletCluster;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** User-defined functions and aggregates as the driver sees them: results, metadata, events, errors. */
class DriverUserFunctionTest {

  private static CqlSession connect(RingletCluster cluster, SchemaChangeListener listener) {
    return CqlSession.builder()
        .addContactPoints(cluster.contactPoints())
        .withLocalDatacenter(cluster.localDatacenter())
        .withSchemaChangeListener(listener)
        // compiling a Java body with javac takes a few seconds the first time in a cold JVM
        .withConfigLoader(com.datastax.oss.driver.api.core.config.DriverConfigLoader.programmaticBuilder()
            .withDuration(com.datastax.oss.driver.api.core.config.DefaultDriverOption.REQUEST_TIMEOUT,
                java.time.Duration.ofSeconds(30))
            .build())
        .build();
  }

  @Test
  void should_refuse_create_function_with_cassandras_message_when_disabled() {
    try (RingletCluster cluster = Ringlet.start(ClusterSpec.defaults());
        CqlSession session = connect(cluster, null)) {
      session.execute("CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
      assertThatThrownBy(() -> session.execute(
          "CREATE FUNCTION ks.f(x int) RETURNS NULL ON NULL INPUT RETURNS int LANGUAGE java AS 'return x;'"))
          .isInstanceOf(InvalidQueryException.class)
          .hasMessage("User-defined functions are disabled in cassandra.yaml - set user_defined_functions_enabled=true"
              + " to enable");
    }
  }

  @Test
  void should_run_functions_and_aggregates_and_describe_them_in_driver_metadata() {
    List<String> events = new ArrayList<>();
    SchemaChangeListener listener = new SchemaChangeListenerBase() {
      @Override
      public void onFunctionCreated(FunctionMetadata function) {
        events.add("created " + function.getSignature());
      }

      @Override
      public void onFunctionDropped(FunctionMetadata function) {
        events.add("dropped " + function.getSignature());
      }

      @Override
      public void onAggregateCreated(AggregateMetadata aggregate) {
        events.add("created aggregate " + aggregate.getSignature());
      }
    };
    try (RingletCluster cluster = Ringlet.start(ClusterSpec.defaults().withUserDefinedFunctions(true));
        CqlSession session = connect(cluster, listener)) {
      session.execute("CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
      session.execute("CREATE TABLE ks.t (k int, c int, v int, m map<text, int>, PRIMARY KEY (k, c))");
      session.execute("INSERT INTO ks.t (k, c, v, m) VALUES (1, 1, 10, {'a': 1, 'b': 2})");
      session.execute("INSERT INTO ks.t (k, c, v) VALUES (1, 2, 20)");
      long start = System.nanoTime();
      session.execute("CREATE FUNCTION ks.map_total(m map<text, int>) RETURNS NULL ON NULL INPUT RETURNS int"
          + " LANGUAGE java AS $$ int s = 0; for (Integer i : m.values()) s += i; return s; $$");
      System.out.println("first CREATE FUNCTION took " + (System.nanoTime() - start) / 1_000_000 + " ms");
      start = System.nanoTime();
      session.execute("CREATE FUNCTION ks.acc(s int, x int) CALLED ON NULL INPUT RETURNS int LANGUAGE java"
          + " AS 'return x == null ? s : s + x;'");
      System.out.println("second CREATE FUNCTION took " + (System.nanoTime() - start) / 1_000_000 + " ms");
      session.execute("CREATE FUNCTION ks.keys(m map<text, int>) RETURNS NULL ON NULL INPUT RETURNS set<text>"
          + " LANGUAGE java AS 'return new TreeSet<String>(m.keySet());'");
      session.execute("CREATE AGGREGATE ks.total(int) SFUNC acc STYPE int INITCOND 0");

      assertThat(session.execute("SELECT ks.map_total(m), ks.keys(m) FROM ks.t WHERE k = 1 AND c = 1").one())
          .satisfies(row -> {
            assertThat(row.getInt(0)).isEqualTo(3);
            assertThat(row.getSet(1, String.class)).isEqualTo(Set.of("a", "b"));
          });
      assertThat(session.execute("SELECT ks.total(v) FROM ks.t WHERE k = 1").one().getInt(0)).isEqualTo(30);

      KeyspaceMetadata ks = session.getMetadata().getKeyspace("ks").get();
      FunctionMetadata f = ks.getFunction("map_total", DataTypes.mapOf(DataTypes.TEXT, DataTypes.INT)).get();
      assertThat(f.getParameterNames()).extracting(Object::toString).containsExactly("m");
      assertThat(f.getReturnType()).isEqualTo(DataTypes.INT);
      assertThat(f.getLanguage()).isEqualTo("java");
      assertThat(f.isCalledOnNullInput()).isFalse();
      assertThat(f.getBody()).isEqualTo(" int s = 0; for (Integer i : m.values()) s += i; return s; ");
      AggregateMetadata total = ks.getAggregate("total", DataTypes.INT).get();
      assertThat(total.getStateType()).isEqualTo(DataTypes.INT);
      assertThat(total.getStateFuncSignature()).isEqualTo(
          new FunctionSignature(com.datastax.oss.driver.api.core.CqlIdentifier.fromCql("acc"), DataTypes.INT,
              DataTypes.INT));
      assertThat(total.getInitCond()).contains(0);
      assertThat(total.getReturnType()).isEqualTo(DataTypes.INT);

      session.execute("CREATE FUNCTION ks.boom(x int) RETURNS NULL ON NULL INPUT RETURNS int LANGUAGE java"
          + " AS 'throw new IllegalStateException(\"no\");'");
      assertThatThrownBy(() -> session.execute("SELECT ks.boom(v) FROM ks.t WHERE k = 1"))
          .isInstanceOf(FunctionFailureException.class)
          .hasMessage("java.lang.IllegalStateException: no");
      assertThatThrownBy(() -> session.execute("CREATE FUNCTION ks.io(x int) RETURNS NULL ON NULL INPUT RETURNS int"
          + " LANGUAGE java AS 'var r = Runtime.getRuntime(); return x;'"))
          .isInstanceOf(InvalidQueryException.class)
          .hasMessage("Java source compilation failed:\nLine 1: Runtime cannot be resolved\n");
      session.execute("DROP FUNCTION ks.boom");
      assertThat(session.getMetadata().getKeyspace("ks").get().getFunction("boom", DataTypes.INT)).isEmpty();
      assertThat(events).contains("created map_total(map<text, int>)", "created acc(int, int)",
          "created aggregate total(int)", "dropped boom(int)");
      assertThat(Map.of("k", 1)).isNotEmpty();
    }
  }

  @Test
  void should_hand_tuples_user_types_and_dates_to_bodies_and_aggregate_with_a_tuple_state() {
    try (RingletCluster cluster = Ringlet.start(ClusterSpec.defaults().withUserDefinedFunctions(true));
        CqlSession session = connect(cluster, null)) {
      session.execute("CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
      session.execute("CREATE TYPE ks.addr (street text, num int)");
      session.execute("CREATE TABLE ks.t (k int PRIMARY KEY, d date, a addr, p frozen<tuple<int, text>>, n int)");
      session.execute("INSERT INTO ks.t (k, d, a, p, n) VALUES (1, '2024-02-28', {street: 'Main', num: 10}, (7, 'x'), 2)");
      session.execute("INSERT INTO ks.t (k, n) VALUES (2, 3)");
      session.execute("INSERT INTO ks.t (k, n) VALUES (3, 7)");
      session.execute("CREATE FUNCTION ks.next_day(x date) RETURNS NULL ON NULL INPUT RETURNS date LANGUAGE java"
          + " AS 'return x.add(java.util.Calendar.DAY_OF_MONTH, 1);'");
      session.execute("CREATE FUNCTION ks.moved(x addr) RETURNS NULL ON NULL INPUT RETURNS addr LANGUAGE java"
          + " AS 'UDTValue u = udfContext.newReturnUDTValue(); u.setString(\"street\", x.getString(\"street\"));"
          + " u.setInt(\"num\", x.getInt(\"num\") + 1); return u;'");
      session.execute("CREATE FUNCTION ks.swap(x tuple<int, text>) RETURNS NULL ON NULL INPUT RETURNS tuple<text, int>"
          + " LANGUAGE java AS 'return udfContext.newReturnTupleValue().setString(0, x.getString(1)).setInt(1, x.getInt(0));'");
      session.execute("CREATE FUNCTION ks.avg_state(s tuple<int, bigint>, x int) CALLED ON NULL INPUT"
          + " RETURNS tuple<int, bigint> LANGUAGE java"
          + " AS 'if (x != null) { s.setInt(0, s.getInt(0) + 1); s.setLong(1, s.getLong(1) + x); } return s;'");
      session.execute("CREATE FUNCTION ks.avg_final(s tuple<int, bigint>) CALLED ON NULL INPUT RETURNS double"
          + " LANGUAGE java AS 'return s.getInt(0) == 0 ? null : (double) s.getLong(1) / s.getInt(0);'");
      session.execute("CREATE AGGREGATE ks.average(int) SFUNC avg_state STYPE tuple<int, bigint> FINALFUNC avg_final"
          + " INITCOND (0, 0)");

      com.datastax.oss.driver.api.core.cql.Row row = session.execute(
          "SELECT ks.next_day(d), ks.moved(a), ks.swap(p) FROM ks.t WHERE k = 1").one();
      assertThat(row.getLocalDate(0)).isEqualTo(java.time.LocalDate.of(2024, 2, 29));
      assertThat(row.getUdtValue(1).getString("street")).isEqualTo("Main");
      assertThat(row.getUdtValue(1).getInt("num")).isEqualTo(11);
      assertThat(row.getTupleValue(2).getString(0)).isEqualTo("x");
      assertThat(row.getTupleValue(2).getInt(1)).isEqualTo(7);
      assertThat(session.execute("SELECT ks.next_day(d), ks.moved(a) FROM ks.t WHERE k = 2").one().isNull(0)).isTrue();
      assertThat(session.execute("SELECT ks.average(n) FROM ks.t").one().getDouble(0)).isEqualTo(4.0);
      assertThat(session.getMetadata().getKeyspace("ks").get().getAggregate("average", DataTypes.INT).get()
          .getStateType()).isEqualTo(DataTypes.tupleOf(DataTypes.INT, DataTypes.BIGINT));
    }
  }
}
