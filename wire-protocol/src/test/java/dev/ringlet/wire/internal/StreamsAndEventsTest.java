package dev.ringlet.wire.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.protocol.internal.Frame;
import com.datastax.oss.protocol.internal.request.Query;
import com.datastax.oss.protocol.internal.request.Register;
import com.datastax.oss.protocol.internal.response.Event;
import com.datastax.oss.protocol.internal.response.Supported;
import com.datastax.oss.protocol.internal.response.event.SchemaChangeEvent;
import com.datastax.oss.protocol.internal.response.result.SetKeyspace;
import com.datastax.oss.protocol.internal.response.result.Void;
import dev.ringlet.wire.Response;
import dev.ringlet.wire.WireResources;
import io.netty.buffer.ByteBufAllocator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StreamsAndEventsTest {

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
  void should_answer_each_stream_when_its_answer_completes_out_of_order() {
    try (RawClient client = fixture.ready(4)) {
      client.send(4, 1, new Query("hold:a"));
      client.send(4, 2, new Query("hold:b"));
      client.send(4, 32767, new Query("hold:c"));
      Poll.until("three requests reach the handler", () -> fixture.processor.handled.get() == 3);

      fixture.processor.release("c", Response.of(new SetKeyspace("c")));
      Frame first = client.read();
      fixture.processor.release("a", Response.of(new SetKeyspace("a")));
      Frame second = client.read();
      fixture.processor.release("b", Response.of(new SetKeyspace("b")));
      Frame third = client.read();

      assertThat(first.streamId).isEqualTo(32767);
      assertThat(((SetKeyspace) first.message).keyspace).isEqualTo("c");
      assertThat(second.streamId).isEqualTo(1);
      assertThat(((SetKeyspace) second.message).keyspace).isEqualTo("a");
      assertThat(third.streamId).isEqualTo(2);
      assertThat(((SetKeyspace) third.message).keyspace).isEqualTo("b");
    }
  }

  @Test
  void should_push_event_only_to_connections_registered_for_its_type() {
    try (RawClient schema = fixture.ready(4);
        RawClient status = fixture.ready(4);
        RawClient none = fixture.ready(4)) {
      schema.request(4, 1, new Register(List.of("SCHEMA_CHANGE")));
      status.request(4, 1, new Register(List.of("STATUS_CHANGE")));

      SchemaChangeEvent event =
          new SchemaChangeEvent("CREATED", "KEYSPACE", "ks", null, List.of());
      fixture.server.publish(event);

      Frame pushed = schema.read();
      assertThat(pushed.streamId).isEqualTo(-1);
      assertThat(pushed.message).isInstanceOf(Event.class);
      assertThat(((SchemaChangeEvent) pushed.message).keyspace).isEqualTo("ks");
      // Events are written before anything later on the same connection: the first frame the
      // others see after an OPTIONS is its SUPPORTED, so no event was sent to them.
      assertThat(status.options(4)).isInstanceOf(Supported.class);
      assertThat(none.options(4)).isInstanceOf(Supported.class);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"lz4", "snappy"})
  void should_compress_frames_after_ready_when_startup_asks_for_compression(String algorithm) {
    try (RawClient client = fixture.connect()) {
      client.startup(4, algorithm);
      ByteBufAllocator alloc = ByteBufAllocator.DEFAULT;
      client.useCompression(
          algorithm.equals("lz4")
              ? new Lz4BodyCompressor(alloc, 1 << 20)
              : new SnappyBodyCompressor(alloc, 1 << 20));

      client.send(4, 5, new Query("SELECT " + "x".repeat(500)));
      byte[] raw = client.readFrameBytes(9, 5);
      int flags = raw[1];

      assertThat(flags & FrameHeader.FLAG_COMPRESSED).isEqualTo(FrameHeader.FLAG_COMPRESSED);
      assertThat(decode(raw, algorithm).message).isInstanceOf(Void.class);
      assertThat(((Query) fixture.processor.requests.get(0).message()).query)
          .isEqualTo("SELECT " + "x".repeat(500));
    }
  }

  private static Frame decode(byte[] raw, String algorithm) {
    ByteBufAllocator alloc = ByteBufAllocator.DEFAULT;
    var codec =
        RawClient.clientCodec(
            algorithm.equals("lz4")
                ? new Lz4BodyCompressor(alloc, 1 << 20)
                : new SnappyBodyCompressor(alloc, 1 << 20));
    return codec.decode(io.netty.buffer.Unpooled.wrappedBuffer(raw));
  }
}
