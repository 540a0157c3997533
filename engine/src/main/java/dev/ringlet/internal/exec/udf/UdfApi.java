package dev.ringlet.internal.exec.udf;

import dev.ringlet.internal.types.CqlType;
import dev.ringlet.internal.types.ListType;
import dev.ringlet.internal.types.MapType;
import dev.ringlet.internal.types.NativeType;
import dev.ringlet.internal.types.SetType;
import dev.ringlet.internal.types.TupleType;
import dev.ringlet.internal.types.UserType;
import dev.ringlet.internal.types.VectorType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The Cassandra classes function bodies are written against ({@code UDFContext}, {@code TupleValue},
 * {@code UDTValue}, {@code LocalDate}, {@code Duration}...): Ringlet's own source-compatible
 * versions, kept as Java sources among the engine's resources under {@link #ROOT}, compiled by the
 * build into one archive ({@link ApiArchive}) and, when that is missing or stale, at run time with
 * the first function (see {@link JavaUdfs}).
 *
 * <p>Why sources and not classes: a class named {@code org.apache.cassandra...} in the engine jar
 * would be on every application's class path (next to a real Cassandra's, in some projects). As
 * resources under a Ringlet path they can be loaded by nothing but the UDF class loader, which
 * defines them from the compiled bytes; from application code {@code Class.forName(
 * "org.apache.cassandra.cql3.functions.types.TupleValue")} fails.
 */
final class UdfApi {

  /** Where the sources are, as resources of this class's loader. */
  static final String ROOT = "dev/ringlet/internal/exec/udf/api/";

  static final String FUNCTIONS = "org.apache.cassandra.cql3.functions";
  static final String TYPES = FUNCTIONS + ".types";
  static final String EXCEPTIONS = TYPES + ".exceptions";
  static final String EXCEPTIONS_500 = "org.apache.cassandra.exceptions";
  /** 5.0's template imports it for every body. */
  static final String PROTOCOL_VERSION = "org.apache.cassandra.transport.ProtocolVersion";
  /** Guava's package, of which 5.0 lets bodies see {@code TypeToken} only. */
  static final String REFLECT = "com.google.common.reflect";

  /**
   * Server types that exception classes bodies may name mention in their signatures: compiled with
   * them as empty placeholders, hidden from bodies as 5.0's allowed patterns hide them.
   */
  private static final List<String> SERVER_TYPES = List.of("org.apache.cassandra.db.WriteType",
      "org.apache.cassandra.db.ReadCommand", "org.apache.cassandra.locator.InetAddressAndPort",
      "org.apache.cassandra.utils.MD5Digest", "org.apache.cassandra.schema.TableMetadata",
      "org.apache.cassandra.schema.TableId", "org.apache.cassandra.repair.RepairJobDesc",
      "org.apache.cassandra.streaming.PreviewKind");

