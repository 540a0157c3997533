package dev.ringlet.junit.internal;

import dev.ringlet.api.ClientEncryption;
import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.DatacenterSpec;
import java.nio.file.Path;
import java.time.Duration;
import dev.ringlet.junit.CassandraCluster;
import dev.ringlet.junit.Datacenter;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Reads {@link CassandraCluster} into {@link ClusterSettings}: from the test class, directly or
 * through a meta-annotation or a superclass, else from the classes enclosing a {@code @Nested} one.
 */
public final class SettingsReader {

  /** Settings and the class that declared them (which owns a cluster that is not shared). */
  public record Declared(ClusterSettings settings, Class<?> owner) {}

  private SettingsReader() {}

  /** The settings for the test class; the defaults when no class in its chain is annotated. */
  public static Declared read(Class<?> testClass) {
    for (Class<?> c = testClass; c != null; c = enclosingOfInner(c)) {
      Optional<CassandraCluster> annotation = AnnotationSupport.findAnnotation(c, CassandraCluster.class);
      if (annotation.isPresent()) {
        return new Declared(toSettings(annotation.get()), c);
      }
    }
    return new Declared(ClusterSettings.of(ClusterSpec.defaults()), testClass);
  }

  private static Class<?> enclosingOfInner(Class<?> c) {
    return c.isMemberClass() && !Modifier.isStatic(c.getModifiers()) ? c.getEnclosingClass() : null;
  }

  /** @throws IllegalArgumentException naming the element whose value is invalid */
  public static ClusterSettings toSettings(CassandraCluster annotation) {
    if (annotation.datacenters().length > 0 && annotation.nodes() != 1) {
      throw new IllegalArgumentException("@CassandraCluster(nodes = " + annotation.nodes()
          + ", datacenters = ...) (expected: nodes per datacenter in @Datacenter(nodes = ...), not both)");
    }
    List<DatacenterSpec> datacenters = annotation.datacenters().length == 0
        ? List.of(DatacenterSpec.of(annotation.datacenter(), annotation.nodes()))
        : Arrays.stream(annotation.datacenters()).map(SettingsReader::toSpec).toList();
    String directory = annotation.dataDirectory();
    boolean temporary = directory.equals(CassandraCluster.TEMPORARY_DIRECTORY);
    ClusterSpec spec = ClusterSpec.defaults()
        .withClusterName(annotation.name())
        .withDatacenters(datacenters)
        .withNumTokens(annotation.numTokens())
        .withReleaseVersion(annotation.releaseVersion())
        .withDataDirectory(directory.isEmpty() || temporary ? null : Path.of(directory))
        .withCommitLogSync(annotation.commitLogSync())
        .withAuthentication(annotation.authentication())
        .withUserDefinedFunctions(annotation.userDefinedFunctions())
        .withMaterializedViews(annotation.materializedViews())
        .withDynamicDataMasking(annotation.dynamicDataMasking())
        .withManualClock(annotation.manualClock())
        .withClientEncryption(annotation.tls() ? ClientEncryption.selfSigned() : null);
    spec = withTombstoneThresholds(withFunctionTimeouts(spec, annotation), annotation);
    return new ClusterSettings(spec, temporary, annotation.keyspace(), List.of(annotation.schema()),
        annotation.isolation(), annotation.shared(), new SessionOptions(annotation.protocolVersion(), annotation.compression()));
  }

  private static ClusterSpec withFunctionTimeouts(ClusterSpec spec, CassandraCluster annotation) {
    long warn = annotation.userDefinedFunctionWarnTimeoutMillis();
    long fail = annotation.userDefinedFunctionFailTimeoutMillis();
    if (warn < 0 || fail <= 0 || warn > fail) {
      throw new IllegalArgumentException("@CassandraCluster(userDefinedFunctionWarnTimeoutMillis = " + warn
          + ", userDefinedFunctionFailTimeoutMillis = " + fail + ") (expected: 0 <= warn <= fail, fail positive)");
    }
    return spec.withUserDefinedFunctionTimeouts(Duration.ofMillis(warn), Duration.ofMillis(fail))
        .withUserFunctionTimeoutPolicy(annotation.userFunctionTimeoutPolicy());
  }

  private static ClusterSpec withTombstoneThresholds(ClusterSpec spec, CassandraCluster annotation) {
    int warn = annotation.tombstoneWarnThreshold();
    int failure = annotation.tombstoneFailureThreshold();
    if (warn < 1 || failure < 1) {
      throw new IllegalArgumentException("@CassandraCluster(tombstoneWarnThreshold = " + warn
          + ", tombstoneFailureThreshold = " + failure + ") (expected: positive)");
    }
    return spec.withTombstoneThresholds(warn, failure);
  }

  private static DatacenterSpec toSpec(Datacenter dc) {
    DatacenterSpec spec = dc.rackNames().length > 0
        ? new DatacenterSpec(dc.name(), dc.nodes(), List.of(dc.rackNames()))
        : DatacenterSpec.of(dc.name(), dc.nodes(), dc.racks());
    if (dc.tokens().length > dc.nodes()) {
      throw new IllegalArgumentException("@Datacenter(name = \"" + dc.name() + "\", tokens = ...): " + dc.tokens().length
          + " entries for " + dc.nodes() + " node(s) (expected: at most one comma-separated list per node)");
    }
    for (int i = 0; i < dc.tokens().length; i++) {
      if (!dc.tokens()[i].isBlank()) {
        spec = spec.withTokens(i, dc.tokens()[i].split(","));
      }
    }
    return spec;
  }
}
