package dev.ringlet.wire.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.protocol.internal.Frame;
import com.datastax.oss.protocol.internal.FrameCodec;
import com.datastax.oss.protocol.internal.ProtocolConstants;
import com.datastax.oss.protocol.internal.response.result.ColumnSpec;
import com.datastax.oss.protocol.internal.response.result.DefaultRows;
import com.datastax.oss.protocol.internal.response.result.RawType;
import com.datastax.oss.protocol.internal.response.result.RowsMetadata;
import dev.ringlet.wire.EncodedRow;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Queue;
import org.junit.jupiter.api.Test;

/** A ROWS result encodes to the same bytes whether its rows are plain value lists or {@link EncodedRow}s. */
class RowsEncoderTest {

  private final FrameCodecs codecs = new FrameCodecs(ByteBufAllocator.DEFAULT, 256 * 1024 * 1024);

  @Test
  void should_encode_encoded_rows_as_native_protocol_encodes_their_values() {
    List<List<ByteBuffer>> plain = List.of(
        Arrays.asList(text("ks"), text("t"), null),
        Arrays.asList(text("ks"), text(""), ByteBuffer.wrap(new byte[] {1, 2, 3})),
        Arrays.asList(text("other"), ByteBuffer.allocate(0), text("v")));
    List<List<ByteBuffer>> mixed = new ArrayList<>();
    for (int i = 0; i < plain.size(); i++) {
      mixed.add(i == 1 ? plain.get(i) : EncodedRow.of(plain.get(i)));
    }
    for (int version : List.of(ProtocolConstants.Version.V3, ProtocolConstants.Version.V4, ProtocolConstants.Version.V5)) {
      for (boolean withMetadata : List.of(true, false)) {
        String expected = reference(version, rows(plain, withMetadata));
        assertThat(encode(codecs.plain(), version, rows(mixed, withMetadata))).as("v%d", version).isEqualTo(expected);
        assertThat(encode(codecs.plain(), version, rows(plain, withMetadata))).as("v%d", version).isEqualTo(expected);
        // the body size the segment encoder asks first agrees with what is written
        Frame frame = frame(version, rows(mixed, withMetadata));
        assertThat(codecs.plain().encodedBodySize(frame)).isEqualTo(encode(codecs.plain(), version, rows(mixed, withMetadata)).length() / 2 - 9);
      }
    }
  }

  @Test
  void should_encode_an_empty_result() {
    String expected = reference(ProtocolConstants.Version.V5, rows(List.of(), true));
    assertThat(encode(codecs.plain(), ProtocolConstants.Version.V5, rows(List.of(), true))).isEqualTo(expected);
  }

  private static DefaultRows rows(List<List<ByteBuffer>> data, boolean withMetadata) {
    RowsMetadata metadata = withMetadata
        ? new RowsMetadata(List.of(spec(0, "keyspace_name"), spec(1, "table_name"), spec(2, "v")),
            ByteBuffer.wrap(new byte[] {7, 7}), null, null)
        : new RowsMetadata(3, null, null, null);
    Queue<List<ByteBuffer>> queue = new ArrayDeque<>(data);
    return new DefaultRows(metadata, queue);
  }

  private static ColumnSpec spec(int index, String name) {
    return new ColumnSpec("system_schema", "columns", name, index, RawType.PRIMITIVES.get(ProtocolConstants.DataType.VARCHAR));
  }

  private static Frame frame(int version, DefaultRows rows) {
    return Frame.forResponse(version, 3, null, Collections.emptyMap(), Collections.emptyList(), rows);
  }

  private static String encode(FrameCodec<ByteBuf> codec, int version, DefaultRows rows) {
    ByteBuf out = codec.encode(frame(version, rows));
    try {
      return ByteBufUtil.hexDump(out);
    } finally {
      out.release();
    }
  }

  /** native-protocol's own server codec, which knows nothing of encoded rows. */
  private static String reference(int version, DefaultRows rows) {
    return encode(FrameCodec.defaultServer(new ByteBufPrimitiveCodec(ByteBufAllocator.DEFAULT),
        com.datastax.oss.protocol.internal.Compressor.none()), version, rows);
  }

  private static ByteBuffer text(String s) {
    return ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
  }
}
