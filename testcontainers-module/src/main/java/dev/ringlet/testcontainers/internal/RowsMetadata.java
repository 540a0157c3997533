package dev.ringlet.testcontainers.internal;

import java.io.IOException;

/**
 * Reads past a Rows result's metadata (protocol v4, section 4.2.5.2), which the probe does not
 * need beyond the column count.
 *
 * <pre>
 * [int] flags (0x1 global table spec, 0x2 has more pages, 0x4 no metadata) [int] columns_count
 * [bytes] paging_state if 0x2; [string] keyspace [string] table if 0x1;
 * per column: ([string] keyspace [string] table unless 0x1) [string] name, [option] type
 * </pre>
 */
final class RowsMetadata {

  private static final int GLOBAL_TABLES_SPEC = 0x1;
  private static final int HAS_MORE_PAGES = 0x2;
  private static final int NO_METADATA = 0x4;

  private RowsMetadata() {}

  /** Consumes the metadata and returns the column count. */
  static int skip(CqlProbe.Body body) throws IOException {
    int flags = body.in.readInt();
    int columns = body.in.readInt();
    if ((flags & HAS_MORE_PAGES) != 0) {
      body.bytes();
    }
    if ((flags & NO_METADATA) != 0) {
      return columns;
    }
    boolean global = (flags & GLOBAL_TABLES_SPEC) != 0;
    if (global) {
      body.string();
      body.string();
    }
    for (int i = 0; i < columns; i++) {
      if (!global) {
        body.string();
        body.string();
      }
      body.string();
      skipType(body);
    }
    return columns;
  }

  private static void skipType(CqlProbe.Body body) throws IOException {
    int id = body.unsignedShort();
    switch (id) {
      case 0x0000: // custom: class name
        body.string();
        break;
      case 0x0020: // list
      case 0x0022: // set
        skipType(body);
        break;
      case 0x0021: // map
        skipType(body);
        skipType(body);
        break;
      case 0x0030: // user type: keyspace, name, fields
        body.string();
        body.string();
        int fields = body.unsignedShort();
        for (int i = 0; i < fields; i++) {
          body.string();
          skipType(body);
        }
        break;
      case 0x0031: // tuple
        int elements = body.unsignedShort();
        for (int i = 0; i < elements; i++) {
          skipType(body);
        }
        break;
      default: // native types carry no option
        break;
    }
  }
}
