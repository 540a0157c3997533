package dev.ringlet.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;
import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.Ringlet;
import dev.ringlet.api.RingletCluster;
import java.time.Duration;
import java.util.ServiceLoader;
import javax.tools.JavaCompiler;
import org.junit.jupiter.api.Test;

/**
 * The Eclipse compiler that compiles Java UDF bodies lives inside the engine artifact, relocated:
 * the application's class path gains no {@code org.eclipse} class and no {@code javax.tools}
 * compiler, and the relocated compiler still finds its message bundles (its errors are worded).
 */
class EmbeddedCompilerHygieneTest {

  @Test
  void should_add_no_eclipse_class_and_no_java_compiler_service_to_the_application() {
    assertThatThrownBy(() -> Class.forName("org.eclipse.jdt.internal.compiler.Compiler"))
        .isInstanceOf(ClassNotFoundException.class);
    assertThatThrownBy(() -> Class.forName("org.eclipse.jdt.core.compiler.IProblem"))
        .isInstanceOf(ClassNotFoundException.class);
    for (JavaCompiler compiler : ServiceLoader.load(JavaCompiler.class)) {
      assertThat(compiler.getClass().getName()).doesNotStartWith("dev.ringlet");
    }
  }

  @Test
  void should_compile_udf_bodies_with_the_relocated_compiler_and_its_messages() throws ClassNotFoundException {
    Class<?> relocated = Class.forName("dev.ringlet.shaded.ecj.org.eclipse.jdt.internal.compiler.Compiler");
    assertThat(relocated.getProtectionDomain().getCodeSource().getLocation().toString()).contains("ringlet");
    try (RingletCluster cluster = Ringlet.start(ClusterSpec.defaults().withUserDefinedFunctions(true));
        CqlSession session = CqlSession.builder().addContactPoints(cluster.contactPoints())
            .withLocalDatacenter(cluster.localDatacenter())
            // a first compilation loads the compiler: seconds on a loaded machine
            .withConfigLoader(DriverConfigLoader.programmaticBuilder()
                .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(30)).build())
            .build()) {
      session.execute("CREATE KEYSPACE k WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
      session.execute("CREATE FUNCTION k.twice(x int) RETURNS NULL ON NULL INPUT RETURNS int LANGUAGE java"
          + " AS 'return x * 2;'");
      assertThat(session.execute("SELECT k.twice(21) FROM system.local").one().getInt(0)).isEqualTo(42);
      assertThatThrownBy(() -> session.execute("CREATE FUNCTION k.bad(x int) RETURNS NULL ON NULL INPUT"
          + " RETURNS int LANGUAGE java AS 'return \"a\";'"))
          .isInstanceOf(InvalidQueryException.class)
          .hasMessage("Java source compilation failed:\nLine 1: Type mismatch: cannot convert from String to int\n");
    }
  }
}