  /** Binary names of every class in the sources. */
  static final List<String> CLASSES = Stream.concat(List.of(
      FUNCTIONS + ".UDFContext", FUNCTIONS + ".UDFContextImpl",
      TYPES + ".AbstractData", TYPES + ".CodecRegistry", TYPES + ".CodecUtils", TYPES + ".DataType",
      TYPES + ".Duration", TYPES + ".GettableByIndexData", TYPES + ".GettableByNameData", TYPES + ".GettableData",
      TYPES + ".JavaTypes", TYPES + ".LocalDate", TYPES + ".Metadata", TYPES + ".ParseUtils",
      TYPES + ".SettableByIndexData", TYPES + ".SettableByNameData", TYPES + ".SettableData", TYPES + ".TupleType",
      TYPES + ".TupleValue", TYPES + ".TypeCodec", TYPES + ".TypeTokens", TYPES + ".UDTValue",
      TYPES + ".UdfValueBridge", TYPES + ".UserType", TYPES + ".ValueBytes", TYPES + ".VectorCodec",
      TYPES + ".VectorType", TYPES + ".utils.Bytes", EXCEPTIONS + ".CodecNotFoundException",
      EXCEPTIONS + ".DriverException", EXCEPTIONS + ".InvalidTypeException", PROTOCOL_VERSION,
      REFLECT + ".TypeToken", REFLECT + ".TypeCapture", REFLECT + ".RingletTypes",
      EXCEPTIONS_500 + ".ExceptionCode", EXCEPTIONS_500 + ".TransportException", EXCEPTIONS_500 + ".CassandraException",
      EXCEPTIONS_500 + ".RequestValidationException", EXCEPTIONS_500 + ".RequestExecutionException",
      EXCEPTIONS_500 + ".InvalidRequestException", EXCEPTIONS_500 + ".SyntaxException",
      EXCEPTIONS_500 + ".ConfigurationException", EXCEPTIONS_500 + ".UnauthorizedException",
      EXCEPTIONS_500 + ".AuthenticationException", EXCEPTIONS_500 + ".AlreadyExistsException",
      EXCEPTIONS_500 + ".OverloadedException", EXCEPTIONS_500 + ".TruncateException",
      EXCEPTIONS_500 + ".IsBootstrappingException", EXCEPTIONS_500 + ".FunctionExecutionException",
      EXCEPTIONS_500 + ".OperationExecutionException", EXCEPTIONS_500 + ".RequestTimeoutException",
      EXCEPTIONS_500 + ".ReadTimeoutException", "org.apache.cassandra.db.ConsistencyLevel",
      TYPES + ".DataTypeClassNameParser", EXCEPTIONS + ".DriverInternalError",
      FUNCTIONS + ".JavaUDF", FUNCTIONS + ".Arguments", FUNCTIONS + ".UDFDataType", FUNCTIONS + ".UDFDataTypeCodec",
      FUNCTIONS + ".ArgumentDeserializer", "org.apache.cassandra.db.marshal.AbstractType",
      "org.apache.cassandra.transport.ProtocolException", FUNCTIONS + ".FunctionName", FUNCTIONS + ".Function",
      FUNCTIONS + ".ArgumentDeserializer", "org.apache.cassandra.db.marshal.AbstractType",
      FUNCTIONS + ".UDFDataTypeCodec",
      EXCEPTIONS_500 + ".CDCWriteException", EXCEPTIONS_500 + ".ChecksumMismatchException",
      EXCEPTIONS_500 + ".IncompatibleSchemaException", EXCEPTIONS_500 + ".UnknownColumnException",
      EXCEPTIONS_500 + ".UnknownTableException", EXCEPTIONS_500 + ".UnknownIndexException",
      EXCEPTIONS_500 + ".OversizedCQLMessageException", EXCEPTIONS_500 + ".StartupException",
      EXCEPTIONS_500 + ".UnaccessibleFieldException", EXCEPTIONS_500 + ".UnrecoverableIllegalStateException",
      EXCEPTIONS_500 + ".RepairException", EXCEPTIONS_500 + ".RequestFailureReason",
      EXCEPTIONS_500 + ".RequestFailureException", EXCEPTIONS_500 + ".ReadFailureException",
      EXCEPTIONS_500 + ".ReadAbortException", EXCEPTIONS_500 + ".ReadSizeAbortException",
      EXCEPTIONS_500 + ".TombstoneAbortException", EXCEPTIONS_500 + ".QueryReferencesTooManyIndexesAbortException",
      EXCEPTIONS_500 + ".WriteFailureException", EXCEPTIONS_500 + ".WriteTimeoutException",
      EXCEPTIONS_500 + ".CasWriteTimeoutException", EXCEPTIONS_500 + ".CasWriteUnknownResultException",
      EXCEPTIONS_500 + ".UnavailableException", EXCEPTIONS_500 + ".PreparedQueryNotFoundException",
      EXCEPTIONS_500 + ".QueryCancelledException").stream(), SERVER_TYPES.stream()).toList();

