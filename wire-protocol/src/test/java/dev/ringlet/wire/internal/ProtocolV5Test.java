package dev.ringlet.wire.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.protocol.internal.Frame;
import com.datastax.oss.protocol.internal.Message;
import com.datastax.oss.protocol.internal.ProtocolConstants.ErrorCode;
import com.datastax.oss.protocol.internal.request.Options;
import com.datastax.oss.protocol.internal.request.Query;
import com.datastax.oss.protocol.internal.request.Register;
import com.datastax.oss.protocol.internal.request.Startup;
import com.datastax.oss.protocol.internal.response.Error;
import com.datastax.oss.protocol.internal.response.Ready;
import com.datastax.oss.protocol.internal.response.Supported;
import com.datastax.oss.protocol.internal.response.event.SchemaChangeEvent;
import com.datastax.oss.protocol.internal.response.result.DefaultRows;
import com.datastax.oss.protocol.internal.response.result.Void;
import dev.ringlet.wire.WireResources;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Protocol v5 on the wire: the switch to segments after STARTUP, events, large envelopes, corruption. */
class ProtocolV5Test {

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

  @Test
  void should_list_v5_in_supported_as_cassandra_5_does() {
    try (RawClient client = fixture.connect()) {
      Supported supported = (Supported) client.options(5);

      assertThat(supported.options.get("PROTOCOL_VERSIONS")).containsExactly("3/v3", "4/v4", "5/v5");
    }
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void should_speak_segments_after_ready_in_both_directions(boolean lz4) {
    try (RawClient raw = fixture.connect()) {
      raw.startup(5, lz4 ? "lz4" : null);
      SegmentedClient client = new SegmentedClient(raw, lz4);

      client.send(
          Frame.forRequest(5, 1, false, Frame.NO_PAYLOAD, new Query("SELECT 1")),
          Frame.forRequest(5, 2, false, Frame.NO_PAYLOAD, Options.INSTANCE));
      Frame first = client.read();
      Frame second = client.read();

      assertThat(List.of(first.streamId, second.streamId)).containsExactlyInAnyOrder(1, 2);
      Frame query = first.streamId == 1 ? first : second;
      assertThat(query.message).isInstanceOf(Void.class);
      assertThat(client.segmentsRead).allMatch(SegmentedClient.ReadSegment::selfContained);
      assertThat(fixture.processor.opened.get(0).protocolVersion()).isEqualTo(5);
    }
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void should_join_a_large_request_and_split_a_large_response(boolean lz4) {
    try (RawClient raw = fixture.connect()) {
      raw.startup(5, lz4 ? "lz4" : null);
      SegmentedClient client = new SegmentedClient(raw, lz4);
      String bigQuery = "SELECT '" + "q".repeat(400_000) + "'";

      Message answer = client.request(3, new Query(bigQuery));
      DefaultRows big = (DefaultRows) client.request(4, new Query("blob:300000"));

      assertThat(answer).isInstanceOf(Void.class);
      assertThat(((Query) fixture.processor.requests.get(0).message()).query).isEqualTo(bigQuery);
      assertThat(big.getData().peek().get(0).remaining()).isEqualTo(300_000);
      List<SegmentedClient.ReadSegment> bigSegments =
          client.segmentsRead.subList(1, client.segmentsRead.size());
      assertThat(bigSegments).hasSizeGreaterThanOrEqualTo(lz4 ? 1 : 3);
      assertThat(bigSegments).noneMatch(SegmentedClient.ReadSegment::selfContained);
    }
  }

  @Test
  void should_answer_protocol_error_on_stream_0_and_close_after_a_corrupt_segment() {
    try (RawClient raw = fixture.connect();
        RawClient bystander = fixture.connect()) {
      raw.startup(5, null);
      bystander.startup(5, null);
      SegmentedClient client = new SegmentedClient(raw, false);

      // three header bytes whose CRC24 cannot match
      raw.sendBytes(new byte[] {1, 0, 2, 0, 0, 0});
      Frame answer = client.read();

      assertThat(answer.streamId).isZero();
      Error error = (Error) answer.message;
      assertThat(error.code).isEqualTo(ErrorCode.PROTOCOL_ERROR);
      assertThat(error.message).contains("invalid, unrecoverable CRC mismatch detected in frame header");
      assertThat(raw.isClosedByServer()).isTrue();
      assertThat(new SegmentedClient(bystander, false).request(7, new Query("SELECT 1")))
          .isInstanceOf(Void.class);
    }
  }

  @Test
  void should_answer_an_envelope_too_big_for_the_limit_and_keep_the_connection() {
    fixture.close();
    fixture = new ServerFixture(resources, ServerFixture.config(100_000,
        dev.ringlet.wire.ProtocolServerConfig.DEFAULT_MAX_PENDING_RESPONSE_BYTES));
    try (RawClient raw = fixture.connect()) {
      raw.startup(5, null);
      SegmentedClient client = new SegmentedClient(raw, false);

      Error error = (Error) client.request(3, new Query("x".repeat(200_000)));

      assertThat(error.code).isEqualTo(ErrorCode.INVALID);
      assertThat(error.message)
          .isEqualTo("CQL Message of size 200010 bytes exceeds allowed maximum of 100000 bytes");
      assertThat(client.request(4, new Query("SELECT 1"))).isInstanceOf(Void.class);
    }
  }

  @Test
  void should_refuse_snappy_at_v5_with_cassandras_message() {
    try (RawClient raw = fixture.connect()) {
      Error error =
          (Error) raw.request(5, 0, new Startup(Map.of("CQL_VERSION", "3.0.0", "COMPRESSION", "snappy")));

      assertThat(error.code).isEqualTo(ErrorCode.PROTOCOL_ERROR);
      assertThat(error.message).isEqualTo("Snappy compression is not supported in protocol V5");
    }
  }

  @Test
  void should_refuse_a_v4_envelope_on_a_v5_connection() {
    try (RawClient raw = fixture.connect()) {
      raw.startup(5, null);
      SegmentedClient client = new SegmentedClient(raw, false);

      client.send(Frame.forRequest(4, 9, false, Frame.NO_PAYLOAD, new Query("SELECT 1")));
      Frame answer = client.read();

      assertThat(answer.streamId).isEqualTo(9);
      assertThat(((Error) answer.message).message)
          .isEqualTo("Invalid message version. Got 4/v4 but previousmessages on this connection had version 5/v5");
    }
  }

  @Test
  void should_push_events_to_a_v5_connection_only_once_it_registered_and_then_in_segments() {
    try (RawClient raw = fixture.connect()) {
      SchemaChangeEvent event = new SchemaChangeEvent("CREATED", "KEYSPACE", "ks", null, List.of());
      // Given events published while the connection is still in its handshake (a driver's control
      // connection re-opening while another node stops): before STARTUP, and after READY
      fixture.server.publish(event);
      assertThat(raw.options(5)).isInstanceOf(Supported.class);
      raw.startup(5, null);
      fixture.server.publish(event);
      SegmentedClient client = new SegmentedClient(raw, false);

      // When it registers, Then the first thing it reads is the READY to REGISTER, in a segment
      client.send(Frame.forRequest(5, 1, false, Frame.NO_PAYLOAD, new Register(List.of("SCHEMA_CHANGE"))));
      Frame registered = client.read();
      assertThat(registered.streamId).isEqualTo(1);
      assertThat(registered.message).isInstanceOf(Ready.class);

      // and only events published from then on reach it, in segments, on stream -1
      fixture.server.publish(event);
      Frame pushed = client.read();
      assertThat(pushed.streamId).isEqualTo(-1);
      assertThat(((SchemaChangeEvent) pushed.message).keyspace).isEqualTo("ks");
      assertThat(client.request(2, Options.INSTANCE)).isInstanceOf(Supported.class);
      assertThat(client.segmentsRead).allMatch(SegmentedClient.ReadSegment::selfContained);
    }
  }
}
