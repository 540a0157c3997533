package dev.ringlet.testcontainers.internal;

import dev.ringlet.testcontainers.InitScriptException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLContext;

/**
 * Loads an init script from the classpath and runs it with the driver, with clear errors when the
 * script or the driver is missing.
 */
public final class InitScripts {

  private static final String DRIVER_CLASS = "com.datastax.oss.driver.api.core.CqlSession";

  private InitScripts() {}

  /**
   * Runs the classpath resource {@code resource} against the node, logged in as {@code username}
   * unless it is null (a node without authentication).
   *
   * @throws InitScriptException when the resource or the driver is missing, or a statement fails
   */
  public static void run(String resource, InetSocketAddress contactPoint, String localDatacenter, String username,
      String password) {
    run(resource, contactPoint, localDatacenter, username, password, null);
  }

  /** As {@link #run(String, InetSocketAddress, String, String, String)}, over TLS with {@code sslContext} unless null. */
  public static void run(String resource, InetSocketAddress contactPoint, String localDatacenter, String username,
      String password, SSLContext sslContext) {
    String script = load(resource);
    ClassLoader loader = InitScripts.class.getClassLoader();
    try {
      Class.forName(DRIVER_CLASS, false, loader);
    } catch (ClassNotFoundException e) {
      throw new InitScriptException("init script " + resource + ": it is run through the CQL port with the Cassandra"
          + " Java driver, which is not on the classpath (add org.apache.cassandra:java-driver-core 4.18+ or"
          + " com.datastax.oss:java-driver-core 4.14+ to your test dependencies)", e);
    }
    InitScriptRunner.run(resource, script, contactPoint, localDatacenter, username, password, sslContext);
  }

  static String load(String resource) {
    String path = resource.startsWith("/") ? resource.substring(1) : resource;
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader == null) {
      loader = InitScripts.class.getClassLoader();
    }
    try (InputStream in = loader.getResourceAsStream(path)) {
      if (in == null) {
        throw new InitScriptException("init script " + resource + ": no such classpath resource", null);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("init script " + resource + ": could not be read", e);
    }
  }
}
