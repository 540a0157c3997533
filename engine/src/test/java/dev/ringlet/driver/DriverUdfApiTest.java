package dev.ringlet.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.data.CqlDuration;
import com.datastax.oss.driver.api.core.data.UdtValue;
import com.datastax.oss.driver.api.core.servererrors.FunctionFailureException;
import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.Ringlet;
import dev.ringlet.api.RingletCluster;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The parts of Cassandra's UDF value API a body reaches beyond getters and setters, and quoted
 * custom argument and return types, as a driver sees their results.
 */
class DriverUdfApiTest {

  private static RingletCluster cluster;
  private static CqlSession session;

  @BeforeAll
  static void start() {
    cluster = Ringlet.start(ClusterSpec.defaults().withUserDefinedFunctions(true));
    session = UdfSessions.connect(cluster);
    session.execute("CREATE KEYSPACE api WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
    session.execute("CREATE TYPE api.addr (street text, num int)");
    session.execute("CREATE TABLE api.t (k int PRIMARY KEY, lu 'org.apache.cassandra.db.marshal.LexicalUUIDType',"
        + " a frozen<addr>)");
    session.execute("INSERT INTO api.t (k, lu, a) VALUES (1, 6ab09bec-e68e-48d9-a5f8-97e6fb4c9b47,"
        + " {street: 'Main', num: 10})");
  }

  @AfterAll
  static void stop() {
    session.close();
    cluster.close();
  }

  @Test
  void should_answer_invalid_when_a_body_throws_cassandras_invalid_request_exception() {
    session.execute("CREATE FUNCTION api.checked(x int) RETURNS NULL ON NULL INPUT RETURNS int LANGUAGE java AS"
        + " 'if (x > 5) throw new org.apache.cassandra.exceptions.InvalidRequestException(\"too big: \" + x); return x;'");
    assertThat(session.execute("SELECT api.checked(k) FROM api.t WHERE k = 1").one().getInt(0)).isEqualTo(1);
    assertThatThrownBy(() -> session.execute("SELECT api.checked(10) FROM api.t WHERE k = 1"))
        .isInstanceOf(com.datastax.oss.driver.api.core.servererrors.InvalidQueryException.class)
        .hasMessage("too big: 10");
  }

  @Test
  void should_refuse_host_names_in_the_inet_codec_as_cassandras_sandbox_does() {
    session.execute("CREATE FUNCTION api.inet_of(x text) RETURNS NULL ON NULL INPUT RETURNS inet LANGUAGE java AS"
        + " 'return org.apache.cassandra.cql3.functions.types.TypeCodec.inet().parse(x);'");
    assertThat(session.execute("SELECT api.inet_of('''1.2.3''') FROM api.t WHERE k = 1").one().getInetAddress(0)
        .getHostAddress()).isEqualTo("1.2.0.3");
    assertThatThrownBy(() -> session.execute("SELECT api.inet_of('''localhost''') FROM api.t WHERE k = 1"))
        .isInstanceOf(FunctionFailureException.class)
        .hasMessageContaining("InvalidTypeException: Cannot parse inet value from \"'localhost'\"");
  }

  @Test
  void should_hand_a_custom_type_argument_to_the_body_as_its_bytes_and_return_custom_bytes_unchecked() {
    session.execute("CREATE FUNCTION api.lex_len(x 'org.apache.cassandra.db.marshal.LexicalUUIDType')"
        + " RETURNS NULL ON NULL INPUT RETURNS text LANGUAGE java AS"
        + " 'return x.getClass().getSimpleName() + \" \" + x.remaining() + \" \" + x.capacity();'");
    session.execute("CREATE FUNCTION api.to_lex(x blob) RETURNS NULL ON NULL INPUT"
        + " RETURNS 'org.apache.cassandra.db.marshal.LexicalUUIDType' LANGUAGE java AS 'return x;'");

    Row row = session.execute("SELECT api.lex_len(lu), api.to_lex(0x0102) FROM api.t WHERE k = 1").one();

    assertThat(row.getString(0)).isEqualTo("HeapByteBuffer 16 16");
    // the driver reads a custom type as bytes: the two bytes come back as the body returned them
    assertThat(row.getByteBuffer(1)).isEqualTo(ByteBuffer.wrap(new byte[] {1, 2}));
    assertThat(session.execute("SELECT argument_types, return_type FROM system_schema.functions"
        + " WHERE keyspace_name = 'api' AND function_name = 'to_lex'").one().getString("return_type"))
        .isEqualTo("'org.apache.cassandra.db.marshal.LexicalUUIDType'");
  }

  @Test
  void should_parse_durations_in_the_three_cql_forms_and_fail_with_cassandras_messages() {
    session.execute("CREATE FUNCTION api.dur(x text) RETURNS NULL ON NULL INPUT RETURNS duration LANGUAGE java AS"
        + " 'return org.apache.cassandra.cql3.functions.types.Duration.from(x);'");

    Row row = session.execute("SELECT api.dur('-1h30m'), api.dur('P1Y2M3DT4H'), api.dur('P0001-02-03T04:05:06'),"
        + " api.dur('P2W') FROM system.local").one();

    assertThat(row.getCqlDuration(0)).isEqualTo(CqlDuration.newInstance(0, 0, -90L * 60 * 1_000_000_000L));
    assertThat(row.getCqlDuration(1)).isEqualTo(CqlDuration.newInstance(14, 3, 4L * 3600 * 1_000_000_000L));
    assertThat(row.getCqlDuration(2)).isEqualTo(CqlDuration.newInstance(14, 3, (4L * 3600 + 5 * 60 + 6) * 1_000_000_000L));
    assertThat(row.getCqlDuration(3)).isEqualTo(CqlDuration.newInstance(0, 14, 0));
    assertThatThrownBy(() -> session.execute("SELECT api.dur('bogus') FROM system.local"))
        .isInstanceOf(FunctionFailureException.class)
        .hasMessageEndingWith("java.lang.IllegalArgumentException: Unable to convert 'bogus' to a duration");
    assertThatThrownBy(() -> session.execute("SELECT api.dur('1m1h') FROM system.local"))
        .isInstanceOf(FunctionFailureException.class)
        .hasMessageEndingWith("java.lang.IllegalArgumentException: Invalid duration. The minutes should be after hours");
  }

  @Test
  void should_copy_components_through_their_serialized_bytes() {
    session.execute("CREATE FUNCTION api.num_bytes(x addr) RETURNS NULL ON NULL INPUT RETURNS blob LANGUAGE java AS"
        + " 'return x.getBytesUnsafe(\"num\");'");
    session.execute("CREATE FUNCTION api.rebuilt(x addr) RETURNS NULL ON NULL INPUT RETURNS addr LANGUAGE java AS"
        + " 'UDTValue u = udfContext.newReturnUDTValue(); u.setBytesUnsafe(1, x.getBytesUnsafe(1));"
        + " u.setBytesUnsafe(\"street\", java.nio.ByteBuffer.wrap(new byte[] {65, 66})); return u;'");

    Row row = session.execute("SELECT api.num_bytes(a), api.rebuilt(a) FROM api.t WHERE k = 1").one();

    assertThat(row.getByteBuffer(0)).isEqualTo(ByteBuffer.wrap(new byte[] {0, 0, 0, 10}));
    UdtValue rebuilt = row.getUdtValue(1);
    assertThat(rebuilt.getString("street")).isEqualTo("AB");
    assertThat(rebuilt.getInt("num")).isEqualTo(10);
  }

  @Test
  void should_describe_types_made_with_the_datatype_factories_as_cassandra_prints_them() {
    session.execute("CREATE FUNCTION api.types(x int) RETURNS NULL ON NULL INPUT RETURNS text LANGUAGE java AS"
        + " 'return org.apache.cassandra.cql3.functions.types.DataType.vector("
        + "org.apache.cassandra.cql3.functions.types.DataType.cfloat(), x) + \" \""
        + " + org.apache.cassandra.cql3.functions.types.DataType.custom(\"a.B\") + \" \""
        + " + org.apache.cassandra.cql3.functions.types.DataType.set("
        + "org.apache.cassandra.cql3.functions.types.DataType.text(), true);'");
    session.execute("CREATE FUNCTION api.udt_type(x addr) RETURNS NULL ON NULL INPUT RETURNS text LANGUAGE java AS"
        + " 'return x.getType() + \" \" + x.getType().copy(false) + \" \" + x.getType().asFunctionParameterString();'");

    assertThat(session.execute("SELECT api.types(3) FROM system.local").one().getString(0))
        .isEqualTo("vector<float, 3> 'a.B' frozen<set<text>>");
    assertThat(session.execute("SELECT api.udt_type(a) FROM api.t WHERE k = 1").one().getString(0))
        .isEqualTo("frozen<api.addr> api.addr addr");
  }

  @Test
  void should_offer_type_codecs_a_codec_registry_and_protocol_versions_to_bodies() {
    session.execute("CREATE FUNCTION api.codec(x int) RETURNS NULL ON NULL INPUT RETURNS text LANGUAGE java AS"
        + " 'org.apache.cassandra.cql3.functions.types.CodecRegistry r = new org.apache.cassandra.cql3.functions.types.CodecRegistry();"
        + " org.apache.cassandra.cql3.functions.types.TypeCodec<List<Integer>> l = r.codecFor("
        + "org.apache.cassandra.cql3.functions.types.DataType.list(org.apache.cassandra.cql3.functions.types.DataType.cint()));"
        + " ByteBuffer b = l.serialize(l.parse(\"[1, \" + x + \"]\"), ProtocolVersion.CURRENT);"
        + " return l + \" \" + l.format(l.deserialize(b, ProtocolVersion.V4)) + \" \" + b.remaining() + \" \" + ProtocolVersion.CURRENT;'");
    session.execute("CREATE FUNCTION api.pair(x int) RETURNS NULL ON NULL INPUT RETURNS tuple<int, text> LANGUAGE java AS"
        + " 'return org.apache.cassandra.cql3.functions.types.TupleType.of(ProtocolVersion.CURRENT,"
        + " new org.apache.cassandra.cql3.functions.types.CodecRegistry(), org.apache.cassandra.cql3.functions.types.DataType.cint(),"
        + " org.apache.cassandra.cql3.functions.types.DataType.text())"
        + ".newValue(x, org.apache.cassandra.cql3.functions.types.TypeCodec.varchar().parse(\"''it''''s''\"));'");

    Row row = session.execute("SELECT api.codec(2), api.pair(3) FROM api.t WHERE k = 1").one();

    assertThat(row.getString(0)).isEqualTo("ListCodec [list<int> <-> java.util.List<java.lang.Integer>] [1,2] 20 5/v5");
    assertThat(row.getTupleValue(1).getInt(0)).isEqualTo(3);
    assertThat(row.getTupleValue(1).getString(1)).isEqualTo("it's");
  }

  @Test
  void should_fail_a_codec_parse_with_cassandras_invalid_type_exception() {
    session.execute("CREATE FUNCTION api.parse_int(x text) RETURNS NULL ON NULL INPUT RETURNS int LANGUAGE java AS"
        + " 'return org.apache.cassandra.cql3.functions.types.TypeCodec.cint().parse(x);'");

    assertThatThrownBy(() -> session.execute("SELECT api.parse_int('12a') FROM api.t WHERE k = 1"))
        .isInstanceOf(FunctionFailureException.class)
        .hasMessageContaining("org.apache.cassandra.cql3.functions.types.exceptions.InvalidTypeException:"
            + " Cannot parse 32-bits int value from \"12a\"");
  }

  @Test
  void should_refuse_to_compile_a_body_calling_type_token_of_as_cassandra_does() {
    // as in 5.0: Guava's TypeToken is visible, its superclass and java.lang.reflect are not
    assertThatThrownBy(() -> session.execute("CREATE FUNCTION api.token(x int) RETURNS NULL ON NULL INPUT"
        + " RETURNS text LANGUAGE java AS 'return com.google.common.reflect.TypeToken.of(Integer.class).toString();'"))
        .hasMessageContaining("The type com.google.common.reflect.TypeCapture cannot be resolved."
            + " It is indirectly referenced from required type com.google.common.reflect.TypeToken");
  }
}
