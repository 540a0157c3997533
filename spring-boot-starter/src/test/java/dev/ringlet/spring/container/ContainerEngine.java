package dev.ringlet.spring.container;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.utility.DockerImageName;

/**
 * What these tests need from the machine: a container engine and the image the testcontainers
 * module built. A condition, so it decides before any container starts and before Spring's extension
 * reads the {@code @ServiceConnection} fields (which asks the engine for the image): without an
 * engine the tests are disabled with the reason, unless {@code RINGLET_CONTAINERS=required} (CI),
 * where they fail.
 */
final class ContainerEngine implements ExecutionCondition {

  /** The image under test; the build passes the tag the testcontainers module just built. */
  static DockerImageName image() {
    return DockerImageName.parse(System.getProperty("ringlet.image", "ringlet:0.1.0-SNAPSHOT"));
  }

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    String imageContext = System.getProperty("ringlet.image.context");
    if (imageContext != null && Files.exists(Path.of(imageContext, "NO_ENGINE"))) {
      return ConditionEvaluationResult.disabled("no container builder on this machine: the Ringlet image was not built "
          + "(see the testcontainers module's build warning; CI runs these tests with RINGLET_CONTAINERS=required)");
    }
    if (!DockerClientFactory.instance().isDockerAvailable()) {
      String advice = "No container engine answers (DOCKER_HOST=" + System.getenv("DOCKER_HOST") + "). "
          + "Set up rootful podman as CI does: `bash .ci/podman-testcontainers.sh setup` then "
          + "`eval \"$(bash .ci/podman-testcontainers.sh env)\"`; or build without the container tests: "
          + "./mvnw verify -Dringlet.containers.skip=true";
      if ("required".equals(System.getenv("RINGLET_CONTAINERS"))) {
        throw new AssertionError(advice);
      }
      return ConditionEvaluationResult.disabled(advice);
    }
    return ConditionEvaluationResult.enabled("a container engine answers");
  }
}
