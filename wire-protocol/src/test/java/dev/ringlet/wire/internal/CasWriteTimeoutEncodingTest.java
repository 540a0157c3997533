package dev.ringlet.wire.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.protocol.internal.Compressor;
import com.datastax.oss.protocol.internal.Frame;
import com.datastax.oss.protocol.internal.FrameCodec;
import com.datastax.oss.protocol.internal.ProtocolConstants;
import com.datastax.oss.protocol.internal.response.error.WriteTimeout;
import dev.ringlet.wire.CasWriteTimeout;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The WRITE_TIMEOUT body of a lightweight transaction, byte for byte as Cassandra 5.0 writes it:
 * {@code <cl><received><blockfor><writeType>} and, from v5 on, {@code <contentions>} as a [short];
 * and the Java driver's own decoder still reads the error from it.
 */
class CasWriteTimeoutEncodingTest {

  private static final ByteBufAllocator ALLOCATOR = ByteBufAllocator.DEFAULT;
  private static final String MESSAGE = "CAS operation timed out: received 0 of 2 required responses after 3 contention retries";

  private final FrameCodec<ByteBuf> server = new FrameCodecs(ALLOCATOR, 1 << 20).plain();
  private final FrameCodec<ByteBuf> driver = FrameCodec.defaultClient(new ByteBufPrimitiveCodec(ALLOCATOR), Compressor.none());

  @Test
  void should_end_a_v5_cas_write_timeout_with_its_contentions() {
    ByteBuf body = body(ProtocolConstants.Version.V5, cas("CAS", 3));
    try {
      assertCommonFields(body, "CAS");
      assertThat(body.readUnsignedShort()).as("contentions").isEqualTo(3);
      assertThat(body.readableBytes()).isZero();
    } finally {
      body.release();
    }
  }

  @Test
  void should_send_contentions_after_a_simple_write_type_too_as_cassandra_does() {
    // 5.0 keeps SIMPLE for a timed-out commit of the CAS's own proposal, and its codec appends the
    // contentions to every CasWriteTimeoutException at v5.
    ByteBuf body = body(ProtocolConstants.Version.V5, cas("SIMPLE", 1));
    try {
      assertCommonFields(body, "SIMPLE");
      assertThat(body.readUnsignedShort()).isEqualTo(1);
      assertThat(body.readableBytes()).isZero();
    } finally {
      body.release();
    }
  }

  @Test
  void should_not_send_contentions_below_v5() {
    for (int version : new int[] {ProtocolConstants.Version.V4, ProtocolConstants.Version.V3}) {
      ByteBuf body = body(version, cas("CAS", 3));
      try {
        assertCommonFields(body, "CAS");
        assertThat(body.readableBytes()).as("bytes after the write type at v" + version).isZero();
      } finally {
        body.release();
      }
    }
  }

  @Test
  void should_not_send_contentions_for_other_write_timeouts_at_v5() {
    ByteBuf body = body(ProtocolConstants.Version.V5,
        new WriteTimeout(MESSAGE, ProtocolConstants.ConsistencyLevel.SERIAL, 0, 2, "CAS"));
    try {
      assertCommonFields(body, "CAS");
      assertThat(body.readableBytes()).isZero();
    } finally {
      body.release();
    }
  }

  @Test
  void should_be_decoded_by_the_java_drivers_codec_at_v5() {
    ByteBuf encoded = server.encode(frame(ProtocolConstants.Version.V5, cas("CAS", 3)));
    try {
      Frame decoded = driver.decode(encoded);
      assertThat(decoded.message).isInstanceOfSatisfying(WriteTimeout.class, e -> {
        assertThat(e.message).isEqualTo(MESSAGE);
        assertThat(e.consistencyLevel).isEqualTo(ProtocolConstants.ConsistencyLevel.SERIAL);
        assertThat(e.received).isZero();
        assertThat(e.blockFor).isEqualTo(2);
        assertThat(e.writeType).isEqualTo("CAS");
      });
    } finally {
      encoded.release();
    }
  }

  private static CasWriteTimeout cas(String writeType, int contentions) {
    return new CasWriteTimeout(MESSAGE, ProtocolConstants.ConsistencyLevel.SERIAL, 0, 2, writeType, contentions);
  }

  private static Frame frame(int version, com.datastax.oss.protocol.internal.Message message) {
    return Frame.forResponse(version, 7, null, Frame.NO_PAYLOAD, List.of(), message);
  }

  /** The encoded frame's body, positioned after the header. */
  private ByteBuf body(int version, com.datastax.oss.protocol.internal.Message message) {
    Frame frame = frame(version, message);
    ByteBuf encoded = server.encode(frame);
    int header = server.encodedHeaderSize(frame);
    assertThat(encoded.getInt(header - 4)).as("body length").isEqualTo(server.encodedBodySize(frame));
    encoded.skipBytes(header);
    return encoded;
  }

  private static void assertCommonFields(ByteBuf body, String writeType) {
    assertThat(body.readInt()).as("code").isEqualTo(ProtocolConstants.ErrorCode.WRITE_TIMEOUT);
    assertThat(string(body)).isEqualTo(MESSAGE);
    assertThat(body.readUnsignedShort()).as("consistency").isEqualTo(ProtocolConstants.ConsistencyLevel.SERIAL);
    assertThat(body.readInt()).as("received").isZero();
    assertThat(body.readInt()).as("block for").isEqualTo(2);
    assertThat(string(body)).as("write type").isEqualTo(writeType);
  }

  private static String string(ByteBuf body) {
    int length = body.readUnsignedShort();
    return body.readCharSequence(length, StandardCharsets.UTF_8).toString();
  }

}
