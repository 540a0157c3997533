package dev.ringlet.internal.types;

import dev.ringlet.internal.error.CqlException;

import java.io.ByteArrayOutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.EnumSet;

/** {@code duration}: three signed vints (months, days, nanoseconds), all of one sign. */
final class DurationCodec extends NativeCodec {

  DurationCodec() {
    super(EnumSet.of(LiteralKind.DURATION, LiteralKind.INTEGER));
  }

  @Override void validate(ByteBuffer value) {
    if (value.remaining() < 3) {
      throw new MarshalException(
          String.format("Expected at least 3 bytes for a duration (%d)", value.remaining()));
    }
    ByteBuffer in = value.duplicate();
    long months;
    long days;
    long nanos;
    try {
      months = VInts.readSigned(in);
      days = VInts.readSigned(in);
      nanos = VInts.readSigned(in);
    } catch (BufferUnderflowException e) {
      // Cassandra reports its internal read failure this way
      throw new MarshalException("Unexpected error");
    }
    if ((int) months != months) {
      throw new MarshalException(
          String.format("The duration months must be a 32 bits integer but was: %d", months));
    }
    if ((int) days != days) {
      throw new MarshalException(String.format("The duration days must be a 32 bits integer but was: %d", days));
    }
    if (!((months >= 0 && days >= 0 && nanos >= 0) || (months <= 0 && days <= 0 && nanos <= 0))) {
      throw new MarshalException(String.format(
          "The duration months, days and nanoseconds must be all of the same sign (%d, %d, %d)",
          months, days, nanos));
    }
  }

  @Override Object decodeNonEmpty(ByteBuffer value) {
    ByteBuffer in = value.duplicate();
    int months = (int) VInts.readSigned(in);
    int days = (int) VInts.readSigned(in);
    return new CqlDuration(months, days, VInts.readSigned(in));
  }

  @Override ByteBuffer encodeNonNull(Object value) {
    CqlDuration d = (CqlDuration) value;
    ByteArrayOutputStream out = new ByteArrayOutputStream(12);
    VInts.writeSigned(out, d.months());
    VInts.writeSigned(out, d.days());
    VInts.writeSigned(out, d.nanoseconds());
    return ByteBuffer.wrap(out.toByteArray());
  }

  @Override int compareNonEmpty(ByteBuffer a, ByteBuffer b) {
    return Buffers.compareUnsigned(a, b);
  }

  @Override ByteBuffer fromString(String text) {
    if (text.isEmpty()) {
      return ByteBuffer.allocate(0);
    }
    return encodeNonNull(DurationText.parse(text));
  }

  @Override String toText(ByteBuffer value) {
    return DurationText.format((CqlDuration) decodeNonEmpty(value));
  }

  @Override String toJsonNonEmpty(ByteBuffer value) {
    return quoted(toText(value));
  }

  @Override ByteBuffer fromJsonNonNull(Object json) {
    if (json instanceof String s) {
      try {
        return fromString(s);
      } catch (MarshalException e) {
        // 5.0's Duration.from fails with an InvalidRequestException, which JSON callers let through
        throw CqlException.invalid(e.getMessage());
      }
    }
    throw expected("a string representation of a duration", json);
  }
}
