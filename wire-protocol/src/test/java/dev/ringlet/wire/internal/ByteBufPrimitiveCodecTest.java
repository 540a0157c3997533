package dev.ringlet.wire.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.protocol.internal.ProtocolConstants;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class ByteBufPrimitiveCodecTest {

  private final ByteBufPrimitiveCodec codec = new ByteBufPrimitiveCodec(io.netty.buffer.ByteBufAllocator.DEFAULT);

  @Test
  void should_read_a_value_of_length_minus_two_as_unset_and_minus_one_as_null() {
    ByteBuf in = Unpooled.buffer().writeInt(-2).writeInt(-1).writeInt(2).writeByte(7).writeByte(8);
    assertThat(codec.readBytes(in)).isSameAs(ProtocolConstants.UNSET_VALUE);
    assertThat(codec.readBytes(in)).isNull();
    assertThat(codec.readBytes(in)).isEqualTo(ByteBuffer.wrap(new byte[] {7, 8}));
    in.release();
  }
}
