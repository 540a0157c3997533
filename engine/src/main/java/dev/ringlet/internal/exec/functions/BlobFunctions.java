package dev.ringlet.internal.exec.functions;

import dev.ringlet.internal.error.CqlException;
import dev.ringlet.internal.types.CqlType;
import dev.ringlet.internal.types.CustomType;
import dev.ringlet.internal.types.MarshalException;
import dev.ringlet.internal.types.NativeType;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code typeAsBlob} and {@code blobAsType} for every native type but blob (plus the varchar
 * spellings), and their 5.0 snake_case aliases ({@code int_as_blob}). The bytes are unchanged;
 * {@code blobAsX} checks they are a valid X. As in 5.0, {@code blobAsTimeuuid} returns the custom
 * {@code LegacyTimeUUIDType} (see {@link CustomType}).
 */
final class BlobFunctions {

  private BlobFunctions() {}

  static List<NativeFunction> all() {
    List<NativeFunction> out = new ArrayList<>();
    for (NativeType t : NativeType.values()) {
      if (t != NativeType.BLOB) {
        add(out, t.cql(), t);
      }
    }
    add(out, "varchar", NativeType.TEXT);
    return out;
  }

  private static void add(List<NativeFunction> out, String typeName, NativeType type) {
    for (String name : List.of(typeName + "asblob", typeName + "_as_blob")) {
      out.add(NativeFunction.scalar(name, NativeType.BLOB, List.of(type), args -> args.get(0)));
    }
    // 5.0 types blobAsTimeuuid's result as TimeUUIDType.udfType(), the custom LegacyTimeUUIDType
    CqlType result = type == NativeType.TIMEUUID ? CustomType.LEGACY_TIMEUUID : type;
    for (String name : List.of("blobas" + typeName, "blob_as_" + typeName)) {
      out.add(NativeFunction.scalar(name, result, List.of(NativeType.BLOB), args -> fromBlob(name, typeName, type, args.get(0))));
    }
  }

  private static ByteBuffer fromBlob(String name, String typeName, NativeType type, ByteBuffer value) {
    try {
      type.validate(value);
    } catch (MarshalException e) {
      throw CqlException.invalid("In call to function system." + name + ", value " + NativeType.BLOB.toCqlLiteral(value)
          + " is not a valid binary representation for type " + typeName);
    }
    return value;
  }
}
