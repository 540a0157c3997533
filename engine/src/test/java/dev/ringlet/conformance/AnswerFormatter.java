package dev.ringlet.conformance;

import com.datastax.oss.driver.api.core.DriverException;
import com.datastax.oss.driver.api.core.ProtocolVersion;
import com.datastax.oss.driver.api.core.cql.ColumnDefinition;
import com.datastax.oss.driver.api.core.cql.ColumnDefinitions;
import com.datastax.oss.driver.api.core.cql.ExecutionInfo;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.servererrors.AlreadyExistsException;
import com.datastax.oss.driver.api.core.servererrors.BootstrappingException;
import com.datastax.oss.driver.api.core.servererrors.FunctionFailureException;
import com.datastax.oss.driver.api.core.servererrors.InvalidConfigurationInQueryException;
import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;
import com.datastax.oss.driver.api.core.servererrors.OverloadedException;
import com.datastax.oss.driver.api.core.servererrors.ProtocolError;
import com.datastax.oss.driver.api.core.servererrors.ReadFailureException;
import com.datastax.oss.driver.api.core.servererrors.ReadTimeoutException;
import com.datastax.oss.driver.api.core.servererrors.ServerError;
import com.datastax.oss.driver.api.core.servererrors.SyntaxError;
import com.datastax.oss.driver.api.core.servererrors.TruncateException;
import com.datastax.oss.driver.api.core.servererrors.UnauthorizedException;
import com.datastax.oss.driver.api.core.servererrors.WriteFailureException;
import com.datastax.oss.driver.api.core.servererrors.WriteTimeoutException;
import com.datastax.oss.driver.api.core.type.DataType;
import com.datastax.oss.driver.api.core.type.DataTypes;
import com.datastax.oss.driver.api.core.type.codec.ExtraTypeCodecs;
import com.datastax.oss.driver.api.core.type.codec.TypeCodec;
import com.datastax.oss.driver.api.core.type.codec.registry.CodecRegistry;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns what the driver returned into the text lines of the golden format, the same way for the
 * recorder and the check. Values are formatted as CQL literals by the driver's codecs, so {@code 1}
 * (int), {@code 1.0} (double) and {@code '1'} (text) stay distinct; timestamps are printed in UTC so
 * that the answers do not depend on the machine's time zone.
 */
final class AnswerFormatter {

  static final String OK = "ok";
  static final String ROWS = "rows";
  static final String ERROR_PREFIX = "error: ";
  static final String MESSAGE_PREFIX = "message: ";
  static final String WARNING_PREFIX = "warning: ";
  static final String VARIABLES_PREFIX = "variables: ";
  static final String IGNORED = "<ignored>";

  /** The native protocol error code of each server error the driver exposes as an exception. */
  private static final Map<Class<? extends DriverException>, Integer> ERROR_CODES = Map.ofEntries(
      Map.entry(ServerError.class, 0x0000),
      Map.entry(ProtocolError.class, 0x000A),
      Map.entry(com.datastax.oss.driver.api.core.servererrors.UnavailableException.class, 0x1000),
      Map.entry(OverloadedException.class, 0x1001),
      Map.entry(BootstrappingException.class, 0x1002),
      Map.entry(TruncateException.class, 0x1003),
      Map.entry(WriteTimeoutException.class, 0x1100),
      Map.entry(ReadTimeoutException.class, 0x1200),
      Map.entry(ReadFailureException.class, 0x1300),
      Map.entry(FunctionFailureException.class, 0x1400),
      Map.entry(WriteFailureException.class, 0x1500),
      Map.entry(SyntaxError.class, 0x2000),
      Map.entry(UnauthorizedException.class, 0x2100),
      Map.entry(InvalidQueryException.class, 0x2200),
      Map.entry(InvalidConfigurationInQueryException.class, 0x2300),
      Map.entry(AlreadyExistsException.class, 0x2400));

  private static final TypeCodec<Instant> UTC_TIMESTAMP = ExtraTypeCodecs.timestampAt(ZoneOffset.UTC);

  private final CodecRegistry codecs;
  private final ProtocolVersion protocolVersion;

  AnswerFormatter(CodecRegistry codecs, ProtocolVersion protocolVersion) {
    this.codecs = codecs;
    this.protocolVersion = protocolVersion;
  }

