package dev.ringlet.wire.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.protocol.internal.Compressor;
import com.datastax.oss.protocol.internal.Frame;
import com.datastax.oss.protocol.internal.FrameCodec;
import com.datastax.oss.protocol.internal.request.Query;
import com.datastax.oss.protocol.internal.request.Startup;
import com.datastax.oss.protocol.internal.response.Ready;
import com.datastax.oss.protocol.internal.response.result.Void;
import dev.ringlet.wire.ProtocolServerConfig;
import dev.ringlet.wire.Response;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One flush per read batch: answers to the requests of one read leave together (at v5 in one
 * segment), answers completed outside a read leave at once.
 */
class FlushConsolidationTest {

  private static final ByteBufAllocator ALLOCATOR = ByteBufAllocator.DEFAULT;

  private final FakeProcessor processor = new FakeProcessor();
  private final FrameCodec<ByteBuf> client = RawClient.clientCodec(Compressor.none());
  private final SegmentFormat segments = new SegmentFormat(null);
  private final EmbeddedChannel channel = connection();

  /** An in-memory connection with the server's pipeline, at internet addresses as a socket has. */
  private EmbeddedChannel connection() {
    ProtocolServerConfig config = ServerFixture.config(
        ProtocolServerConfig.DEFAULT_MAX_FRAME_BYTES, ProtocolServerConfig.DEFAULT_MAX_PENDING_RESPONSE_BYTES);
    ConnectionInitializer initializer = new ConnectionInitializer(config, processor,
        new FrameCodecs(ALLOCATOR, config.maxFrameBytes()), new ResponseFactory(UUID::randomUUID),
        new ConnectionRegistry());
    EmbeddedChannel embedded = new EmbeddedChannel() {
      @Override
      protected SocketAddress localAddress0() {
        return new InetSocketAddress("127.0.0.1", 9042);
      }

      @Override
      protected SocketAddress remoteAddress0() {
        return new InetSocketAddress("127.0.0.1", 50000);
      }
    };
    initializer.initialize(embedded);
    return embedded;
  }

  @AfterEach
  void close() {
    channel.finishAndReleaseAll();
  }

  private ByteBuf envelopes(int version, Frame... frames) {
    ByteBuf all = Unpooled.buffer();
    for (Frame frame : frames) {
      ByteBuf encoded = client.encode(frame);
      all.writeBytes(encoded);
      encoded.release();
    }
    return all;
  }

  private static Frame query(int version, int streamId, String cql) {
    return Frame.forRequest(version, streamId, false, Frame.NO_PAYLOAD, new Query(cql));
  }

  private void startup(int version) {
    channel.writeInbound(envelopes(version, Frame.forRequest(version, 0, false, Frame.NO_PAYLOAD, new Startup())));
    ByteBuf ready = channel.readOutbound();
    assertThat(client.decode(ready).message).isInstanceOf(Ready.class);
    ready.release();
  }

  /** The stream ids of the envelopes in each segment written, one list per segment. */
  private List<List<Integer>> segmentsWritten() {
    List<List<Integer>> out = new ArrayList<>();
    ByteBuf segment;
    while ((segment = channel.readOutbound()) != null) {
      ByteBuf payload = segments.decodePayload(segments.decodeHeader(segment), segment);
      List<Integer> streams = new ArrayList<>();
      while (payload.isReadable()) {
        streams.add(client.decode(payload).streamId);
      }
      out.add(streams);
      payload.release();
      segment.release();
    }
    return out;
  }

  @Test
  void should_answer_the_requests_of_one_read_in_one_segment() {
    startup(5);

    channel.writeInbound(segments.encode(ALLOCATOR,
        envelopes(5, query(5, 1, "a"), query(5, 2, "b"), query(5, 3, "c")), true));

    assertThat(segmentsWritten()).containsExactly(List.of(1, 2, 3));
  }

  @Test
  void should_answer_each_read_in_its_own_segment() {
    startup(5);

    channel.writeInbound(segments.encode(ALLOCATOR, envelopes(5, query(5, 1, "a")), true));
    channel.writeInbound(segments.encode(ALLOCATOR, envelopes(5, query(5, 2, "b"), query(5, 3, "c")), true));

    assertThat(segmentsWritten()).containsExactly(List.of(1), List.of(2, 3));
  }

  @Test
  void should_flush_an_answer_completed_after_its_read_at_once() {
    startup(5);
    channel.writeInbound(segments.encode(ALLOCATOR,
        envelopes(5, query(5, 1, "hold:x"), query(5, 2, "b")), true));
    assertThat(segmentsWritten()).containsExactly(List.of(2));

    processor.release("x", Response.of(Void.INSTANCE));

    assertThat(segmentsWritten()).containsExactly(List.of(1));
  }

  @Test
  void should_flush_the_answers_of_one_read_once_before_v5_too() {
    startup(4);
    int[] flushes = {0};
    channel.pipeline().addFirst(new ChannelOutboundHandlerAdapter() {
      @Override
      public void flush(ChannelHandlerContext ctx) {
        flushes[0]++;
        ctx.flush();
      }
    });

    channel.writeInbound(envelopes(4, query(4, 1, "a"), query(4, 2, "b"), query(4, 3, "c")));

    assertThat(flushes[0]).isEqualTo(1);
    for (int stream = 1; stream <= 3; stream++) {
      ByteBuf answer = channel.readOutbound();
      assertThat(client.decode(answer).streamId).isEqualTo(stream);
      answer.release();
    }
  }
}
