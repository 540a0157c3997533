package dev.ringlet.wire.internal;

import static dev.ringlet.wire.internal.HandshakeTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.protocol.internal.Frame;
import com.datastax.oss.protocol.internal.ProtocolConstants.ErrorCode;
import com.datastax.oss.protocol.internal.request.Query;
import com.datastax.oss.protocol.internal.response.result.Void;
import dev.ringlet.wire.WireResources;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each bad client gets Cassandra's error on its own stream and keeps its connection; a
 * well-behaved client connected at the same time keeps getting answers.
 */
class BadClientTest {

  private static final int MAX_FRAME_BYTES = 4096;

  private static WireResources resources;
  private ServerFixture fixture;
  private RawClient goodClient;

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
    fixture =
        new ServerFixture(
            resources,
            ServerFixture.config(MAX_FRAME_BYTES, 1024 * 1024));
    goodClient = fixture.ready(4);
  }

  @AfterEach
  void stopServer() {
    goodClient.close();
    fixture.close();
  }

  @Test
  void should_answer_protocol_error_when_query_arrives_before_startup() {
    try (RawClient bad = fixture.connect()) {
      bad.send(4, 12, new Query("SELECT 1"));
      Frame answer = bad.read();

      assertThat(answer.streamId).isEqualTo(12);
      assertError(
          answer.message, ErrorCode.PROTOCOL_ERROR, "Unexpected message QUERY, expecting STARTUP or OPTIONS");
      assertThat(fixture.processor.opened).hasSize(1);
      assertStillServed(bad, false);
    }
  }

  @Test
  void should_answer_protocol_error_when_opcode_is_unknown() {
    try (RawClient bad = fixture.ready(4)) {
      bad.sendBytes(FrameBytes.frame(0x04, 0, 21, 0x63, new byte[] {1, 2, 3}));
      Frame answer = bad.read();

      assertThat(answer.streamId).isEqualTo(21);
      assertError(answer.message, ErrorCode.PROTOCOL_ERROR, "Unknown opcode 99");
      assertStillServed(bad, true);
    }
  }

  @Test
  void should_answer_protocol_error_when_client_sends_a_response_opcode() {
    try (RawClient bad = fixture.ready(4)) {
      bad.sendBytes(FrameBytes.frame(0x04, 0, 22, 0x02, new byte[0]));
      Frame answer = bad.read();

      assertThat(answer.streamId).isEqualTo(22);
      assertError(
          answer.message,
          ErrorCode.PROTOCOL_ERROR,
          "Wrong protocol direction (expected RESPONSE, got REQUEST) for opcode 2 (READY)");
      assertStillServed(bad, true);
    }
  }

  @Test
  void should_answer_protocol_error_when_body_does_not_parse() {
    try (RawClient bad = fixture.ready(4)) {
      // QUERY body: a [long string] claiming 1000 bytes, followed by 2
      bad.sendBytes(FrameBytes.frame(0x04, 0, 23, 0x07, new byte[] {0, 0, 3, (byte) 0xE8, 'a', 'b'}));
      Frame answer = bad.read();

      assertThat(answer.streamId).isEqualTo(23);
      assertThat(answer.message).isInstanceOf(com.datastax.oss.protocol.internal.response.Error.class);
      assertThat(((com.datastax.oss.protocol.internal.response.Error) answer.message).code)
          .isEqualTo(ErrorCode.PROTOCOL_ERROR);
      assertThat(((com.datastax.oss.protocol.internal.response.Error) answer.message).message)
          .startsWith("Invalid QUERY message body: ");
      assertStillServed(bad, true);
    }
  }

  @Test
  void should_answer_protocol_error_when_lz4_body_is_garbage() {
    try (RawClient bad = fixture.connect()) {
      bad.startup(4, "lz4");
      bad.useCompression(new Lz4BodyCompressor(io.netty.buffer.ByteBufAllocator.DEFAULT, MAX_FRAME_BYTES));
      byte[] garbage = new byte[] {0, 0, 0, 50, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 1, 2, 3};
      bad.sendBytes(FrameBytes.frame(0x04, 0x01, 24, 0x07, garbage));
      Frame answer = bad.read();

      assertThat(answer.streamId).isEqualTo(24);
      assertThat(((com.datastax.oss.protocol.internal.response.Error) answer.message).code)
          .isEqualTo(ErrorCode.PROTOCOL_ERROR);
      assertStillServed(bad, true);
    }
  }

  @Test
  void should_answer_protocol_error_when_snappy_body_is_garbage() {
    try (RawClient bad = fixture.connect()) {
      bad.startup(4, "snappy");
      bad.useCompression(new SnappyBodyCompressor(io.netty.buffer.ByteBufAllocator.DEFAULT, MAX_FRAME_BYTES));
      bad.sendBytes(FrameBytes.frame(0x04, 0x01, 25, 0x07, new byte[] {(byte) 0xFF, (byte) 0xFF, 7}));
      Frame answer = bad.read();

      assertThat(answer.streamId).isEqualTo(25);
      assertError(
          answer.message,
          ErrorCode.PROTOCOL_ERROR,
          "Provided frame does not appear to be Snappy compressed");
      assertStillServed(bad, true);
    }
  }

  @Test
  void should_answer_invalid_and_skip_frame_when_frame_is_over_the_limit() {
    try (RawClient bad = fixture.ready(4)) {
      byte[] body = new byte[MAX_FRAME_BYTES + 1];
      Arrays.fill(body, (byte) 'q');
      bad.sendBytes(FrameBytes.frame(0x04, 0, 26, 0x07, body));
      Frame answer = bad.read();

      assertThat(answer.streamId).isEqualTo(26);
      assertError(
          answer.message,
          ErrorCode.INVALID,
          "Request is too big: length " + (MAX_FRAME_BYTES + 1 + 9)
              + " exceeds maximum allowed length " + (MAX_FRAME_BYTES + 9) + ".");
      assertStillServed(bad, true);
    }
  }

  @Test
  void should_accept_frame_when_body_is_exactly_the_limit() {
    try (RawClient client = fixture.ready(4)) {
      String query = "q".repeat(MAX_FRAME_BYTES - 4 - 2 - 1); // [long string] + consistency + flags
      client.send(4, 27, new Query(query));
      Frame answer = client.read();

      assertThat(answer.message).isInstanceOf(Void.class);
    }
  }

  /** The bad client's own connection still answers, and so does the well-behaved one. */
  private void assertStillServed(RawClient bad, boolean badIsReady) {
    if (badIsReady) {
      assertThat(bad.request(4, 100, new Query("SELECT 1"))).isInstanceOf(Void.class);
    } else {
      assertThat(bad.options(4)).isNotNull();
    }
    goodClient.send(4, 200, new Query("SELECT 1"));
    Frame answer = goodClient.read();
    assertThat(answer.streamId).isEqualTo(200);
    assertThat(answer.message).isInstanceOf(Void.class);
  }
}
