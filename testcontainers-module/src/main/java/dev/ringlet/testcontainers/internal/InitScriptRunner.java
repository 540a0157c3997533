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

/**
 * Runs an init script through the CQL port with the user's driver, statement by statement, the way
 * a client would (no shell, no cqlsh in the container). Loaded only when a script is set, so the
 * driver stays optional for everyone else.
 */
final class InitScriptRunner {

  private InitScriptRunner() {}

  static void run(String name, String script, InetSocketAddress contactPoint, String localDatacenter) {
    List<CqlScript.Statement> statements = CqlScript.split(script);
    DriverConfigLoader config = DriverConfigLoader.programmaticBuilder()
        // A node's DDL is applied when it answers; the driver need not wait for schema agreement.
        .withDuration(DefaultDriverOption.CONTROL_CONNECTION_AGREEMENT_TIMEOUT, Duration.ZERO)
        .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(30))
        .build();
    CqlSessionBuilder builder = CqlSession.builder()
        .addContactPoint(contactPoint)
        .withLocalDatacenter(localDatacenter)
        .withConfigLoader(config);
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
