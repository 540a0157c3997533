package dev.ringlet.internal.exec.functions;

import dev.ringlet.internal.error.CqlException;
import dev.ringlet.internal.types.CqlType;
import dev.ringlet.internal.types.Json;
import dev.ringlet.internal.types.MalformedJsonException;
import dev.ringlet.internal.types.MarshalException;
import dev.ringlet.internal.types.NativeType;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * {@code toJson(x)}: any value as JSON text ({@code null} for null), selection only; and
 * {@code fromJson('...')}: JSON text as a value of the receiver's type, terms only. Both have
 * their 5.0 snake_case aliases, which keep the classic name in results.
 */
final class JsonFunctions {

  private JsonFunctions() {}

  static List<FunctionFactory> factories() {
    return List.of(toJson("tojson"), toJson("to_json"), fromJson("fromjson"), fromJson("from_json"));
  }

  private static FunctionFactory toJson(String alias) {
    return new FunctionFactory() {
      @Override
      public String name() {
        return alias;
      }

      @Override
      public NativeFunction resolve(List<FunctionArg> args, CqlType receiver) {
        if (args.size() != 1) {
          throw CqlException.invalid("Invalid number of arguments for function system.tojson(any)");
        }
        FunctionArg arg = args.get(0);
        CqlType t = arg.preferredType();
        if (t == null) {
          throw CqlException.invalid("Cannot infer type of argument " + arg.text() + " in call to function system.tojson");
        }
        return new NativeFunction.Scalar("tojson", List.of(t), NativeType.TEXT, false,
            values -> NativeType.TEXT.encode(values.get(0) == null ? "null" : t.toJson(values.get(0))));
      }
    };
  }

  private static FunctionFactory fromJson(String alias) {
    return new FunctionFactory() {
      @Override
      public String name() {
        return alias;
      }

      @Override
      public NativeFunction resolve(List<FunctionArg> args, CqlType receiver) {
        if (receiver == null) {
          throw CqlException.invalid("fromjson() cannot be used in the selection clause of a SELECT statement");
        }
        if (args.size() != 1) {
          throw CqlException.invalid("Invalid number of arguments for function system.fromjson(text)");
        }
        NativeFunction.Scalar f = new NativeFunction.Scalar("fromjson", List.of(NativeType.TEXT), receiver, true,
            values -> parse(receiver, (String) NativeType.TEXT.decode(values.get(0))));
        FunctionResolver.validate(f, args);
        return f;
      }
    };
  }

  /** The JSON text as a value, read as 5.0 reads it (Jackson's {@code readValue(json, Object.class)}). */
  private static ByteBuffer parse(CqlType type, String json) {
    Object parsed;
    try {
      parsed = Json.parse(json);
    } catch (MalformedJsonException e) {
      throw new FunctionFailure("fromjson", List.of(NativeType.TEXT),
          "execution of 'system.fromjson[text]' failed: Could not decode JSON string '" + json + "': " + e.jacksonToString());
    }
    if (parsed == null) {
      return null;
    }
    try {
      return type.fromJson(parsed);
    } catch (MarshalException e) {
      throw new FunctionFailure("fromjson", List.of(NativeType.TEXT),
          "org.apache.cassandra.serializers.MarshalException: " + e.getMessage());
    }
  }
}
