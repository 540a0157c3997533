package dev.ringlet.spring.internal;

import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.DatacenterSpec;
import dev.ringlet.spring.RingletProperties;
import java.util.List;

/** The {@link ClusterSpec} the {@code ringlet.*} properties describe: a pure function, validated here once. */
public final class ClusterSpecs {

  private ClusterSpecs() {}

  /**
   * @throws IllegalArgumentException naming the property when a value is out of range or the
   *     storage settings contradict each other
   */
  public static ClusterSpec from(RingletProperties properties) {
    ClusterSpec spec = ClusterSpec.defaults()
        .withClusterName(properties.getClusterName())
        .withReleaseVersion(properties.getReleaseVersion())
        .withNumTokens(properties.getNumTokens())
        .withDatacenters(datacenters(properties))
        .withAuthentication(properties.isAuthentication())
        .withUserDefinedFunctions(properties.isUserDefinedFunctions())
        .withMaterializedViews(properties.isMaterializedViews())
        .withDynamicDataMasking(properties.isDynamicDataMasking())
        .withClientEncryption(properties.isTls() ? dev.ringlet.api.ClientEncryption.selfSigned() : null);
    return withStorage(withTombstoneThresholds(withFunctionTimeouts(spec, properties), properties), properties.getStorage());
  }

  private static ClusterSpec withTombstoneThresholds(ClusterSpec spec, RingletProperties properties) {
    int warn = properties.getTombstoneWarnThreshold();
    int failure = properties.getTombstoneFailureThreshold();
    if (warn < 1 || failure < 1) {
      throw new IllegalArgumentException("ringlet.tombstone-warn-threshold: " + warn
          + ", ringlet.tombstone-failure-threshold: " + failure + " (expected: positive)");
    }
    return spec.withTombstoneThresholds(warn, failure);
  }

  private static ClusterSpec withFunctionTimeouts(ClusterSpec spec, RingletProperties properties) {
    java.time.Duration warn = properties.getUserDefinedFunctionWarnTimeout();
    java.time.Duration fail = properties.getUserDefinedFunctionFailTimeout();
    if (warn == null || fail == null || warn.isNegative() || fail.isNegative() || fail.isZero() || warn.compareTo(fail) > 0) {
      throw new IllegalArgumentException("ringlet.user-defined-function-warn-timeout: " + warn
          + ", ringlet.user-defined-function-fail-timeout: " + fail + " (expected: 0 <= warn <= fail, fail positive)");
    }
    if (properties.getUserFunctionTimeoutPolicy() == null) {
      throw new IllegalArgumentException("ringlet.user-function-timeout-policy: missing (expected: DIE, DIE_IMMEDIATE or IGNORE)");
    }
    return spec.withUserDefinedFunctionTimeouts(warn, fail)
        .withUserFunctionTimeoutPolicy(properties.getUserFunctionTimeoutPolicy());
  }

  private static List<DatacenterSpec> datacenters(RingletProperties properties) {
    if (properties.getDatacenters().isEmpty()) {
      return List.of(DatacenterSpec.of(properties.getDatacenter(), properties.getNodes(), properties.getRacks()));
    }
    return properties.getDatacenters().stream().map(ClusterSpecs::datacenter).toList();
  }

  private static DatacenterSpec datacenter(RingletProperties.Datacenter dc) {
    if (dc.getName() == null) {
      throw new IllegalArgumentException("ringlet.datacenters[].name: missing (expected: a name for every datacenter)");
    }
    return DatacenterSpec.of(dc.getName(), dc.getNodes(), dc.getRacks());
  }

  private static ClusterSpec withStorage(ClusterSpec spec, RingletProperties.Storage storage) {
    if (storage.getMode() == RingletProperties.StorageMode.MEMORY) {
      if (storage.getDataDirectory() != null) {
        throw new IllegalArgumentException("ringlet.storage.data-directory: " + storage.getDataDirectory()
            + " with ringlet.storage.mode=MEMORY (expected: mode DIRECTORY to keep data on disk, or no data directory)");
      }
      return spec;
    }
    if (storage.getDataDirectory() == null) {
      throw new IllegalArgumentException("ringlet.storage.data-directory: missing with ringlet.storage.mode=DIRECTORY"
          + " (expected: the directory the nodes keep their data in)");
    }
    return spec.withDataDirectory(storage.getDataDirectory()).withCommitLogSync(storage.getCommitLogSync());
  }
}
