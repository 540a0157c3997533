package dev.ringlet.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.PropertyMapping;

/**
 * Runs the test class against a Ringlet cluster: sets {@code ringlet.enabled=true} and imports
 * {@link RingletAutoConfiguration}, so it composes with slices that import only their own
 * auto-configurations ({@code @DataCassandraTest}) as well as with {@code @SpringBootTest}.
 *
 * <pre>{@code
 * @DataCassandraTest(properties = "spring.cassandra.keyspace-name=shop")
 * @AutoConfigureRinglet
 * class OrderRepositoryTest { ... }
 * }</pre>
 *
 * The other {@code ringlet.*} properties apply as usual (test properties, {@code application.properties}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ImportAutoConfiguration(RingletAutoConfiguration.class)
@PropertyMapping("ringlet")
public @interface AutoConfigureRinglet {

  /** Whether to start a cluster; {@code false} turns Ringlet off for this class. Maps to {@code ringlet.enabled}. */
  boolean enabled() default true;
}
