package dev.ringlet.internal.exec.udf;

import java.util.List;

/**
 * What a Java function body may see: Cassandra 5.0's rule for the resources its UDF class loader
 * and its compiler's name environment hand out. A class file is visible when its path starts with
 * one of {@link #ALLOWED} and with none of {@link #DENIED}; anything else is simply not found, so
 * naming it fails compilation with ECJ's "X cannot be resolved to a type" and loading it at run
 * time fails with {@code ClassNotFoundException}.
 *
 * <p>Paths are resource names ({@code java/util/List.class}); an entry ending in {@code /} is a
 * package prefix, one ending in {@code .class} a single class. Cassandra's own classes among the
 * allowed ones that Ringlet offers (the {@code org/apache/cassandra/cql3/functions/types/} value
 * and codec classes, {@code UDFContext}, {@code JavaUDF}, {@code Arguments}, {@code UDFDataType},
 * {@code ProtocolVersion}, most of {@code org/apache/cassandra/exceptions/} and Guava's {@code
 * TypeToken}) come from {@link UdfApi}; the rest of that exceptions package does not exist here.
 */
final class UdfSandbox {

  /** 5.0's {@code UDFunction.allowedPatterns}. */
  static final List<String> ALLOWED = List.of(
      "com/google/common/reflect/TypeToken",
      "java/io/IOException.class",
      "java/io/Serializable.class",
      "java/lang/",
      "java/math/",
      "java/net/InetAddress.class",
      "java/net/Inet4Address.class",
      "java/net/Inet6Address.class",
      "java/net/UnknownHostException.class",
      "java/net/NetworkInterface.class",
      "java/net/SocketException.class",
      "java/nio/Buffer.class",
      "java/nio/ByteBuffer.class",
      "java/text/",
      "java/time/",
      "java/util/",
      "org/apache/cassandra/cql3/functions/types/",
      "org/apache/cassandra/cql3/functions/Arguments.class",
      "org/apache/cassandra/cql3/functions/UDFDataType.class",
      "org/apache/cassandra/cql3/functions/JavaUDF.class",
      "org/apache/cassandra/cql3/functions/UDFContext.class",
      "org/apache/cassandra/exceptions/",
      "org/apache/cassandra/transport/ProtocolVersion.class");

  /** 5.0's {@code UDFunction.disallowedPatterns}. */
  static final List<String> DENIED = List.of(
      "com/datastax/driver/core/Cluster.class",
      "com/datastax/driver/core/Metrics.class",
      "com/datastax/driver/core/NettyOptions.class",
      "com/datastax/driver/core/Session.class",
      "com/datastax/driver/core/Statement.class",
      "com/datastax/driver/core/TimestampGenerator.class",
      "java/lang/Compiler.class",
      "java/lang/InheritableThreadLocal.class",
      "java/lang/Package.class",
      "java/lang/Process.class",
      "java/lang/ProcessBuilder.class",
      "java/lang/ProcessEnvironment.class",
      "java/lang/ProcessImpl.class",
      "java/lang/Runnable.class",
      "java/lang/Runtime.class",
      "java/lang/Shutdown.class",
      "java/lang/Thread.class",
      "java/lang/ThreadGroup.class",
      "java/lang/ThreadLocal.class",
      "java/lang/instrument/",
      "java/lang/invoke/",
      "java/lang/management/",
      "java/lang/ref/",
      "java/lang/reflect/",
      "java/util/ServiceLoader.class",
      "java/util/Timer.class",
      "java/util/concurrent/",
      "java/util/function/",
      "java/util/jar/",
      "java/util/logging/",
      "java/util/prefs/",
      "java/util/spi/",
      "java/util/stream/",
      "java/util/zip/");

  private UdfSandbox() {}

  /** Whether the resource {@code path} ({@code a/b/C.class}, or a package's {@code a/b}) is visible. */
  static boolean allows(String path) {
    String p = path.startsWith("/") ? path.substring(1) : path;
    boolean allowed = false;
    for (String prefix : ALLOWED) {
      if (p.startsWith(prefix)) {
        allowed = true;
        break;
      }
    }
    if (!allowed) {
      return false;
    }
    for (String prefix : DENIED) {
      if (p.startsWith(prefix)) {
        return false;
      }
    }
    return true;
  }

  /** Whether the class {@code binaryName} ({@code a.b.C}, {@code a.b.C$D}) is visible. */
  static boolean allowsClass(String binaryName) {
    return allows(binaryName.replace('.', '/') + ".class");
  }
}
