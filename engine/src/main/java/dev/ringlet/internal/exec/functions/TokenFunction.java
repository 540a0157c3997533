package dev.ringlet.internal.exec.functions;

import dev.ringlet.internal.dht.Murmur3Partitioner;
import dev.ringlet.internal.types.CqlType;
import dev.ringlet.internal.types.NativeType;
import java.util.List;

/**
 * {@code token(...)}: its parameters are the table's partition key types; the result is the
 * Murmur3 token (bigint) of the key those values make (one value as is, several as a composite).
 */
final class TokenFunction {

  private TokenFunction() {}

  static NativeFunction.Scalar of(List<CqlType> keyTypes) {
    return new NativeFunction.Scalar("token", keyTypes, NativeType.BIGINT, true, args -> {
      java.nio.ByteBuffer key = args.size() == 1 ? args.get(0).duplicate() : Murmur3Partitioner.compositeKey(args);
      return NativeType.BIGINT.encode(Murmur3Partitioner.token(key));
    });
  }
}
