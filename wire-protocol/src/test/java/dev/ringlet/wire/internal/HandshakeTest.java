package dev.ringlet.wire.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.protocol.internal.Frame;
import com.datastax.oss.protocol.internal.Message;
import com.datastax.oss.protocol.internal.ProtocolConstants.ErrorCode;
import com.datastax.oss.protocol.internal.request.AuthResponse;
import com.datastax.oss.protocol.internal.request.Query;
import com.datastax.oss.protocol.internal.request.Register;
import com.datastax.oss.protocol.internal.request.Startup;
import com.datastax.oss.protocol.internal.response.AuthSuccess;
import com.datastax.oss.protocol.internal.response.Error;
import com.datastax.oss.protocol.internal.response.Ready;
import com.datastax.oss.protocol.internal.response.Supported;
import com.datastax.oss.protocol.internal.response.result.Void;
import dev.ringlet.wire.WireResources;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HandshakeTest {

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
  @ValueSource(ints = {3, 4})
  void should_answer_options_with_supported_options_when_asked_before_startup(int version) {
    try (RawClient client = fixture.connect()) {
      Message answer = client.options(version);

      assertThat(answer).isInstanceOf(Supported.class);
      assertThat(((Supported) answer).options)
          .containsEntry("CQL_VERSION", List.of("3.4.7"))
          .containsEntry("COMPRESSION", List.of("lz4", "snappy"))
          .containsEntry("PROTOCOL_VERSIONS", List.of("3/v3", "4/v4", "5/v5"));
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {3, 4})
  void should_open_one_handler_and_serve_queries_when_startup_and_register_succeed(int version) {
    try (RawClient client = fixture.connect()) {
      client.startup(version, null);
      Message registered =
          client.request(version, 1, new Register(List.of("SCHEMA_CHANGE", "STATUS_CHANGE")));
      client.send(version, 7, new Query("SELECT 1"));
      Frame answer = client.read();

      assertThat(registered).isInstanceOf(Ready.class);
      assertThat(answer.streamId).isEqualTo(7);
      assertThat(answer.protocolVersion).isEqualTo(version);
      assertThat(answer.message).isInstanceOf(Void.class);
      assertThat(fixture.processor.opened).hasSize(1);
      assertThat(fixture.processor.opened.get(0).protocolVersion()).isEqualTo(version);
      assertThat(fixture.processor.opened.get(0).startupOptions())
          .containsEntry("CQL_VERSION", "3.0.0");
      assertThat(fixture.processor.requests.get(0).protocolVersion()).isEqualTo(version);
    }
  }

  @Test
  void should_refuse_startup_when_compression_is_unknown() {
    try (RawClient client = fixture.connect()) {
      Message answer =
          client.request(4, 3, new Startup(Map.of("CQL_VERSION", "3.0.0", "COMPRESSION", "zstd")));

      assertError(answer, ErrorCode.PROTOCOL_ERROR, "Unknown compression algorithm: zstd");
      assertThat(fixture.processor.opened).isEmpty();
      // still uninitialized: a later valid STARTUP is accepted
      client.startup(4, null);
    }
  }

  @Test
  void should_refuse_startup_when_cql_version_is_missing_or_too_old() {
    try (RawClient client = fixture.connect()) {
      client.sendBytes(
          FrameBytes.frame(0x04, 0, 1, 0x01, FrameBytes.stringMap(Map.of("DRIVER_NAME", "x"))));
      Message missing = client.read().message;
      client.sendBytes(
          FrameBytes.frame(0x04, 0, 2, 0x01, FrameBytes.stringMap(Map.of("CQL_VERSION", "2.0.0"))));
      Message old = client.read().message;

      assertError(missing, ErrorCode.PROTOCOL_ERROR, "Missing value CQL_VERSION in STARTUP message");
      assertError(
          old,
          ErrorCode.PROTOCOL_ERROR,
          "CQL version 2.0.0 is not supported by the binary protocol (supported version are >= 3.0.0)");
    }
  }

  @Test
  void should_refuse_second_startup_when_connection_is_ready() {
    try (RawClient client = fixture.ready(4)) {
      Message answer = client.request(4, 5, new Startup(Map.of("CQL_VERSION", "3.0.0")));

      assertError(
          answer,
          ErrorCode.PROTOCOL_ERROR,
          "Unexpected message STARTUP, the connection is already initialized");
    }
  }

  @Test
  void should_answer_auth_success_when_auth_response_arrives_without_authenticator() {
    try (RawClient client = fixture.ready(4)) {
      Message answer = client.request(4, 2, new AuthResponse(ByteBuffer.wrap(new byte[] {0, 1})));

      assertThat(answer).isInstanceOf(AuthSuccess.class);
    }
  }

  @Test
  void should_refuse_register_when_event_type_is_unknown() {
    try (RawClient client = fixture.ready(4)) {
      Message answer = client.request(4, 2, new Register(List.of("NODE_MOVED")));

      assertError(answer, ErrorCode.PROTOCOL_ERROR, "Invalid value 'NODE_MOVED' for Type");
    }
  }

  @Test
  void should_send_warnings_when_v4_and_drop_them_when_v3() {
    try (RawClient v4 = fixture.ready(4);
        RawClient v3 = fixture.ready(3)) {
      v4.send(4, 1, new Query("warn"));
      v3.send(3, 1, new Query("warn"));

      assertThat(v4.read().warnings).containsExactly("careful");
      assertThat(v3.read().warnings).isEmpty();
    }
  }

  @Test
  void should_answer_with_tracing_id_when_request_asks_for_tracing() {
    try (RawClient client = fixture.ready(4)) {
      client.send(Frame.forRequest(4, 9, true, Frame.NO_PAYLOAD, new Query("SELECT 1")));
      client.send(4, 10, new Query("SELECT 1"));
      Frame traced = client.read();
      Frame untraced = client.read();

      assertThat(traced.tracingId).isEqualTo(ServerFixture.TRACING_ID);
      assertThat(untraced.tracingId).isNull();
      assertThat(fixture.processor.requests.get(0).tracing()).isTrue();
    }
  }

  @Test
  void should_pass_custom_payload_when_v4_request_carries_one() {
    try (RawClient client = fixture.ready(4)) {
      Map<String, ByteBuffer> payload = Map.of("k", ByteBuffer.wrap(new byte[] {42}));
      client.send(Frame.forRequest(4, 3, false, payload, new Query("SELECT 1")));

      assertThat(client.read().message).isInstanceOf(Void.class);
      assertThat(fixture.processor.requests.get(0).customPayload()).isEqualTo(payload);
    }
  }

  @Test
  void should_answer_server_error_when_handler_stage_fails() {
    try (RawClient client = fixture.ready(4)) {
      client.send(4, 11, new Query("fail"));
      Frame answer = client.read();

      assertThat(answer.streamId).isEqualTo(11);
      assertError(answer.message, ErrorCode.SERVER_ERROR, "java.lang.IllegalStateException: boom");
    }
  }

  static void assertError(Message message, int code, String text) {
    assertThat(message).isInstanceOf(Error.class);
    Error error = (Error) message;
    assertThat(error.code).isEqualTo(code);
    assertThat(error.message).isEqualTo(text);
  }
}
