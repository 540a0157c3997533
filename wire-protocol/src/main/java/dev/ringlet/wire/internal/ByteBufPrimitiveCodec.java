package dev.ringlet.wire.internal;

import com.datastax.oss.protocol.internal.ProtocolConstants;

import com.datastax.oss.protocol.internal.PrimitiveCodec;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.CompositeByteBuf;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * The native protocol's primitive types ([int], [string], [bytes], ...) over Netty buffers.
 *
 * <p>Values read as {@link ByteBuffer} are copied onto the heap, so a decoded message never points
 * into the frame buffer and the frame can be released as soon as it is decoded.
 */
final class ByteBufPrimitiveCodec implements PrimitiveCodec<ByteBuf> {

  private final ByteBufAllocator allocator;

  ByteBufPrimitiveCodec(ByteBufAllocator allocator) {
    this.allocator = allocator;
  }

  @Override
  public ByteBuf allocate(int size) {
    return allocator.ioBuffer(size, size);
  }

  @Override
  public void release(ByteBuf buffer) {
    buffer.release();
  }

  @Override
  public int sizeOf(ByteBuf buffer) {
    return buffer.readableBytes();
  }

  @Override
  public ByteBuf concat(ByteBuf left, ByteBuf right) {
    CompositeByteBuf composite = allocator.compositeBuffer(2);
    composite.addComponents(true, left, right);
    return composite;
  }

  @Override
  public void markReaderIndex(ByteBuf source) {
    source.markReaderIndex();
  }

  @Override
  public void resetReaderIndex(ByteBuf source) {
    source.resetReaderIndex();
  }

  @Override
  public byte readByte(ByteBuf source) {
    return source.readByte();
  }

  @Override
  public int readInt(ByteBuf source) {
    return source.readInt();
  }

  @Override
  public int readInt(ByteBuf source, int offset) {
    return source.getInt(source.readerIndex() + offset);
  }

  @Override
  public InetAddress readInetAddr(ByteBuf source) {
    int length = source.readUnsignedByte();
    if (length != 4 && length != 16) {
      throw new IllegalArgumentException(
          "inet address length: " + length + " (expected: 4 or 16)");
    }
    byte[] address = new byte[length];
    source.readBytes(address);
    try {
      return InetAddress.getByAddress(address);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("invalid inet address", e);
    }
  }

  @Override
  public long readLong(ByteBuf source) {
    return source.readLong();
  }

  @Override
  public int readUnsignedShort(ByteBuf source) {
    return source.readUnsignedShort();
  }

  @Override
  public ByteBuffer readBytes(ByteBuf source) {
    int length = source.readInt();
    if (length == -2) {
      // [value] of v4: "unset", distinct from null (-1) and from any other negative length
      return ProtocolConstants.UNSET_VALUE;
    }
    if (length < 0) {
      return null;
    }
    checkReadable(source, length, "[bytes]");
    byte[] copy = new byte[length];
    source.readBytes(copy);
    return ByteBuffer.wrap(copy);
  }

  @Override
  public byte[] readShortBytes(ByteBuf source) {
    int length = source.readUnsignedShort();
    checkReadable(source, length, "[short bytes]");
    byte[] copy = new byte[length];
    source.readBytes(copy);
    return copy;
  }

  @Override
  public String readString(ByteBuf source) {
    int length = source.readUnsignedShort();
    return readUtf8(source, length, "[string]");
  }

  @Override
  public String readLongString(ByteBuf source) {
    int length = source.readInt();
    if (length < 0) {
      throw new IllegalArgumentException("[long string] length: " + length + " (expected: >= 0)");
    }
    return readUtf8(source, length, "[long string]");
  }

  @Override
  public ByteBuf readRetainedSlice(ByteBuf source, int sliceLength) {
    return source.readRetainedSlice(sliceLength);
  }

  @Override
  public void updateCrc(ByteBuf source, CRC32 crc) {
    crc.update(source.nioBuffer());
  }

  @Override
  public void writeByte(byte b, ByteBuf dest) {
    dest.writeByte(b);
  }

  @Override
  public void writeInt(int i, ByteBuf dest) {
    dest.writeInt(i);
  }

  @Override
  public void writeInetAddr(InetAddress address, ByteBuf dest) {
    byte[] bytes = address.getAddress();
    dest.writeByte(bytes.length);
    dest.writeBytes(bytes);
  }

  @Override
  public void writeLong(long l, ByteBuf dest) {
    dest.writeLong(l);
  }

  @Override
  public void writeUnsignedShort(int i, ByteBuf dest) {
    dest.writeShort(i);
  }

  @Override
  public void writeString(String s, ByteBuf dest) {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    dest.writeShort(bytes.length);
    dest.writeBytes(bytes);
  }

  @Override
  public void writeLongString(String s, ByteBuf dest) {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    dest.writeInt(bytes.length);
    dest.writeBytes(bytes);
  }

  @Override
  public void writeBytes(ByteBuffer bytes, ByteBuf dest) {
    if (bytes == null) {
      dest.writeInt(-1);
    } else {
      dest.writeInt(bytes.remaining());
      if (bytes.hasArray()) {
        // straight from the array: no view to allocate, and the value's position stays as it is
        dest.writeBytes(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
      } else {
        dest.writeBytes(bytes.duplicate());
      }
    }
  }

  @Override
  public void writeBytes(byte[] bytes, ByteBuf dest) {
    if (bytes == null) {
      dest.writeInt(-1);
    } else {
      dest.writeInt(bytes.length);
      dest.writeBytes(bytes);
    }
  }

  @Override
  public void writeShortBytes(byte[] bytes, ByteBuf dest) {
    dest.writeShort(bytes.length);
    dest.writeBytes(bytes);
  }

  private static String readUtf8(ByteBuf source, int length, String what) {
    checkReadable(source, length, what);
    String value = source.toString(source.readerIndex(), length, StandardCharsets.UTF_8);
    source.skipBytes(length);
    return value;
  }

  private static void checkReadable(ByteBuf source, int length, String what) {
    if (length > source.readableBytes()) {
      throw new IllegalArgumentException(
          what + " length: " + length + " (expected: <= " + source.readableBytes()
              + " remaining bytes)");
    }
  }
}
