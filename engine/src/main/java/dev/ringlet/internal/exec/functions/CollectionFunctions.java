package dev.ringlet.internal.exec.functions;

import dev.ringlet.internal.error.CqlException;
import dev.ringlet.internal.types.CqlType;
import dev.ringlet.internal.types.ListType;
import dev.ringlet.internal.types.MapType;
import dev.ringlet.internal.types.NativeType;
import dev.ringlet.internal.types.SetType;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The collection functions of Cassandra 5.0: {@code map_keys}, {@code map_values},
 * {@code collection_count} and, on sets and lists, {@code collection_min/max/sum/avg}.
 */
final class CollectionFunctions {

  private CollectionFunctions() {}

  static List<FunctionFactory> factories() {
    return List.of(
        factory("map_keys", "a map argument", t -> t instanceof MapType, t -> {
          MapType m = (MapType) t;
          SetType result = new SetType(m.key(), false);
          return new NativeFunction.Scalar("map_keys", List.of(t), result, true,
              args -> result.pack(m.entries(args.get(0)).stream().map(Map.Entry::getKey).toList()));
        }),
        factory("map_values", "a map argument", t -> t instanceof MapType, t -> {
          MapType m = (MapType) t;
          ListType result = new ListType(m.value(), false);
          return new NativeFunction.Scalar("map_values", List.of(t), result, true,
              args -> result.pack(m.entries(args.get(0)).stream().map(Map.Entry::getValue).toList()));
        }),
        factory("collection_count", "a collection argument",
            t -> t instanceof MapType || t instanceof SetType || t instanceof ListType,
            t -> new NativeFunction.Scalar("collection_count", List.of(t), NativeType.INT, true,
                args -> NativeType.INT.encode(count(t, args.get(0))))),
        factory("collection_min", "a set or list argument", CollectionFunctions::setOrList,
            t -> best("collection_min", t, false)),
        factory("collection_max", "a set or list argument", CollectionFunctions::setOrList,
            t -> best("collection_max", t, true)),
        factory("collection_sum", "a numeric set/list argument", CollectionFunctions::numericSetOrList,
            t -> summing("collection_sum", t, false)),
        factory("collection_avg", "a numeric set/list argument", CollectionFunctions::numericSetOrList,
            t -> summing("collection_avg", t, true)));
  }

  private static FunctionFactory factory(String name, String expectation,
      java.util.function.Predicate<CqlType> accepts, Function<CqlType, NativeFunction> make) {
    return new FunctionFactory() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public NativeFunction resolve(List<FunctionArg> args, CqlType receiver) {
        if (args.size() != 1) {
          throw CqlException.invalid("Invalid number of arguments for function system." + name + "(" + expectation
              .replace("a ", "").replace(" argument", "") + ")");
        }
        FunctionArg arg = args.get(0);
        if (!arg.isTyped() || !accepts.test(arg.type())) {
          throw CqlException.invalid("Function system." + name + " requires " + expectation + ", but found argument "
              + arg.text() + (arg.isTyped() ? " of type " + arg.type().cql() : ""));
        }
        return make.apply(arg.type());
      }
    };
  }

  private static boolean setOrList(CqlType t) {
    return t instanceof SetType || t instanceof ListType;
  }

  private static boolean numericSetOrList(CqlType t) {
    return setOrList(t) && element(t) instanceof NativeType nt && Summation.isNumeric(nt);
  }

  static CqlType element(CqlType t) {
    return t instanceof SetType s ? s.element() : ((ListType) t).element();
  }

  static List<ByteBuffer> elements(CqlType t, ByteBuffer value) {
    return t instanceof SetType s ? s.elements(value) : ((ListType) t).elements(value);
  }

  private static int count(CqlType t, ByteBuffer value) {
    return t instanceof MapType m ? m.entries(value).size() : elements(t, value).size();
  }

  private static NativeFunction best(String name, CqlType t, boolean max) {
    CqlType element = element(t);
    return new NativeFunction.Scalar(name, List.of(t), element, true, args -> {
      ByteBuffer best = null;
      for (ByteBuffer e : elements(t, args.get(0))) {
        int c = best == null ? 0 : element.compare(e, best);
        if (best == null || (max ? c > 0 : c < 0)) {
          best = e;
        }
      }
      return best;
    });
  }

  private static NativeFunction summing(String name, CqlType t, boolean average) {
    NativeType element = (NativeType) element(t);
    return new NativeFunction.Scalar(name, List.of(t), element, true, args -> {
      Summation s = new Summation(element, average);
      for (ByteBuffer e : elements(t, args.get(0))) {
        s.add(e);
      }
      return s.result();
    });
  }
}
