package dev.ringlet.testcontainers.internal;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A minimal CQL native protocol v4 client over a plain socket: OPTIONS, STARTUP (with a SASL PLAIN
 * login when the server asks for one) and unpaged QUERY with their answers. It proves a node serves CQL without the driver (which is optional for users
 * of this module), one request at a time on stream 0.
 *
 * <pre>
 * frame  = version(1: 0x04 request, 0x84 response) flags(1) stream(2) opcode(1) length(4) body
 * login  = STARTUP → AUTHENTICATE [string] authenticator class; AUTH_RESPONSE [bytes] "\0user\0password"
 *          → AUTH_SUCCESS (an ERROR 0x0100 "bad credentials" when refused)
 * QUERY  = [long string] cql, [short] consistency, [byte] flags (0: no values, no paging)
 * RESULT = [int] kind (2 = Rows), metadata, [int] rows_count, rows of [bytes]
 * ERROR  = [int] code, [string] message, ...
 * </pre>
 */
public final class CqlProbe implements Closeable {

  private static final int VERSION = 4;
  private static final int OP_ERROR = 0x00;
  private static final int OP_STARTUP = 0x01;
  private static final int OP_READY = 0x02;
  private static final int OP_AUTHENTICATE = 0x03;
  private static final int OP_OPTIONS = 0x05;
  private static final int OP_SUPPORTED = 0x06;
  private static final int OP_QUERY = 0x07;
  private static final int OP_RESULT = 0x08;
  private static final int OP_AUTH_CHALLENGE = 0x0E;
  private static final int OP_AUTH_RESPONSE = 0x0F;
  private static final int OP_AUTH_SUCCESS = 0x10;
  private static final int RESULT_ROWS = 0x0002;
  private static final int FLAG_COMPRESSION = 0x01;
  private static final int FLAG_TRACING = 0x02;
  private static final int FLAG_CUSTOM_PAYLOAD = 0x04;
  private static final int FLAG_WARNING = 0x08;
  private static final int CONSISTENCY_ONE = 0x0001;
  /** Larger answers are not expected from the probe's queries; a bound keeps a bad peer from exhausting memory. */
  private static final int MAX_BODY = 16 * 1024 * 1024;

  private final Socket socket;
  private final DataInputStream in;
  private final DataOutputStream out;

  private CqlProbe(Socket socket) throws IOException {
    this.socket = socket;
    this.in = new DataInputStream(socket.getInputStream());
    this.out = new DataOutputStream(socket.getOutputStream());
  }

  /** Connects; {@code timeout} bounds the connection and every later read. */
  public static CqlProbe connect(String host, int port, Duration timeout) throws IOException {
    return connect(host, port, timeout, null);
  }

