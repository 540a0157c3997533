package dev.ringlet.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The metadata an IDE completes {@code ringlet.*} from: every property, each with a description. */
class ConfigurationMetadataTest {

  @Test
  void should_describe_every_property() throws IOException {
    String json;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("META-INF/spring-configuration-metadata.json")) {
      json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    List<Map<String, Object>> properties = JsonPath.read(json, "$.properties[*]");

    assertThat(properties).extracting(p -> p.get("name")).containsExactlyInAnyOrder(
        "ringlet.enabled", "ringlet.cluster-name", "ringlet.release-version", "ringlet.num-tokens",
        "ringlet.datacenter", "ringlet.nodes", "ringlet.racks", "ringlet.datacenters",
        "ringlet.authentication", "ringlet.user-defined-functions", "ringlet.materialized-views",
        "ringlet.user-defined-function-warn-timeout", "ringlet.user-defined-function-fail-timeout",
        "ringlet.user-function-timeout-policy", "ringlet.tombstone-warn-threshold", "ringlet.tombstone-failure-threshold",
        "ringlet.dynamic-data-masking", "ringlet.tls",
        "ringlet.storage.mode", "ringlet.storage.data-directory", "ringlet.storage.commit-log-sync",
        "ringlet.keyspace.create", "ringlet.keyspace.replication-factor", "ringlet.schema.locations",
        "ringlet.reset.mode", "ringlet.reset.keyspaces", "ringlet.driver.tune", "ringlet.driver.debounce-window",
        "ringlet.driver.schema-agreement-interval", "ringlet.driver.shutdown-quiet-period");
    assertThat(properties).allSatisfy(p -> assertThat((String) p.get("description")).isNotBlank());
    assertThat(JsonPath.<List<String>>read(json, "$.hints[*].name")).contains("ringlet.schema.locations");
  }
}
