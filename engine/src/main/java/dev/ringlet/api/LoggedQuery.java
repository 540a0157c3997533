package dev.ringlet.api;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One request a node received, as recorded in the {@link QueryLog}: immutable.
 *
 * <p>For a BATCH, {@link #query()} is null and {@link #children()} holds one entry per statement
 * of the batch (kind {@link Kind#QUERY} or {@link Kind#EXECUTE}, with the batch's consistency,
 * coordinator, keyspace, time and outcome).
 */
public final class LoggedQuery {

  /** The protocol request. */
  public enum Kind {
    /** A QUERY: CQL text, possibly with bound values. */
    QUERY,
    /** A PREPARE of {@link #query()}. */
    PREPARE,
    /** An EXECUTE of a prepared statement; {@link #query()} is the text it was prepared from. */
    EXECUTE,
    /** A BATCH; see {@link #children()}. */
    BATCH
  }

  /** What the node answered. */
  public enum Outcome {
    /** A ROWS result ({@link #rowCount()} rows in this page). */
    ROWS,
    /** A VOID result (writes, TRUNCATE, ...). */
    VOID,
    /** A SET_KEYSPACE result (USE). */
    SET_KEYSPACE,
    /** A SCHEMA_CHANGE result (DDL). */
    SCHEMA_CHANGE,
    /** A PREPARED result. */
    PREPARED,
    /** An ERROR ({@link #errorCode()}, {@link #errorMessage()}). */
    ERROR
  }

  /** A bound value that the client sent as "unset" (protocol v4+). */
  public static final Object UNSET = new Object() {
    @Override
    public String toString() {
      return "<unset>";
    }
  };

  /**
   * A bound value the log did not keep because it was larger than
   * {@link QueryLog#MAX_RETAINED_VALUE_BYTES}.
   *
   * @param size its size in bytes
   */
  public record OmittedValue(int size) {
    @Override
    public String toString() {
      return "<" + size + " bytes>";
    }
  }

  private final long sequence;
  private final long timestampMicros;
  private final Kind kind;
  private final String query;
  private final List<Object> values;
  private final List<String> valueNames;
  private final String consistency;
  private final String serialConsistency;
  private final InetSocketAddress coordinator;
  private final UUID coordinatorHostId;
  private final int pageSize;
  private final String keyspace;
  private final Outcome outcome;
  private final int rowCount;
  private final int errorCode;
  private final String errorMessage;
  private final List<LoggedQuery> children;

  /**
   * Made by the engine when the log is read.
   *
   * @param values decoded values; elements may be null (a null value)
   * @param valueNames the names of named values, or an empty list for positional ones
   */
  public LoggedQuery(long sequence, long timestampMicros, Kind kind, String query, List<Object> values,
      List<String> valueNames, String consistency, String serialConsistency, InetSocketAddress coordinator,
      UUID coordinatorHostId, int pageSize, String keyspace, Outcome outcome, int rowCount, int errorCode,
      String errorMessage, List<LoggedQuery> children) {
    this.sequence = sequence;
    this.timestampMicros = timestampMicros;
    this.kind = Objects.requireNonNull(kind, "kind");
    this.query = query;
    this.values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
    this.valueNames = List.copyOf(valueNames);
    this.consistency = consistency;
    this.serialConsistency = serialConsistency;
    this.coordinator = coordinator;
    this.coordinatorHostId = coordinatorHostId;
    this.pageSize = pageSize;
    this.keyspace = keyspace;
    this.outcome = Objects.requireNonNull(outcome, "outcome");
    this.rowCount = rowCount;
    this.errorCode = errorCode;
    this.errorMessage = errorMessage;
    this.children = List.copyOf(children);
  }

  /** The request's position in the cluster's log: increasing in the order requests were answered. */
  public long sequence() {
    return sequence;
  }

  /** When the coordinator answered, from the node's clock, in microseconds since the epoch. */
  public long timestampMicros() {
    return timestampMicros;
  }

  /** {@link #timestampMicros()} as an instant. */
  public Instant timestamp() {
    return Instant.ofEpochSecond(Math.floorDiv(timestampMicros, 1_000_000L), Math.floorMod(timestampMicros, 1_000_000L) * 1000L);
  }

  public Kind kind() {
    return kind;
  }

  /** The CQL text; for EXECUTE the text that was prepared (null if the id was never prepared); null for BATCH. */
  public String query() {
    return query;
  }

  /**
   * The bound values, in the order sent. A value is decoded to the Java type the engine uses for
   * its CQL type when the statement was prepared (text {@code String}, int {@code Integer}, bigint
   * {@code Long}, uuid {@code UUID}, timestamp {@code Instant}, blob {@code ByteBuffer}, collections
   * {@code List}/{@code Set}/{@code Map}, user types {@code Map} by field name, durations
   * their CQL text such as {@code "1h30m"}, ...); for QUERY requests, whose values come without
   * types, it is the raw {@code ByteBuffer} (read-only). A null value is {@code null}, an unset one
   * {@link #UNSET}, a value too large to keep an {@link OmittedValue}, and one that does not decode
   * as its type the raw buffer.
   */
  public List<Object> values() {
    return values;
  }

  /** The names of the values when the client sent them by name, else empty. */
  public List<String> valueNames() {
    return valueNames;
  }

  /** The consistency level the client asked for ({@code "LOCAL_QUORUM"}, ...); null for PREPARE. */
  public String consistency() {
    return consistency;
  }

  /** The serial consistency the client sent ({@code "SERIAL"} when it sent none); null for PREPARE. */
  public String serialConsistency() {
    return serialConsistency;
  }

  /** The native address of the node that received the request. */
  public InetSocketAddress coordinator() {
    return coordinator;
  }

  /** The host id of the node that received the request. */
  public UUID coordinatorHostId() {
    return coordinatorHostId;
  }

  /** The page size the client asked for; 0 or less when it asked for no paging (or for PREPARE and BATCH). */
  public int pageSize() {
    return pageSize;
  }

  /**
   * The keyspace unqualified names referred to: the connection's keyspace (USE) for QUERY,
   * PREPARE and BATCH, the keyspace of the PREPARE for EXECUTE; null when there was none.
   */
  public String keyspace() {
    return keyspace;
  }

  public Outcome outcome() {
    return outcome;
  }

  /** The number of rows returned (in this page) when the outcome is ROWS, else 0. */
  public int rowCount() {
    return rowCount;
  }

  /** The protocol error code ({@code 0x2200} Invalid, ...) when the outcome is ERROR, else 0. */
  public int errorCode() {
    return errorCode;
  }

  /** The error message when the outcome is ERROR, else null. */
  public String errorMessage() {
    return errorMessage;
  }

  /** The statements of a BATCH, in order; empty for other kinds. */
  public List<LoggedQuery> children() {
    return children;
  }

  /** Whether the query text contains {@code fragment} (false for a batch or an unknown prepared id). */
  public boolean queryContains(String fragment) {
    return query != null && query.contains(fragment);
  }

  /** One line: time, coordinator, kind, consistency, keyspace, text, values and outcome. */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder();
    s.append('#').append(sequence).append(' ').append(timestamp()).append(' ')
        .append(coordinator == null ? "?" : coordinator.getAddress().getHostAddress() + ":" + coordinator.getPort())
        .append(' ').append(kind);
    if (consistency != null) {
      s.append(' ').append(consistency);
    }
    if (keyspace != null) {
      s.append(" [").append(keyspace).append(']');
    }
    if (kind == Kind.BATCH) {
      s.append(" {");
      for (int i = 0; i < children.size(); i++) {
        s.append(i == 0 ? " " : "; ").append(children.get(i).query).append(describe(children.get(i).values));
      }
      s.append(" }");
    } else {
      s.append(' ').append(query).append(describe(values));
    }
    s.append(" -> ").append(outcome);
    if (outcome == Outcome.ROWS) {
      s.append(' ').append(rowCount);
    } else if (outcome == Outcome.ERROR) {
      s.append(String.format(" 0x%04x %s", errorCode, errorMessage));
    }
    return s.toString();
  }

  private static String describe(List<Object> values) {
    if (values.isEmpty()) {
      return "";
    }
    StringBuilder s = new StringBuilder(" values [");
    for (int i = 0; i < values.size(); i++) {
      Object v = values.get(i);
      if (i > 0) {
        s.append(", ");
      }
      if (v instanceof ByteBuffer b) {
        s.append("0x");
        ByteBuffer d = b.duplicate();
        int n = Math.min(d.remaining(), 32);
        for (int k = 0; k < n; k++) {
          s.append(String.format("%02x", d.get(d.position() + k)));
        }
        if (d.remaining() > n) {
          s.append("...");
        }
      } else if (v instanceof String str) {
        s.append('\'').append(str.length() > 64 ? str.substring(0, 64) + "..." : str).append('\'');
      } else {
        s.append(v);
      }
    }
    return s.append(']').toString();
  }
}
