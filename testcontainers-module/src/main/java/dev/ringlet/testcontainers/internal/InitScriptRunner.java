package dev.ringlet.testcontainers.internal;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.CqlSessionBuilder;
import com.datastax.oss.driver.api.core.DriverException;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import dev.ringlet.testcontainers.InitScriptException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;

/**
 * Runs an init script through the CQL port with the user's driver, statement by statement, the way
 * a client would (no shell, no cqlsh in the container). Loaded only when a script is set, so the
 * driver stays optional for everyone else.
 */
final class InitScriptRunner {

  private InitScriptRunner() {}

  static void run(String name, String script, InetSocketAddress contactPoint, String localDatacenter, String username,
      String password, SSLContext sslContext) {
    List<CqlScript.Statement> statements;
    try {
      statements = CqlScript.split(script);
    } catch (IllegalArgumentException e) {
      throw new InitScriptException("init script " + name + ": " + e.getMessage(), e);
    }
    // A short-lived session that only sends statements: no schema metadata to re-read after each
    // DDL statement, short agreement polling and debounce windows, and a close that does not wait
    // for Netty's default two-second quiet period.
    DriverConfigLoader config = DriverConfigLoader.programmaticBuilder()
        .withBoolean(DefaultDriverOption.METADATA_SCHEMA_ENABLED, false)
        .withBoolean(DefaultDriverOption.REQUEST_WARN_IF_SET_KEYSPACE, false)
        .withDuration(DefaultDriverOption.METADATA_SCHEMA_WINDOW, Duration.ofMillis(1))
        .withDuration(DefaultDriverOption.METADATA_TOPOLOGY_WINDOW, Duration.ofMillis(1))
        .withDuration(DefaultDriverOption.CONTROL_CONNECTION_AGREEMENT_INTERVAL, Duration.ofMillis(10))
        .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(30))
        .withString(DefaultDriverOption.NETTY_IO_SHUTDOWN_UNIT, "MILLISECONDS")
        .withInt(DefaultDriverOption.NETTY_IO_SHUTDOWN_QUIET_PERIOD, 0)
        .withInt(DefaultDriverOption.NETTY_IO_SHUTDOWN_TIMEOUT, 1000)
        .withString(DefaultDriverOption.NETTY_ADMIN_SHUTDOWN_UNIT, "MILLISECONDS")
        .withInt(DefaultDriverOption.NETTY_ADMIN_SHUTDOWN_QUIET_PERIOD, 0)
        .withInt(DefaultDriverOption.NETTY_ADMIN_SHUTDOWN_TIMEOUT, 1000)
        .build();
    CqlSessionBuilder builder = CqlSession.builder()
        .addContactPoint(contactPoint)
        .withLocalDatacenter(localDatacenter)
        .withConfigLoader(config);
    if (username != null) {
      builder.withAuthCredentials(username, password);
    }
    if (sslContext != null) {
      builder.withSslContext(sslContext);
    }
    try (CqlSession session = builder.build()) {
      for (CqlScript.Statement statement : statements) {
        try {
          session.execute(statement.cql());
        } catch (DriverException e) {
          throw new InitScriptException("init script " + name + ", statement at line " + statement.line() + " failed: "
              + e.getClass().getSimpleName() + ": " + e.getMessage() + "\n  statement: " + statement.cql(), e);
        }
      }
    }
  }
}