  /**
   * The classes bodies may not name (outer names): Ringlet's plumbing, and Guava's {@code
   * TypeCapture}, hidden as in 5.0 (which allows only {@code TypeToken} of Guava), so that ECJ
   * refuses what needs TypeToken's hierarchy with 5.0's "The type com.google.common.reflect.TypeCapture
   * cannot be resolved".
   */
  static final Set<String> HIDDEN = Stream.concat(SERVER_TYPES.stream(), Stream.of(
      FUNCTIONS + ".UDFContextImpl", TYPES + ".JavaTypes",
      TYPES + ".UdfValueBridge", TYPES + ".ValueBytes", REFLECT + ".TypeCapture", REFLECT + ".RingletTypes",
      // hidden by 5.0's allowed patterns: bodies see them only as names in signatures they cannot call
      "org.apache.cassandra.transport.ProtocolException", FUNCTIONS + ".FunctionName", FUNCTIONS + ".Function",
      FUNCTIONS + ".ArgumentDeserializer", "org.apache.cassandra.db.marshal.AbstractType",
      "org.apache.cassandra.db.ConsistencyLevel", FUNCTIONS + ".UDFDataTypeCodec"))
      .collect(Collectors.toUnmodifiableSet());

  static final String BRIDGE = TYPES + ".UdfValueBridge";
  static final String CONTEXT = FUNCTIONS + ".UDFContextImpl";
  static final String DATA_TYPE = TYPES + ".DataType";
  static final String TYPE_CODEC = TYPES + ".TypeCodec";

  private UdfApi() {}

  /**
   * Whether a function needs these classes: its types include a {@code date}, {@code duration},
   * tuple or user type, or its body names them or {@code udfContext}. Other functions are compiled
   * without them (and without {@code udfContext}), so that they do not pay for compiling them.
   */
  static boolean needed(dev.ringlet.internal.schema.UserFunction function) {
    String body = function.body();
    if (body.contains("udfContext") || body.contains("TupleValue") || body.contains("UDTValue")
        || body.contains("org.apache.cassandra") || body.contains("ProtocolVersion") || body.contains(REFLECT)
        || needsJavaUdf(function)) {
      return true;
    }
    if (needed(function.returnType())) {
      return true;
    }
    for (CqlType t : function.argumentTypes()) {
      if (needed(t)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a body may see that its class extends {@code JavaUDF} (5.0's template): it names {@code
   * JavaUDF}'s members or its imported {@code Arguments} and {@code UDFDataType}, or asks for its
   * superclass. Only these bodies are compiled as a {@code JavaUDF} subclass (with 5.0's {@code
   * executeImpl}); the others get a plain class with the same {@code udfContext}, which ECJ
   * compiles faster.
   */
  static boolean needsJavaUdf(dev.ringlet.internal.schema.UserFunction function) {
    String body = function.body();
    return body.contains("decompose") || body.contains("JavaUDF") || body.contains("Arguments")
        || body.contains("UDFDataType") || body.contains("returnType") || body.contains("execute")
        || body.contains("getSuperclass");
  }

  private static boolean needed(CqlType type) {
    if (type == NativeType.DATE || type == NativeType.DURATION || type instanceof TupleType
        || type instanceof UserType) {
      return true;
    }
    if (type instanceof ListType l) {
      return needed(l.element());
    }
    if (type instanceof SetType s) {
      return needed(s.element());
    }
    if (type instanceof MapType m) {
      return needed(m.key()) || needed(m.value());
    }
    return type instanceof VectorType v && needed(v.element());
  }

  /** Whether {@code binaryName} is named like one of these classes (Cassandra's or Guava's reflection package). */
  static boolean ownsName(String binaryName) {
    return binaryName.startsWith("org.apache.cassandra.") || binaryName.startsWith(REFLECT + ".");
  }

  /** Whether {@code outerName} is one of these classes, one a body may use. */
  static boolean offered(String outerName) {
    return CLASSES.contains(outerName) && !HIDDEN.contains(outerName);
  }

  static boolean defines(String binaryName) {
    int dollar = binaryName.indexOf('$');
    return CLASSES.contains(dollar >= 0 ? binaryName.substring(0, dollar) : binaryName);
  }

  /** The source text of one of {@link #CLASSES}. */
  static String source(String className) {
    String path = ROOT + className.replace('.', '/') + ".java";
    try (InputStream in = UdfApi.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
