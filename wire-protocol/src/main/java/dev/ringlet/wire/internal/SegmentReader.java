package dev.ringlet.wire.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.CompositeByteBuf;
import java.util.List;

/**
 * Inbound v5 framing: bytes to segments to envelopes. A self-contained segment yields each of its
 * envelopes as an {@link InboundFrame.Complete}; non-self-contained segments are joined until the
 * envelope that the first one starts is complete. An envelope whose body is over the limit is not
 * buffered: its segments are dropped as they arrive and it is reported as an
 * {@link InboundFrame.Oversized} once its last byte is in, so the client gets its answer in order.
 *
 * <p>Anything that breaks the framing (a CRC mismatch, an envelope cut by a self-contained segment,
 * a large-envelope part with too many bytes) throws {@link CorruptSegmentException}; the connection
 * is then closed. Lives on the connection's event loop, driven by {@link FrameDecoder}.
 */
final class SegmentReader {

  private enum State {
    HEADER,
    PAYLOAD
  }

  private final SegmentFormat format;
  private final int maxBodyBytes;
  private final ByteBufAllocator allocator;

  private State state = State.HEADER;
  private SegmentFormat.Header header;

  /** The envelope being joined from non-self-contained segments, or null. */
  private CompositeByteBuf largeEnvelope;
  /** Its header once known; with {@code largeEnvelope == null} the envelope is being skipped. */
  private FrameHeader largeHeader;
  private long largeRemaining;

  SegmentReader(SegmentFormat format, int maxBodyBytes, ByteBufAllocator allocator) {
    this.format = format;
    this.maxBodyBytes = maxBodyBytes;
    this.allocator = allocator;
  }

  /** Reads every whole segment from {@code in}, leaving a partial one there for next time. */
  void read(ByteBuf in, List<Object> out) {
    while (true) {
      if (state == State.HEADER) {
        if (in.readableBytes() < format.headerBytes() + SegmentFormat.CRC24_BYTES) {
          return;
        }
        header = format.decodeHeader(in);
        state = State.PAYLOAD;
      }
      if (in.readableBytes() < header.payloadLength() + SegmentFormat.CRC32_BYTES) {
        return;
      }
      ByteBuf payload = format.decodePayload(header, in);
      state = State.HEADER;
      try {
        if (header.selfContained()) {
          readEnvelopes(payload, out);
        } else {
          readPart(payload, out);
        }
      } finally {
        payload.release();
      }
    }
  }

  private void readEnvelopes(ByteBuf payload, List<Object> out) {
    if (largeHeader != null) {
      throw new CorruptSegmentException(
          "self-contained segment received while a large envelope still needs " + largeRemaining
              + " bytes");
    }
    while (payload.isReadable()) {
      FrameHeader envelope = envelopeHeader(payload);
      if (envelope == null) {
        throw new CorruptSegmentException(
            "self-contained segment ends inside an envelope header (" + payload.readableBytes()
                + " bytes left)");
      }
      long length = FrameHeader.LENGTH + envelope.bodyLength();
      if (length > payload.readableBytes()) {
        throw new CorruptSegmentException(
            "self-contained segment ends inside an envelope of " + length + " bytes ("
                + payload.readableBytes() + " bytes left)");
      }
      if (envelope.bodyLength() > maxBodyBytes) {
        payload.skipBytes((int) length);
        out.add(new InboundFrame.Oversized(envelope, maxBodyBytes));
      } else {
        out.add(new InboundFrame.Complete(envelope, payload.readRetainedSlice((int) length)));
      }
    }
  }

  private void readPart(ByteBuf payload, List<Object> out) {
    if (largeHeader == null) {
      startLargeEnvelope(payload);
    }
    int length = payload.readableBytes();
    if (length > largeRemaining) {
      throw new CorruptSegmentException(
          "segment carries " + length + " bytes but the large envelope needs only "
              + largeRemaining);
    }
    largeRemaining -= length;
    if (largeEnvelope != null) {
      largeEnvelope.addComponent(true, payload.retainedSlice());
    }
    payload.skipBytes(length);
    if (largeRemaining == 0) {
      out.add(largeEnvelope != null
          ? new InboundFrame.Complete(largeHeader, largeEnvelope)
          : new InboundFrame.Oversized(largeHeader, maxBodyBytes));
      largeEnvelope = null;
      largeHeader = null;
    }
  }

  private void startLargeEnvelope(ByteBuf payload) {
    FrameHeader envelope = envelopeHeader(payload);
    if (envelope == null) {
      throw new CorruptSegmentException(
          "first segment of a large envelope holds " + payload.readableBytes()
              + " bytes (expected: at least the " + FrameHeader.LENGTH + "-byte envelope header)");
    }
    largeHeader = envelope;
    largeRemaining = FrameHeader.LENGTH + envelope.bodyLength();
    if (envelope.bodyLength() <= maxBodyBytes) {
      largeEnvelope = allocator.compositeBuffer(Integer.MAX_VALUE);
    }
  }

  /** The envelope header at the reader index, without moving it; null if not all there. */
  private static FrameHeader envelopeHeader(ByteBuf in) {
    if (in.readableBytes() < FrameHeader.LENGTH) {
      return null;
    }
    int start = in.readerIndex();
    return new FrameHeader(
        in.getUnsignedByte(start),
        in.getUnsignedByte(start + 1),
        in.getShort(start + 2),
        in.getUnsignedByte(start + 4),
        in.getUnsignedInt(start + 5));
  }

  /** Frees a half-joined envelope; called when the connection goes away. */
  void release() {
    if (largeEnvelope != null) {
      largeEnvelope.release();
      largeEnvelope = null;
    }
  }
}
