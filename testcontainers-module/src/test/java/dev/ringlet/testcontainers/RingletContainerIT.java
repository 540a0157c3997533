package dev.ringlet.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.auth.AuthenticationException;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;
import dev.ringlet.testcontainers.internal.CqlProbe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.ContainerLaunchException;

/** One Ringlet container, for real, in the machine's container engine. */
class RingletContainerIT {

  @BeforeAll
  static void engine() {
    ContainerEngine.require();
  }

  private static CqlSession session(RingletContainer node) {
    return CqlSession.builder()
        .addContactPoint(node.getContactPoint())
        .withLocalDatacenter(node.getLocalDatacenter())
        .build();
  }

  @Test
  void should_serve_a_driver_with_the_topology_its_environment_and_arguments_name() {
    try (RingletContainer node = new RingletContainer(ContainerEngine.image())
        .withClusterName("shop cluster")
        .withDatacenter("east")
        .withRack("from-environment")
        .withReleaseVersion("5.0.4")
        // arguments reach the server after the flags mapped from the environment, and win
        .withCommand("--rack", "r2")) {
      long started = System.nanoTime();
      node.start();
      // A figure for the module README, not an assertion: start() from creating the container to CQL proven ready.
      System.out.println("RingletContainer.start() took " + (System.nanoTime() - started) / 1_000_000 + " ms");
      assertThat(node.getLogs()).contains("Ringlet ready: ").contains("(cluster \"shop cluster\", datacenter east)");
      try (CqlSession session = session(node)) {
        Row local = session.execute("SELECT cluster_name, data_center, rack, tokens, release_version FROM system.local").one();
        assertThat(local.getString("cluster_name")).isEqualTo("shop cluster");
        assertThat(local.getString("data_center")).isEqualTo("east");
        assertThat(local.getString("rack")).isEqualTo("r2");
        assertThat(local.getSet("tokens", String.class)).hasSize(16);
        assertThat(local.getString("release_version")).isEqualTo("5.0.4");

        session.execute("CREATE KEYSPACE k WITH replication = {'class': 'NetworkTopologyStrategy', 'east': 1}");
        session.execute("CREATE TABLE k.t (id int PRIMARY KEY, v text)");
        session.execute("INSERT INTO k.t (id, v) VALUES (1, 'one')");
        assertThat(session.execute("SELECT v FROM k.t WHERE id = 1").one().getString(0)).isEqualTo("one");
        assertThat(session.getMetadata().getNodes()).hasSize(1);
      }
    }
  }

