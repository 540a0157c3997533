package dev.ringlet.wire.internal;

import com.datastax.oss.protocol.internal.Compressor;
import com.datastax.oss.protocol.internal.FrameCodec;
import com.datastax.oss.protocol.internal.Message;
import com.datastax.oss.protocol.internal.ProtocolConstants;
import com.datastax.oss.protocol.internal.ProtocolV3ServerCodecs;
import com.datastax.oss.protocol.internal.ProtocolV4ServerCodecs;
import com.datastax.oss.protocol.internal.ProtocolV5ServerCodecs;
import com.datastax.oss.protocol.internal.ProtocolV6ServerCodecs;
import com.datastax.oss.protocol.internal.response.Result;
import com.datastax.oss.protocol.internal.response.result.Prepared;
import com.datastax.oss.protocol.internal.response.result.SchemaChange;
import com.datastax.oss.protocol.internal.response.result.SetKeyspace;
import com.datastax.oss.protocol.internal.response.result.Void;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.List;

/**
 * One server's frame codecs (plain, lz4 and snappy bodies for v3/v4) and v5 segment formats
 * (plain and lz4). Stateless, shared by its connections; the compressed ones are made when a
 * connection first negotiates them (most clients never do).
 *
 * <p>The codecs are native-protocol's server codecs, except ERROR from v5 on ({@link ErrorEncoder}
 * adds the contentions of a CAS write timeout) and ROWS results ({@link RowsEncoder} writes an
 * {@code EncodedRow} in one copy).
 */
final class FrameCodecs {

  static final List<String> COMPRESSIONS = List.of("lz4", "snappy");

  private final ByteBufAllocator allocator;
  private final int maxFrameBytes;
  private final ByteBufPrimitiveCodec primitives;
  private final FrameCodec<ByteBuf> plain;
  private final SegmentFormat plainSegments;
  /** Made when a connection first asks for lz4: loading lz4's native library is a first start's cost otherwise. */
  private volatile Lz4 lz4;
  private volatile FrameCodec<ByteBuf> snappy;

  FrameCodecs(ByteBufAllocator allocator, int maxFrameBytes) {
    this.allocator = allocator;
    this.maxFrameBytes = maxFrameBytes;
    this.primitives = new ByteBufPrimitiveCodec(allocator);
    this.plain = server(primitives, Compressor.none());
    this.plainSegments = new SegmentFormat(null);
  }

  /** The lz4 frame codec and segment format, sharing one compressor. */
  private record Lz4(FrameCodec<ByteBuf> frames, SegmentFormat segments) {}

  private Lz4 lz4() {
    Lz4 made = lz4;
    if (made == null) {
      synchronized (this) {
        made = lz4;
        if (made == null) {
          Lz4BodyCompressor compressor = new Lz4BodyCompressor(allocator, maxFrameBytes);
          made = new Lz4(server(primitives, compressor), new SegmentFormat(compressor));
          lz4 = made;
        }
      }
    }
    return made;
  }

  private FrameCodec<ByteBuf> snappy() {
    FrameCodec<ByteBuf> made = snappy;
    if (made == null) {
      synchronized (this) {
        made = snappy;
        if (made == null) {
          made = server(primitives, new SnappyBodyCompressor(allocator, maxFrameBytes));
          snappy = made;
        }
      }
    }
    return made;
  }

  /**
   * {@code FrameCodec.defaultServer} with {@link ErrorEncoder} for ERROR at v5 and v6 and
   * {@link RowsEncoder} for the ROWS results of every version.
   */
  private static FrameCodec<ByteBuf> server(ByteBufPrimitiveCodec primitives, Compressor<ByteBuf> compressor) {
    return new FrameCodec<>(primitives, compressor,
        withEncoders(new ProtocolV3ServerCodecs(), ProtocolConstants.Version.V3),
        withEncoders(new ProtocolV4ServerCodecs(), ProtocolConstants.Version.V4),
        withEncoders(new ProtocolV5ServerCodecs(), ProtocolConstants.Version.V5),
        withEncoders(new ProtocolV6ServerCodecs(), ProtocolConstants.Version.V6));
  }

  private static FrameCodec.CodecGroup withEncoders(FrameCodec.CodecGroup group, int protocolVersion) {
    return registry -> group.registerCodecs(new FrameCodec.CodecGroup.Registry() {
      @Override
      public FrameCodec.CodecGroup.Registry addCodec(Message.Codec codec) {
        registry.addCodec(codec);
        return this;
      }

      @Override
      public FrameCodec.CodecGroup.Registry addEncoder(Message.Codec codec) {
        registry.addEncoder(encoder(codec, protocolVersion));
        return this;
      }

      @Override
      public FrameCodec.CodecGroup.Registry addDecoder(Message.Codec codec) {
        registry.addDecoder(codec);
        return this;
      }
    });
  }

  private static Message.Codec encoder(Message.Codec codec, int protocolVersion) {
    if (codec.opcode == ProtocolConstants.Opcode.ERROR && protocolVersion >= ProtocolConstants.Version.V5) {
      return new ErrorEncoder(protocolVersion);
    }
    if (codec.opcode == ProtocolConstants.Opcode.RESULT) {
      return new Result.Codec(protocolVersion, new Void.SubCodec(protocolVersion), new RowsEncoder(protocolVersion),
          new SetKeyspace.SubCodec(protocolVersion), new Prepared.SubCodec(protocolVersion),
          new SchemaChange.SubCodec(protocolVersion));
    }
    return codec;
  }

  FrameCodec<ByteBuf> plain() {
    return plain;
  }

  /**
   * @param compression "lz4", "snappy", or {@code null} for none
   */
  FrameCodec<ByteBuf> forCompression(String compression) {
    if (compression == null) {
      return plain;
    }
    return switch (compression) {
      case "lz4" -> lz4().frames();
      case "snappy" -> snappy();
      default -> throw new IllegalArgumentException(
          "compression: " + compression + " (expected: one of " + COMPRESSIONS + ")");
    };
  }

  /**
   * @param compression "lz4" or {@code null} for none (snappy is refused at STARTUP for v5)
   */
  SegmentFormat segmentsFor(String compression) {
    if (compression == null) {
      return plainSegments;
    }
    if (compression.equals("lz4")) {
      return lz4().segments();
    }
    throw new IllegalArgumentException(
        "compression: " + compression + " (expected: lz4 or none with protocol v5)");
  }
}
