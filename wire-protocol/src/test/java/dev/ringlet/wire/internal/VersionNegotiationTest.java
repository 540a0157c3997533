package dev.ringlet.wire.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.protocol.internal.request.Query;
import com.datastax.oss.protocol.internal.response.result.Void;
import dev.ringlet.wire.WireResources;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a driver relies on to step down from a version the server does not speak. */
class VersionNegotiationTest {

  private static final int OPCODE_STARTUP = 0x01;
  private static final int OPCODE_ERROR = 0x00;
  private static final int PROTOCOL_ERROR = 0x000A;

  private static WireResources resources;
  private ServerFixture fixture;

  @BeforeAll
  static void startThreads() {
    resources = WireResources.create(2);
  }

  @AfterAll
  static void stopThreads() {
    resources.close();
  }

  @BeforeEach
  void startServer() {
    fixture = new ServerFixture(resources);
  }

  @AfterEach
  void stopServer() {
    fixture.close();
  }

  @ParameterizedTest
  @ValueSource(ints = {6, 65, 66})
  void should_answer_readable_protocol_error_and_close_when_version_is_above_v5(int version) {
    try (RawClient client = fixture.connect()) {
      client.sendBytes(startup(version, 0x0102));

      ByteBuf reply = Unpooled.wrappedBuffer(client.readFrameBytes(9, 5));

      assertThat((int) reply.readUnsignedByte()).isEqualTo(0x80 | version);
      assertThat(reply.readByte()).isZero();
      assertThat(reply.readShort()).isEqualTo((short) 0x0102);
      assertThat(reply.readByte()).isEqualTo((byte) OPCODE_ERROR);
      reply.skipBytes(4);
      assertThat(reply.readInt()).isEqualTo(PROTOCOL_ERROR);
      assertThat(readString(reply))
          .isEqualTo(
              "Invalid or unsupported protocol version (" + version
                  + "); supported versions are (3/v3, 4/v4, 5/v5)");
      assertThat(client.isClosedByServer()).isTrue();
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void should_answer_with_8_byte_header_and_close_when_version_is_below_v3(int version) {
    try (RawClient client = fixture.connect()) {
      // v1/v2 header: version, flags, 1-byte stream id, opcode, 4-byte length
      byte[] body = FrameBytes.stringMap(Map.of("CQL_VERSION", "3.0.0"));
      ByteBuf request = Unpooled.buffer();
      request.writeByte(version).writeByte(0).writeByte(7).writeByte(OPCODE_STARTUP);
      request.writeInt(body.length).writeBytes(body);
      byte[] bytes = new byte[request.readableBytes()];
      request.readBytes(bytes);
      client.sendBytes(bytes);

      ByteBuf reply = Unpooled.wrappedBuffer(client.readFrameBytes(8, 4));

      assertThat((int) reply.readUnsignedByte()).isEqualTo(0x80 | version);
      assertThat(reply.readByte()).isZero();
      assertThat(reply.readByte()).isEqualTo((byte) 7);
      assertThat(reply.readByte()).isEqualTo((byte) OPCODE_ERROR);
      reply.skipBytes(4);
      assertThat(reply.readInt()).isEqualTo(PROTOCOL_ERROR);
      assertThat(readString(reply))
          .isEqualTo(
              "Invalid or unsupported protocol version (" + version
                  + "); supported versions are (3/v3, 4/v4, 5/v5)");
      assertThat(client.isClosedByServer()).isTrue();
    }
  }

  @Test
  void should_accept_v4_when_client_retries_after_v6_refusal() {
    try (RawClient refused = fixture.connect()) {
      refused.sendBytes(startup(6, 0));
      refused.readFrameBytes(9, 5);
    }
    try (RawClient retry = fixture.connect()) {
      retry.startup(4, null);

      assertThat(retry.request(4, 1, new Query("SELECT 1"))).isInstanceOf(Void.class);
      assertThat(fixture.processor.opened).hasSize(1);
    }
  }

  private static byte[] startup(int version, int streamId) {
    return FrameBytes.frame(
        version, 0, streamId, OPCODE_STARTUP, FrameBytes.stringMap(Map.of("CQL_VERSION", "3.0.0")));
  }

  private static String readString(ByteBuf buf) {
    int length = buf.readUnsignedShort();
    return buf.readCharSequence(length, StandardCharsets.UTF_8).toString();
  }
}