  @Test
  void should_run_the_init_script_through_the_cql_port_before_start_returns() {
    try (RingletContainer node = new RingletContainer(ContainerEngine.image()).withInitScript("init/shop.cql")) {
      node.start();
      try (CqlSession session = session(node)) {
        List<Row> rows = session.execute("SELECT item, quantity FROM shop.carts WHERE cart_id = 1").all();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).getString("item")).isEqualTo("tea; green");
        assertThat(rows.get(0).getInt("quantity")).isEqualTo(2);
      }
    }
  }

  @Test
  void should_fail_start_with_the_statement_and_the_node_error_when_the_init_script_is_refused() {
    try (RingletContainer node = new RingletContainer(ContainerEngine.image()).withInitScript("init/broken.cql")) {
      Throwable failure = catchStart(node);
      assertThat(failure).isInstanceOf(ContainerLaunchException.class)
          .rootCause()
          .isInstanceOf(InvalidQueryException.class)
          .hasMessage("Undefined column name nope in table broken.t");
      Throwable initError = findInitScriptException(failure);
      assertThat(initError).hasMessageContaining("init script init/broken.cql, statement at line 3 failed: "
          + "InvalidQueryException: Undefined column name nope in table broken.t")
          .hasMessageContaining("statement: INSERT INTO broken.t (id, nope) VALUES (1, 'x')");
    }
  }

  @Test
  void should_fail_fast_with_the_container_output_when_the_node_refuses_its_configuration() {
    try (RingletContainer node = new RingletContainer(ContainerEngine.image()).withReleaseVersion("five")) {
      assertThatThrownBy(node::start)
          .isInstanceOf(ContainerLaunchException.class)
          .satisfies(e -> assertThat(messages(e))
              .contains("the container stopped before CQL was ready")
              .contains("ringlet: releaseVersion: five (expected: a version like 5.0.9)"));
    }
  }

  @Test
  void should_answer_the_protocol_exchange_as_soon_as_start_returns() throws Exception {
    try (RingletContainer node = new RingletContainer(ContainerEngine.image())) {
      node.start();
      try (CqlProbe probe = CqlProbe.connect(node.getHost(), node.getMappedPort(9042), Duration.ofSeconds(5))) {
        probe.startup();
        assertThat(probe.query("SELECT release_version FROM system.local")).hasSize(1);
      }
    }
  }

  @Test
  void should_make_clients_log_in_with_authentication_and_run_the_init_script_as_the_superuser() {
    try (RingletContainer node = new RingletContainer(ContainerEngine.image())
        .withAuthentication().withInitScript("init/shop.cql").withNumTokens(4)) {
      node.start();
      assertThat(node.getUsername()).isEqualTo("cassandra");
      try (CqlSession session = CqlSession.builder()
          .addContactPoint(node.getContactPoint())
          .withLocalDatacenter(node.getLocalDatacenter())
          .withAuthCredentials(node.getUsername(), node.getPassword())
          .build()) {
        assertThat(session.execute("SELECT quantity FROM shop.carts WHERE cart_id = 1").one().getInt(0)).isEqualTo(2);
        assertThat(session.execute("LIST ROLES").all()).extracting(r -> r.getString("role")).contains("cassandra");
        assertThat(session.execute("SELECT tokens FROM system.local").one().getSet(0, String.class)).hasSize(4);
      }
      assertThatThrownBy(() -> session(node))
          .isInstanceOfSatisfying(AllNodesFailedException.class, e -> assertThat(e.getAllErrors().values())
              .flatMap(errors -> errors).first().isInstanceOf(AuthenticationException.class)
              .extracting(Throwable::getMessage).asString().contains("requires authentication"));
      assertThatThrownBy(() -> CqlSession.builder()
          .addContactPoint(node.getContactPoint())
          .withLocalDatacenter(node.getLocalDatacenter())
          .withAuthCredentials(node.getUsername(), "wrong")
          .build())
          .isInstanceOf(AllNodesFailedException.class)
          .hasMessageContaining("Provided username cassandra and/or password are incorrect");
    }
  }

  @Test
  void should_pass_user_defined_functions_to_the_server_only_when_asked() {
    String create = "CREATE FUNCTION k.twice (x int) RETURNS NULL ON NULL INPUT RETURNS int LANGUAGE java AS 'return x * 2;'";
    String keyspace = "CREATE KEYSPACE k WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}";
    try (RingletContainer node = new RingletContainer(ContainerEngine.image())) {
      node.start();
      try (CqlSession session = session(node)) {
        session.execute(keyspace);
        assertThatThrownBy(() -> session.execute(create)).isInstanceOf(InvalidQueryException.class)
            .hasMessageContaining("user_defined_functions_enabled");
      }
    }
    try (RingletContainer node = new RingletContainer(ContainerEngine.image()).withUserDefinedFunctions()) {
      node.start();
      try (CqlSession session = session(node)) {
        session.execute(keyspace);
        // The flag reached the server, and the JRE image compiles the body (with the engine's own compiler).
        session.execute(create);
        assertThat(session.execute("SELECT k.twice(21) FROM system.local").one().getInt(0)).isEqualTo(42);
      }
    }
  }

  @Test
  void should_apply_the_user_defined_function_fail_timeout_and_policy_it_was_given() {
    try (RingletContainer node = new RingletContainer(ContainerEngine.image()).withUserDefinedFunctions()
        .withUserDefinedFunctionTimeouts(java.time.Duration.ofMillis(100), java.time.Duration.ofMillis(200))
        .withUserFunctionTimeoutPolicy("ignore")) {
      node.start();
      try (CqlSession session = session(node)) {
        session.execute("CREATE KEYSPACE k WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
        session.execute("CREATE FUNCTION k.spin(x int) RETURNS NULL ON NULL INPUT RETURNS int LANGUAGE java AS "
            + "'int n = 0; while (n >= 0) { n = (n + x) % 1000; } return n;'");
        // 200 ms and no "- will stop Cassandra VM" suffix: both settings reached the server.
        assertThatThrownBy(() -> session.execute("SELECT k.spin(1) FROM system.local"))
            .isInstanceOf(com.datastax.oss.driver.api.core.servererrors.FunctionFailureException.class)
            .hasMessageEndingWith("java.util.concurrent.TimeoutException: User defined function k.spin : (int) -> int"
                + " ran longer than 200ms");
      }
    }
  }

  @Test
  void should_apply_the_tombstone_thresholds_it_was_given() {
    try (RingletContainer node = new RingletContainer(ContainerEngine.image()).withTombstoneThresholds(2, 5)) {
      node.start();
      try (CqlSession session = session(node)) {
        session.execute("CREATE KEYSPACE k WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
        session.execute("CREATE TABLE k.t (k int, c int, s set<int>, PRIMARY KEY (k, c))");
        session.execute("UPDATE k.t SET s = s - {1, 2, 3} WHERE k = 1 AND c = 1");
        session.execute("UPDATE k.t SET s = s - {1, 2, 3, 4, 5, 6} WHERE k = 2 AND c = 1");

        assertThat(session.execute("SELECT * FROM k.t WHERE k = 1").getExecutionInfo().getWarnings())
            .singleElement().asString().startsWith("Read 0 live rows and 3 tombstone cells for query SELECT * FROM k.t");
        assertThatThrownBy(() -> session.execute("SELECT * FROM k.t WHERE k = 2"))
            .isInstanceOf(com.datastax.oss.driver.api.core.servererrors.ReadFailureException.class);
      }
    }
  }

  @Test
  void should_allow_materialized_views_only_when_asked() {
    String keyspace = "CREATE KEYSPACE k WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}";
    String table = "CREATE TABLE k.users (id int PRIMARY KEY, email text)";
    String view = "CREATE MATERIALIZED VIEW k.by_email AS SELECT * FROM k.users WHERE email IS NOT NULL AND id IS NOT NULL"
        + " PRIMARY KEY (email, id)";
    try (RingletContainer node = new RingletContainer(ContainerEngine.image())) {
      node.start();
      try (CqlSession session = session(node)) {
        session.execute(keyspace);
        session.execute(table);
        assertThatThrownBy(() -> session.execute(view)).isInstanceOf(InvalidQueryException.class)
            .hasMessageContaining("Materialized views are disabled");
      }
    }
    try (RingletContainer node = new RingletContainer(ContainerEngine.image()).withMaterializedViews()) {
      node.start();
      try (CqlSession session = session(node)) {
        session.execute(keyspace);
        session.execute(table);
        session.execute(view);
        session.execute("INSERT INTO k.users (id, email) VALUES (1, 'ada@example.com')");
        assertThat(session.execute("SELECT id FROM k.by_email WHERE email = 'ada@example.com'").one().getInt(0))
            .isEqualTo(1);
      }
    }
  }

  @Test
  void should_serve_cql_only_over_tls_with_the_given_keystore(@TempDir Path dir) throws Exception {
    Path keystore = keytool(dir.resolve("node.p12"), "changeit");
    try (RingletContainer node = new RingletContainer(ContainerEngine.image())
        .withClientEncryption(keystore, "changeit")
        .withInitScript("init/shop.cql")) {
      node.start();
      assertThat(node.isClientEncryptionEnabled()).isTrue();
      try (CqlSession session = CqlSession.builder()
          .addContactPoint(node.getContactPoint())
          .withLocalDatacenter(node.getLocalDatacenter())
          .withSslContext(node.getSslContext())
          .build()) {
        // the init script ran over TLS too
        assertThat(session.execute("SELECT quantity FROM shop.carts WHERE cart_id = 1").one().getInt(0)).isEqualTo(2);
      }
      // a plain client is not served
      assertThatThrownBy(() -> {
        try (CqlProbe probe = CqlProbe.connect(node.getHost(), node.getMappedPort(RingletContainer.CQL_PORT),
            Duration.ofSeconds(2))) {
          probe.options();
        }
      }).isInstanceOf(IOException.class);
    }
  }

  /** A PKCS12 keystore with one self-signed key and certificate, made by the JDK's keytool. */
  private static Path keytool(Path file, String password) throws IOException, InterruptedException {
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    Process p = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "node", "-keyalg", "RSA", "-keysize",
        "2048", "-validity", "2", "-dname", "CN=ringlet", "-storetype", "PKCS12", "-keystore", file.toString(),
        "-storepass", password, "-keypass", password, "-noprompt").redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException("keytool failed: " + output);
    }
    return file;
  }

  @Test
  void should_keep_data_in_the_mounted_directory_across_a_killed_container(@TempDir Path parent) throws IOException {
    Path data = Files.createDirectory(parent.resolve("ringlet-data"));
    // the container's user is uid 999; the test runs as whoever runs the build
    Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxrwxrwx"));
    String tableId;
    String hostId;
    try (RingletContainer node = new RingletContainer(ContainerEngine.image()).withDataDirectory(data)) {
      node.start();
      try (CqlSession session = session(node)) {
        session.execute("CREATE KEYSPACE k WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
        session.execute("CREATE TABLE k.t (id int PRIMARY KEY, v text)");
        for (int i = 0; i < 100; i++) {
          session.execute("INSERT INTO k.t (id, v) VALUES (" + i + ", 'v" + i + "')");
        }
        session.execute("DELETE FROM k.t WHERE id = 7");
        tableId = session.execute("SELECT id FROM system_schema.tables WHERE keyspace_name = 'k' AND table_name = 't'")
            .one().getUuid(0).toString();
        hostId = session.execute("SELECT host_id FROM system.local").one().getUuid(0).toString();
      }
      // Testcontainers stops a container by killing it: nothing is flushed on the way out
      node.stop();
    }
    assertThat(data).isNotEmptyDirectory();
    try (RingletContainer node = new RingletContainer(ContainerEngine.image()).withDataDirectory(data)) {
      node.start();
      try (CqlSession session = session(node)) {
        assertThat(session.execute("SELECT count(*) FROM k.t").one().getLong(0)).isEqualTo(99L);
        assertThat(session.execute("SELECT v FROM k.t WHERE id = 42").one().getString(0)).isEqualTo("v42");
        assertThat(session.execute("SELECT v FROM k.t WHERE id = 7").one()).isNull();
        assertThat(session.getMetadata().getKeyspace("k").flatMap(k -> k.getTable("t"))).isPresent();
        // the same node (the new container has another address) and the same table
        assertThat(session.execute("SELECT host_id FROM system.local").one().getUuid(0)).hasToString(hostId);
        assertThat(session.execute("SELECT id FROM system_schema.tables WHERE keyspace_name = 'k' AND table_name = 't'")
            .one().getUuid(0)).hasToString(tableId);
      }
    }
  }

  @Test
  void should_stop_at_start_naming_the_directory_when_the_node_cannot_write_there(@TempDir Path parent)
      throws IOException {
    Path data = Files.createDirectory(parent.resolve("read-only"));
    Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("r-xr-xr-x"));
    try (RingletContainer node = new RingletContainer(ContainerEngine.image()).withDataDirectory(data)) {
      assertThatThrownBy(node::start)
          .isInstanceOf(ContainerLaunchException.class)
          .satisfies(e -> assertThat(messages(e))
              .contains("the container stopped before CQL was ready")
              .contains(RingletContainer.DATA_DIRECTORY));
    }
  }

  private static Throwable catchStart(RingletContainer node) {
    try {
      node.start();
    } catch (RuntimeException e) {
      return e;
    }
    throw new AssertionError("start() succeeded with a broken init script");
  }

  private static Throwable findInitScriptException(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof InitScriptException) {
        return t;
      }
    }
    throw new AssertionError("no InitScriptException in the causes of " + e, e);
  }

  private static String messages(Throwable e) {
    StringBuilder all = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      all.append(t.getMessage()).append('\n');
    }
    return all.toString();
  }
}
