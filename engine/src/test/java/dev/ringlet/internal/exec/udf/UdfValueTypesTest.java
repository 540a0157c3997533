package dev.ringlet.internal.exec.udf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringlet.internal.schema.KeyspaceMetadata;
import dev.ringlet.internal.schema.ReplicationParams;
import dev.ringlet.internal.schema.UserFunction;
import dev.ringlet.internal.types.CqlDuration;
import dev.ringlet.internal.types.CqlType;
import dev.ringlet.internal.types.ListType;
import dev.ringlet.internal.types.NativeType;
import dev.ringlet.internal.types.TupleType;
import dev.ringlet.internal.types.UserType;
import dev.ringlet.internal.types.VectorType;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bodies over date, duration, tuples, user types and vectors, and their {@code udfContext}. */
class UdfValueTypesTest {

  private static final UserType ADDR = new UserType("ks", "addr", List.of("street", "num"),
      List.of(NativeType.TEXT, NativeType.INT), false);
  private static final TupleType PAIR = new TupleType(List.of(NativeType.INT, NativeType.TEXT));

  private final KeyspaceMetadata keyspace = new KeyspaceMetadata("ks", true, ReplicationParams.simple(1), Map.of(),
      Map.of("addr", ADDR), false);
  private final JavaUdfs udfs = new JavaUdfs(name -> name.equals("ks") ? keyspace : null);