  /** {@code columns: k int, v text}, with the table of the first column when there is one. */
  String columns(ColumnDefinitions definitions) {
    return "columns: " + describe(definitions);
  }

  /** {@code variables: k int, v text}: the bind variables of a prepared statement. */
  String variables(ColumnDefinitions definitions) {
    return VARIABLES_PREFIX + describe(definitions);
  }

  private static String describe(ColumnDefinitions definitions) {
    List<String> parts = new ArrayList<>();
    for (ColumnDefinition column : definitions) {
      parts.add(column.getName().asCql(true) + " " + column.getType().asCql(true, true));
    }
    String table = "";
    if (definitions.size() > 0) {
      ColumnDefinition first = definitions.get(0);
      table = " (from " + first.getKeyspace().asCql(true) + "." + first.getTable().asCql(true) + ")";
    }
    return String.join(", ", parts) + table;
  }

  /** {@code row: 1 | 'a' | null}. */
  String row(Row row, Set<String> ignoredColumns) {
    List<String> values = new ArrayList<>();
    ColumnDefinitions definitions = row.getColumnDefinitions();
    for (int i = 0; i < definitions.size(); i++) {
      ColumnDefinition column = definitions.get(i);
      if (ignoredColumns.contains(column.getName().asInternal())) {
        values.add(IGNORED);
      } else {
        values.add(value(column.getType(), row.getBytesUnsafe(i)));
      }
    }
    return escape("row: " + String.join(" | ", values));
  }

  /** One value as a CQL literal; {@code null} for a missing value, hex bytes if it cannot be decoded. */
  String value(DataType type, ByteBuffer bytes) {
    if (bytes == null) {
      return "null";
    }
    try {
      TypeCodec<Object> codec = type.equals(DataTypes.TIMESTAMP) ? cast(UTC_TIMESTAMP) : codecs.codecFor(type);
      return codec.format(codec.decode(bytes.duplicate(), protocolVersion));
    } catch (RuntimeException e) {
      return "<undecodable " + type.asCql(true, true) + " " + hex(bytes) + ": " + e.getMessage() + ">";
    }
  }

  @SuppressWarnings("unchecked")
  private static TypeCodec<Object> cast(TypeCodec<?> codec) {
    return (TypeCodec<Object>) codec;
  }

  private static String hex(ByteBuffer bytes) {
    StringBuilder out = new StringBuilder("0x");
    ByteBuffer copy = bytes.duplicate();
    while (copy.hasRemaining()) {
      out.append(String.format("%02x", copy.get()));
    }
    return out.toString();
  }

  /**
   * The lines for a failed statement: {@code error: <exception class> <code>}, {@code message: ...}
   * and the warnings the error response carried ({@code frameWarnings}, read from the ERROR frame:
   * the driver's own execution info of a failure has none). Errors raised by the driver itself,
   * not a server, get the code {@code client}.
   */
  List<String> error(Throwable error, List<String> frameWarnings) {
    List<String> lines = new ArrayList<>();
    lines.add(ERROR_PREFIX + error.getClass().getSimpleName() + " " + code(error));
    lines.add(escape(MESSAGE_PREFIX + error.getMessage()));
    List<String> driverWarnings = error instanceof DriverException driverError && driverError.getExecutionInfo() != null
        ? driverError.getExecutionInfo().getWarnings() : List.of();
    for (String warning : driverWarnings.isEmpty() ? frameWarnings : driverWarnings) {
      lines.add(escape(WARNING_PREFIX + warning));
    }
    return lines;
  }

  private static String code(Throwable error) {
    for (Map.Entry<Class<? extends DriverException>, Integer> entry : ERROR_CODES.entrySet()) {
      if (entry.getKey().isInstance(error)) {
        return String.format("0x%04X", entry.getValue());
      }
    }
    return "client";
  }

  List<String> warnings(ExecutionInfo info) {
    List<String> lines = new ArrayList<>();
    for (String warning : info.getWarnings()) {
      lines.add(escape(WARNING_PREFIX + warning));
    }
    return lines;
  }

  /** Keeps one answer line on one text line. */
  private static String escape(String line) {
    return line.replace("\\", "\\\\").replace("\r", "\\r").replace("\n", "\\n");
  }
}
