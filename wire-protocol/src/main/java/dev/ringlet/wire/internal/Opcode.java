package dev.ringlet.wire.internal;

/**
 * The frame opcodes of protocol v3/v4, with their direction and the names Cassandra uses in its
 * error messages.
 */
enum Opcode {
  ERROR(0x00, false),
  STARTUP(0x01, true),
  READY(0x02, false),
  AUTHENTICATE(0x03, false),
  CREDENTIALS(0x04, true),
  OPTIONS(0x05, true),
  SUPPORTED(0x06, false),
  QUERY(0x07, true),
  RESULT(0x08, false),
  PREPARE(0x09, true),
  EXECUTE(0x0A, true),
  REGISTER(0x0B, true),
  EVENT(0x0C, false),
  BATCH(0x0D, true),
  AUTH_CHALLENGE(0x0E, false),
  AUTH_RESPONSE(0x0F, true),
  AUTH_SUCCESS(0x10, false);

  private static final Opcode[] BY_CODE = new Opcode[0x11];

  static {
    for (Opcode opcode : values()) {
      BY_CODE[opcode.code] = opcode;
    }
  }

  final int code;
  final boolean request;

  Opcode(int code, boolean request) {
    this.code = code;
    this.request = request;
  }

  /** The opcode for a code, or {@code null} when the protocol defines none. */
  static Opcode ofCode(int code) {
    return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
  }

  String direction() {
    return request ? "REQUEST" : "RESPONSE";
  }
}
