package dev.ringlet.wire.internal;

import com.datastax.oss.protocol.internal.Message;
import com.datastax.oss.protocol.internal.PrimitiveCodec;
import com.datastax.oss.protocol.internal.PrimitiveSizes;
import com.datastax.oss.protocol.internal.ProtocolConstants;
import com.datastax.oss.protocol.internal.response.Result;
import com.datastax.oss.protocol.internal.response.result.DefaultRows;
import com.datastax.oss.protocol.internal.response.result.Rows;
import dev.ringlet.wire.EncodedRow;
import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * The ROWS result of one protocol version, as native-protocol's {@code DefaultRows} codec writes it
 * (metadata, {@code [int]} row count, every row's values as {@code [bytes]}), except that an
 * {@link EncodedRow} is written from its kept cells in one copy. Decoding is native-protocol's.
 */
final class RowsEncoder extends Result.SubCodec {

  private final DefaultRows.SubCodec delegate;

  RowsEncoder(int protocolVersion) {
    super(ProtocolConstants.ResultKind.ROWS, protocolVersion);
    this.delegate = new DefaultRows.SubCodec(protocolVersion);
  }

  @Override
  public <B> void encode(B dest, Message message, PrimitiveCodec<B> encoder) {
    Rows rows = (Rows) message;
    rows.getMetadata().encode(dest, encoder, false, protocolVersion);
    encoder.writeInt(rows.getData().size(), dest);
    for (List<ByteBuffer> row : rows.getData()) {
      if (row instanceof EncodedRow encoded && dest instanceof ByteBuf buf) {
        buf.writeBytes(encoded.cells());
      } else {
        for (ByteBuffer value : row) {
          encoder.writeBytes(value, dest);
        }
      }
    }
  }

  @Override
  public int encodedSize(Message message) {
    Rows rows = (Rows) message;
    int size = rows.getMetadata().encodedSize(false, protocolVersion) + 4;
    for (List<ByteBuffer> row : rows.getData()) {
      if (row instanceof EncodedRow encoded) {
        size += encoded.cellsSize();
      } else {
        for (ByteBuffer value : row) {
          size += PrimitiveSizes.sizeOfBytes(value);
        }
      }
    }
    return size;
  }

  @Override
  public <B> Message decode(B source, PrimitiveCodec<B> decoder) {
    return delegate.decode(source, decoder);
  }
}
