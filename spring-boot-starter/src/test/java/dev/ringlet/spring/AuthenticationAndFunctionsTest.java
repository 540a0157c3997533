package dev.ringlet.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.auth.AuthenticationException;
import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;
import com.datastax.oss.driver.api.core.servererrors.UnauthorizedException;
import dev.ringlet.api.RingletCluster;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.cassandra.autoconfigure.CassandraAutoConfiguration;
import org.springframework.boot.cassandra.autoconfigure.CassandraConnectionDetails;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * {@code ringlet.authentication} and {@code ringlet.user-defined-functions} on a real cluster,
 * through Spring Boot's own session: who logs in, with which credentials, and what wins.
 */
class AuthenticationAndFunctionsTest {

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(RingletAutoConfiguration.class, CassandraAutoConfiguration.class))
      .withPropertyValues("ringlet.enabled=true");

  @Test
  void should_log_spring_boots_session_in_as_the_superuser_by_default() {
    runner.withPropertyValues("ringlet.authentication=true", "ringlet.cluster-name=auth",
        "spring.cassandra.keyspace-name=shop").run(context -> {
          CassandraConnectionDetails details = context.getBean(CassandraConnectionDetails.class);
          assertThat(details.getUsername()).isEqualTo("cassandra");
          assertThat(details.getPassword()).isEqualTo("cassandra");

          CqlSession session = context.getBean(CqlSession.class);
          // the keyspace was created by the starter's own set-up session, which logged in too
          assertThat(session.getKeyspace()).hasValueSatisfying(k -> assertThat(k.asInternal()).isEqualTo("shop"));
          assertThat(session.execute("LIST ROLES").all()).extracting(r -> r.getString("role")).contains("cassandra");

          // the cluster really asks: a session without credentials is turned away
          RingletCluster cluster = context.getBean(RingletCluster.class);
          assertThatThrownBy(() -> CqlSession.builder().addContactPoints(cluster.contactPoints())
              .withLocalDatacenter(cluster.localDatacenter()).build())
              .isInstanceOfSatisfying(AllNodesFailedException.class, e -> assertThat(e.getAllErrors().values())
                  .flatMap(errors -> errors).first().isInstanceOf(AuthenticationException.class)
                  .extracting(Throwable::getMessage).asString().contains("requires authentication"));
        });
  }

  @Test
  void should_not_override_a_wrong_spring_cassandra_password() {
    runner.withPropertyValues("ringlet.authentication=true", "ringlet.cluster-name=auth",
        "spring.cassandra.password=not-the-password").run(context -> {
          CassandraConnectionDetails details = context.getBean(CassandraConnectionDetails.class);
          assertThat(details.getUsername()).isEqualTo("cassandra");
          assertThat(details.getPassword()).isEqualTo("not-the-password");
          assertThatThrownBy(() -> context.getBean(CqlSession.class))
              .hasStackTraceContaining("Provided username cassandra and/or password are incorrect");
        });
  }

  @Test
  void should_log_in_as_the_applications_own_role_created_by_a_schema_script() {
    runner.withPropertyValues("ringlet.authentication=true", "ringlet.cluster-name=app-role",
        "spring.cassandra.keyspace-name=secured", "ringlet.schema.locations=classpath:cql/app-role.cql",
        "spring.cassandra.username=shop_app", "spring.cassandra.password=shop-secret").run(context -> {
          CqlSession session = context.getBean(CqlSession.class);
          session.execute("INSERT INTO items (id, name) VALUES (1, 'bolt')");
          assertThat(session.execute("SELECT name FROM items WHERE id = 1").one().getString("name")).isEqualTo("bolt");
          // it is shop_app, not the superuser: no schema changes
          assertThatThrownBy(() -> session.execute("CREATE TABLE other (k int PRIMARY KEY)"))
              .isInstanceOf(UnauthorizedException.class)
              .hasMessageContaining("shop_app has no CREATE permission");
        });
  }

  @Test
  void should_give_no_credentials_without_authentication_even_when_spring_has_some() {
    runner.withPropertyValues("spring.cassandra.username=app", "spring.cassandra.password=secret").run(context -> {
      CassandraConnectionDetails details = context.getBean(CassandraConnectionDetails.class);
      assertThat(details.getUsername()).isNull();
      assertThat(details.getPassword()).isNull();
      assertThat(context.getBean(CqlSession.class).execute("SELECT release_version FROM system.local").one()).isNotNull();
    });
  }

  @Test
  void should_allow_user_defined_functions_only_when_enabled() {
    String create = "CREATE FUNCTION fns.twice (x int) RETURNS NULL ON NULL INPUT RETURNS int LANGUAGE java AS 'return x * 2;'";
    runner.withPropertyValues("ringlet.user-defined-functions=true", "ringlet.cluster-name=udf",
        "spring.cassandra.keyspace-name=fns").run(context -> {
          CqlSession session = context.getBean(CqlSession.class);
          session.execute(create);
          session.execute("CREATE TABLE numbers (k int PRIMARY KEY, v int)");
          session.execute("INSERT INTO numbers (k, v) VALUES (1, 21)");
          assertThat(session.execute("SELECT twice(v) AS t FROM numbers WHERE k = 1").one().getInt("t")).isEqualTo(42);
        });
    runner.withPropertyValues("ringlet.cluster-name=no-udf", "spring.cassandra.keyspace-name=fns").run(context ->
        assertThatThrownBy(() -> context.getBean(CqlSession.class).execute(create))
            .isInstanceOf(InvalidQueryException.class)
            .hasMessageContaining("user_defined_functions_enabled"));
  }

  @Test
  void should_apply_the_user_defined_function_fail_timeout_and_policy_properties() {
    runner.withPropertyValues("ringlet.user-defined-functions=true", "ringlet.cluster-name=udf-timeouts",
        "ringlet.user-defined-function-warn-timeout=0ms", "ringlet.user-defined-function-fail-timeout=200ms",
        "ringlet.user-function-timeout-policy=ignore", "spring.cassandra.keyspace-name=spin").run(context -> {
          CqlSession session = context.getBean(CqlSession.class);
          session.execute(com.datastax.oss.driver.api.core.cql.SimpleStatement.newInstance(
              "CREATE FUNCTION spin (x int) RETURNS NULL ON NULL INPUT RETURNS int LANGUAGE java AS"
                  + " 'int n = 0; while (n >= 0) { n = (n + x) % 1000; } return n;'")
              .setTimeout(java.time.Duration.ofSeconds(30)));
          assertThatThrownBy(() -> session.execute("SELECT spin.spin(1) FROM system.local"))
              .isInstanceOf(com.datastax.oss.driver.api.core.servererrors.FunctionFailureException.class)
              .hasMessageEndingWith("java.util.concurrent.TimeoutException: User defined function spin.spin : (int) -> int"
                  + " ran longer than 200ms");
        });
  }
}
