package dev.ringlet.wire.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBufAllocator;
import org.junit.jupiter.api.Test;

/** The codecs one server shares between its connections, compressed ones made on first request. */
class FrameCodecsTest {

  private final FrameCodecs codecs = new FrameCodecs(ByteBufAllocator.DEFAULT, 256 * 1024 * 1024);

  @Test
  void should_answer_the_same_compressed_codec_to_every_connection() {
    assertThat(codecs.forCompression("lz4")).isSameAs(codecs.forCompression("lz4"));
    assertThat(codecs.forCompression("snappy")).isSameAs(codecs.forCompression("snappy"));
    assertThat(codecs.segmentsFor("lz4")).isSameAs(codecs.segmentsFor("lz4"));
  }

  @Test
  void should_keep_the_uncompressed_codecs_apart_from_the_compressed_ones() {
    assertThat(codecs.forCompression(null)).isSameAs(codecs.plain());
    assertThat(codecs.forCompression("lz4")).isNotSameAs(codecs.plain()).isNotSameAs(codecs.forCompression("snappy"));
    assertThat(codecs.segmentsFor(null)).isNotSameAs(codecs.segmentsFor("lz4"));
  }

  @Test
  void should_refuse_an_unknown_compression() {
    assertThatThrownBy(() -> codecs.forCompression("zstd"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("compression: zstd (expected: one of [lz4, snappy])");
    assertThatThrownBy(() -> codecs.segmentsFor("snappy"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("compression: snappy (expected: lz4 or none with protocol v5)");
  }
}
