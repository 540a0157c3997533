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

  @Test
  void should_write_a_value_from_its_position_to_its_limit_and_leave_its_position_alone() {
    ByteBuffer backing = ByteBuffer.wrap(new byte[] {1, 2, 3, 4, 5, 6});
    ByteBuffer slice = backing.position(1).slice().limit(3); // array offset 1: bytes 2, 3, 4
    slice.position(1); // bytes 3, 4
    ByteBuffer readOnly = ByteBuffer.wrap(new byte[] {9, 8}).asReadOnlyBuffer();
    ByteBuf out = Unpooled.buffer();

    codec.writeBytes(slice, out);
    codec.writeBytes(readOnly, out);
    codec.writeBytes((ByteBuffer) null, out);

    assertThat(slice.position()).isEqualTo(1);
    assertThat(readOnly.position()).isZero();
    byte[] written = new byte[out.readableBytes()];
    out.readBytes(written);
    assertThat(written).containsExactly(0, 0, 0, 2, 3, 4, 0, 0, 0, 2, 9, 8, -1, -1, -1, -1);
    out.release();
  }
}