  private static UserFunction fn(List<CqlType> args, CqlType returns, boolean calledOnNull, String body) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      names.add("a" + i);
    }
    return new UserFunction("ks", "f", names, args, returns, calledOnNull, "java", body);
  }

  private static Map<String, Object> addr(String street, Integer num) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("street", street);
    m.put("num", num);
    return m;
  }

  @Test
  void should_hand_dates_to_bodies_as_cassandra_local_dates() {
    CompiledUdf f = udfs.compile(fn(List.of(NativeType.DATE), NativeType.DATE, false,
        "return a0.add(java.util.Calendar.DAY_OF_MONTH, 1);"));
    ByteBuffer result = f.execute(List.of(NativeType.DATE.encode(LocalDate.of(2024, 2, 28))));
    assertThat(NativeType.DATE.decode(result)).isEqualTo(LocalDate.of(2024, 2, 29));
    CompiledUdf text = udfs.compile(fn(List.of(NativeType.DATE), NativeType.TEXT, false,
        "return a0.getYear() + \"/\" + a0.getMonth() + \"/\" + a0.getDay() + \" \" + a0.getDaysSinceEpoch() + \" \" + a0;"));
    assertThat(NativeType.TEXT.decode(text.execute(List.of(NativeType.DATE.encode(LocalDate.of(1970, 1, 2))))))
        .isEqualTo("1970/1/2 1 1970-01-02");
  }

  @Test
  void should_hand_durations_to_bodies_and_check_their_signs() {
    CompiledUdf f = udfs.compile(fn(List.of(NativeType.DURATION), NativeType.DURATION, false,
        "return org.apache.cassandra.cql3.functions.types.Duration.newInstance(a0.getMonths() * 2, a0.getDays(),"
            + " a0.getNanoseconds());"));
    ByteBuffer result = f.execute(List.of(NativeType.DURATION.encode(new CqlDuration(1, 2, 3))));
    assertThat(NativeType.DURATION.decode(result)).isEqualTo(new CqlDuration(2, 2, 3));
    CompiledUdf bad = udfs.compile(fn(List.of(NativeType.INT), NativeType.DURATION, false,
        "return org.apache.cassandra.cql3.functions.types.Duration.newInstance(a0, -1, 0);"));
    assertThatThrownBy(() -> bad.execute(List.of(NativeType.INT.encode(1))))
        .isInstanceOf(UdfFailure.class)
        .hasMessage("java.lang.IllegalArgumentException: All values must be either negative or positive, got 1 months,"
            + " -1 days, 0 nanoseconds");
  }

  @Test
  void should_read_and_make_tuples() {
    CompiledUdf swap = udfs.compile(fn(List.of(PAIR), new TupleType(List.of(NativeType.TEXT, NativeType.INT)), false,
        "TupleValue t = udfContext.newReturnTupleValue(); t.setString(0, a0.getString(1) + a0);"
            + " t.setInt(1, a0.getInt(0) + 1); return t;"));
    ByteBuffer result = swap.execute(List.of(PAIR.encode(List.of(7, "seven"))));
    assertThat(new TupleType(List.of(NativeType.TEXT, NativeType.INT)).decode(result))
        .isEqualTo(List.of("seven(7,'seven')", 8));
  }

  @Test
  void should_give_tuple_components_of_another_java_type_a_codec_error() {
    CompiledUdf f = udfs.compile(fn(List.of(PAIR), NativeType.BIGINT, false, "return a0.getLong(0);"));
    assertThatThrownBy(() -> f.execute(List.of(PAIR.encode(List.of(7, "seven")))))
        .isInstanceOf(UdfFailure.class)
        .hasMessage("org.apache.cassandra.cql3.functions.types.exceptions.CodecNotFoundException: Codec not found for"
            + " requested operation: [int <-> java.lang.Long]");
  }

  @Test
  void should_read_user_types_by_name_and_make_them_by_name() {
    CompiledUdf f = udfs.compile(fn(List.of(ADDR), ADDR, false,
        "UDTValue u = udfContext.newUDTValue(\"addr\"); u.setString(\"street\", a0.getString(\"street\").toUpperCase());"
            + " u.setInt(\"num\", a0.getInt(\"num\") * 2); return u;"));
    ByteBuffer result = f.execute(List.of(ADDR.encode(addr("main", 21))));
    assertThat(ADDR.decode(result)).isEqualTo(addr("MAIN", 42));
  }

  @Test
  void should_name_unknown_user_types_and_fields_as_cassandra_does() {
    CompiledUdf unknown = udfs.compile(fn(List.of(NativeType.INT), ADDR, false,
        "return udfContext.newUDTValue(\"nosuch\");"));
    assertThatThrownBy(() -> unknown.execute(List.of(NativeType.INT.encode(1))))
        .hasMessage("java.lang.IllegalArgumentException: No UDT named nosuch in keyspace ks");
    CompiledUdf field = udfs.compile(fn(List.of(ADDR), NativeType.TEXT, false, "return a0.getString(\"nope\");"));
    assertThatThrownBy(() -> field.execute(List.of(ADDR.encode(addr("a", 1)))))
        .hasMessage("java.lang.IllegalArgumentException: nope is not a field defined in this UDT");
    CompiledUdf notUdt = udfs.compile(fn(List.of(NativeType.INT), ADDR, false, "return udfContext.newArgUDTValue(\"a0\");"));
    assertThatThrownBy(() -> notUdt.execute(List.of(NativeType.INT.encode(1))))
        .hasMessage("java.lang.IllegalStateException: Function argument is not a UDT but a int");
  }

  @Test
  void should_parse_tuple_types_named_in_cql() {
    CompiledUdf f = udfs.compile(fn(List.of(NativeType.INT), new TupleType(List.of(NativeType.INT, ADDR.freeze())), false,
        "TupleValue t = udfContext.newTupleValue(\"tuple<int, frozen<addr>>\"); t.setInt(0, a0);"
            + " t.setUDTValue(1, udfContext.newUDTValue(\"addr\").setInt(\"num\", a0)); return t;"));
    ByteBuffer result = f.execute(List.of(NativeType.INT.encode(3)));
    assertThat(new TupleType(List.of(NativeType.INT, ADDR.freeze())).decode(result))
        .isEqualTo(List.of(3, addr(null, 3)));
  }

  @Test
  void should_hand_vectors_to_bodies_as_lists() {
    VectorType vector = new VectorType(NativeType.FLOAT, 3);
    CompiledUdf f = udfs.compile(fn(List.of(vector), vector, false,
        "List<Float> out = new ArrayList<Float>(); for (Float x : a0) out.add(x * 2); return out;"));
    ByteBuffer result = f.execute(List.of(vector.encode(List.of(1f, 2f, 3f))));
    assertThat(vector.decode(result)).isEqualTo(List.of(2f, 4f, 6f));
  }

  @Test
  void should_skip_null_tuples_unless_called_on_null_input() {
    CompiledUdf skip = udfs.compile(fn(List.of(PAIR), NativeType.TEXT, false, "return \"ran\";"));
    CompiledUdf call = udfs.compile(fn(List.of(PAIR), NativeType.TEXT, true, "return a0 == null ? \"null\" : \"set\";"));
    assertThat(skip.execute(Arrays.asList((ByteBuffer) null))).isNull();
    assertThat(NativeType.TEXT.decode(call.execute(Arrays.asList((ByteBuffer) null)))).isEqualTo("null");
  }

  @Test
  void should_refuse_a_returned_collection_holding_values_of_another_type() {
    CompiledUdf f = udfs.compile(fn(List.of(NativeType.INT), new ListType(NativeType.INT, false), false,
        "List l = new ArrayList(); l.add(\"a\"); return l;"));
    assertThatThrownBy(() -> f.execute(List.of(NativeType.INT.encode(1)))).isInstanceOf(UdfFailure.class);
  }

  @Test
  void should_keep_cassandra_classes_off_the_application_class_path() {
    assertThatThrownBy(() -> Class.forName("org.apache.cassandra.cql3.functions.types.TupleValue"))
        .isInstanceOf(ClassNotFoundException.class);
    assertThatThrownBy(() -> Class.forName("org.apache.cassandra.cql3.functions.UDFContext"))
        .isInstanceOf(ClassNotFoundException.class);
    assertThat(getClass().getClassLoader().getResource("org/apache/cassandra/cql3/functions/UDFContext.class")).isNull();
  }

  @Test
  void should_compile_cassandras_classes_only_for_functions_that_use_them() {
    assertThat(UdfApi.needed(fn(List.of(NativeType.INT, new ListType(NativeType.TEXT, false)), NativeType.INT, false,
        "return a0;"))).isFalse();
    assertThat(UdfApi.needed(fn(List.of(NativeType.INT), NativeType.INT, false,
        "return udfContext.newTupleValue(\"tuple<int>\").getInt(0);"))).isTrue();
    assertThat(UdfApi.needed(fn(List.of(new ListType(NativeType.DATE, false)), NativeType.INT, false, "return 1;")))
        .isTrue();
    assertThat(UdfApi.needed(fn(List.of(NativeType.INT), PAIR, false, "return null;"))).isTrue();
  }

  @Test
  void should_fail_vectors_returned_short_and_keep_the_first_elements_of_long_ones() {
    VectorType vector = new VectorType(NativeType.FLOAT, 2);
    CompiledUdf shortOne = udfs.compile(fn(List.of(NativeType.INT), vector, false, "return Arrays.asList(1f);"));
    assertThatThrownBy(() -> shortOne.execute(List.of(NativeType.INT.encode(1))))
        .isInstanceOf(UdfFailure.class).hasMessage("java.util.NoSuchElementException");
    CompiledUdf longOne = udfs.compile(fn(List.of(NativeType.INT), vector, false, "return Arrays.asList(1f, 2f, 3f);"));
    assertThat(vector.decode(longOne.execute(List.of(NativeType.INT.encode(1))))).isEqualTo(List.of(1f, 2f));
  }

  @Test
  void should_report_a_missing_tuple_component_as_cassandra_does() {
    CompiledUdf f = udfs.compile(fn(List.of(NativeType.INT), PAIR, false,
        "TupleValue t = udfContext.newReturnTupleValue(); t.setInt(2, a0); return t;"));
    assertThatThrownBy(() -> f.execute(List.of(NativeType.INT.encode(1))))
        .isInstanceOf(UdfFailure.class)
        .hasMessage("java.lang.ArrayIndexOutOfBoundsException: Index 2 out of bounds for length 2");
  }

  @Test
  void should_return_the_component_bytes_of_a_tuple_of_another_type_as_they_are() {
    CompiledUdf nulls = udfs.compile(fn(List.of(NativeType.INT), PAIR, false,
        "return udfContext.newTupleValue(\"tuple<text, int>\");"));
    assertThat(PAIR.decode(nulls.execute(List.of(NativeType.INT.encode(1))))).isEqualTo(Arrays.asList(null, null));
    CompiledUdf other = udfs.compile(fn(List.of(NativeType.INT), PAIR, false,
        "return udfContext.newTupleValue(\"tuple<text, int>\").setString(0, \"ab\").setInt(1, 5);"));
    // as 5.0: text 'ab' then int 5, written as the components of a tuple<int, text>
    assertThat(HexFormat.of().formatHex(bytes(other.execute(List.of(NativeType.INT.encode(1))))))
        .isEqualTo("0000000261620000000400000005");
  }

  @Test
  void should_keep_component_bytes_unchecked_until_they_are_read() {
    CompiledUdf unsafe = udfs.compile(fn(List.of(NativeType.INT), NativeType.TEXT, false,
        "TupleValue t = udfContext.newTupleValue(\"tuple<int, text>\");"
            + " t.setBytesUnsafe(0, java.nio.ByteBuffer.wrap(new byte[] {1, 2}));"
            + " return t.isNull(0) + \" \" + t.getBytesUnsafe(0).remaining() + \" \" + t.getInt(0);"));
    assertThatThrownBy(() -> unsafe.execute(List.of(NativeType.INT.encode(1))))
        .isInstanceOf(UdfFailure.class)
        .hasMessage("org.apache.cassandra.cql3.functions.types.exceptions.InvalidTypeException:"
            + " Invalid 32-bits integer value, expecting 4 bytes but got 2");
  }

  private static byte[] bytes(ByteBuffer b) {
    byte[] out = new byte[b.remaining()];
    b.duplicate().get(out);
    return out;
  }
}
