package dev.ringlet.wire.internal;

import com.datastax.oss.protocol.internal.Compressor;
import com.datastax.oss.protocol.internal.Frame;
import com.datastax.oss.protocol.internal.FrameCodec;
import com.datastax.oss.protocol.internal.Message;
import com.datastax.oss.protocol.internal.request.Options;
import com.datastax.oss.protocol.internal.request.Startup;
import com.datastax.oss.protocol.internal.response.Ready;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.HashMap;
import java.util.Map;

/**
 * A blocking test client on a plain socket: writes frames with the native-protocol client codec
 * (or raw bytes) and reads frames back. Every read times out after a few seconds, so a test that
 * waits for a missing answer fails instead of hanging.
 */
final class RawClient implements AutoCloseable {

  private static final int READ_TIMEOUT_MILLIS = 5_000;

  private final Socket socket;
  private final OutputStream out;
  private final DataInputStream in;
  private FrameCodec<ByteBuf> codec;

  private RawClient(Socket socket) throws IOException {
    this.socket = socket;
    this.out = socket.getOutputStream();
    this.in = new DataInputStream(socket.getInputStream());
    this.codec = clientCodec(Compressor.none());
  }

  static RawClient connect(InetSocketAddress address) {
    return connect(address, 0);
  }

  /** @param receiveBufferBytes the socket's receive buffer, 0 for the system default */
  static RawClient connect(InetSocketAddress address, int receiveBufferBytes) {
    try {
      Socket socket = new Socket();
      if (receiveBufferBytes > 0) {
        socket.setReceiveBufferSize(receiveBufferBytes);
      }
      socket.setSoTimeout(READ_TIMEOUT_MILLIS);
      socket.setTcpNoDelay(true);
      socket.connect(address, READ_TIMEOUT_MILLIS);
      return new RawClient(socket);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static FrameCodec<ByteBuf> clientCodec(Compressor<ByteBuf> compressor) {
    return FrameCodec.defaultClient(new ByteBufPrimitiveCodec(ByteBufAllocator.DEFAULT), compressor);
  }

  /** Frames sent and read from now on use this compressor (call after READY). */
  void useCompression(Compressor<ByteBuf> compressor) {
    codec = clientCodec(compressor);
  }

  void send(int version, int streamId, Message message) {
    send(Frame.forRequest(version, streamId, false, Frame.NO_PAYLOAD, message));
  }

  void send(Frame frame) {
    ByteBuf encoded = codec.encode(frame);
    try {
      byte[] bytes = new byte[encoded.readableBytes()];
      encoded.readBytes(bytes);
      sendBytes(bytes);
    } finally {
      encoded.release();
    }
  }

  void sendBytes(byte[] bytes) {
    try {
      out.write(bytes);
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads one v3+ frame (9-byte header) and decodes it. */
  Frame read() {
    byte[] frame = readFrameBytes(9, 5);
    ByteBuf buffer = Unpooled.wrappedBuffer(frame);
    try {
      return codec.decode(buffer);
    } finally {
      buffer.release();
    }
  }

  /**
   * Reads one frame's raw bytes.
   *
   * @param headerLength 9 for v3+, 8 for v1/v2
   * @param lengthOffset where the 4-byte body length sits in the header
   */
  byte[] readFrameBytes(int headerLength, int lengthOffset) {
    try {
      byte[] header = new byte[headerLength];
      in.readFully(header);
      int length = Unpooled.wrappedBuffer(header).getInt(lengthOffset);
      byte[] frame = new byte[headerLength + length];
      System.arraycopy(header, 0, frame, 0, headerLength);
      in.readFully(frame, headerLength, length);
      return frame;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Message request(int version, int streamId, Message message) {
    send(version, streamId, message);
    return read().message;
  }

  /** STARTUP with CQL 3.0.0 and the given compression (or none); expects READY. */
  void startup(int version, String compression) {
    Map<String, String> options = new HashMap<>();
    options.put("CQL_VERSION", "3.0.0");
    if (compression != null) {
      options.put("COMPRESSION", compression);
    }
    Message answer = request(version, 0, new Startup(options));
    if (!(answer instanceof Ready)) {
      throw new AssertionError("expected READY, got " + answer);
    }
  }

  Message options(int version) {
    return request(version, 0, Options.INSTANCE);
  }

  /** Reads exactly {@code n} bytes. */
  byte[] readExactly(int n) {
    try {
      byte[] bytes = new byte[n];
      in.readFully(bytes);
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** True when the server closed the connection: end of stream before the read timeout. */
  boolean isClosedByServer() {
    try {
      InputStream stream = socket.getInputStream();
      while (true) {
        if (stream.read() < 0) {
          return true;
        }
      }
    } catch (EOFException e) {
      return true;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true; // reset by peer
    }
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
