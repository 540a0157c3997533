package dev.ringlet.internal.exec.udf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringlet.internal.schema.KeyspaceMetadata;
import dev.ringlet.internal.schema.ReplicationParams;
import dev.ringlet.internal.schema.UserFunction;
import dev.ringlet.internal.types.CqlDuration;
import dev.ringlet.internal.types.CqlType;
import dev.ringlet.internal.types.ListType;
import dev.ringlet.internal.types.MapType;
import dev.ringlet.internal.types.NativeType;
import dev.ringlet.internal.types.SetType;
import dev.ringlet.internal.types.TupleType;
import dev.ringlet.internal.types.UserType;
import dev.ringlet.internal.types.VectorType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Cassandra's codec API as bodies use it ({@code TypeCodec}, {@code CodecRegistry}): the bytes a
 * codec writes are the engine's own serialized form of the same value, and a value survives
 * {@code format} then {@code parse}.
 */
class UdfCodecsTest {

  private static final UserType ADDR = new UserType("ks", "addr", List.of("street", "num"),
      List.of(NativeType.TEXT, NativeType.INT), true);

  private final KeyspaceMetadata keyspace = new KeyspaceMetadata("ks", true, ReplicationParams.simple(1), Map.of(),
      Map.of("addr", ADDR), false);
  private final JavaUdfs udfs = new JavaUdfs(name -> name.equals("ks") ? keyspace : null);

  private static UserFunction fn(CqlType arg, CqlType returns, String body) {
    return new UserFunction("ks", "f", List.of("a0"), List.of(arg), returns, false, "java", body);
  }

  /** Values of most CQL types, each with its type. */
  private static Map<CqlType, Object> samples() throws Exception {
    Map<CqlType, Object> m = new LinkedHashMap<>();
    m.put(NativeType.INT, -42);
    m.put(NativeType.BIGINT, 1L << 40);
    m.put(NativeType.TEXT, "h\u00e9 'quoted'");
    m.put(NativeType.DOUBLE, -1.5);
    m.put(NativeType.FLOAT, 0.25f);
    m.put(NativeType.BOOLEAN, true);
    m.put(NativeType.DECIMAL, new BigDecimal("-12.3450"));
    m.put(NativeType.VARINT, new BigInteger("-123456789012345678901234567890"));
    m.put(NativeType.UUID, UUID.fromString("6ab09bec-e68e-48d9-a5f8-97e6fb4c9b47"));
    m.put(NativeType.TIMESTAMP, Instant.ofEpochMilli(1704164645123L));
    // (5.0 parses dates before 1582 in the Julian calendar but prints them in the Gregorian one)
    m.put(NativeType.DATE, LocalDate.of(2024, 2, 29));
    m.put(NativeType.DURATION, new CqlDuration(-14, -3, -5_000_000_001L));
    m.put(NativeType.BLOB, ByteBuffer.wrap(new byte[] {0, 1, -1}));
    m.put(NativeType.INET, InetAddress.getByName("::1"));
    m.put(new ListType(NativeType.INT, true), List.of(3, 1, 2));
    m.put(new SetType(NativeType.TEXT, true), new LinkedHashSet<>(List.of("a", "b")));
    m.put(new MapType(NativeType.TEXT, NativeType.INT, true), Map.of("k", 1));
    m.put(new TupleType(List.of(NativeType.INT, NativeType.TEXT)), Arrays.asList(7, null));
    m.put(ADDR, Map.of("street", "Main", "num", 10));
    m.put(new VectorType(NativeType.FLOAT, 2), List.of(1.5f, 2f));
    return m;
  }

  @Test
  void should_serialize_every_type_as_the_engine_does() throws Exception {
    for (Map.Entry<CqlType, Object> e : samples().entrySet()) {
      CqlType type = e.getKey();
      CompiledUdf f = udfs.compile(fn(type, NativeType.BLOB,
          "org.apache.cassandra.cql3.functions.types.CodecRegistry r = new org.apache.cassandra.cql3.functions.types.CodecRegistry();"
              + " return r.codecFor(" + dataType(type) + ").serialize(a0, ProtocolVersion.CURRENT);"));
      ByteBuffer bytes = type.encode(e.getValue());

      assertThat(f.execute(List.of(bytes))).as(type.cql()).isEqualTo(bytes);
    }
  }

  @Test
  void should_parse_what_it_formats() throws Exception {
    for (Map.Entry<CqlType, Object> e : samples().entrySet()) {
      CqlType type = e.getKey();
      CompiledUdf f = udfs.compile(fn(type, NativeType.TEXT,
          "org.apache.cassandra.cql3.functions.types.TypeCodec<Object> c = new org.apache.cassandra.cql3.functions.types.CodecRegistry()"
              + ".codecFor(" + dataType(type) + "); Object v = a0; String s = c.format(v);"
              + " return c.format(c.parse(s)).equals(s) + \" \" + s;"));

      String answer = (String) NativeType.TEXT.decode(f.execute(List.of(type.encode(e.getValue()))));

      assertThat(answer).as(type.cql()).startsWith("true ");
    }
  }

  @Test
  void should_find_no_codec_for_another_java_type_with_cassandras_message() {
    CompiledUdf f = udfs.compile(fn(NativeType.INT, NativeType.TEXT,
        "return new org.apache.cassandra.cql3.functions.types.CodecRegistry()"
            + ".codecFor(org.apache.cassandra.cql3.functions.types.DataType.cint(), String.class).toString();"));

    assertThatThrownBy(() -> f.execute(List.of(NativeType.INT.encode(1))))
        .isInstanceOf(UdfFailure.class)
        .hasMessage("org.apache.cassandra.cql3.functions.types.exceptions.CodecNotFoundException:"
            + " Codec not found for requested operation: [int <-> java.lang.String]");
  }

  @Test
  void should_keep_the_codec_classes_out_of_the_applications_class_path() {
    for (String name : List.of("org.apache.cassandra.cql3.functions.types.TypeCodec",
        "org.apache.cassandra.transport.ProtocolVersion")) {
      assertThatThrownBy(() -> Class.forName(name)).isInstanceOf(ClassNotFoundException.class);
    }
  }

  /** The body's expression for the argument's type: its own, read from a value of it when there is one. */
  private static String dataType(CqlType type) {
    if (type instanceof TupleType) {
      return "((TupleValue) (Object) a0).getType()";
    }
    if (type instanceof UserType) {
      return "((UDTValue) (Object) a0).getType()";
    }
    if (type instanceof VectorType) {
      return "org.apache.cassandra.cql3.functions.types.DataType.vector(org.apache.cassandra.cql3.functions.types.DataType.cfloat(), 2)";
    }
    String cql = type.cql();
    String d = "org.apache.cassandra.cql3.functions.types.DataType.";
    switch (cql) {
      case "int": return d + "cint()";
      case "double": return d + "cdouble()";
      case "float": return d + "cfloat()";
      case "boolean": return d + "cboolean()";
      case "frozen<list<int>>": return d + "list(" + d + "cint())";
      case "frozen<set<text>>": return d + "set(" + d + "text())";
      case "frozen<map<text, int>>": return d + "map(" + d + "text(), " + d + "cint())";
      default: return d + cql + "()";
    }
  }
}
