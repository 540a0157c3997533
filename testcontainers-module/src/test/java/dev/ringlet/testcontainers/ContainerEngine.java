package dev.ringlet.testcontainers;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.utility.DockerImageName;

/** What the container tests need from the machine: a container engine and the image the build made. */
final class ContainerEngine {

  private ContainerEngine() {}

  /** The image under test; the build passes the tag it just built. */
  static DockerImageName image() {
    return DockerImageName.parse(System.getProperty("ringlet.image", "ringlet:0.1.0-SNAPSHOT"));
  }

  /**
   * Skips the container tests when the build found no container builder (it printed a warning and
   * left a marker; only when {@code RINGLET_CONTAINERS} is not {@code required}, as it is in CI), and
   * fails with what to do when a builder exists but no engine answers.
   */
  static void require() {
    String context = System.getProperty("ringlet.image.context");
    if (context != null && java.nio.file.Files.exists(java.nio.file.Path.of(context, "NO_ENGINE"))) {
      org.junit.jupiter.api.Assumptions.abort("no container builder on this machine: the image was not built "
          + "(see the build's warning; CI runs these tests with RINGLET_CONTAINERS=required)");
    }
    if (!DockerClientFactory.instance().isDockerAvailable()) {
      throw new AssertionError("No container engine answers (DOCKER_HOST=" + System.getenv("DOCKER_HOST") + "). "
          + "Set up rootful podman as CI does: `bash .ci/podman-testcontainers.sh setup` then "
          + "`eval \"$(bash .ci/podman-testcontainers.sh env)\"`; or build without the container tests: "
          + "./mvnw verify -Dringlet.containers.skip=true");
    }
  }
}