  /**
   * Connects, over TLS when {@code sslContext} is not null (the handshake verifies the server's
   * certificate against the context's trust, not its host name: the probe reaches a container through a
   * mapped port on whatever host name the engine gives).
   */
  public static CqlProbe connect(String host, int port, Duration timeout, SSLContext sslContext) throws IOException {
    Socket socket = new Socket();
    try {
      int millis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis()));
      socket.connect(new InetSocketAddress(host, port), millis);
      socket.setSoTimeout(millis);
      socket.setTcpNoDelay(true);
      if (sslContext != null) {
        SSLSocket tls = (SSLSocket) sslContext.getSocketFactory().createSocket(socket, host, port, true);
        tls.setUseClientMode(true);
        tls.startHandshake();
        return new CqlProbe(tls);
      }
      return new CqlProbe(socket);
    } catch (IOException | RuntimeException e) {
      socket.close();
      throw e;
    }
  }

  /** OPTIONS → SUPPORTED: the server's options (CQL_VERSION, COMPRESSION, PROTOCOL_VERSIONS...). */
  public Map<String, List<String>> options() throws IOException {
    Body body = request(OP_OPTIONS, new byte[0], OP_SUPPORTED);
    int n = body.unsignedShort();
    Map<String, List<String>> options = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      String key = body.string();
      int values = body.unsignedShort();
      List<String> list = new ArrayList<>(values);
      for (int v = 0; v < values; v++) {
        list.add(body.string());
      }
      options.put(key, list);
    }
    return options;
  }

  /** STARTUP with CQL_VERSION 3.0.0 → READY. A server that asks for authentication is reported as such. */
  public void startup() throws IOException {
    startup(null, null);
  }

  /**
   * STARTUP with CQL_VERSION 3.0.0 → READY, or, when the server asks for authentication, a SASL
   * PLAIN login with {@code username} and {@code password} → AUTH_SUCCESS.
   *
   * @param username null when the probe has no credentials: a server that asks for them is then
   *     reported as such
   * @throws CqlServerError when the server refuses the credentials (code 0x0100, bad credentials)
   */
  public void startup(String username, String password) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream body = new DataOutputStream(bytes);
    body.writeShort(1);
    writeString(body, "CQL_VERSION");
    writeString(body, "3.0.0");
    Body answer = request(OP_STARTUP, bytes.toByteArray(), OP_READY, OP_AUTHENTICATE);
    if (answer.opcode == OP_READY) {
      return;
    }
    String authenticator = answer.string();
    if (username == null) {
      throw new CqlProbeException("the server asks for authentication (" + authenticator
          + "); the probe has no credentials");
    }
    Body result = request(OP_AUTH_RESPONSE, plainToken(username, password), OP_AUTH_SUCCESS, OP_AUTH_CHALLENGE);
    if (result.opcode == OP_AUTH_CHALLENGE) {
      throw new CqlProbeException("the server's authenticator (" + authenticator
          + ") sent a challenge after a SASL PLAIN response (expected: AUTH_SUCCESS)");
    }
  }

  /** The AUTH_RESPONSE body: [bytes] holding SASL PLAIN's "\0username\0password" (RFC 4616, no authorization id). */
  static byte[] plainToken(String username, String password) throws IOException {
    byte[] user = username.getBytes(StandardCharsets.UTF_8);
    byte[] pass = password.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream body = new DataOutputStream(bytes);
    body.writeInt(user.length + pass.length + 2);
    body.writeByte(0);
    body.write(user);
    body.writeByte(0);
    body.write(pass);
    return bytes.toByteArray();
  }

  /** An unpaged QUERY at consistency ONE; the rows of a Rows result, each as its columns' raw values (null for null). */
  public List<List<byte[]>> query(String cql) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream body = new DataOutputStream(bytes);
    byte[] text = cql.getBytes(StandardCharsets.UTF_8);
    body.writeInt(text.length);
    body.write(text);
    body.writeShort(CONSISTENCY_ONE);
    body.writeByte(0);
    Body answer = request(OP_QUERY, bytes.toByteArray(), OP_RESULT);
    int kind = answer.in.readInt();
    if (kind != RESULT_ROWS) {
      return List.of();
    }
    int columns = RowsMetadata.skip(answer);
    int count = answer.in.readInt();
    List<List<byte[]>> rows = new ArrayList<>(count);
    for (int r = 0; r < count; r++) {
      List<byte[]> row = new ArrayList<>(columns);
      for (int c = 0; c < columns; c++) {
        row.add(answer.bytes());
      }
      rows.add(row);
    }
    return rows;
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  private Body request(int opcode, byte[] body, int... expected) throws IOException {
    out.writeByte(VERSION);
    out.writeByte(0);
    out.writeShort(0);
    out.writeByte(opcode);
    out.writeInt(body.length);
    out.write(body);
    out.flush();

    int version;
    try {
      version = in.readUnsignedByte();
    } catch (EOFException e) {
      throw new EOFException("connection closed before an answer to opcode " + opcode);
    }
    int flags = in.readUnsignedByte();
    in.readUnsignedShort(); // stream
    int answerOpcode = in.readUnsignedByte();
    int length = in.readInt();
    if (version != (0x80 | VERSION)) {
      throw new CqlProbeException("answer version byte 0x" + Integer.toHexString(version) + " (expected: 0x84)");
    }
    if (length < 0 || length > MAX_BODY) {
      throw new CqlProbeException("answer body length " + length + " (expected: 0-" + MAX_BODY + ")");
    }
    if ((flags & FLAG_COMPRESSION) != 0) {
      throw new CqlProbeException("compressed answer, though the probe negotiated no compression");
    }
    byte[] answer = new byte[length];
    in.readFully(answer);
    Body parsed = new Body(answerOpcode, answer);
    parsed.skipPreamble(flags);
    if (answerOpcode == OP_ERROR) {
      int code = parsed.in.readInt();
      throw new CqlServerError(code, parsed.string());
    }
    for (int e : expected) {
      if (answerOpcode == e) {
        return parsed;
      }
    }
    throw new CqlProbeException("answer opcode 0x" + Integer.toHexString(answerOpcode) + " to opcode 0x"
        + Integer.toHexString(opcode));
  }

  private static void writeString(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeShort(b.length);
    out.write(b);
  }

  /** A response body being read. */
  static final class Body {
    final int opcode;
    final DataInputStream in;

    Body(int opcode, byte[] bytes) {
      this.opcode = opcode;
      this.in = new DataInputStream(new java.io.ByteArrayInputStream(bytes));
    }

    /** Reads past what the header flags put before the message: tracing id, warnings, custom payload. */
    void skipPreamble(int flags) throws IOException {
      if ((flags & FLAG_TRACING) != 0) {
        in.readFully(new byte[16]);
      }
      if ((flags & FLAG_WARNING) != 0) {
        int warnings = unsignedShort();
        for (int i = 0; i < warnings; i++) {
          string();
        }
      }
      if ((flags & FLAG_CUSTOM_PAYLOAD) != 0) {
        int entries = unsignedShort();
        for (int i = 0; i < entries; i++) {
          string();
          bytes();
        }
      }
    }

    int unsignedShort() throws IOException {
      return in.readUnsignedShort();
    }

    String string() throws IOException {
      byte[] b = new byte[in.readUnsignedShort()];
      in.readFully(b);
      return new String(b, StandardCharsets.UTF_8);
    }

    byte[] bytes() throws IOException {
      int n = in.readInt();
      if (n < 0) {
        return null;
      }
      byte[] b = new byte[n];
      in.readFully(b);
      return b;
    }
  }
}
