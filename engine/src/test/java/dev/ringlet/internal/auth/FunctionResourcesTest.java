package dev.ringlet.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlet.internal.types.CqlType;
import dev.ringlet.internal.types.ListType;
import dev.ringlet.internal.types.MapType;
import dev.ringlet.internal.types.NativeType;
import dev.ringlet.internal.types.TupleType;
import dev.ringlet.internal.types.UserType;
import dev.ringlet.internal.types.VectorType;
import java.util.List;
import org.junit.jupiter.api.Test;

class FunctionResourcesTest {

  private static final String M = "org.apache.cassandra.db.marshal.";

  @Test
  void should_name_a_function_by_marshal_classes_as_cassandra_stores_it() {
    AuthResource r = AuthResource.function("ks", "f", List.of(NativeType.INT, NativeType.TEXT));
    assertThat(r.name()).isEqualTo("functions/ks/f[" + M + "Int32Type^" + M + "UTF8Type]");
    assertThat(r.toString()).isEqualTo("<function ks.f(int, text)>");
    assertThat(AuthResource.function("ks", "g", List.of()).name()).isEqualTo("functions/ks/g[]");
    assertThat(AuthResource.function("ks", "g", List.of()).toString()).isEqualTo("<function ks.g()>");
  }

  @Test
  void should_wrap_frozen_collections_and_round_trip_every_kind_of_type() {
    CqlType frozenList = new ListType(NativeType.BIGINT, true);
    assertThat(FunctionResources.marshalArguments(List.of(frozenList)))
        .isEqualTo(M + "FrozenType(" + M + "ListType(" + M + "LongType))");
    List<CqlType> types = List.of(
        new ListType(NativeType.INT, false),
        frozenList,
        new MapType(NativeType.TEXT, new ListType(NativeType.INT, true), false),
        new TupleType(List.of(NativeType.INT, NativeType.DATE)),
        new VectorType(NativeType.FLOAT, 3),
        new UserType("ks", "addr", List.of("street"), List.of(NativeType.TEXT), true),
        NativeType.DURATION);
    assertThat(FunctionResources.cqlArguments(FunctionResources.marshalArguments(types)))
        .isEqualTo("list<int>, frozen<list<bigint>>, map<text, frozen<list<int>>>, tuple<int, date>, "
            + "vector<float, 3>, frozen<addr>, duration");
  }
}
