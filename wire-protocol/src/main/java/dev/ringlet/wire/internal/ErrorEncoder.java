package dev.ringlet.wire.internal;

import com.datastax.oss.protocol.internal.Message;
import com.datastax.oss.protocol.internal.PrimitiveCodec;
import com.datastax.oss.protocol.internal.ProtocolConstants;
import com.datastax.oss.protocol.internal.response.Error;
import dev.ringlet.wire.CasWriteTimeout;

/**
 * The ERROR encoder of one protocol version: native-protocol's, plus the {@code [short] contentions}
 * that v5 appends to a {@link CasWriteTimeout}'s body (after the write type, the last field the
 * default encoder writes), as Cassandra 5.0's {@code ErrorMessage} codec does.
 */
final class ErrorEncoder extends Message.Codec {

  private final Error.Codec delegate;
  private final boolean contentions;

  ErrorEncoder(int protocolVersion) {
    super(ProtocolConstants.Opcode.ERROR, protocolVersion);
    this.delegate = new Error.Codec(protocolVersion);
    this.contentions = protocolVersion >= ProtocolConstants.Version.V5;
  }

  @Override
  public <B> void encode(B dest, Message message, PrimitiveCodec<B> encoder) {
    delegate.encode(dest, message, encoder);
    if (contentions && message instanceof CasWriteTimeout cas) {
      encoder.writeUnsignedShort(cas.contentions, dest);
    }
  }

  @Override
  public int encodedSize(Message message) {
    int size = delegate.encodedSize(message);
    return contentions && message instanceof CasWriteTimeout ? size + 2 : size;
  }

  @Override
  public <B> Message decode(B source, PrimitiveCodec<B> decoder) {
    return delegate.decode(source, decoder);
  }
}
